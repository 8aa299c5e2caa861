import FrontlineKit
import GeoModel
import GeoOps
import MapRender

/// The dataset's context layers (countries, borders, rivers, districts, the former oblast, places) for a window.
struct BaseLayers {
    var dataset: Dataset
    var style: MapStyle
    var window: BoundingBox

    /// Features of a manifest layer that reach into the window (a tenth of its size around it).
    func features(_ key: String) throws(FrontlineError) -> [Feature] {
        let reach = window.expanded(by: 0.1)
        return try dataset.layer(key).features.filter { f in
            f.geometry.flatMap(BoundingBox.init(geometry:)).map(reach.intersects) ?? false
        }
    }

    /// A layer of one symbol from a manifest file, ids from `idKey` (else the feature's index).
    func layer(_ key: String, symbol: Symbol, idKey: String, nameKey: String = "name") throws(FrontlineError) -> MapLayer {
        let fs = try features(key).enumerated().compactMap { i, f -> MapFeature? in
            guard let g = f.geometry else { return nil }
            let id = f.properties[idKey]?.stringValue ?? f.id?.description ?? String(i)
            var data: [DataField] = []
            if let name = f.properties[nameKey]?.stringValue { data.append(DataField("name", name)) }
            return MapFeature(id: id, geometry: g, data: data)
        }
        return MapLayer(id: key, symbol: symbol, features: fs)
    }

    /// Neighbouring countries, muted (the study area is drawn over them by control).
    func countries() throws(FrontlineError) -> MapLayer { try layer("countries", symbol: style.country, idKey: "iso_a2") }

    /// Country names in spaced capitals, for the parts of countries inside the window.
    /// Country names, each placed only in its country's own empty area: `avoid` (the land held by sides other
    /// than the default one) is cut out, so a name never sits over another side's data.
    func countryLabels(_ layer: MapLayer, avoid: Geometry? = nil) -> [AreaLabel] {
        layer.features.compactMap { f in
            guard let name = f.data.first(where: { $0.name == "name" })?.value else { return nil }
            var g = f.geometry
            if let avoid, !avoid.isEmpty, let cut = try? g.difference(avoid).polygonalPart { g = cut }
            return AreaLabel(id: f.id, text: name.uppercased(), geometry: g, kind: .country)
        }
    }

    /// The land of a state held by sides other than the dataset's default side.
    func otherSidesLand(_ state: ControlState) -> Geometry? {
        let t = dataset.timeline
        let others = t.sides.filter { $0.id != t.defaultSide }.compactMap { state.areas[$0.id] }.filter { !$0.isEmpty }
        return others.isEmpty ? nil : try? Geometry.unaryUnion(others)
    }
    func borders() throws(FrontlineError) -> MapLayer { try layer("borders", symbol: style.border, idKey: "id") }
    func rivers() throws(FrontlineError) -> MapLayer { try layer("rivers", symbol: style.river, idKey: "name") }
    func formerOblast() throws(FrontlineError) -> MapLayer { try layer("nkao", symbol: style.formerOblast, idKey: "id") }

    /// District boundaries (as outlines) and their labels.
    func districts() -> (MapLayer, [AreaLabel]) {
        let reach = window.expanded(by: 0.1)
        let ds = dataset.districts.filter { BoundingBox(geometry: $0.geometry).map(reach.intersects) ?? false }
        let layer = MapLayer(id: "districts", symbol: style.district, features: ds.map { d in
            var data = [DataField("name", d.name)]
            if let local = d.nameLocal { data.append(DataField("name_local", local)) }
            if let group = d.group { data.append(DataField("group", group)) }
            return MapFeature(id: d.id, geometry: d.geometry, data: data, title: d.nameLocal.map { "\(d.name) (\($0))" } ?? d.name)
        })
        return (layer, ds.map { AreaLabel(id: $0.id, text: $0.name, geometry: $0.geometry) })
    }

    /// Gazetteer places in the window; `changed` maps a place id to the side that took it (highlighted).
    func places(state: ControlState?, changed: [String: (side: String, label: String, index: Int)] = [:]) throws(FrontlineError) -> [MapPlace] {
        let locator = try state.map { s throws(FrontlineError) in try ControlLocator(s, sides: dataset.timeline.sides) }
        var out: [MapPlace] = []
        let ordered = dataset.gazetteer.places.enumerated().sorted { a, b in
            (a.element.rank, -(a.element.population ?? 0), a.offset) < (b.element.rank, -(b.element.population ?? 0), b.offset)
        }.map(\.element)
        for p in ordered where window.contains(p.position) {
            var data = [DataField("kind", p.kind), DataField("rank", String(p.rank))]
            if let side = try locator?.side(at: p.position) { data.append(DataField("side", side)) }
            if let pop = p.population { data.append(DataField("population", String(pop))) }
            var symbol = p.kind == "capital" ? style.capital : style.place
            var emphasized = false
            if let c = changed[p.id] {
                symbol = style.changedPlace(to: c.side, label: c.label, index: c.index)
                emphasized = true
                data.append(DataField("taken_by", c.side))
            }
            let local = p.names["az"] ?? p.names["hy"]
            out.append(MapPlace(id: p.id, name: p.name, position: p.position, rank: p.rank, emphasized: emphasized, symbol: symbol,
                                data: data, title: local.map { $0 == p.name ? p.name : "\(p.name) (\($0))" } ?? p.name))
        }
        return out
    }
}
