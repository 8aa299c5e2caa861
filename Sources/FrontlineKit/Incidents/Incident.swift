import GeoModel

/// How precisely an incident's date is known (ACLED's time precision 1, 2, 3).
public enum DatePrecision: String, Hashable, Sendable, CaseIterable {
    case day, week, month

    /// ACLED's `time_precision` code.
    public var code: Int {
        switch self {
        case .day: 1
        case .week: 2
        case .month: 3
        }
    }
}

/// What kind of violence an incident was.
public enum IncidentType: String, Hashable, Sendable, CaseIterable {
    case shelling
    case missileStrike = "missile strike"
    case airstrike
    case droneStrike = "drone strike"
    case clashes
    case capture
    case clusterMunitions = "cluster munitions"
    case other
}

/// Where an incident happened, as precisely as the source says.
public struct IncidentPlace: Hashable, Sendable {
    /// The gazetteer id, nil when the name is not (or not unambiguously) in the gazetteer.
    public var id: String?
    public var name: String
    /// Coordinates, nil when the place is unresolved.
    public var position: Position?
    /// ACLED's geo precision: 1 the town itself, 2 near it or part of a district, 3 only the district or region; nil when unplaced.
    public var precision: Int?
    /// What the source said ("a village in its Barda district").
    public var detail: String?

    public init(id: String?, name: String, position: Position?, precision: Int?, detail: String? = nil) {
        self.id = id; self.name = name; self.position = position; self.precision = precision; self.detail = detail
    }
}

/// One sourced incident: a dated, placed attack with its alleged attacker, casualties, claimant and denials.
public struct Incident: Hashable, Sendable {
    public var id: String
    public var date: Day
    public var datePrecision: DatePrecision
    public var place: IncidentPlace?
    public var type: IncidentType
    /// The side alleged to have attacked (a side id such as `armenian`), or nil when not said or not a side of the dataset.
    public var attacker: String?
    public var killed: CasualtyGroups
    public var wounded: CasualtyGroups
    /// Who says so, written `Who: body or person` ("Azerbaijan: presidential aide Hikmet Hajiyev").
    public var claimant: String?
    public var sources: [SourceRef]
    /// Who denies it, in the claimant form.
    public var deniedBy: [String]
    public var status: ChangeStatus
    public var notes: String?

    public init(id: String, date: Day, datePrecision: DatePrecision = .day, place: IncidentPlace?, type: IncidentType,
                attacker: String?, killed: CasualtyGroups = CasualtyGroups(), wounded: CasualtyGroups = CasualtyGroups(),
                claimant: String?, sources: [SourceRef] = [], deniedBy: [String] = [], status: ChangeStatus = .claimed,
                notes: String? = nil) {
        self.id = id; self.date = date; self.datePrecision = datePrecision; self.place = place; self.type = type
        self.attacker = attacker; self.killed = killed; self.wounded = wounded; self.claimant = claimant
        self.sources = sources; self.deniedBy = deniedBy; self.status = status; self.notes = notes
    }
}

/// A running or overall total ("1,009 troops killed so far", "the death toll was nearing 5,000"): never an incident.
public struct AggregateClaim: Hashable, Sendable {
    public var id: String
    /// The date of the statement.
    public var date: Day
    public var datePrecision: DatePrecision
    public var claimant: String?
    /// The side whose figures these are (a side id), when the claimant is a party.
    public var sideReporting: String?
    /// `troops`, `civilians` or `people`.
    public var subject: String
    /// `killed` or `wounded`.
    public var measure: String
    public var count: CasualtyCount
    /// "at least", "nearly", "so far", "since the fighting began", …
    public var qualifier: String?
    /// The start of the period the total covers, when known.
    public var periodFrom: Day?
    public var sources: [SourceRef]
    /// The sentence the figure came from.
    public var quote: String?

    public init(id: String, date: Day, datePrecision: DatePrecision = .day, claimant: String?, sideReporting: String?,
                subject: String, measure: String, count: CasualtyCount, qualifier: String?, periodFrom: Day?,
                sources: [SourceRef] = [], quote: String? = nil) {
        self.id = id; self.date = date; self.datePrecision = datePrecision; self.claimant = claimant
        self.sideReporting = sideReporting; self.subject = subject; self.measure = measure; self.count = count
        self.qualifier = qualifier; self.periodFrom = periodFrom; self.sources = sources; self.quote = quote
    }
}
