import FrontlineKit
import GeoModel
import MapRender

/// The map of the control state on one date: sides, unconfirmed claims, zones, front line, places, incidents.
public enum StateMap {
    /// The map of the control state on one date: each side's area (with km²), unconfirmed claims hatched, zones,
    /// the front line, places, and the given incidents of that day inside the window.
    ///
    /// - Parameters:
    ///   - dataset: The dataset whose sides, districts, gazetteer and base layers are drawn.
    ///   - history: The dataset's control history, giving the state on `date`.
    ///   - date: The date drawn (its state is the latest on or before it).
    ///   - incidents: Incidents to mark; only those of `date` inside the window are drawn.
    ///   - options: The window (default: the dataset's), title and style.
    /// - Returns: The map's layers, places, markers, labels, notes and attribution, ready for `MapMaker`.
    /// - Throws: `FrontlineError` when `date` is before the history's first state or a base layer cannot be read.
    public static func spec(dataset: Dataset, history: ControlHistory, date: Day, incidents: [MapIncident] = [],
                            options: MapOptions = MapOptions()) throws(FrontlineError) -> MapSpec {
        let style = options.style
        let t = dataset.timeline
        let state = try history.state(on: date)
        let window = options.window ?? dataset.window
        let base = BaseLayers(dataset: dataset, style: style, window: window)
        let dateText = date.description
        let countries = try base.countries()
        var layers: [MapLayer] = [countries]
        var sources: [SourceRef] = t.baseAreas.flatMap(\.sources)
        var notes: [String] = []

        for (i, side) in t.sides.enumerated() {
            guard let g = state.areas[side.id], !g.isEmpty else { continue }
            let km2 = state.areaKm2(of: side.id)
            let symbol = style.sideArea(side.id, label: "\(side.label): \(MapText.km2(km2))", index: i)
            layers.append(MapLayer(id: "control-\(side.id)", symbol: symbol, features: [
                MapFeature(id: side.id, geometry: g, data: [DataField("side", side.id), DataField("date", dateText),
                                                            DataField("area_km2", MapText.number(km2))],
                           title: "\(side.label): \(MapText.km2(km2)) on \(dateText)"),
            ]))
        }
        // Unconfirmed gains, hatched over the side that holds them.
        var claimed: [String: [MapFeature]] = [:], disputed: [String: [MapFeature]] = [:]
        for p in try state.pieces(timeline: t) where p.status != .confirmed {
            guard let c = p.change else { continue }
            var data = [DataField("side", p.side), DataField("date", c.date.description), DataField("status", p.status.rawValue),
                        DataField("change_id", c.id), DataField("area_km2", MapText.number(p.areaKm2))]
            if let claimant = c.claimant { data.append(DataField("claimant", claimant)) }
            if let by = c.disputedBy { data.append(DataField("disputed_by", by)) }
            let f = MapFeature(id: c.id, geometry: p.geometry, data: data,
                               title: "\(c.date): \(c.status.rawValue) by \(c.claimant ?? t.label(of: p.side))\(c.disputedBy.map { ", denied by \($0)" } ?? "")")
            if p.status == .disputed { disputed[p.side, default: []].append(f) } else { claimed[p.side, default: []].append(f) }
        }
        for (i, side) in t.sides.enumerated() {
            if let fs = claimed[side.id] {
                layers.append(MapLayer(id: "claimed-\(side.id)", symbol: style.claimed(by: side.id, label: "Claimed by \(side.label), not confirmed", index: i), features: fs))
            }
            if let fs = disputed[side.id] {
                layers.append(MapLayer(id: "disputed-\(side.id)", symbol: style.disputed(by: side.id, label: "Claimed by \(side.label), denied by the other side", index: i), features: fs))
            }
        }
        let (districtLayer, districtLabels) = base.districts()
        layers.append(districtLayer)
        layers += zoneLayers(state: state, timeline: t, style: style)
        layers.append(try base.rivers())
        layers.append(try base.borders())
        layers.append(try base.formerOblast())
        let front = try state.frontLine(sides: t.sides)
        if !front.isEmpty {
            layers.append(MapLayer(id: "front-line", symbol: style.frontLine, features: [
                MapFeature(id: dateText, geometry: front, data: [DataField("date", dateText)]),
            ]))
        }
        sources += state.applied.filter { !$0.geometry.isEmpty }.flatMap(\.change.sources)
        sources += state.zones.flatMap(\.sources)

        let todays = incidents.filter { $0.date == date && window.contains($0.position) }
        let markers = todays.map { incidentMarker($0, style: style) }
        // Each incident credited by its published sources (a URL-less note only when it has nothing else).
        sources += todays.flatMap { i in i.sources.contains { $0.url != nil } ? i.sources.filter { $0.url != nil } : i.sources }
        if !todays.isEmpty { notes.append("Incidents of \(MapText.date(date)) as reported; casualty figures are the sources' best estimates.") }
        let unconfirmed = !(claimed.isEmpty && disputed.isEmpty)
        if unconfirmed { notes.append("Hatched areas were announced by one side and are not independently confirmed.") }
        notes.append("Areas on the WGS84 ellipsoid. Lines are approximate; see the sources.")

        return MapSpec(
            title: options.title ?? "Control on \(MapText.date(date))",
            subtitle: dataset.name, window: window, layers: layers,
            places: try base.places(state: state), markers: markers, areaLabels: base.countryLabels(countries, avoid: base.otherSidesLand(state)) + districtLabels, legendNotes: notes,
            attribution: MapText.attribution(dataset: dataset.name, sources: sources),
            description: "Control of the \(dataset.name) study area on \(dateText), drawn by frontline.")
    }

    static func zoneLayers(state: ControlState, timeline t: ControlTimeline, style: MapStyle) -> [MapLayer] {
        let kinds = t.zoneLabels.keys.sorted()
        var layers: [MapLayer] = []
        for (i, kind) in kinds.enumerated() {
            let zs = state.zones.filter { $0.zone == kind }
            guard !zs.isEmpty else { continue }
            layers.append(MapLayer(id: "zone-\(kind)", symbol: style.zone(kind, label: t.zoneLabels[kind] ?? kind, index: i), features: zs.map { z in
                MapFeature(id: z.id, geometry: z.geometry, data: [DataField("zone", z.zone), DataField("valid_from", z.validFrom.description),
                                                                  DataField("valid_to", z.validTo?.description ?? "")],
                           title: "\(t.zoneLabels[kind] ?? kind) from \(z.validFrom)")
            }))
        }
        return layers
    }

    static func incidentMarker(_ i: MapIncident, style: MapStyle) -> MapMarker {
        var data = [DataField("date", i.date.description), DataField("type", i.type)]
        if let k = i.killed { data.append(DataField("killed", String(k))) }
        if let w = i.wounded { data.append(DataField("wounded", String(w))) }
        let counts = [i.killed.map { "\($0) killed" }, i.wounded.map { "\($0) wounded" }].compactMap { $0 }.joined(separator: ", ")
        return MapMarker(id: i.id, position: i.position, magnitude: Double(i.casualties), symbol: style.incident, data: data,
                         title: "\(i.date) \(i.placeName): \(i.type)\(counts.isEmpty ? "" : " — \(counts)")",
                         label: i.type.prefix(1).uppercased() + i.type.dropFirst() + (counts.isEmpty ? "" : ": \(counts)"))
    }
}
