import GeoModel
import GeoOps

/// A side of a conflict (`azerbaijan`, `armenian`, or `occupied` for single-side snapshots).
public struct Side: Hashable, Sendable {
    /// The side's id, as records and snapshots name it.
    public var id: String
    /// The side's name for maps and tables.
    public var label: String
    /// Creates a side from its id and label.
    public init(id: String, label: String) { self.id = id; self.label = label }
}

/// The control history: a study area, a base state on a base date, ordered sourced changes, and zones.
///
/// The state on a day is the base state with every change dated on or before it applied, so sides never
/// overlap and always cover the study area by construction.
public struct ControlTimeline: Sendable {
    /// The sides, in the dataset's order (which also orders legends and colours).
    public var sides: [Side]
    /// The side that holds whatever part of the study area no base area gives another side.
    public var defaultSide: String
    /// The date of the base state; no state exists before it.
    public var baseDate: Day
    /// The area the sides divide between them, in WGS84 lon/lat.
    public var studyArea: Geometry
    /// The areas each side held on the base date.
    public var baseAreas: [BaseArea]
    /// Ordered by date, then by file order.
    public var changes: [ControlChange]
    /// The overlays (peacekeeping zones, corridors), each valid for a period.
    public var zones: [Zone]
    /// The label of each zone kind, by kind id (e.g. `lachin_corridor` → "Lachin corridor").
    public var zoneLabels: [String: String]

    /// Creates a timeline; `changes` are sorted by date, keeping their given order within a day.
    public init(sides: [Side], defaultSide: String, baseDate: Day, studyArea: Geometry, baseAreas: [BaseArea],
                changes: [ControlChange], zones: [Zone], zoneLabels: [String: String] = [:]) {
        self.sides = sides
        self.defaultSide = defaultSide
        self.baseDate = baseDate
        self.studyArea = studyArea
        self.baseAreas = baseAreas
        // A stable sort: same-day changes keep file order.
        self.changes = changes.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
        self.zones = zones
        self.zoneLabels = zoneLabels
    }

    /// The label of a side id.
    public func label(of side: String) -> String { sides.first { $0.id == side }?.label ?? side }

    /// Every state, once: the base state, then one after each date on which changes happened.
    /// Compute it once and query it many times (see `ControlHistory`).
    public func history() throws(FrontlineError) -> ControlHistory {
        try ControlHistory(timeline: self)
    }
}

/// A piece of territory that moved in one change (the change's drawn area clipped to what `from` held then).
public struct MovedArea: Sendable {
    /// The change that moved it.
    public var change: ControlChange
    /// The territory actually moved, in WGS84 lon/lat (empty when `from` held none of the drawn area).
    public var geometry: Geometry
    /// Its area in km², on the WGS84 ellipsoid.
    public var areaKm2: Double
}

/// The control state on a day.
public struct ControlState: Sendable {
    /// The date of the state.
    public var date: Day
    /// The area each side held, by side id (every side present, possibly empty).
    public var areas: [String: Geometry]
    /// The changes applied so far, newest last, with the area each actually moved.
    public var applied: [MovedArea]
    /// Zones active on the date.
    public var zones: [Zone]

    /// A state of areas by side (no provenance, no zones unless given).
    public init(date: Day, areas: [String: Geometry], applied: [MovedArea] = [], zones: [Zone] = []) {
        self.date = date; self.areas = areas; self.applied = applied; self.zones = zones
    }

    /// The area of a side, km² on the WGS84 ellipsoid.
    public func areaKm2(of side: String) -> Double { areas[side].map(Geodesy.areaKm2) ?? 0 }
}

/// All states of a timeline, computed once, answering as-of-date queries.
public final class ControlHistory: @unchecked Sendable {
    /// Remainder pieces smaller than this (km²) after a change are overlay shards, not territory.
    public static let sliverKm2 = 0.01
    /// The timeline the states were computed from.
    public let timeline: ControlTimeline
    /// States after the base date and after each change date, in date order.
    public let states: [ControlState]

    init(timeline: ControlTimeline) throws(FrontlineError) {
        self.timeline = timeline
        do {
            let study = timeline.studyArea
            var areas: [String: Geometry] = [:]
            var others: [Geometry] = []
            for side in timeline.sides where side.id != timeline.defaultSide {
                let mine = timeline.baseAreas.filter { $0.side == side.id }.map(\.geometry)
                let g = mine.isEmpty ? Geometry.empty : try Geometry.unaryUnion(mine).intersection(study).polygonalPart
                areas[side.id] = g
                others.append(g)
            }
            areas[timeline.defaultSide] = try study.difference(Geometry.unaryUnion(others)).polygonalPart
            var states = [ControlState(date: timeline.baseDate, areas: areas, applied: [],
                                       zones: timeline.zones.filter { $0.isActive(on: timeline.baseDate) })]
            var applied: [MovedArea] = []
            var i = 0
            let changes = timeline.changes
            while i < changes.count {
                let day = changes[i].date
                while i < changes.count && changes[i].date == day {
                    let c = changes[i]
                    let held = areas[c.from] ?? .empty
                    var moved = try c.geometry.intersection(held).polygonalPart
                    if !moved.isEmpty {
                        // Overlay leaves shards where a drawn edge nearly follows the held edge: shards of the
                        // remainder below the sliver size go with the moved area, so no side keeps specks.
                        let remainder = try held.difference(moved).polygonalPart.polygons
                        let shards = remainder.filter { Geodesy.areaKm2($0) < ControlHistory.sliverKm2 }
                        if !shards.isEmpty {
                            moved = try moved.union(.polygonal(shards)).polygonalPart
                        }
                        areas[c.from] = .polygonal(remainder.filter { Geodesy.areaKm2($0) >= ControlHistory.sliverKm2 })
                        areas[c.to] = try (areas[c.to] ?? .empty).union(moved).polygonalPart
                    }
                    applied.append(MovedArea(change: c, geometry: moved, areaKm2: Geodesy.areaKm2(moved)))
                    i += 1
                }
                states.append(ControlState(date: day, areas: areas, applied: applied,
                                           zones: timeline.zones.filter { $0.isActive(on: day) }))
            }
            self.states = states
        } catch {
            throw .geometry("computing the control states: \(error)")
        }
    }

    /// The state on `day`: the base state with every change dated on or before it.
    public func state(on day: Day) throws(FrontlineError) -> ControlState {
        guard day >= timeline.baseDate else {
            throw .badArgument("\(day) is before the dataset's base date \(timeline.baseDate)")
        }
        // The last state whose date is ≤ day.
        var lo = 0, hi = states.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if states[mid].date <= day { lo = mid } else { hi = mid - 1 }
        }
        var s = states[lo]
        s.date = day
        s.zones = timeline.zones.filter { $0.isActive(on: day) }
        return s
    }
}
