import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import MapRender

/// The base map of a window outside the dataset's own: the theatre country set apart from its neighbours, its
/// regions outlined and named, land borders, rivers, and towns ranked by population.
struct WorldContext {
    var layers: [MapLayer] = []
    var labels: [AreaLabel] = []
    var places: [MapPlace] = []
    var theatre: String?

    /// Frames of an animation share a window: its context is built once per process.
    final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var byKey: [String: (WorldContext, [Place])] = [:]
    }
    static let cache = Cache()

    /// The regions and places of the theatre are read only for the countries the window meets.
    static func make(dataset: Dataset, world: WorldGeography, window: BoundingBox, drawn: Geometry, style: MapStyle,
                     emphasised: [SettlementChange], maxPlaces: Int) throws(FrontlineError) -> WorldContext {
        let key = "\(dataset.root)|\(window.west),\(window.south),\(window.east),\(window.north)|\(maxPlaces)"
        cache.lock.lock()
        let hit = cache.byKey[key]
        cache.lock.unlock()
        let changedIDs = Set(emphasised.map(\.place.id))
        if let (ctx, towns) = hit {
            var c = ctx
            c.places = placeMarks(towns.filter { !changedIDs.contains($0.id) }.prefix(maxPlaces), style: style)
            return c
        }
        var ctx = WorldContext()
        let base = BaseLayers(dataset: dataset, style: style, window: window)
        let countries = try base.features("world")
        ctx.theatre = SnapshotArchive.theatre(of: ControlState(date: Day(ordinal: 0), areas: ["x": drawn], applied: [], zones: []),
                                              sides: [Side(id: "x", label: "x")], countries: countries)
        var land: [MapFeature] = [], theatreLand: [MapFeature] = []
        for (i, f) in countries.enumerated() {
            guard let g = f.geometry, let b = BoundingBox(geometry: g), b.intersects(window) else { continue }
            let id = f.properties["iso_a2"]?.stringValue ?? String(i)
            let mf = MapFeature(id: id, geometry: g, data: [DataField("name", f.properties["name"]?.stringValue ?? id)])
            if id == ctx.theatre { theatreLand.append(mf) } else { land.append(mf) }
        }
        var neighbour = style.land
        neighbour.legend = "Neighbouring country"
        neighbour.fill = .color("#e6e4de")
        ctx.layers.append(MapLayer(id: "world", symbol: neighbour, features: land))
        if !theatreLand.isEmpty {
            var t = style.land
            t.className = "theatre"
            t.legend = nil
            t.fill = .color("#fdfcf9")
            t.stroke = "#6d6b66"
            t.strokeWidth = 0.9
            ctx.layers.append(MapLayer(id: "theatre", symbol: t, features: theatreLand))
        }
        ctx.labels = land.compactMap { f in
            f.data.first { $0.name == "name" }.map { AreaLabel(id: f.id, text: $0.value.uppercased(), geometry: f.geometry, kind: .country) }
        }
        // Regions of the theatre: outlines and names.
        if let t = ctx.theatre {
            var regionSymbol = style.district
            regionSymbol.legend = "Region boundary"
            let regions = try world.regions(of: t).filter { r in BoundingBox(geometry: r.geometry).map { $0.intersects(window) } ?? false }
            ctx.layers.append(MapLayer(id: "regions", symbol: regionSymbol, features: regions.map { r in
                MapFeature(id: r.id, geometry: .multiLineString(MultiLineString(r.geometry.polygons.flatMap { $0.rings.map(LineString.init) })),
                           data: [DataField("name", r.name)])
            }))
            ctx.labels += regions.map { AreaLabel(id: "region-\($0.id)", text: $0.name, geometry: $0.geometry, kind: .district) }
        }
        let rivers = try world.lines("rivers", in: window).filter { ($0.properties["scalerank"]?.numberValue ?? 0) <= 9 }
        ctx.layers.append(MapLayer(id: "rivers", symbol: style.river, features: rivers.enumerated().compactMap { i, f in
            f.geometry.map { MapFeature(id: "river-\(i)", geometry: $0, data: [DataField("name", f.properties["name"]?.stringValue ?? "")]) }
        }))
        let borders = try world.lines("borders", in: window)
        ctx.layers.append(MapLayer(id: "borders", symbol: style.border, features: borders.enumerated().compactMap { i, f in
            f.geometry.map { MapFeature(id: "border-\(i)", geometry: $0) }
        }))
        // Towns by population, the theatre's first; the settlements that changed hands always (drawn by the caller).
        var towns = try world.places(in: window)
        towns.sort { (($0.country == ctx.theatre ? 1 : 0), $0.population ?? 0) > (($1.country == ctx.theatre ? 1 : 0), $1.population ?? 0) }
        towns = Array(towns.prefix(maxPlaces + 50))
        cache.lock.lock()
        cache.byKey[key] = (ctx, towns)
        cache.lock.unlock()
        ctx.places = placeMarks(towns.filter { !changedIDs.contains($0.id) }.prefix(maxPlaces), style: style)
        return ctx
    }

    static func placeMarks(_ towns: ArraySlice<Place>, style: MapStyle) -> [MapPlace] {
        towns.map { p in
            let big = (p.population ?? 0) >= 1_000_000
            return MapPlace(id: p.id, name: p.name, position: p.position, rank: p.rank,
                            symbol: big ? style.capital.withLegend("City of a million or more") : style.place,
                            data: [DataField("population", String(p.population ?? 0)), DataField("region", p.district ?? ""),
                                   DataField("country", p.country ?? "")])
        }
    }
}
