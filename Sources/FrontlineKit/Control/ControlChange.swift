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

    public static func < (a: ChangeKind, b: ChangeKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A public source for a record.
public struct SourceRef: Hashable, Sendable {
    public var title: String
    public var url: String?
    public var date: String?
    public var publisher: String?

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
    public var id: String
    public var date: Day
    public var from: String
    public var to: String
    public var status: ChangeStatus
    public var claimant: String?
    public var disputedBy: String?
    /// `district`, `town` or `approximate line`.
    public var precision: String
    /// Gazetteer ids of the settlements that changed hands in this change.
    public var places: [String]
    public var sources: [SourceRef]
    public var note: String?
    /// The drawn area; when applied it is clipped to what `from` held.
    public var geometry: Geometry
    /// When a claim was later confirmed (e.g. by a ceasefire statement); the original status stays on record.
    public var confirmedOn: Day?
    /// Who or what confirmed it, with its sources.
    public var confirmedBy: String?
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
    public var id: String
    public var side: String
    public var precision: String
    public var sources: [SourceRef]
    public var note: String?
    public var geometry: Geometry
}

/// An overlay (peacekeeping zone, corridor) valid for a period, laid over control.
public struct Zone: Hashable, Sendable {
    public var id: String
    /// The zone kind, e.g. `russian_peacekeeping`, `lachin_corridor`.
    public var zone: String
    public var validFrom: Day
    /// First day it no longer applies; nil while open.
    public var validTo: Day?
    public var precision: String
    public var sources: [SourceRef]
    public var note: String?
    public var geometry: Geometry

    /// True when the zone applies on `day`.
    public func isActive(on day: Day) -> Bool { day >= validFrom && (validTo.map { day < $0 } ?? true) }
}
