import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineMaps
import GeoModel
import MapRender

struct MapCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "map",
        abstract: "Draw a map (SVG, or PNG/PDF by the extension of -o): control on a date, the changes between two dates, of the dataset or a snapshot archive, or of snapshot files.",
        discussion: """
            frontline map --date 2020-10-27 -o map.svg
            frontline map --from 2020-09-27 --to 2020-12-01 -o changes.svg
            frontline map SNAPSHOT.geojson [--side-property NAME]
            frontline map A.geojson B.geojson -o changes.png
            frontline map --snapshots DIR --from 2024-09-25 --to 2024-10-02 -o week.svg
            """)

    @Argument(help: "One snapshot GeoJSON file to map, or two to map the change between them.")
    var files: [String] = []

    @Option(help: "Map the control state on this date, YYYY-MM-DD.")
    var date: String?

    @Option(help: "With --to: map the changes from this date, YYYY-MM-DD.")
    var from: String?

    @Option(help: "With --from: map the changes up to this date, YYYY-MM-DD.")
    var to: String?

    @Option(help: "Page width in px.")
    var width: Double = 1200

    @Option(help: "Page height in px.")
    var height: Double = 900

    @Option(help: ArgumentHelp("The lon/lat window W,S,E,N (default: the dataset's window, or the data's extent).", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(help: ArgumentHelp("Projection: laea (equal-area, default), stere (conformal), or a PROJ/EPSG CRS; centred on the window.", valueName: "CRS"))
    var crs: String?

    @Option(help: "The map title (default: generated from the dates).")
    var title: String?

    @Option(help: "Decimal places of SVG coordinates.")
    var precision: Int = 1

    @Option(help: ArgumentHelp("A credit line for the data source (the DeepState profile fills in DeepStateMap.Live).", valueName: "TEXT"))
    var credit: String?

    @Option(help: ArgumentHelp("Change maps: auto (zoom to the changes when they are small), data, changes, or W,S,E,N.", valueName: "MODE"))
    var window: String = "auto"

    @Flag(help: "Leave incidents off the map.")
    var noIncidents = false

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        let modes = [date != nil, from != nil || to != nil, !files.isEmpty].filter { $0 }.count
        guard modes == 1 else { throw ValidationError("give --date D, or --from D1 --to D2 (with --snapshots SOURCE for an archive), or one or two snapshot files") }
        if from != nil || to != nil { guard from != nil, to != nil else { throw ValidationError("--from and --to go together") } }
        guard files.count <= 2 else { throw ValidationError("give one snapshot file, or two to map the change (got \(files.count))") }
        guard (480...20_000).contains(width), (360...20_000).contains(height) else { throw ValidationError("--width must be 480–20000 and --height 360–20000 px") }
        guard (0...4).contains(precision) else { throw ValidationError("--precision must be between 0 and 4") }
        if let bbox {
            do { _ = try MapOptions.parseBBox(bbox) } catch { throw ValidationError(error.description) }
        }
    }

    func run() throws {
        let ext = (out.output.map { ($0 as NSString).pathExtension.lowercased() }) ?? "svg"
        guard ["svg", "png", "pdf", ""].contains(ext) else {
            throw FrontlineError.badArgument("map writes .svg, .png or .pdf, not .\(ext) (\(out.output ?? ""))")
        }
        try out.preflight(inputs: files)
        var options = MapOptions(width: width, height: height, window: try bbox.map(MapOptions.parseBBox), crs: crs, title: title,
                                 precision: precision)
        options.credit = credit
        if ["auto", "data", "changes"].contains(window) { options.windowMode = window }
        else if options.window == nil { options.window = try MapOptions.parseBBox(window) }
        let spec: MapSpec
        if overlay.usesSnapshots(), files.isEmpty {
            let context = try dataOptions.context()
            let day = try date.map { try parseDay($0, flag: "--date") }
            let archive = try overlay.snapshotSource(date: day)
            if let day {
                let asOf = try archive.state(on: day)
                if let n = asOf.note { note(n) }
                let a = try archive.snapshot(on: day)
                announce(a, profileGiven: overlay.profile != nil || overlay.sides != nil)
                spec = try SnapshotMap.spec(a, context: context, options: options)
            } else {
                let d1 = try parseDay(from!, flag: "--from"), d2 = try parseDay(to!, flag: "--to")
                guard d1 < d2 else { throw FrontlineError.badArgument("--from \(d1) must be before --to \(d2)") }
                let a = try archive.snapshot(on: d1), b = try archive.snapshot(on: d2)
                announce(a, profileGiven: overlay.profile != nil || overlay.sides != nil)
                announce(b, profileGiven: true)
                let (diff, sides) = try ControlDiff.between(a, b, options: overlay.diff)
                spec = try SnapshotMap.changeSpec(a, b, diff: diff, sides: sides, context: context, options: options)
            }
        } else if let date {
            let day = try parseDay(date, flag: "--date")
            let dataset = try dataOptions.load()
            let incidents = noIncidents ? [] : try MapIncident.load(dataset: dataset)
            spec = try StateMap.spec(dataset: dataset, history: try dataset.timeline.history(), date: day, incidents: incidents, options: options)
        } else if let from, let to {
            let d1 = try parseDay(from, flag: "--from"), d2 = try parseDay(to, flag: "--to")
            guard d1 < d2 else { throw FrontlineError.badArgument("--from \(d1) must be before --to \(d2)") }
            let dataset = try dataOptions.load()
            spec = try ChangeMap.spec(dataset: dataset, history: try dataset.timeline.history(), from: d1, to: d2, options: options)
        } else {
            // The bundled dataset only lends its base map where it overlaps; a missing dataset is no error here.
            let context = try dataOptions.context()
            let a = try Snapshot.load(files[0], options: try overlay.snapshotOptions())
            for w in a.warnings { warn(w) }
            if files.count == 1 {
                spec = try SnapshotMap.spec(a, context: context, options: options)
            } else {
                let b = try Snapshot.load(files[1], options: try overlay.snapshotOptions())
                for w in b.warnings { warn(w) }
                let (diff, sides) = try ControlDiff.between(a, b, options: overlay.diff)
                spec = try SnapshotMap.changeSpec(a, b, diff: diff, sides: sides, context: context, options: options)
            }
        }
        let svg = try MapMaker.svg(spec, options: options)
        if ext == "png" || ext == "pdf" {
            try out.emit(try Raster.convert(svg: svg, to: ext), inputs: files)
        } else {
            try out.emit(svg, inputs: files)
        }
    }
}
