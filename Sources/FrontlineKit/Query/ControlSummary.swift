import GeoModel
import GeoOps

/// Area per side and per zone on a date.
public struct ControlSummary: Sendable {
    /// The date of the state summarised.
    public var date: Day
    /// Each side's id, label and km² held (on the WGS84 ellipsoid), in the timeline's side order.
    public var sides: [(side: String, label: String, areaKm2: Double)]
    /// Each zone kind active on the date: its id, label and km² (its zones dissolved), by id.
    public var zones: [(zone: String, label: String, areaKm2: Double)]
    /// The area of changes in force that are still only claimed or disputed, by side.
    public var unconfirmedKm2: [String: Double]

    /// Figures for a state.
    public init(state: ControlState, timeline: ControlTimeline) throws(FrontlineError) {
        date = state.date
        sides = timeline.sides.map { ($0.id, $0.label, state.areaKm2(of: $0.id)) }
        var byZone: [String: [Geometry]] = [:]
        for z in state.zones { byZone[z.zone, default: []].append(z.geometry) }
        var zs: [(String, String, Double)] = []
        do {
            for (k, gs) in byZone.sorted(by: { $0.key < $1.key }) {
                zs.append((k, timeline.zoneLabels[k] ?? k, Geodesy.areaKm2(try Geometry.unaryUnion(gs))))
            }
            var unconfirmed: [String: Double] = [:]
            for side in timeline.sides {
                let held = state.areas[side.id] ?? .empty
                let pieces = state.applied.filter { $0.change.to == side.id && $0.change.status(on: state.date) != .confirmed && !$0.geometry.isEmpty }.map(\.geometry)
                if pieces.isEmpty || held.isEmpty { continue }
                unconfirmed[side.id] = Geodesy.areaKm2(try Geometry.unaryUnion(pieces).intersection(held))
            }
            unconfirmedKm2 = unconfirmed
        } catch {
            throw .geometry("zone areas on \(state.date): \(error)")
        }
        zones = zs
    }

    /// As JSON: `date`, `sides` [{side, label, area_km2, unconfirmed_km2}], `zones` [{zone, label, area_km2}].
    public var json: JSONValue {
        var o = JSONObject()
        o["date"] = .string(date.description)
        o["sides"] = .array(sides.map { s in
            .object(JSONObject([("side", .string(s.side)), ("label", .string(s.label)), ("area_km2", .number(s.areaKm2.rounded(toPlaces: 2))),
                                ("unconfirmed_km2", .number((unconfirmedKm2[s.side] ?? 0).rounded(toPlaces: 2)))]))
        })
        o["zones"] = .array(zones.map { z in
            .object(JSONObject([("zone", .string(z.zone)), ("label", .string(z.label)), ("area_km2", .number(z.areaKm2.rounded(toPlaces: 2)))]))
        })
        return .object(o)
    }
}

extension ControlSummary {
    /// Figures for a snapshot state: its drawn sides (no zones, no claims).
    public init(asOf: AsOfState, label: (String) -> String) {
        date = asOf.requested
        sides = asOf.sides.map { ($0.id, label($0.id), asOf.state.areaKm2(of: $0.id)) }
        zones = []
        unconfirmedKm2 = [:]
    }
}
