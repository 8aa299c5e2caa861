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
        let base = try contextLayers(context, window: window, style: style)
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
        if snapshot.sides.count > 1 {
            let front = try snapshot.state.frontLine(sides: snapshot.sides)
            if !front.isEmpty {
                layers.append(MapLayer(id: "front-line", symbol: style.frontLine, features: [MapFeature(id: "front", geometry: front, data: [DataField("date", dateText)])]))
            }
        }
        let name = (snapshot.path as NSString).lastPathComponent
        return MapSpec(
            title: options.title ?? (snapshot.date.map { "Control on \(MapText.date($0))" } ?? "Control"),
            subtitle: name, window: window, layers: layers, areaLabels: base.labels,
            legendNotes: ["Areas on the WGS84 ellipsoid."],
            attribution: attribution(baseMap: hasBase, files: [name]),
            description: "Control areas of \(name), drawn by frontline.")
    }

    /// The change between two snapshots, drawn on the second.
    public static func changeSpec(_ a: Snapshot, _ b: Snapshot, diff: ControlDiff, sides: [Side], context: Dataset? = nil,
                                  options: MapOptions = MapOptions()) throws(FrontlineError) -> MapSpec {
        let style = options.style
        guard let window = options.window ?? window(Array(a.areas.values) + Array(b.areas.values)) else {
            throw .badInput(path: b.path, place: "", message: "nothing to map: the snapshots have no area")
        }
        let base = try contextLayers(context, window: window, style: style)
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
        return MapSpec(title: options.title ?? title, subtitle: names.joined(separator: " → "), window: window, layers: layers, areaLabels: base.labels,
                       legendNotes: notes, attribution: attribution(baseMap: hasBase, files: names),
                       description: "Change of control between \(names.joined(separator: " and ")), drawn by frontline.")
    }

    /// The bundled dataset's countries, borders and rivers where they reach the window; elsewhere its simplified
    /// world countries (outlined on a sea-coloured page), with country labels.
    static func contextLayers(_ dataset: Dataset?, window: BoundingBox, style: MapStyle) throws(FrontlineError) -> (layers: [MapLayer], labels: [AreaLabel]) {
        guard let dataset else { return ([], []) }
        let base = BaseLayers(dataset: dataset, style: style, window: window)
        if dataset.window.intersects(window) {
            let countries = try base.countries()
            return ([countries, try base.borders(), try base.rivers()], base.countryLabels(countries))
        }
        guard dataset.files["world"] != nil else { return ([], []) }
        let world = try base.layer("world", symbol: style.land, idKey: "iso_a2")
        return ([world], base.countryLabels(world))
    }

    static func attribution(baseMap: Bool, files: [String]) -> String {
        var parts = ["Data: \(files.joined(separator: ", "))"]
        if baseMap { parts.append("base map: Natural Earth (public domain)") }
        return parts.joined(separator: "; ") + ". Made with frontline."
    }
}
