import ArgumentParser
import FrontlineKit
import GeoModel

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed hands between two dates of the dataset, or between two snapshot files: km² per side, change polygons, settlements.",
        discussion: """
            frontline diff --from 2020-09-26 --to 2020-12-02
            frontline diff A.geojson B.geojson [--side-property NAME]
            """)

    @Argument(help: "Two snapshot files, any format (instead of --from/--to).")
    var files: [String] = []

    @Option(help: "The first date, YYYY-MM-DD.")
    var from: String?

    @Option(help: "The second date, YYYY-MM-DD.")
    var to: String?

    @Option(help: "Output format: table, json, csv or geojson (a GIS file by the extension of -o: .gpkg, .fgb, .kml, .kmz, .shp, .geojsonl).")
    var format: Format = .table

    @Option(help: ArgumentHelp("Write -o with this GDAL driver (GPKG, FlatGeobuf, KML, KMZ, ESRI Shapefile, CSV, GeoJSONSeq).", valueName: "NAME"))
    var driver: String?

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        if files.isEmpty {
            guard from != nil, to != nil else { throw ValidationError("give --from and --to dates (of the dataset or of --snapshots), or two snapshot files") }
        } else {
            guard overlay.snapshots.isEmpty else { throw ValidationError("give snapshot files or --snapshots, not both") }
            guard files.count == 2 else { throw ValidationError("give exactly two snapshot files (got \(files.count))") }
            guard from == nil, to == nil else { throw ValidationError("--from/--to are for the dataset; they cannot be combined with files") }
            guard dataOptions.data == nil else { throw ValidationError("--data cannot be combined with snapshot files") }
        }
    }

    func run() throws {
        let gis = try out.gisFormat(driver: driver)
        try out.preflight(inputs: files)
        let diff: ControlDiff
        var header = ""
        if files.isEmpty, let from, let to {
            let d1 = try parseDay(from, flag: "--from"), d2 = try parseDay(to, flag: "--to")
            guard d1 <= d2 else { throw FrontlineError.badArgument("--from \(d1) is after --to \(d2)") }
            let source = try overlay.source(data: dataOptions)
            let s1 = try source.state(on: d1), s2 = try source.state(on: d2)
            for n in [s1.note, s2.note].compactMap({ $0 }) { note(n) }
            diff = try source.diff(from: d1, to: d2, options: overlay.diff)
            if let a = source as? SnapshotArchive {
                for i in Set([try a.index(on: d1), try a.index(on: d2)]).sorted() { announce(try a.snapshot(at: i), profileGiven: overlay.profile != nil || overlay.sides != nil) }
                header = "control from \(d1) to \(d2): \(s1.description) → \(s2.description)"
                if s1.asOf == s2.asOf { note("--from and --to fall on the same snapshot (\(s1.asOf)): nothing can have changed between them") }
            } else {
                header = "control from \(d1) to \(d2)"
            }
        } else {
            let a = try Snapshot.load(files[0], options: overlay.snapshot)
            let b = try Snapshot.load(files[1], options: overlay.snapshot)
            announce(a, profileGiven: overlay.profile != nil || overlay.sides != nil)
            announce(b, profileGiven: true)
            diff = try ControlDiff.between(a, b, options: overlay.diff).diff
            if diff.droppedSliverCount > 0 {
                warn("dropped \(diff.droppedSliverCount) sliver\(diff.droppedSliverCount == 1 ? "" : "s") of \(fmt(diff.droppedSliverKm2, 3)) km² in all (--sliver-width \(overlay.sliverWidth) m, --min-area \(overlay.minArea) km²)")
            }
        }
        if let gis {
            try out.emitLayers(diff.featureCollection, kind: gis, precision: 6, inputs: files)
            return
        }
        switch format {
        case .json: try out.emit(diff.json.jsonText + "\n", inputs: files)
        case .csv: try out.emit(diff.csv, inputs: files)
        case .geojson: try out.emit(GeoJSONWriter(precision: 6).encode(diff.featureCollection), inputs: files)
        case .table:
            if files.isEmpty == false { header = "\(files[0]) (\(diff.from.map { $0.ordinal == 0 ? "undated" : $0.description } ?? "")) → \(files[1]) (\(diff.to.map { $0.ordinal == 0 ? "undated" : $0.description } ?? ""))" }
            var t = Table(["side", "km² at start", "km² at end", "gained km²", "lost km²", "net km²"], rightAligned: [1, 2, 3, 4, 5])
            for s in diff.sides {
                t.add([s.side, s.areaFromKm2.map { fmt($0) } ?? "—", s.areaToKm2.map { fmt($0) } ?? "—", fmt(s.gainedKm2), fmt(s.lostKm2), fmt(s.netKm2)])
            }
            var text = header + "\n\n" + t.rendered
            text += "\nchange polygons: \(diff.changes.count)\n"
            var c = Table(["from → to", "km²", "districts", "changes"], rightAligned: [1])
            for ch in diff.changes.prefix(40) {
                c.add(["\(ch.fromSide) → \(ch.toSide)", fmt(ch.areaKm2, 2), ch.districts.joined(separator: ", "), ch.sourceChanges.map(\.id).joined(separator: ", ")])
            }
            text += c.rendered
            if diff.changes.count > 40 { text += "… \(diff.changes.count - 40) more (use --format json/csv/geojson)\n" }
            if !diff.settlements.isEmpty {
                text += "\nsettlements that changed hands: \(diff.settlements.count)\n"
                var st = Table(["date", "place", "from → to", "status", "source"])
                for s in diff.settlements {
                    st.add([s.date?.description ?? "", s.place.name, "\(s.fromSide ?? "—") → \(s.toSide ?? "—")", s.status?.rawValue ?? "", s.sources.first?.citation ?? ""])
                }
                text += st.rendered
            }
            if diff.droppedSliverCount > 0 { text += "\nslivers dropped: \(diff.droppedSliverCount), \(fmt(diff.droppedSliverKm2, 3)) km²\n" }
            try out.emit(text, inputs: files)
        }
    }
}
