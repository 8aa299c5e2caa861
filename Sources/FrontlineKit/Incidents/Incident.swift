import GeoModel

/// How precisely an incident's date is known (ACLED's time precision 1, 2, 3).
public enum DatePrecision: String, Hashable, Sendable, CaseIterable {
    /// Known to the day (ACLED 1), the week (2), or the month (3).
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
    /// Artillery, rocket-artillery (Grad, Smerch) or mortar fire.
    case shelling
    /// A missile strike.
    case missileStrike = "missile strike"
    /// An attack by aircraft.
    case airstrike
    /// An attack by drone.
    case droneStrike = "drone strike"
    /// Armed clashes between forces.
    case clashes
    /// The capture of a place.
    case capture
    /// An attack with cluster munitions.
    case clusterMunitions = "cluster munitions"
    /// Any other kind, or one the source does not say.
    case other
}

/// Where an incident happened, as precisely as the source says.
public struct IncidentPlace: Hashable, Sendable {
    /// The gazetteer id, nil when the name is not (or not unambiguously) in the gazetteer.
    public var id: String?
    /// The place's name as the record gives it.
    public var name: String
    /// Coordinates, nil when the place is unresolved.
    public var position: Position?
    /// ACLED's geo precision: 1 the town itself, 2 near it or part of a district, 3 only the district or region; nil when unplaced.
    public var precision: Int?
    /// What the source said ("a village in its Barda district").
    public var detail: String?

    /// Creates a place; `precision` is ACLED's geo precision (1–3), nil when unplaced.
    public init(id: String?, name: String, position: Position?, precision: Int?, detail: String? = nil) {
        self.id = id; self.name = name; self.position = position; self.precision = precision; self.detail = detail
    }
}

/// One sourced incident: a dated, placed attack with its alleged attacker, casualties, claimant and denials.
public struct Incident: Hashable, Sendable {
    /// The incident's id, unique in its catalog.
    public var id: String
    /// The day it happened (a day within its week or month when `datePrecision` is coarser).
    public var date: Day
    /// How precisely the date is known.
    public var datePrecision: DatePrecision
    /// Where it happened, or nil when the source does not say.
    public var place: IncidentPlace?
    /// What kind of violence it was.
    public var type: IncidentType
    /// The side alleged to have attacked (a side id such as `armenian`), or nil when not said or not a side of the dataset.
    public var attacker: String?
    /// The people killed, by group.
    public var killed: CasualtyGroups
    /// The people wounded, by group.
    public var wounded: CasualtyGroups
    /// Who says so, written `Who: body or person` ("Azerbaijan: presidential aide Hikmet Hajiyev").
    public var claimant: String?
    /// The public sources that report it.
    public var sources: [SourceRef]
    /// Who denies it, in the claimant form.
    public var deniedBy: [String]
    /// How sure the record is: `claimed` unless the record says `confirmed` or `disputed`.
    public var status: ChangeStatus
    /// A free-text note from the record.
    public var notes: String?

    /// Creates an incident; casualties default to none stated and the status to `claimed`.
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
    /// The claim's id, unique in its catalog.
    public var id: String
    /// The date of the statement.
    public var date: Day
    /// How precisely the statement's date is known.
    public var datePrecision: DatePrecision
    /// Who states the figure, in the form `Who: body or person`.
    public var claimant: String?
    /// The side whose figures these are (a side id), when the claimant is a party.
    public var sideReporting: String?
    /// `troops`, `civilians` or `people`.
    public var subject: String
    /// `killed` or `wounded`.
    public var measure: String
    /// The figure, with its bounds.
    public var count: CasualtyCount
    /// "at least", "nearly", "so far", "since the fighting began", …
    public var qualifier: String?
    /// The start of the period the total covers, when known.
    public var periodFrom: Day?
    /// The public sources that report the statement.
    public var sources: [SourceRef]
    /// The sentence the figure came from.
    public var quote: String?

    /// Creates an aggregate claim from a dated statement of a total.
    public init(id: String, date: Day, datePrecision: DatePrecision = .day, claimant: String?, sideReporting: String?,
                subject: String, measure: String, count: CasualtyCount, qualifier: String?, periodFrom: Day?,
                sources: [SourceRef] = [], quote: String? = nil) {
        self.id = id; self.date = date; self.datePrecision = datePrecision; self.claimant = claimant
        self.sideReporting = sideReporting; self.subject = subject; self.measure = measure; self.count = count
        self.qualifier = qualifier; self.periodFrom = periodFrom; self.sources = sources; self.quote = quote
    }
}
