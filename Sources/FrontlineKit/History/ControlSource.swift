import Foundation
import GeoModel
import GeoOps

/// The state that answers for a requested day: the latest state on or before it, and which one that is.
public struct AsOfState: Sendable {
    /// The day asked about.
    public var requested: Day
    /// The date of the state that answers (a snapshot's date, or the dataset's last change on or before the day).
    public var asOf: Day
    /// The control state that answers: each side's area, and for the dataset the changes applied and active zones.
    public var state: ControlState
    /// The sides drawn in this state, in order.
    public var sides: [Side]
    /// The implicit complement of a one-sided snapshot (`other`), or nil when every side is drawn.
    public var implicitSide: String?
    /// What answered, for people: "the snapshot of 2025-08-03 (1754251105.geojson)", "the dataset (change of 2020-11-10)".
    public var description: String
    /// A note when the day lies after the source's last date.
    public var note: String?

    /// Creates the answer for a requested day from the state that answers and how to describe it.
    public init(requested: Day, asOf: Day, state: ControlState, sides: [Side], implicitSide: String?, description: String, note: String?) {
        self.requested = requested; self.asOf = asOf; self.state = state; self.sides = sides; self.implicitSide = implicitSide
        self.description = description; self.note = note
    }
}

/// A dated control history: the dates it knows, the state on a date, the diff between two dates.
///
/// Two implementations: the bundled dataset (`DatasetSource`, with provenance, gazetteer and districts) and
/// snapshot archives (`SnapshotArchive`: a folder, files, a glob, or one file holding many dates). Commands are
/// written once against this interface.
public protocol ControlSource: AnyObject, Sendable {
    /// A short name for messages and outputs.
    var name: String { get }
    /// The dates at which the source has a state, ascending.
    var dates: [Day] { get }
    /// The state on a day: the latest on or before it. A day before the first date is a usage error naming the range.
    func state(on day: Day) throws(FrontlineError) -> AsOfState
    /// What changed between two days (each resolved to its state as by `state(on:)`).
    func diff(from: Day, to: Day, options: ControlDiff.Options) throws(FrontlineError) -> ControlDiff
    /// The label of a side id.
    func label(of side: String) -> String
    /// A credit line for maps (e.g. "DeepStateMap.Live").
    var credit: String? { get }
    /// Area per side at the source's dates between two days (or at ticks of `step`, each the latest state on or
    /// before it), with the km² gained and lost since the previous row's state.
    func timeline(from lo: Day, to hi: Day, every step: Every?, options: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow]
}

extension ControlSource {
    /// The first and last dates, for messages.
    public var rangeDescription: String {
        guard let f = dates.first, let l = dates.last else { return "no dates" }
        return f == l ? "\(f)" : "\(f) to \(l)"
    }

    /// Throws the usage error for a day before the first date.
    public func checkDay(_ day: Day) throws(FrontlineError) { try checkNotBefore(day) }

    func checkNotBefore(_ day: Day) throws(FrontlineError) {
        guard let first = dates.first else { throw .badArgument("\(name) has no dated states") }
        if day < first { throw .badArgument("\(day) is before \(name)'s first date: it covers \(rangeDescription)") }
    }
}

/// A source of dated snapshots — an archive of files, or PostGIS — whose state on a day is also a `Snapshot`
/// (sides, areas, a label, the rules that read it) for maps, `locate` and animations.
public protocol SnapshotSource: ControlSource {
    /// The snapshot that answers for a day: the latest on or before it.
    func snapshot(on day: Day) throws(FrontlineError) -> Snapshot
}

/// The bundled (or any) dataset as a source: base state plus sourced changes, with provenance.
public final class DatasetSource: ControlSource, @unchecked Sendable {
    /// The dataset.
    public let dataset: Dataset
    /// Every state of the dataset's timeline, computed once.
    public let history: ControlHistory
    /// Wraps a dataset, computing its control history.
    ///
    /// - Throws: `FrontlineError.geometry` when the states cannot be computed from the base areas and changes.
    public init(dataset: Dataset) throws(FrontlineError) {
        self.dataset = dataset
        self.history = try dataset.timeline.history()
    }

    /// "the dataset NAME", for messages.
    public var name: String { "the dataset \(dataset.name)" }
    /// The base date and every date on which changes happened, ascending.
    public var dates: [Day] { history.states.map(\.date) }
    /// Always nil: the dataset credits its sources one by one.
    public var credit: String? { nil }
    /// The dataset's label of a side (the id itself for an unknown side).
    public func label(of side: String) -> String { dataset.timeline.label(of: side) }

    /// The base state with every change dated on or before `day` applied (after the last change, with a note).
    ///
    /// - Throws: `FrontlineError.badArgument` for a day before the base date.
    public func state(on day: Day) throws(FrontlineError) -> AsOfState {
        try checkNotBefore(day)
        let s = try history.state(on: day)
        let asOf = history.states.last { $0.date <= day }?.date ?? day
        var note: String?
        if let last = dates.last, day > last {
            note = "no change recorded after \(last); showing that state"
        }
        return AsOfState(requested: day, asOf: asOf, state: s, sides: dataset.timeline.sides, implicitSide: nil,
                         description: asOf == dataset.timeline.baseDate ? "the dataset (base state of \(asOf))" : "the dataset (last change on \(asOf))",
                         note: note)
    }

    /// What changed between two days, split by change kind, with the settlements that changed side, the districts
    /// each piece touches, the changes that explain it, and zone events.
    ///
    /// - Throws: `FrontlineError.badArgument` for a day before the base date; `.geometry` when an overlay fails.
    public func diff(from: Day, to: Day, options: ControlDiff.Options = ControlDiff.Options()) throws(FrontlineError) -> ControlDiff {
        try checkNotBefore(from)
        return try ControlDiff.between(try history.state(on: from), try history.state(on: to), timeline: dataset.timeline,
                                       gazetteer: dataset.gazetteer, districts: dataset.districts, options: options)
    }
}
