import GeoModel
import GeoOps

/// The answer to "who held this place on that day, and how far was it from the front?".
public struct LocateResult: Sendable {
    /// The place's name, or `LAT,LON` when the query was a position.
    public var name: String
    /// The gazetteer place, or nil when the query was a position.
    public var place: Place?
    /// The position located, in WGS84 lon/lat.
    public var position: Position
    /// The day asked about.
    public var date: Day
    /// Who held the position that day, how sure the record is, and the zones covering it.
    public var control: PointControl
    /// The district holding the position, if any.
    public var district: District?
    /// Geodesic distance to the front line in km; nil when there is no front that day.
    public var distanceToFrontKm: Double?
    /// The change that drew the stretch of front nearest to the place (nil where it is the base line).
    public var frontChange: ControlChange?
    /// How far that stretch may be off, km (the change's precision), when the record says.
    public var frontPrecisionKm: Double? { frontChange?.precisionKm }
    /// Up to three other gazetteer places nearest to the position, with their geodesic distances in km.
    public var nearest: [(place: Place, km: Double)]

    /// The result as JSON (snake_case keys).
    public func json(sideLabel: (String) -> String) -> JSONValue {
        var o = JSONObject()
        var p = JSONObject()
        p["id"] = place.map { .string($0.id) } ?? .null
        p["name"] = .string(name)
        p["lat"] = .number(position.lat)
        p["lon"] = .number(position.lon)
        o["place"] = .object(p)
        o["date"] = .string(date.description)
        o["controller"] = control.side.map(JSONValue.string) ?? .null
        o["controller_label"] = control.side.map { .string(sideLabel($0)) } ?? .null
        o["status"] = .string(control.status.rawValue)
        o["district"] = district.map { .string($0.id) } ?? .null
        o["district_name"] = district.map { .string($0.name) } ?? .null
        o["distance_to_front_km"] = distanceToFrontKm.map { .number($0.rounded(toPlaces: 2)) } ?? .null
        o["front_precision_km"] = frontPrecisionKm.map { .number($0) } ?? .null
        if let c = frontChange {
            o["front_change"] = .object(JSONObject([("id", .string(c.id)), ("date", .string(c.date.description)),
                                                    ("status", .string(c.status(on: date).rawValue)),
                                                    ("claimant", c.claimant.map(JSONValue.string) ?? .null),
                                                    ("disputed_by", c.disputedBy.map(JSONValue.string) ?? .null)]))
        } else {
            o["front_change"] = .null
        }
        o["zones"] = .array(control.zones.map { .string($0.zone) })
        if let c = control.change {
            var ch = JSONObject()
            ch["id"] = .string(c.id)
            ch["date"] = .string(c.date.description)
            ch["from"] = .string(c.from)
            ch["to"] = .string(c.to)
            ch["claimant"] = c.claimant.map(JSONValue.string) ?? .null
            ch["disputed_by"] = c.disputedBy.map(JSONValue.string) ?? .null
            ch["precision"] = .string(c.precision)
            ch["recorded_status"] = .string(c.status.rawValue)
            ch["confirmed_on"] = c.confirmedOn.map { .string($0.description) } ?? .null
            ch["confirmed_by"] = c.confirmedBy.map(JSONValue.string) ?? .null
            ch["sources"] = .array(c.sources.map(\.json))
            o["change"] = .object(ch)
        } else {
            o["change"] = .null
        }
        o["nearest_places"] = .array(nearest.map { n in
            .object(JSONObject([("id", .string(n.place.id)), ("name", .string(n.place.name)), ("km", .number(n.km.rounded(toPlaces: 2)))]))
        })
        return .object(o)
    }
}

extension Dataset {
    /// Resolves a place name, id, or `LAT,LON` to a position; ambiguous or unknown names are errors, never guesses.
    public func resolve(_ query: String) throws(FrontlineError) -> (name: String, place: Place?, position: Position) {
        let parts = query.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        if parts.count == 2, let lat = Double(parts[0]), let lon = Double(parts[1]) {
            let p = Position(lon: lon, lat: lat)
            guard p.isInRange else { throw .badArgument("\"\(query)\": latitude must be within ±90 and longitude within ±180 (write LAT,LON)") }
            return ("\(lat),\(lon)", nil, p)
        }
        switch gazetteer.lookup(query) {
        case .found(let p):
            return (p.name, p, p.position)
        case .ambiguous(let ps):
            throw .badArgument("\"\(query)\" is ambiguous: " + ps.map { "\($0.id) (\($0.name), \($0.district ?? $0.country ?? "?"))" }.joined(separator: ", ") + "; use an id")
        case .notFound(let suggestions):
            let hint = suggestions.isEmpty ? "" : "; did you mean " + suggestions.map(\.name).joined(separator: ", ") + "?"
            throw .badArgument("unknown place \"\(query)\" (give a gazetteer name or LAT,LON)\(hint)")
        }
    }

    /// Who held a place on a day, its district, distance to the front and nearest places.
    public func locate(_ query: String, on date: Day, history: ControlHistory) throws(FrontlineError) -> LocateResult {
        let (name, place, position) = try resolve(query)
        let state = try history.state(on: date)
        let control = try state.control(at: position, sides: timeline.sides)
        let front = try state.frontLine(sides: timeline.sides)
        var distance: Double?
        var frontChange: ControlChange?
        if !front.isEmpty {
            do {
                distance = try Geodesy.distanceKm(from: position, to: front)
                // The stretch of front nearest the place was drawn by the latest change whose area it bounds.
                let (_, onFront) = try Geometry.point(Point(position)).nearestPoints(to: front)
                for m in state.applied.reversed() where !m.geometry.isEmpty {
                    if try Geodesy.distanceKm(from: onFront, to: m.geometry) < 0.05 { frontChange = m.change; break }
                }
            } catch { throw .geometry("distance to the front: \(error)") }
        }
        let nearest = gazetteer.nearest(to: position, limit: 4, distance: Geodesy.distanceKm).filter { $0.place.id != place?.id }.prefix(3)
        return LocateResult(name: name, place: place, position: position, date: date, control: control,
                            district: district(at: position), distanceToFrontKm: distance, frontChange: frontChange, nearest: Array(nearest))
    }
}

import Foundation
