import GeoModel

/// How sure the record is that a change of control happened as drawn.
public enum ChangeStatus: String, Sendable, CaseIterable {
    /// Announced by one side, not confirmed independently.
    case claimed
    /// Confirmed (by both sides, an agreement, or later independent reporting).
    case confirmed
    /// Announced by one side and denied by the other.
    case disputed
}

/// What a change of the record was, for diffs and change maps: each kind is counted and drawn apart.
public enum ChangeKind: String, Sendable, CaseIterable, Comparable {
    /// A change of control, by its status as known on the day (see ``ChangeStatus``).
    case confirmed, claimed, disputed
    /// Handed over under an agreement, not taken.
    case handover
    /// A zone (corridor) moved; not a change of control.
    case zone

    /// Legend and table wording.
    public var phrase: String {
        switch self {
        case .confirmed: return "confirmed"
        case .claimed: return "claimed"
        case .disputed: return "disputed"
        case .handover: return "handed over"
        case .zone: return "zone change"
        }
    }

    /// Orders kinds as declared: confirmed, claimed, disputed, handover, zone (legend and table order).
    public static func < (a: ChangeKind, b: ChangeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A public source for a record.
public struct SourceRef: Hashable, Sendable {
    /// The source's title (its URL when the record gives no title).
    public var title: String
    /// Where the source can be read, when it is online.
    public var url: String?
    /// The publication date as the record writes it, usually `YYYY-MM-DD`.
    public var date: String?
    /// Who published it (a ministry, an agency, a newspaper).
    public var publisher: String?

    /// Creates a source reference; only the title is required.
    public init(title: String, url: String? = nil, date: String? = nil, publisher: String? = nil) {
        self.title = title; self.url = url; self.date = date; self.publisher = publisher
    }

    /// The source as JSON.
    public var json: JSONValue {
        var o = JSONObject()
        o["title"] = .string(title)
        if let publisher { o["publisher"] = .string(publisher) }
        o["url"] = url.map(JSONValue.string) ?? .null
        o["date"] = date.map(JSONValue.string) ?? .null
        return .object(o)
    }

    /// A short citation: the URL, else the title.
    public var citation: String { url ?? title }
}

/// An area that moved from one side to another on a date.
public struct ControlChange: Hashable, Sendable {
    /// The change's id in `control.geojson`, unique in the dataset.
    public var id: String
    /// The day the area changed hands; the change applies to states on and after it.
    public var date: Day
    /// The id of the side that lost the area.
    public var from: String
    /// The id of the side that gained it.
    public var to: String
    /// The status as recorded; see `status(on:)` for the status on a given day.
    public var status: ChangeStatus
    /// Who announced the change, when the record says.
    public var claimant: String?
    /// Who denied it, for a disputed change.
    public var disputedBy: String?
    /// `district`, `town` or `approximate line`.
    public var precision: String
    /// Gazetteer ids of the settlements that changed hands in this change.
    public var places: [String]
    /// The public sources for the change.
    public var sources: [SourceRef]
    /// A free-text note from the record.
    public var note: String?
    /// The drawn area; when applied it is clipped to what `from` held.
    public var geometry: Geometry
    /// When a claim was later confirmed (e.g. by a ceasefire statement); the original status stays on record.
    public var confirmedOn: Day?
    /// Who or what confirmed it, with its sources.
    public var confirmedBy: String?
    /// The sources of the later confirmation.
    public var confirmationSources: [SourceRef] = []
    /// The agreement under which the area was handed over ("trilateral statement of 2020-11-10"), when it was.
    public var agreement: String?
    /// The zone whose movement this change records (a corridor moving), when it is not a change of control.
    public var zoneChange: String?
    /// How far the drawn line may be from the real one, km, when the record says.
    public var precisionKm: Double?

    /// What the change was as known on `day`: a zone movement, a handover under an agreement, or a
    /// confirmed, claimed or disputed change of control.
    public func kind(on day: Day) -> ChangeKind {
        if zoneChange != nil { return .zone }
        if agreement != nil { return .handover }
        switch status(on: day) {
        case .confirmed: return .confirmed
        case .claimed: return .claimed
        case .disputed: return .disputed
        }
    }

    /// The status as known on `day`: `confirmed` once `confirmedOn` has passed, else the recorded status.
    public func status(on day: Day) -> ChangeStatus {
        if let c = confirmedOn, day >= c { return .confirmed }
        return status
    }

    /// Creates a change of control; the confirmation, agreement, zone and precision fields start empty.
    public init(id: String, date: Day, from: String, to: String, status: ChangeStatus, claimant: String? = nil,
                disputedBy: String? = nil, precision: String, places: [String] = [], sources: [SourceRef], note: String? = nil,
                geometry: Geometry) {
        self.id = id; self.date = date; self.from = from; self.to = to; self.status = status; self.claimant = claimant
        self.disputedBy = disputedBy; self.precision = precision; self.places = places; self.sources = sources
        self.note = note; self.geometry = geometry
    }
}

/// An area a side held on the base date.
public struct BaseArea: Hashable, Sendable {
    /// The area's id in `control.geojson`.
    public var id: String
    /// The id of the side that held it.
    public var side: String
    /// How precisely it is drawn: `district`, `town` or `approximate line` (the default).
    public var precision: String
    /// The public sources for the area.
    public var sources: [SourceRef]
    /// A free-text note from the record.
    public var note: String?
    /// The area, a polygon or multipolygon in WGS84 lon/lat (clipped to the study area when states are built).
    public var geometry: Geometry
}

/// An overlay (peacekeeping zone, corridor) valid for a period, laid over control.
public struct Zone: Hashable, Sendable {
    /// The zone record's id in `control.geojson`.
    public var id: String
    /// The zone kind, e.g. `russian_peacekeeping`, `lachin_corridor`.
    public var zone: String
    /// The first day it applies.
    public var validFrom: Day
    /// First day it no longer applies; nil while open.
    public var validTo: Day?
    /// How precisely it is drawn: `district`, `town` or `approximate line` (the default).
    public var precision: String
    /// The public sources for the zone.
    public var sources: [SourceRef]
    /// A free-text note from the record.
    public var note: String?
    /// The zone's area, a polygon or multipolygon in WGS84 lon/lat.
    public var geometry: Geometry

    /// True when the zone applies on `day`.
    public func isActive(on day: Day) -> Bool { day >= validFrom && (validTo.map { day < $0 } ?? true) }
}
