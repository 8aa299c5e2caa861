import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import MapRender

/// Maps of any dated control snapshot file (another war's archive), alone or as a change between two.
public enum SnapshotMap {
    /// Display names for the implicit sides of one-side snapshots.
    static func label(_ side: Side) -> String {
        switch side.id {
        case Snapshot.occupied: "Occupied"
        case Snapshot.other: "Not occupied"
        default: side.label
        }
    }

    /// The window around the data, with a margin.
    static func window(_ geometries: [Geometry]) -> BoundingBox? {
        geometries.compactMap(BoundingBox.init(geometry:)).union()?.expanded(by: 0.08)
    }

    /// One snapshot: each side's area, and the front line where two sides meet.
    public static func spec(_ snapshot: Snapshot, context: Dataset? = nil, options: MapOptions = MapOptions()) throws(FrontlineError) -> MapSpec {
        let style = options.style
        guard let window = options.window ?? window(Array(snapshot.areas.values)) else {
            throw .badInput(path: snapshot.path, place: "", message: "nothing to map: the snapshot has no area")
        }
        let dateText = snapshot.date.map(\.description) ?? ""
        let drawn = try union(Array(snapshot.areas.values))
        let base = try contextLayers(context, window: window, drawn: drawn, style: style, settlements: [])
        var layers = base.layers
        let hasBase = !layers.isEmpty
        for (i, side) in snapshot.sides.enumerated() {
            guard let g = snapshot.areas[side.id], !g.isEmpty else { continue }
            let km2 = Geodesy.areaKm2(g)
            var symbol = style.sideArea(side.id, label: "\(label(side)): \(MapText.km2(km2))", index: i)
            if snapshot.sides.count == 1 { symbol.stroke = style.colors(side: side.id, index: i).strong; symbol.strokeWidth = 0.9 }
            layers.append(MapLayer(id: "control-\(side.id)", symbol: symbol, features: [
                MapFeature(id: side.id, geometry: g, data: [DataField("side", side.id), DataField("date", dateText),
                                                            DataField("area_km2", MapText.number(km2))]),
            ]))
        }
        if let front = try frontLine(snapshot.state, sides: snapshot.sides, context: context, hasTheatre: base.theatre != nil), !front.isEmpty {
            layers.append(MapLayer(id: "front-line", symbol: style.frontLine, features: [MapFeature(id: "front", geometry: front, data: [DataField("date", dateText)])]))
        }
        let name = (snapshot.path as NSString).lastPathComponent
        return MapSpec(
            title: options.title ?? (snapshot.date.map { "Control on \(MapText.date($0))" } ?? "Control"),
            subtitle: name, window: window, layers: layers, places: base.places, areaLabels: base.labels,
            legendNotes: ["Areas on the WGS84 ellipsoid."],
            attribution: attribution(baseMap: hasBase, files: [name], credit: options.credit ?? snapshot.rules?.credit, world: base.theatre != nil),
            description: "Control areas of \(name), drawn by frontline.")
    }

    /// The change between two snapshots, drawn on the second.
    public static func changeSpec(_ a: Snapshot, _ b: Snapshot, diff: ControlDiff, sides: [Side], context: Dataset? = nil,
                                  options: MapOptions = MapOptions()) throws(FrontlineError) -> MapSpec {
        let style = options.style
        guard let dataWindow = window(Array(a.areas.values) + Array(b.areas.values)) else {
            throw .badInput(path: b.path, place: "", message: "nothing to map: the snapshots have no area")
        }
        var window = options.window ?? dataWindow
        // A week of change is specks on a map of the whole area: zoom to the changes unless told otherwise.
        if options.window == nil, options.windowMode != "data", let changes = diff.changes.compactMap({ BoundingBox(geometry: $0.geometry) }).union() {
            let small = (changes.east - changes.west) * (changes.north - changes.south) < 0.1 * (dataWindow.east - dataWindow.west) * (dataWindow.north - dataWindow.south)
            if options.windowMode == "changes" || small {
                let padX = max(0.25, 0.3 * (changes.east - changes.west)), padY = max(0.18, 0.3 * (changes.north - changes.south))
                window = BoundingBox(west: changes.west - padX, south: changes.south - padY, east: changes.east + padX, north: changes.north + padY)
            }
        }
        var diff = diff
        if diff.settlements.isEmpty, let context, let world = WorldGeography.beside(context), !context.window.intersects(window) {
            let (_, implicit) = Snapshot.sides(a, b)
            try diff.addSettlements(try world.places(in: window), from: a.state, to: b.state, sides: sides, implicitSide: implicit)
        }
        let base = try contextLayers(context, window: window, drawn: try union(Array(b.areas.values)), style: style, settlements: diff.settlements)
        var layers = base.layers
        let hasBase = !layers.isEmpty
        var labelled = sides.map { Side(id: $0.id, label: label($0)) }
        if let implicit = diff.sides.first(where: { s in !sides.contains { $0.id == s.side } }) {
            labelled.append(Side(id: implicit.side, label: label(Side(id: implicit.side, label: implicit.side))))
        }
        for (i, side) in labelled.enumerated() {
            guard let g = b.areas[side.id], !g.isEmpty else { continue }
            let km2 = Geodesy.areaKm2(g)
            var symbol = style.sideArea(side.id, label: "\(side.label) on \(b.date?.description ?? "the second date"): \(MapText.km2(km2))", index: i)
            if sides.count == 1 { symbol.stroke = style.colors(side: side.id, index: i).strong; symbol.strokeWidth = 0.9 }
            layers.append(MapLayer(id: "control-\(side.id)", symbol: symbol, features: [
                MapFeature(id: side.id, geometry: g, data: [DataField("side", side.id), DataField("date", b.date?.description ?? ""),
                                                            DataField("area_km2", MapText.number(km2))]),
            ]))
        }
        let change = ChangeMap.changeLayers(diff, sides: labelled, from: a.date, to: b.date, style: style) { side in
            switch side.id {
            case Snapshot.occupied: "Newly occupied"
            case Snapshot.other: "No longer occupied"
            default: "Gained by \(side.label)"
            }
        }
        layers += change.layers
        // The earlier front above the gains' outlines, the later one above both.
        if options.previousFront, let before = try frontLine(a.state, sides: sides, context: context, hasTheatre: base.theatre != nil), !before.isEmpty {
            layers.append(MapLayer(id: "front-line-before", symbol: style.previousFrontLine, features: [MapFeature(id: "front-before", geometry: before, data: [DataField("date", a.date?.description ?? "")])]))
        }
        if let after = try frontLine(b.state, sides: sides, context: context, hasTheatre: base.theatre != nil), !after.isEmpty {
            layers.append(MapLayer(id: "front-line", symbol: style.frontLine, features: [MapFeature(id: "front", geometry: after, data: [DataField("date", b.date?.description ?? "")])]))
        }
        var places = base.places
        for (i, s) in diff.settlements.enumerated() {
            guard let to = s.toSide else { continue }
            let idx = labelled.firstIndex { $0.id == to } ?? i
            let label = to == Snapshot.occupied ? "Settlement newly occupied" : to == Snapshot.other ? "Settlement no longer occupied" : "Settlement taken by \(to)"
            places.append(MapPlace(id: s.place.id, name: s.place.name, position: s.place.position, rank: 1, emphasized: true,
                                   symbol: style.changedPlace(to: to, label: label, index: idx),
                                   data: [DataField("from_side", s.fromSide ?? ""), DataField("to_side", to), DataField("population", String(s.place.population ?? 0))]))
        }
        let names = [a.path, b.path].map { ($0 as NSString).lastPathComponent }
        let title: String
        if let d1 = a.date, let d2 = b.date {
            title = "Changes of control, \(MapText.date(d1)) – \(MapText.date(d2))"
        } else {
            title = "Changes of control"
        }
        var notes = change.notes
        if diff.droppedSliverCount > 0 {
            notes.append("\(diff.droppedSliverCount) slivers (\(MapText.km2(diff.droppedSliverKm2)) in all) left out as digitising noise.")
        }
        notes.append("Areas on the WGS84 ellipsoid.")
        // Zoomed to the changes: an overview shows where the window lies in the theatre country.
        var overview: MapOverview?
        if window != dataWindow {
            let land = base.layers.first { $0.id == "theatre" }?.features.map(\.geometry) ?? []
            let drawn = Array(b.areas.values)
            if let extent = (land + drawn).compactMap(BoundingBox.init(geometry:)).union() {
                overview = MapOverview(window: extent.expanded(by: 0.04), land: land, drawn: drawn)
            }
        }
        return MapSpec(title: options.title ?? title, subtitle: names.joined(separator: " → "), window: window, layers: layers, places: places, areaLabels: base.labels,
                       legendNotes: notes, attribution: attribution(baseMap: hasBase, files: names, credit: options.credit ?? b.rules?.credit, world: base.theatre != nil),
                       description: "Change of control between \(names.joined(separator: " and ")), drawn by frontline.", overview: overview)
    }

    /// The bundled dataset's countries, borders and rivers where they reach the window; elsewhere its simplified
    /// world countries (outlined on a sea-coloured page), with country labels.
    static func contextLayers(_ dataset: Dataset?, window: BoundingBox, drawn: Geometry, style: MapStyle,
                              settlements: [SettlementChange]) throws(FrontlineError) -> (layers: [MapLayer], labels: [AreaLabel], places: [MapPlace], theatre: String?) {
        guard let dataset else { return ([], [], [], nil) }
        let base = BaseLayers(dataset: dataset, style: style, window: window)
        if dataset.window.intersects(window) {
            let countries = try base.countries()
            return ([countries, try base.borders(), try base.rivers()], base.countryLabels(countries), [], nil)
        }
        // Other windows use the world layers, never the dataset's own.
        if let world = WorldGeography.beside(dataset), dataset.files["world"] != nil {
            let ctx = try WorldContext.make(dataset: dataset, world: world, window: window, drawn: drawn, style: style,
                                            emphasised: settlements, maxPlaces: 120)
            return (ctx.layers, ctx.labels, ctx.places, ctx.theatre)
        }
        guard dataset.files["world"] != nil else { return ([], [], [], nil) }
        let world = try base.layer("world", symbol: style.land, idKey: "iso_a2")
        return ([world], base.countryLabels(world), [], nil)
    }

    /// The front of a state: where two drawn sides meet, or for one drawn side the edge of its area inside the
    /// theatre country, away from borders and coasts.
    static func frontLine(_ state: ControlState, sides: [Side], context: Dataset?, hasTheatre: Bool) throws(FrontlineError) -> Geometry? {
        let drawn = sides.filter { state.areas[$0.id] != nil }
        if drawn.count > 1 { return try state.frontLine(sides: drawn) }
        guard hasTheatre, let context else { return nil }
        return try SnapshotArchive.front(of: state, sides: drawn, countries: try context.layer("world").features)
    }

    static func union(_ gs: [Geometry]) throws(FrontlineError) -> Geometry {
        do { return try Geometry.unaryUnion(gs).polygonalPart } catch { throw .geometry("union: \(error)") }
    }

    /// The attribution: the data source's credit and files, the base map's sources, joined without doubled stops.
    static func attribution(baseMap: Bool, files: [String], credit: String? = nil, world: Bool = false) -> String {
        var parts = [credit.map { "Data: \($0) (\(files.joined(separator: ", ")))" } ?? "Data: \(files.joined(separator: ", "))"]
        if world { parts.append("places: GeoNames (CC BY 4.0); regions, borders, rivers: Natural Earth (public domain)") }
        else if baseMap { parts.append("base map: Natural Earth (public domain)") }
        var text = parts.joined(separator: "; ")
        while text.hasSuffix(".") { text.removeLast() }
        return text + ". Made with frontline."
    }
}
