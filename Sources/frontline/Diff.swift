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

    @Argument(help: "Two snapshot GeoJSON files (instead of --from/--to).")
    var files: [String] = []

    @Option(help: "The first date, YYYY-MM-DD.")
    var from: String?

    @Option(help: "The second date, YYYY-MM-DD.")
    var to: String?

    @Option(help: "Output format: table, json, csv or geojson.")
    var format: Format = .table

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        if files.isEmpty {
            guard from != nil, to != nil else { throw ValidationError("give --from and --to dates, or two snapshot files") }
        } else {
            guard files.count == 2 else { throw ValidationError("give exactly two snapshot files (got \(files.count))") }
            guard from == nil, to == nil else { throw ValidationError("--from/--to are for the dataset; they cannot be combined with files") }
            guard dataOptions.data == nil else { throw ValidationError("--data cannot be combined with snapshot files") }
        }
    }

    func run() throws {
        try out.preflight(inputs: files)
        let diff: ControlDiff
        if files.isEmpty, let from, let to {
            let d1 = try parseDay(from, flag: "--from"), d2 = try parseDay(to, flag: "--to")
            guard d1 <= d2 else { throw FrontlineError.badArgument("--from \(d1) is after --to \(d2)") }
            let dataset = try dataOptions.load()
            let history = try dataset.timeline.history()
            diff = try ControlDiff.between(try history.state(on: d1), try history.state(on: d2), sides: dataset.timeline.sides,
                                           gazetteer: dataset.gazetteer, districts: dataset.districts)
        } else {
            let a = try Snapshot.load(files[0], options: overlay.snapshot)
            let b = try Snapshot.load(files[1], options: overlay.snapshot)
            for w in a.warnings + b.warnings { warn(w) }
            diff = try ControlDiff.between(a, b, options: overlay.diff).diff
            if diff.droppedSliverCount > 0 {
                warn("dropped \(diff.droppedSliverCount) sliver\(diff.droppedSliverCount == 1 ? "" : "s") of \(fmt(diff.droppedSliverKm2, 3)) km² in all (--sliver-width \(overlay.sliverWidth) m, --min-area \(overlay.minArea) km²)")
            }
        }
        switch format {
        case .json: try out.emit(diff.json.jsonText + "\n", inputs: files)
        case .csv: try out.emit(diff.csv, inputs: files)
        case .geojson: try out.emit(GeoJSONWriter(precision: 6).encode(diff.featureCollection), inputs: files)
        case .table:
            let header = files.isEmpty ? "control from \(diff.from?.description ?? "?") to \(diff.to?.description ?? "?")"
                                       : "\(files[0]) (\(diff.from.map { $0.ordinal == 0 ? "undated" : $0.description } ?? "")) → \(files[1]) (\(diff.to.map { $0.ordinal == 0 ? "undated" : $0.description } ?? ""))"
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
