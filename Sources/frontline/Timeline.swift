import ArgumentParser
import FrontlineKit

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Area per side at every date of a source, and the km² gained/lost since the previous one.",
        discussion: """
            With no inputs: every change date of the dataset. With snapshot files, folders or globs (or --snapshots): \
            each dated snapshot (dates from file names …YYYYMMDD…/…YYYY-MM-DD…/epoch ids, a wrapper's datetime, or a date property).
            frontline timeline
            frontline timeline ../shared/data/deepstate-ua
            """)

    @Argument(help: "Snapshot files, folders or globs (default: the dataset).")
    var inputs: [String] = []

    @Option(help: "Output format: csv, json or table.")
    var format: Format = .csv

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.csv, .json, .table], command: "timeline")
    }

    func run() throws {
        try out.preflight(inputs: inputs)
        let rows: [TimelineRow]
        var inputPaths: [String] = []
        if overlay.usesSnapshots(files: inputs) {
            let archive = try overlay.archive(files: inputs)
            inputPaths = archive.entries.map(\.path)
            rows = try SnapshotTimeline.rows(archive, indexes: Array(archive.entries.indices), diffOptions: overlay.diff)
            if let first = try? archive.snapshot(at: 0) { announce(first, profileGiven: overlay.profile != nil || overlay.sides != nil, warnings: false) }
            for w in rows.flatMap(\.warnings) { warn(w) }
        } else {
            rows = try SnapshotTimeline.rows(try DatasetSource(dataset: try dataOptions.load()))
        }
        switch format {
        case .json: try out.emit(SnapshotTimeline.json(rows).jsonText + "\n", inputs: inputPaths)
        case .table:
            var t = Table(["date", "snapshot", "side", "km²", "gained km²", "lost km²", "net km²"], rightAligned: [3, 4, 5, 6])
            for r in rows {
                t.add([r.date.description, r.file, r.side, fmt(r.areaKm2, 1), r.gainedKm2.map { fmt($0, 1) } ?? "", r.lostKm2.map { fmt($0, 1) } ?? "", r.netKm2.map { fmt($0, 1) } ?? ""])
            }
            try out.emit(t.rendered, inputs: inputPaths)
        default: try out.emit(SnapshotTimeline.csv(rows), inputs: inputPaths)
        }
    }
}
