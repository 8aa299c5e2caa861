import ArgumentParser
import ChartRender
import Foundation
import FrontlineKit
import FrontlineMaps
import GeoModel

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Chart area held per side over time, with the net change per period as bars (SVG, or PNG/PDF by the extension of -o).",
        discussion: """
            frontline chart -o karabakh.svg
            frontline chart ../shared/data/deepstate-ua -o ua.png
            frontline chart ../shared/data/deepstate-ua --every 1m --by region -o ua-oblasts.svg
            """)

    @Argument(help: "Snapshot files, folders or globs (default: the dataset).")
    var inputs: [String] = []

    @Option(help: "Start at this date, YYYY-MM-DD (default: the source's first date; for the dataset, 30 days before its first change).")
    var from: String?

    @Option(help: "End at this date, YYYY-MM-DD (default: the source's last date).")
    var to: String?

    @Option(help: ArgumentHelp("Resample to ticks: Nd, Nw or Nm (1d, 7d, 1m).", valueName: "STEP"))
    var every: String?

    @Option(help: "The chart title (default: generated).")
    var title: String?

    @Option(help: "Page width in px, 480–20000.")
    var width: Double = 1200

    @Option(help: "Page height in px, 320–20000.")
    var height: Double = 700

    @OptionGroup var geography: GeographyOptions
    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (480...20_000).contains(width), (320...20_000).contains(height) else { throw ValidationError("--width must be 480–20000 and --height 320–20000 px") }
    }

    func run() throws {
        let ext = (out.output.map { ($0 as NSString).pathExtension.lowercased() }) ?? "svg"
        guard ["svg", "png", "pdf", ""].contains(ext) else { throw FrontlineError.badArgument("chart writes .svg, .png or .pdf, not .\(ext)") }
        let step = try every.map { (s: String) throws(FrontlineError) -> Every in try Every(s) }
        try out.preflight(inputs: inputs)
        let source = try overlay.source(data: dataOptions, files: inputs)
        let dates = source.dates
        var lo = try from.map { try parseDay($0, flag: "--from") } ?? dates.first!
        if from == nil, let ds = source as? DatasetSource, let firstChange = ds.dataset.timeline.changes.first?.date { lo = firstChange.adding(days: -30) }
        let hi = try to.map { try parseDay($0, flag: "--to") } ?? dates.last!
        try source.checkDay(lo)
        guard lo < hi else { throw FrontlineError.badArgument("--from \(lo) must be before --to \(hi)") }
        let credit = (source as? SnapshotArchive).flatMap { a in (try? a.snapshot(at: 0))?.rules?.credit }
        let attribution = "Data: \(credit.map { "\($0), " } ?? "")\(source.name). Areas on the WGS84 ellipsoid. Made with frontline."
        let generated = source is DatasetSource ? "Area held, \(lo) – \(hi)" : "Area held per side, \(lo) – \(hi)"
        let spec: ChartSpec
        if geography.by != nil {
            spec = try regionChart(source, lo: lo, hi: hi, step: step ?? (try Every("1m")), title: title ?? "Area held by region, \(lo) – \(hi)", attribution: attribution)
        } else {
            let rows = try timelineRows(source, from: lo, to: hi, every: step, overlay: overlay)
            let annotations = (source as? DatasetSource).map(ChartMaker.annotations) ?? []
            spec = ChartMaker.spec(rows: rows, title: title ?? generated, subtitle: step.map { "every \($0); each tick the latest state on or before it" } ?? "at every date of the source",
                                   label: source.label(of:), annotations: annotations, attribution: attribution, width: width, height: height)
        }
        let svg = ChartRenderer.svg(spec)
        if ext == "png" || ext == "pdf" { try out.emit(try Raster.convert(svg: svg, to: ext), inputs: inputs) } else { try out.emit(svg, inputs: inputs) }
    }

    /// Small multiples: each region's km² per side at every tick.
    func regionChart(_ source: ControlSource, lo: Day, hi: Day, step: Every, title: String, attribution: String) throws -> ChartSpec {
        let ticks = step.ticks(from: lo, to: hi)
        let dates = source.dates
        var perRegion: [String: [TimelineRow]] = [:]
        var names: [String: String] = [:]
        var regions: [Region]?
        var seen: [Int: [RegionShare]] = [:]
        for t in ticks {
            guard let i = dates.lastIndex(where: { $0 <= t }) else { continue }
            let asOf = try source.state(on: t)
            if regions == nil {
                let box = asOf.sides.compactMap { asOf.state.areas[$0.id] }.compactMap { BoundingBox(geometry: $0) }.union()
                regions = try geography.regionList(source: source, window: box, data: dataOptions)
            }
            let shares = try seen[i] ?? RegionBreakdown.shares(asOf.state, sides: asOf.sides, regions: regions ?? [])
            seen[i] = shares
            for s in shares {
                names[s.regionID] = s.regionName
                perRegion[s.regionID, default: []].append(TimelineRow(date: t, file: "", side: s.side, areaKm2: s.areaKm2, gainedKm2: nil, lostKm2: nil, droppedSliverKm2: nil))
            }
        }
        // The theatre's regions only (others are the generalised world borders disagreeing with the source's),
        // those with most ground held first, at most 12 panels.
        var byCountry: [String: Double] = [:]
        for r in regions ?? [] { if let rows = perRegion[r.id], let last = rows.last { byCountry[r.country ?? "", default: 0] += last.areaKm2 } }
        if geography.regions == nil, let theatre = byCountry.max(by: { $0.value < $1.value })?.key {
            let keep = Set((regions ?? []).filter { ($0.country ?? "") == theatre }.map(\.id))
            perRegion = perRegion.filter { keep.contains($0.key) }
        }
        let ranked = perRegion.sorted { ($0.value.last?.areaKm2 ?? 0) > ($1.value.last?.areaKm2 ?? 0) }.prefix(12)
        return ChartMaker.regionSpec(panels: ranked.map { (names[$0.key] ?? $0.key, $0.value) }, title: title, subtitle: "km² held in each region, every \(step)",
                                     label: source.label(of:), attribution: attribution, width: width, height: max(height, 900))
    }
}
