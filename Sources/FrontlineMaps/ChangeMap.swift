import FrontlineKit
import GeoModel
import MapRender

/// The map of what changed hands between two dates, drawn on the later state.
public enum ChangeMap {
    /// The map of what changed hands between two dates: the later state, the pieces gained by each side (hatched by
    /// kind of change, with km² in the legend), both front lines, and the settlements that changed side.
    ///
    /// - Parameters:
    ///   - dataset: The dataset whose sides, districts, gazetteer and base layers are drawn.
    ///   - history: The dataset's control history, giving the state on each date.
    ///   - d1: The earlier date.
    ///   - d2: The later date, whose state is drawn.
    ///   - options: The window (default: the dataset's), title and style.
    /// - Returns: The map's layers, places, labels, notes and attribution, ready for `MapMaker`.
    /// - Throws: `FrontlineError` when a date is before the history's first state or a base layer cannot be read.
    public static func spec(dataset: Dataset, history: ControlHistory, from d1: Day, to d2: Day,
                            options: MapOptions = MapOptions()) throws(FrontlineError) -> MapSpec {
        let style = options.style
        let t = dataset.timeline
        let a = try history.state(on: d1), b = try history.state(on: d2)
        let diff = try ControlDiff.between(a, b, timeline: t, gazetteer: dataset.gazetteer, districts: dataset.districts,
                                           options: .standard)
        let window = options.window ?? dataset.window
        let base = BaseLayers(dataset: dataset, style: style, window: window)
        let countries = try base.countries()
        var layers: [MapLayer] = [countries]
        for (i, side) in t.sides.enumerated() {
            guard let g = b.areas[side.id], !g.isEmpty else { continue }
            let km2 = b.areaKm2(of: side.id)
            layers.append(MapLayer(id: "control-\(side.id)", symbol: style.sideArea(side.id, label: "Held by \(side.label) on \(d2)", index: i), features: [
                MapFeature(id: side.id, geometry: g, data: [DataField("side", side.id), DataField("date", d2.description),
                                                            DataField("area_km2", MapText.number(km2))]),
            ]))
        }
        let change = changeLayers(diff, sides: t.sides, from: d1, to: d2, style: style, zoneLabels: t.zoneLabels)
        layers += change.layers
        let (districtLayer, districtLabels) = base.districts()
        layers.append(districtLayer)
        layers += StateMap.zoneLayers(state: b, timeline: t, style: style)
        layers.append(try base.rivers())
        layers.append(try base.borders())
        layers.append(try base.formerOblast())
        layers += try frontLines(before: a, after: b, sides: t.sides, style: style)

        var changed: [String: (side: String, label: String, index: Int)] = [:]
        for s in diff.settlements {
            guard let to = s.toSide, let i = t.sides.firstIndex(where: { $0.id == to }) else { continue }
            let handover = s.kind == .handover
            let n = diff.settlements.filter { $0.toSide == to && ($0.kind == .handover) == handover }.count
            changed[s.place.id] = (to, handover ? "Settlement handed over to \(t.label(of: to)) (\(n))" : "Settlement taken by \(t.label(of: to)) (\(n))", i)
        }
        var sources = diff.changes.flatMap(\.sourceChanges).flatMap(\.sources)
        sources += diff.settlements.flatMap(\.sources)
        var notes = change.notes
        notes.append("Areas on the WGS84 ellipsoid; lines are approximate.")
        return MapSpec(
            title: options.title ?? "Changes of control, \(MapText.date(d1)) – \(MapText.date(d2))",
            subtitle: dataset.name, window: window, layers: layers,
            places: try base.places(state: b, changed: changed), areaLabels: base.countryLabels(countries, avoid: base.otherSidesLand(b)) + districtLabels, legendNotes: notes,
            attribution: MapText.attribution(dataset: dataset.name, sources: sources),
            description: "Areas that changed hands between \(d1) and \(d2), drawn by frontline.")
    }

    /// Hatched gains per side and per kind (confirmed, claimed, disputed, handed over, zone moved) with km² in
    /// the legend, and notes with the totals.
    static func changeLayers(_ diff: ControlDiff, sides: [Side], from d1: Day?, to d2: Day?, style: MapStyle,
                             zoneLabels: [String: String] = [:],
                             gainLabel: (Side) -> String = { "Gained by \($0.label)" }) -> (layers: [MapLayer], notes: [String]) {
        func zoneLabel(_ z: String?) -> String { z.map { zoneLabels[$0] ?? $0 } ?? "A zone" }
        var layers: [MapLayer] = [], notes: [String] = []
        let period = [d1, d2].compactMap { $0?.description }.joined(separator: " → ")
        let kinds: [ChangeKind?] = [nil] + ChangeKind.allCases.map { $0 }
        for (i, side) in sides.enumerated() {
          for kind in kinds {
            let pieces = diff.changes.filter { $0.toSide == side.id && $0.kind == kind }
            guard !pieces.isEmpty else { continue }
            let km2 = diff.gainedKm2(by: side.id, kind: kind)
            let agreement = pieces.flatMap(\.sourceChanges).compactMap(\.agreement).first
            let zone = pieces.flatMap(\.sourceChanges).compactMap(\.zoneChange).first
            let what: String
            switch kind {
            case nil: what = gainLabel(side)
            case .confirmed?: what = "\(gainLabel(side)), confirmed"
            case .claimed?: what = "Claimed by \(side.label)"
            case .disputed?: what = "Claimed by \(side.label), disputed"
            case .handover?: what = "Handed over to \(side.label)" + (agreement.map { " under the \($0)" } ?? "")
            case .zone?: what = "\(zoneLabel(zone)) moved here (not a change of control)"
            }
            let label = "\(what): \(MapText.km2(km2))"
            layers.append(MapLayer(id: "gain-\(side.id)\(kind.map { "-\($0.rawValue)" } ?? "")",
                                   symbol: style.gain(by: side.id, kind: kind?.rawValue ?? "", label: label, index: i),
                                   features: pieces.enumerated().map { k, p in
                var data = [DataField("side", p.toSide), DataField("from_side", p.fromSide), DataField("area_km2", MapText.number(p.areaKm2))]
                if let d2 { data.append(DataField("date", d2.description)) }
                if !p.districts.isEmpty { data.append(DataField("districts", p.districts.joined(separator: " "))) }
                if !p.sourceChanges.isEmpty {
                    data.append(DataField("changes", p.sourceChanges.map(\.id).joined(separator: " ")))
                    data.append(DataField("change_dates", p.sourceChanges.map(\.date.description).joined(separator: " ")))
                }
                if let kind { data.append(DataField("change_type", kind.rawValue)) }
                return MapFeature(id: "\(side.id)\(kind.map { "-\($0.rawValue)" } ?? "")-\(k + 1)", geometry: p.geometry, data: data,
                                  title: "\(p.fromSide) → \(p.toSide)\(kind.map { ", \($0.phrase)" } ?? ""): \(MapText.km2(p.areaKm2))\(period.isEmpty ? "" : " (\(period))")")
            }))
          }
        }
        for z in diff.zoneEvents {
            switch z.event {
            case .began: notes.append("\(z.label) began on \(MapText.date(z.date)) (\(MapText.km2(z.areaAfterKm2 ?? 0))).")
            case .ended: notes.append("\(z.label) ended on \(MapText.date(z.date)).")
            case .redrawn: notes.append("\(z.label) redrawn on \(MapText.date(z.date)): \(MapText.km2(z.areaBeforeKm2 ?? 0)) → \(MapText.km2(z.areaAfterKm2 ?? 0)).")
            }
        }
        for s in diff.sides where s.gainedKm2 > 0 || s.lostKm2 > 0 {
            let label = sides.first { $0.id == s.side }?.label ?? s.side
            notes.append("\(label): gained \(MapText.km2(s.gainedKm2)), lost \(MapText.km2(s.lostKm2)).")
        }
        return (layers, notes)
    }

    /// The later front line solid and the earlier one dotted, so the movement reads at a glance.
    static func frontLines(before a: ControlState, after b: ControlState, sides: [Side], style: MapStyle) throws(FrontlineError) -> [MapLayer] {
        var out: [MapLayer] = []
        let old = try a.frontLine(sides: sides)
        if !old.isEmpty {
            let sym = style.previousFrontLine.withLegend("Front line on \(a.date)")
            out.append(MapLayer(id: "front-line-before", symbol: sym, features: [MapFeature(id: a.date.description, geometry: old, data: [DataField("date", a.date.description)])]))
        }
        let new = try b.frontLine(sides: sides)
        if !new.isEmpty {
            out.append(MapLayer(id: "front-line", symbol: style.frontLine.withLegend("Front line on \(b.date)"),
                                features: [MapFeature(id: b.date.description, geometry: new, data: [DataField("date", b.date.description)])]))
        }
        return out
    }
}
