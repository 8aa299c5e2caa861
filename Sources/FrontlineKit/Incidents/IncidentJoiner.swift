import GeoModel
import GeoOps

/// An incident joined to the control map of its date: who held the spot, its district, how far the front was.
public struct JoinedIncident: Hashable, Sendable {
    /// The incident.
    public var incident: Incident
    /// The side holding the incident's position on its date; nil when unplaced or outside the study area.
    public var controller: String?
    /// How sure the control record is at that spot.
    public var controlStatus: ChangeStatus?
    /// The id of the district holding the position, when there is one.
    public var districtID: String?
    /// The name of that district.
    public var districtName: String?
    /// Geodesic distance to the front line of that date, km; nil when unplaced or there is no front.
    public var distanceToFrontKm: Double?
    /// Why a figure is missing ("place not resolved", "before the dataset's base date").
    public var note: String?

    /// Creates a joined incident; the joined figures default to unknown.
    public init(incident: Incident, controller: String? = nil, controlStatus: ChangeStatus? = nil, districtID: String? = nil,
                districtName: String? = nil, distanceToFrontKm: Double? = nil, note: String? = nil) {
        self.incident = incident; self.controller = controller; self.controlStatus = controlStatus; self.districtID = districtID
        self.districtName = districtName; self.distanceToFrontKm = distanceToFrontKm; self.note = note
    }
}

/// Joins incidents to control, districts and the front line, computing each distinct control state's front once.
public final class IncidentJoiner: @unchecked Sendable {
    let dataset: Dataset
    let history: ControlHistory
    /// Front lines by the number of changes applied (one per distinct state, not per incident or date).
    private var fronts: [Int: Geometry] = [:]

    /// Prepares the joiner (computes the control history once).
    public convenience init(dataset: Dataset) throws(FrontlineError) {
        self.init(dataset: dataset, history: try dataset.timeline.history())
    }

    /// A joiner over a history already computed.
    public init(dataset: Dataset, history: ControlHistory) {
        self.dataset = dataset
        self.history = history
    }

    /// The front line in force on a day (cached per control state).
    public func frontLine(on day: Day) throws(FrontlineError) -> Geometry {
        let state = try history.state(on: day)
        if let f = fronts[state.applied.count] { return f }
        let f = try state.frontLine(sides: dataset.timeline.sides)
        fronts[state.applied.count] = f
        return f
    }

    /// Joins one incident.
    public func join(_ incident: Incident) throws(FrontlineError) -> JoinedIncident {
        var j = JoinedIncident(incident: incident)
        guard let p = incident.place?.position else {
            j.note = "place not resolved"
            return j
        }
        if let d = dataset.district(at: p) { j.districtID = d.id; j.districtName = d.name }
        guard incident.date >= dataset.timeline.baseDate else {
            j.note = "before the dataset's base date \(dataset.timeline.baseDate)"
            return j
        }
        let state = try history.state(on: incident.date)
        let c = try state.control(at: p, sides: dataset.timeline.sides)
        j.controller = c.side
        j.controlStatus = c.side == nil ? nil : c.status
        if c.side == nil { j.note = "outside the study area" }
        // Beyond the dataset's map window (another war's town read from a report) there is no front of this
        // dataset to measure to: no distance, rather than 1,300 km to Karabakh.
        if c.side == nil, !dataset.window.contains(p) { j.note = "outside the study area and its map window: no front of this dataset near"; return j }
        let front = try frontLine(on: incident.date)
        if !front.isEmpty {
            do { j.distanceToFrontKm = try Geodesy.distanceKm(from: p, to: front) } catch {
                throw .geometry("distance from \(incident.id) to the front: \(error)")
            }
        } else {
            j.note = j.note ?? "no front line on \(incident.date)"
        }
        return j
    }

    /// Joins every incident, in order.
    public func join(_ incidents: [Incident]) throws(FrontlineError) -> [JoinedIncident] {
        var out: [JoinedIncident] = []
        for i in incidents { out.append(try join(i)) }
        return out
    }
}

extension JoinedIncident {
    /// The join figures as JSON: `{"controller", "control_status", "district", "distance_to_front_km", "note"}`.
    public var joinJSON: JSONValue {
        var o = JSONObject()
        o["controller"] = controller.map(JSONValue.string) ?? .null
        o["control_status"] = controlStatus.map { .string($0.rawValue) } ?? .null
        o["district"] = districtID.map(JSONValue.string) ?? .null
        o["distance_to_front_km"] = distanceToFrontKm.map { .number(($0 * 1000).rounded() / 1000) } ?? .null
        if let note { o["note"] = .string(note) }
        return .object(o)
    }

    /// The incident's JSON with the join figures added under `join`.
    public var json: JSONValue {
        guard case .object(var o) = incident.json else { return incident.json }
        o["join"] = joinJSON
        return .object(o)
    }
}
