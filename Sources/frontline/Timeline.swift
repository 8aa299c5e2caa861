import ArgumentParser
import FrontlineKit
import FrontlineStore
import GeoModel

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

    @Option(help: "Start at this date, YYYY-MM-DD (default: the source's first date).")
    var from: String?

    @Option(help: "End at this date, YYYY-MM-DD (default: the source's last date).")
    var to: String?

    @Option(help: ArgumentHelp("Resample to ticks: Nd, Nw or Nm (1d, 7d, 1m): each tick takes the latest state on or before it.", valueName: "STEP"))
    var every: String?

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.csv, .json, .table], command: "timeline")
    }

    func run() throws {
        let step = try every.map { (s: String) throws(FrontlineError) -> Every in try Every(s) }
        let d1 = try from.map { try parseDay($0, flag: "--from") }, d2 = try to.map { try parseDay($0, flag: "--to") }
        if let d1, let d2, d1 > d2 { throw FrontlineError.badArgument("--from \(d1) is after --to \(d2)") }
        try out.preflight(inputs: inputs)
        let source = try overlay.source(data: dataOptions, files: inputs)
        let dates = source.dates
        if let d1 { try source.checkDay(d1) }
        // A --to before the first date would print only a header.
        if let d2 { try source.checkDay(d2) }
        let lo = d1 ?? dates.first!, hi = d2 ?? dates.last!
        let inputPaths = (source as? SnapshotArchive)?.entries.map(\.path) ?? []
        let rows = try timelineRows(source, from: lo, to: hi, every: step, overlay: overlay)
        // Gaps against the archive's own cadence (the dataset's dates are events, not a cadence).
        let gaps = !(source is DatasetSource) ? dates.filter { $0 >= lo && $0 <= hi }.gaps : []
        let cadence = dates.cadenceDays
        for g in gaps { warn("gap in \(source.name): \(g.from) → \(g.to), \(g.days) days (cadence \(cadence ?? 0) days)") }
        switch format {
        case .json:
            var o = JSONObject()
            o["rows"] = SnapshotTimeline.json(rows)
            o["cadence_days"] = !(source is DatasetSource) ? cadence.map { .number(Double($0)) } ?? .null : .null
            o["gaps"] = .array(gaps.map { .object(JSONObject([("from", .string($0.from.description)), ("to", .string($0.to.description)), ("days", .number(Double($0.days)))])) })
            try out.emit(JSONValue.object(o).jsonText + "\n", inputs: inputPaths)
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

/// The timeline rows of any source between two days, with the archive's reading notes on stderr; shared by
/// `timeline` and `chart`.
func timelineRows(_ source: ControlSource, from lo: Day, to hi: Day, every step: Every?, overlay: OverlayOptions) throws -> [TimelineRow] {
    if let archive = source as? SnapshotArchive, let first = try? archive.snapshot(at: 0) {
        announce(first, profileGiven: overlay.profile != nil || overlay.sides != nil, warnings: false)
    }
    let rows = try source.timeline(from: lo, to: hi, every: step, options: overlay.diff)
    for w in rows.flatMap(\.warnings) { warn(w) }
    return rows
}
