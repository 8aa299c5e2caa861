import ChartRender
import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import MapRender

/// A self-contained static web page of a source: a date slider and a play button over every date, the map of the
/// selected date, the area chart with a cursor, each place's side and distance to the front on that day, and (for
/// the dataset) that day's incidents. One `index.html` that works from disk or any static host: no network, no
/// framework, a Content-Security-Policy that allows no other origin.
///
/// Everything is precomputed here: each date's map is drawn by the map renderer at one fixed window, and its
/// SVG lines are stored once however many dates repeat them (borders, rivers and labels are shared; only what
/// changed is stored again), so the page's script only joins lines and moves a cursor.
public enum Site {
    /// What the page shows.
    public struct Options: Sendable {
        /// The maps' page size, window and style (the window defaults to the dataset's, or the data's extent).
        public var map: MapOptions
        /// The first date shown (nil: the source's first date); the page starts on it even when it is not a source date.
        public var from: Day?
        /// The last date shown (nil: the source's last date or incident day).
        public var to: Day?
        /// The page's title (default: the source's name).
        public var title: String?
        /// The sliver filters for the chart's gains and losses between dates.
        public var diff: ControlDiff.Options

        /// Creates options; by default 1000 × 750 maps over every date of the source, with the standard sliver filters.
        public init(map: MapOptions = MapOptions(width: 1000, height: 750), from: Day? = nil, to: Day? = nil, title: String? = nil,
                    diff: ControlDiff.Options = .standard) {
            self.map = map; self.from = from; self.to = to; self.title = title; self.diff = diff
        }
    }

    /// The page and what went into it.
    public struct Page: Sendable {
        /// The complete `index.html`, with its maps, chart, data and script inline.
        public var html: String
        /// The dates the slider steps through, ascending.
        public var dates: [Day]
        /// Distinct SVG lines stored for all the dates' maps.
        public var fragments: Int
    }

    /// One date's precomputed content.
    struct Frame: Sendable {
        var day: Day
        var asOf: Day
        var asOfText: String
        var note: String?
        var lines: [String]
        var areas: [(side: Side, km2: Double)]
        var places: [PlaceFact]
    }

    struct PlaceFact: Sendable {
        var svgID: String
        var name: String
        var region: String
        var side: String?
        var km: Double?
    }

    /// Builds the page of `source`. `context` is the dataset whose world layers give other wars their base map.
    public static func page(_ source: ControlSource, context: Dataset?, options: Options = Options()) throws(FrontlineError) -> Page {
        let dataset = source as? DatasetSource
        guard dataset != nil || source is SnapshotSource else {
            throw .badArgument("site needs the dataset or a snapshot source")
        }
        let incidents = try dataset.map { (d) throws(FrontlineError) in try MapIncident.load(dataset: d.dataset) } ?? []
        let dates = try days(source, incidents: incidents, from: options.from, to: options.to)
        var mapOptions = options.map
        if mapOptions.window == nil { mapOptions.window = try Animation.window(source, first: dates[0], last: dates[dates.count - 1]) }
        mapOptions.windowMode = "data"
        let fixed = mapOptions
        let frames = try Parallel.map(dates) { (day) throws(FrontlineError) -> Frame in
            try frame(source, day: day, incidents: incidents, context: context, options: fixed)
        }

        // Lines stored once; each date is a list of runs over them.
        var index: [String: Int] = [:]
        var fragments: [String] = []
        var runs: [[Int]] = []
        for f in frames {
            var r: [Int] = []
            for line in f.lines {
                let i: Int
                if let k = index[line] { i = k } else { i = fragments.count; index[line] = i; fragments.append(line) }
                if r.count >= 2, r[r.count - 2] + r[r.count - 1] == i { r[r.count - 1] += 1 } else { r += [i, 1] }
            }
            runs.append(r)
        }

        // Sides in order of first appearance, with the maps' colours.
        var sides: [Side] = []
        for f in frames { for a in f.areas where !sides.contains(where: { $0.id == a.side.id }) { sides.append(a.side) } }
        let style = mapOptions.style
        // The dataset's chart starts a month before its first change, as `frontline chart` does: its base date
        // (1994) would squeeze the war into the chart's last pixels.
        var chartFrom = dates[0]
        if let first = dataset?.dataset.timeline.changes.first?.date, first.adding(days: -30) > chartFrom { chartFrom = first.adding(days: -30) }
        let chart = try chartSVG(source, from: chartFrom, to: dates[dates.count - 1], options: options)

        var data = JSONObject()
        data["version"] = 1
        data["title"] = .string(options.title ?? title(source))
        data["subtitle"] = .string(subtitle(source, dates: dates))
        data["dates"] = .array(dates.map { .string($0.description) })
        data["asOf"] = .array(frames.map { .string($0.asOf.description) })
        data["asOfText"] = .array(frames.map { .string($0.asOfText) })
        data["sides"] = .array(sides.enumerated().map { i, s in
            .object(JSONObject([("id", .string(s.id)), ("label", .string(s.label)), ("color", .string(style.colors(side: s.id, index: i).fill))]))
        })
        func areas(_ f: Frame) -> [Double?] { sides.map { s in f.areas.first { $0.side.id == s.id }?.km2 } }
        func round1(_ v: Double) -> JSONValue { .number((v * 10).rounded() / 10) }
        data["areas"] = .array(frames.map { f in .array(areas(f).map { $0.map(round1) ?? .null }) })
        data["net"] = .array(frames.indices.map { i in
            guard i > 0 else { return .null }
            return .array(zip(areas(frames[i]), areas(frames[i - 1])).map { a, b in a.flatMap { x in b.map { round1(x - $0) } } ?? .null })
        })
        data["fragments"] = .array(fragments.map(JSONValue.string))
        data["frames"] = .array(runs.map { .array($0.map { .number(Double($0)) }) })
        data["places"] = .array(placeTable(frames))
        data["incidents"] = .array(dates.map { d in .array(incidents.filter { $0.date == d }.map(incidentJSON)) })
        data["notes"] = .array(frames.map { f in f.note.map(JSONValue.string) ?? .null })
        data["chart"] = .bool(chart != nil)

        let html = SitePage.html(title: options.title ?? title(source), subtitle: subtitle(source, dates: dates),
                                 credit: credit(source, mapOptions: mapOptions), chart: chart ?? "",
                                 data: JSONValue.object(data).jsonText, dates: dates)
        return Page(html: html, dates: dates, fragments: fragments.count)
    }

    /// The page's dates: every date of the source in the range, and for the dataset every incident day too (the
    /// state on such a day is the one in force).
    static func days(_ source: ControlSource, incidents: [MapIncident], from: Day?, to: Day?) throws(FrontlineError) -> [Day] {
        var all = Set(source.dates)
        if let first = source.dates.first { for i in incidents where i.date >= first { all.insert(i.date) } }
        if let from {
            try source.checkDay(from)
            all.insert(from)
        }
        let picked = all.filter { d in (from.map { d >= $0 } ?? true) && (to.map { d <= $0 } ?? true) }.sorted()
        guard !picked.isEmpty else { throw .badArgument("no date of \(source.name) lies in the range asked for (it covers \(source.rangeDescription))") }
        return picked
    }

    /// One date: the map's SVG lines, the areas, and each drawn place's side and distance to the front.
    static func frame(_ source: ControlSource, day: Day, incidents: [MapIncident], context: Dataset?, options: MapOptions) throws(FrontlineError) -> Frame {
        let asOf = try source.state(on: day)
        let spec: MapSpec
        if let ds = source as? DatasetSource {
            spec = try StateMap.spec(dataset: ds.dataset, history: ds.history, date: day, incidents: incidents, options: options)
        } else if let snapshots = source as? SnapshotSource {
            spec = try SnapshotMap.spec(try snapshots.snapshot(on: day), context: context, options: options)
        } else {
            throw .badArgument("site needs the dataset or a snapshot source")
        }
        let svg = try MapMaker.svg(spec, options: options)
        let areas = asOf.sides.map { s in
            (side: Side(id: s.id, label: source is DatasetSource ? source.label(of: s.id) : SnapshotMap.label(s)), km2: asOf.state.areaKm2(of: s.id))
        }
        return Frame(day: day, asOf: asOf.asOf, asOfText: "as of \(asOf.description)", note: asOf.note ?? spec.legendNotes.first { $0.hasPrefix("Hatched") },
                     lines: svg.split(separator: "\n", omittingEmptySubsequences: false).map(String.init), areas: areas,
                     places: try placeFacts(spec, asOf: asOf))
    }

    /// The side and distance to the front of every place the map draws.
    static func placeFacts(_ spec: MapSpec, asOf: AsOfState) throws(FrontlineError) -> [PlaceFact] {
        let places = spec.places.filter { spec.window.contains($0.position) }
        guard !places.isEmpty else { return [] }
        let locator = try ControlLocator(asOf.state, sides: asOf.sides)
        let fronts = spec.layers.filter { $0.id == "front-line" }.flatMap(\.features).map(\.geometry).filter { !$0.isEmpty }
        var km: [Double?] = Array(repeating: nil, count: places.count)
        if let front = fronts.first {
            do {
                km = try Geodesy.distancesKm(from: places.map(\.position), to: front).map { $0 }
            } catch {
                throw .geometry("distances to the front of \(asOf.asOf): \(error)")
            }
        }
        func field(_ p: MapPlace, _ name: String) -> String? { p.data.first { $0.name == name }?.value }
        var sides: [String?] = []
        for p in places {
            if let s = field(p, "side") { sides.append(s) } else { sides.append(try locator.side(at: p.position)) }
        }
        // A one-sided archive's complement ("not occupied") is named only inside the theatre: the country of most
        // of the places that lie in a drawn side.
        var theatre: String?
        if asOf.implicitSide != nil {
            var count: [String: Int] = [:]
            for (p, s) in zip(places, sides) where s != nil { if let c = field(p, "country"), !c.isEmpty { count[c, default: 0] += 1 } }
            theatre = count.max { $0.value < $1.value }?.key
        }
        return places.enumerated().map { i, p in
            var side = sides[i]
            if side == nil, let implicit = asOf.implicitSide, let t = theatre, field(p, "country") == t { side = implicit }
            return PlaceFact(svgID: "place-" + p.id, name: p.name, region: field(p, "region") ?? "", side: side, km: km[i])
        }
    }

    /// Places as one row each, with per-date side and km (null where the place is not drawn that day).
    static func placeTable(_ frames: [Frame]) -> [JSONValue] {
        var order: [String] = []
        var byID: [String: PlaceFact] = [:]
        for f in frames { for p in f.places where byID[p.svgID] == nil { order.append(p.svgID); byID[p.svgID] = p } }
        let lookup = frames.map { f in Dictionary(f.places.map { ($0.svgID, $0) }, uniquingKeysWith: { a, _ in a }) }
        return order.map { id in
            let p = byID[id]!
            return .object(JSONObject([
                ("id", .string(id)), ("name", .string(p.name)), ("region", .string(p.region)),
                ("side", .array(lookup.map { $0[id]?.side.map(JSONValue.string) ?? .null })),
                ("km", .array(lookup.map { $0[id]?.km.map { .number(($0 * 10).rounded() / 10) } ?? .null })),
            ]))
        }
    }

    static func incidentJSON(_ i: MapIncident) -> JSONValue {
        .object(JSONObject([
            ("place", .string(i.placeName)), ("type", .string(i.type)),
            ("killed", i.killed.map { .number(Double($0)) } ?? .null), ("wounded", i.wounded.map { .number(Double($0)) } ?? .null),
            ("claimant", i.claimant.map(JSONValue.string) ?? .null),
            ("url", i.sources.compactMap(\.url).first.map(JSONValue.string) ?? .null),
        ]))
    }

    /// The area chart of the page's range, with the plot's date mapping on each panel for the cursor.
    static func chartSVG(_ source: ControlSource, from lo: Day, to hi: Day, options: Options) throws(FrontlineError) -> String? {
        guard lo < hi else { return nil }
        let rows = try source.timeline(from: lo, to: hi, every: nil, options: options.diff)
        guard rows.count > 1 else { return nil }
        let annotations = (source as? DatasetSource).map(ChartMaker.annotations) ?? []
        let spec = ChartMaker.spec(rows: rows, title: "Area held, \(lo) – \(hi)", subtitle: nil, label: source.label(of:), annotations: annotations,
                                   attribution: "", width: 1200, height: 380, style: options.map.style)
        let svg = ChartRenderer.svg(spec)
        // Inline in the page: no XML declaration.
        guard let r = svg.range(of: "<svg") else { return svg }
        return String(svg[r.lowerBound...])
    }

    static func title(_ source: ControlSource) -> String {
        if let ds = source as? DatasetSource { return ds.dataset.name }
        return "Control over time: \((source.name as NSString).lastPathComponent)"
    }

    static func subtitle(_ source: ControlSource, dates: [Day]) -> String {
        "\(dates.count) dates from \(dates[0]) to \(dates[dates.count - 1]); areas on the WGS84 ellipsoid, distances geodesic"
    }

    static func credit(_ source: ControlSource, mapOptions: MapOptions) -> String {
        let data = mapOptions.credit ?? source.credit ?? (source as? SnapshotArchive).flatMap { a in (try? a.snapshot(at: 0))?.rules?.credit }
        return [data.map { "Data: \($0)." }, "Base map: Natural Earth; places: GeoNames (CC BY 4.0). Each map lists its sources. Made with frontline."]
            .compactMap { $0 }.joined(separator: " ")
    }
}
