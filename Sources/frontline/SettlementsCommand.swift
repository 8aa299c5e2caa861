import ArgumentParser
import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import FrontlineMaps

struct SettlementsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settlements",
        abstract: "Per-settlement control over time: each settlement's side at every tick (a panel, as VIINA publishes), or only its changes.",
        discussion: """
            frontline settlements ../shared/data/deepstate-ua --changes --region UA-donets-k --min-population 10000
            frontline settlements --every 1d --from 2020-09-27 --to 2020-12-01 --format csv
            """)

    @Argument(help: "Snapshot files, folders or globs (default: the dataset).")
    var inputs: [String] = []

    @Option(help: "The first date, YYYY-MM-DD (default: the source's first date).")
    var from: String?

    @Option(help: "The last date, YYYY-MM-DD (default: the source's last date).")
    var to: String?

    @Option(help: ArgumentHelp("Ticks of the panel: Nd, Nw or Nm (default: every date of the source).", valueName: "STEP"))
    var every: String?

    @Flag(help: "Only the changes: one row per settlement and change, with the snapshots it changed between.")
    var changes = false

    @Option(help: ArgumentHelp("Only settlements of this region id (e.g. UA-donets-k; the dataset's district ids).", valueName: "ID"))
    var region: String?

    @Option(help: ArgumentHelp("Only settlements of at least this population (≥ 0).", valueName: "N"))
    var minPopulation: Int = 0

    @Option(help: ArgumentHelp("Only settlements inside W,S,E,N.", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(help: "Output format: csv, json or geojson.")
    var format: Format = .csv

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.csv, .json, .geojson], command: "settlements")
        guard minPopulation >= 0 else { throw ValidationError("--min-population must be 0 or more") }
    }

    func run() throws {
        try out.preflight(inputs: inputs)
        let source = try overlay.source(data: dataOptions, files: inputs)
        let dates = source.dates
        let lo = try from.map { try parseDay($0, flag: "--from") } ?? dates.first!, hi = try to.map { try parseDay($0, flag: "--to") } ?? dates.last!
        if lo > hi { throw FrontlineError.badArgument("--from \(lo) is after --to \(hi)") }
        try source.checkDay(lo)
        try source.checkDay(hi)
        let ticks = try every.map { (s: String) throws(FrontlineError) -> [Day] in try Every(s).ticks(from: lo, to: hi) } ?? dates.filter { $0 >= lo && $0 <= hi }
        // The places: the dataset's gazetteer, or the world places around what the source draws.
        var places: [Place]
        if let ds = source as? DatasetSource {
            places = ds.dataset.gazetteer.places.filter { $0.district != nil }
        } else {
            let first = try source.state(on: ticks.first ?? lo), last = try source.state(on: ticks.last ?? hi)
            guard let box = (first.sides.compactMap { first.state.areas[$0.id] } + last.sides.compactMap { last.state.areas[$0.id] }).compactMap({ BoundingBox(geometry: $0) }).union(),
                  let world = (try dataOptions.context()).flatMap(WorldGeography.beside) else {
                throw FrontlineError.badArgument("no places for this source: the world layers (geodata/world) are missing")
            }
            places = try world.places(in: box.expanded(by: 0.2))
        }
        if let region { places = places.filter { $0.district == region } }
        places = places.filter { ($0.population ?? 0) >= minPopulation }
        if let bbox { let b = try MapOptions.parseBBox(bbox); places = places.filter { b.contains($0.position) } }
        guard !places.isEmpty else { throw FrontlineError.badArgument("no settlements match the filters") }
        // Each settlement's side at each tick.
        var panel: [(day: Day, asOf: Day, sides: [String?])] = []
        var cache: [Day: [String?]] = [:]
        for t in ticks {
            let a = try source.state(on: t)
            if let hit = cache[a.asOf] { panel.append((t, a.asOf, hit)); continue }
            let loc = try ControlLocator(a.state, sides: a.sides)
            let s = try places.map { p throws(FrontlineError) -> String? in try loc.side(at: p.position) ?? a.implicitSide }
            cache[a.asOf] = s
            panel.append((t, a.asOf, s))
        }
        var rows: [[String]] = []
        var header: [String]
        var features: [Feature] = []
        if changes {
            header = ["place_id", "name", "region", "population", "lat", "lon", "from_side", "to_side", "date", "previous_date"]
            for (k, p) in places.enumerated() {
                for i in panel.indices.dropFirst() where panel[i].sides[k] != panel[i - 1].sides[k] {
                    let r = [p.id, p.name, p.district ?? "", p.population.map(String.init) ?? "", String(format: "%.5f", p.position.lat), String(format: "%.5f", p.position.lon),
                             panel[i - 1].sides[k] ?? "", panel[i].sides[k] ?? "", panel[i].asOf.description, panel[i - 1].asOf.description]
                    rows.append(r)
                    features.append(Feature(id: .string("settlement/\(p.id)/\(panel[i].asOf)"), geometry: .point(Point(p.position)), properties: JSONObject(zip(header, r.map { JSONValue.string($0) }).map { ($0, $1) } + [("layer", "settlement")])))
                }
            }
        } else {
            header = ["date", "as_of", "place_id", "name", "region", "population", "lat", "lon", "side"]
            for e in panel {
                for (k, p) in places.enumerated() {
                    let r = [e.day.description, e.asOf.description, p.id, p.name, p.district ?? "", p.population.map(String.init) ?? "",
                             String(format: "%.5f", p.position.lat), String(format: "%.5f", p.position.lon), e.sides[k] ?? ""]
                    rows.append(r)
                    features.append(Feature(id: .string("settlement/\(p.id)/\(e.day)"), geometry: .point(Point(p.position)), properties: JSONObject(zip(header, r.map { JSONValue.string($0) }).map { ($0, $1) } + [("layer", "settlement")])))
                }
            }
        }
        switch format {
        case .json:
            try out.emit(JSONValue.array(rows.map { r in .object(JSONObject(zip(header, r).map { ($0, JSONValue.string($1)) })) }).jsonText + "\n", inputs: inputs)
        case .geojson:
            try out.emit(GeoJSONWriter(precision: 6).encode(FeatureCollection(features)), inputs: inputs)
        default:
            try out.emit(([header.joined(separator: ",")] + rows.map { CSV.row($0) }).joined(separator: "\n") + "\n", inputs: inputs)
        }
    }
}
