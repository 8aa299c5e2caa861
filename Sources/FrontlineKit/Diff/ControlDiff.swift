import GeoModel
import GeoOps

/// Area figures of one side between two states.
public struct SideDelta: Sendable {
    /// The side's id.
    public var side: String
    /// km² held at the first state; nil when unknown (the implicit "other" side of a snapshot).
    public var areaFromKm2: Double?
    /// km² held at the second state; nil when unknown (the implicit "other" side of a snapshot).
    public var areaToKm2: Double?
    /// km² of control gained between the states (zone movements not counted).
    public var gainedKm2: Double
    /// km² of control lost between the states (zone movements not counted).
    public var lostKm2: Double
    /// gained − lost.
    public var netKm2: Double { gainedKm2 - lostKm2 }
    /// Creates a side's figures; all areas in km².
    public init(side: String, areaFromKm2: Double?, areaToKm2: Double?, gainedKm2: Double, lostKm2: Double) {
        self.side = side; self.areaFromKm2 = areaFromKm2; self.areaToKm2 = areaToKm2; self.gainedKm2 = gainedKm2; self.lostKm2 = lostKm2
    }
}

/// A connected area that passed from one side to another.
public struct ChangePolygon: Sendable {
    /// The id of the side that held it at the first state.
    public var fromSide: String
    /// The id of the side that holds it at the second state.
    public var toSide: String
    /// The piece, one polygon in WGS84 lon/lat.
    public var geometry: Geometry
    /// Its area in km², on the WGS84 ellipsoid.
    public var areaKm2: Double
    /// Ids of the districts it touches.
    public var districts: [String]
    /// The dated changes of the timeline that moved (part of) it; empty for snapshot diffs.
    public var sourceChanges: [ControlChange]
    /// What the changes that moved it were (confirmed, claimed, disputed, handed over, zone) as known at the
    /// later date; nil when no recorded change explains it (snapshot diffs).
    public var kind: ChangeKind?
    /// Creates a change piece; `kind` is nil when no recorded change explains it.
    public init(fromSide: String, toSide: String, geometry: Geometry, areaKm2: Double, districts: [String], sourceChanges: [ControlChange],
                kind: ChangeKind? = nil) {
        self.fromSide = fromSide; self.toSide = toSide; self.geometry = geometry; self.areaKm2 = areaKm2
        self.districts = districts; self.sourceChanges = sourceChanges; self.kind = kind
    }
    /// True for a change of control (not a zone movement).
    public var isControl: Bool { kind != .zone }
}

/// A settlement whose controller differs between the two states.
public struct SettlementChange: Sendable {
    /// The settlement, from the gazetteer.
    public var place: Place
    /// The side that held it at the first state; nil when it lay outside every side's area.
    public var fromSide: String?
    /// The side that holds it at the second state; nil when it lies outside every side's area.
    public var toSide: String?
    /// The date of the change within the interval that moved it, when the timeline knows it.
    public var date: Day?
    /// The status of the change that moved it, as known at the later date; nil when no recorded change did.
    public var status: ChangeStatus?
    /// The sources of the change that moved it (empty when none is recorded).
    public var sources: [SourceRef]
    /// What the change that moved it was, as known at the later date.
    public var kind: ChangeKind?
    /// The id of that change.
    public var changeID: String?
}

/// A zone that began, ended or was redrawn between the two dates (reported apart from control).
public struct ZoneEvent: Sendable {
    /// What happened to the zone: it `began`, `ended`, or was `redrawn` (one ended and another began that day).
    public enum Event: String, Sendable { case began, ended, redrawn }
    /// The zone kind (e.g. `lachin_corridor`).
    public var zone: String
    /// The zone kind's label (its id when the dataset gives none).
    public var label: String
    /// What happened.
    public var event: Event
    /// The day it happened.
    public var date: Day
    /// km² before the event (nil where the zone did not exist).
    public var areaBeforeKm2: Double?
    /// km² after the event (nil where the zone no longer exists).
    public var areaAfterKm2: Double?
    /// The ids of the zone records that ended and began that day.
    public var ids: [String]
}

/// What changed hands between two control states: km² per side, change polygons, settlements.
public struct ControlDiff: Sendable {
    /// The date of the first state.
    public var from: Day?
    /// The date of the second state.
    public var to: Day?
    /// Area figures per side, in the order of the sides given (an implicit side last).
    public var sides: [SideDelta]
    /// The pieces that changed hands, largest first; slivers are left out.
    public var changes: [ChangePolygon]
    /// The gazetteer's settlements whose side differs between the states (empty without a gazetteer).
    public var settlements: [SettlementChange]
    /// Area of change pieces dropped as slivers (thinner than the sliver width or smaller than the minimum area).
    public var droppedSliverKm2: Double
    /// The number of change pieces dropped as slivers.
    public var droppedSliverCount: Int
    /// Zones that began, ended or were redrawn in the interval.
    public var zoneEvents: [ZoneEvent] = []

    /// Creates a diff from its parts; zone events start empty.
    public init(from: Day?, to: Day?, sides: [SideDelta], changes: [ChangePolygon], settlements: [SettlementChange],
                droppedSliverKm2: Double, droppedSliverCount: Int) {
        self.from = from; self.to = to; self.sides = sides; self.changes = changes; self.settlements = settlements
        self.droppedSliverKm2 = droppedSliverKm2; self.droppedSliverCount = droppedSliverCount
    }

    /// Options for separating real change from digitising noise.
    public struct Options: Sendable {
        /// Pieces narrower on average (2·area/perimeter) than this many metres are slivers.
        public var sliverWidthMetres: Double
        /// Pieces smaller than this are slivers.
        public var minAreaKm2: Double
        /// Creates options; the defaults (0, 0) drop nothing.
        public init(sliverWidthMetres: Double = 0, minAreaKm2: Double = 0) {
            self.sliverWidthMetres = sliverWidthMetres
            self.minAreaKm2 = minAreaKm2
        }
        /// The thresholds the CLI and the change maps use unless told otherwise: 30 m mean width, 0.005 km².
        public static let standard = Options(sliverWidthMetres: 30, minAreaKm2: 0.005)
    }

    /// The difference between two states. `sides` orders the sides; `implicitSide` names the complement of a
    /// snapshot that only draws one side (its areas are unknown, its gains and losses mirror the others').
    public static func between(_ a: ControlState, _ b: ControlState, sides: [Side], implicitSide: String? = nil,
                               gazetteer: Gazetteer? = nil, districts: [District] = [],
                               options: Options = Options()) throws(FrontlineError) -> ControlDiff {
        try between(a, b, sides: sides, implicitSide: implicitSide, gazetteer: gazetteer, districts: districts,
                    options: options, knownAreasKm2: ([:], [:]))
    }

    /// The difference between two dates of a dataset timeline: control by change kind, and zone events.
    public static func between(_ a: ControlState, _ b: ControlState, timeline: ControlTimeline, gazetteer: Gazetteer? = nil,
                               districts: [District] = [], options: Options = Options()) throws(FrontlineError) -> ControlDiff {
        try between(a, b, sides: timeline.sides, implicitSide: nil, gazetteer: gazetteer, districts: districts,
                    options: options, knownAreasKm2: ([:], [:]), zoneEvents: zoneEvents(timeline, from: a.date, to: b.date))
    }

    /// Zones that began, ended or were redrawn after `d1` up to `d2`; an end and a start of the same zone on
    /// one day is one redrawing.
    public static func zoneEvents(_ t: ControlTimeline, from d1: Day, to d2: Day) -> [ZoneEvent] {
        let lo = min(d1, d2), hi = max(d1, d2)
        var out: [ZoneEvent] = []
        let inRange = { (d: Day) in d > lo && d <= hi }
        let kinds = t.zones.map(\.zone).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        for kind in kinds {
            let zs = t.zones.filter { $0.zone == kind }
            let days = Set(zs.flatMap { [$0.validFrom] + ($0.validTo.map { [$0] } ?? []) }.filter(inRange)).sorted()
            for d in days {
                let ended = zs.filter { $0.validTo == d }, began = zs.filter { $0.validFrom == d }
                let before = ended.isEmpty ? nil : ended.reduce(0) { $0 + Geodesy.areaKm2($1.geometry) }
                let after = began.isEmpty ? nil : began.reduce(0) { $0 + Geodesy.areaKm2($1.geometry) }
                let event: ZoneEvent.Event = began.isEmpty ? .ended : ended.isEmpty ? .began : .redrawn
                out.append(ZoneEvent(zone: kind, label: t.zoneLabels[kind] ?? kind, event: event, date: d,
                                     areaBeforeKm2: before, areaAfterKm2: after, ids: (ended + began).map(\.id)))
            }
        }
        return out.sorted { ($0.date, $0.zone) < ($1.date, $1.zone) }
    }

    /// `between`, with side areas (km²) already measured by the caller (a timeline measures each snapshot once).
    static func between(_ a: ControlState, _ b: ControlState, sides: [Side], implicitSide: String?,
                        gazetteer: Gazetteer?, districts: [District], options: Options,
                        knownAreasKm2: (a: [String: Double], b: [String: Double]),
                        zoneEvents: [ZoneEvent] = []) throws(FrontlineError) -> ControlDiff {
        do {
            var pieces: [ChangePolygon] = []
            var droppedArea = 0.0, droppedCount = 0
            let ids = sides.map(\.id)
            var all = ids
            if let implicitSide { all.append(implicitSide) }
            let interval = a.date < b.date ? (a.date, b.date) : (b.date, a.date)
            let newChanges = b.applied.filter { $0.change.date > interval.0 && $0.change.date <= interval.1 }
            // The implicit side is the complement of the drawn sides, so pieces to or from it are differences.
            // A side's area is already dissolved: with one drawn side there is nothing to union, and its two
            // differences are computed together, only where the outlines differ.
            let single = ids.count == 1 ? ids[0] : nil
            let drawnA = try single.map { a.areas[$0] ?? .empty } ?? Geometry.unaryUnion(ids.compactMap { a.areas[$0] })
            let drawnB = try single.map { b.areas[$0] ?? .empty } ?? Geometry.unaryUnion(ids.compactMap { b.areas[$0] })
            let mutual = single != nil && implicitSide != nil ? try drawnA.mutualDifferences(drawnB) : nil
            for x in all {
                for y in all where y != x {
                    let moved: Geometry
                    if x == implicitSide {
                        guard let by = b.areas[y], !by.isEmpty else { continue }
                        moved = try mutual?.added.polygonalPart ?? by.difference(drawnA).polygonalPart
                    } else if y == implicitSide {
                        guard let ax = a.areas[x], !ax.isEmpty else { continue }
                        moved = try mutual?.removed.polygonalPart ?? ax.difference(drawnB).polygonalPart
                    } else {
                        guard let ax = a.areas[x], !ax.isEmpty, let by = b.areas[y], !by.isEmpty else { continue }
                        moved = try ax.intersection(by).polygonalPart
                    }
                    // A timeline diff splits what moved by what the changes were (confirmed, claimed, disputed,
                    // handed over, zone), the latest change winning where two moved the same ground.
                    let movers = newChanges.filter { $0.change.from == x && $0.change.to == y && !$0.geometry.isEmpty }
                    var parts: [(Geometry, ChangeKind?)] = []
                    if movers.isEmpty {
                        parts = [(moved, nil)]
                    } else {
                        var byKind: [ChangeKind: [Geometry]] = [:]
                        var taken = Geometry.empty
                        for m in movers.reversed() {
                            let mine = try m.geometry.intersection(moved).difference(taken).polygonalPart
                            guard !mine.isEmpty else { continue }
                            byKind[m.change.kind(on: b.date), default: []].append(mine)
                            taken = try taken.union(mine)
                        }
                        for k in byKind.keys.sorted() { parts.append((try Geometry.unaryUnion(byKind[k]!).polygonalPart, k)) }
                        let rest = try moved.difference(taken).polygonalPart
                        if !rest.isEmpty { parts.append((rest, nil)) }
                    }
                    for (part, kind) in parts {
                    for poly in part.polygons {
                        let g = Geometry.polygon(poly)
                        let (km2, perimeterKm) = Geodesy.areaAndPerimeter(poly)
                        let perimeterM = perimeterKm * 1000
                        let meanWidth = perimeterM > 0 ? 2 * km2 * 1e6 / perimeterM : 0
                        if km2 < options.minAreaKm2 || meanWidth < options.sliverWidthMetres {
                            droppedArea += km2; droppedCount += 1
                            continue
                        }
                        var ds: [String] = []
                        for d in districts where try Geodesy.areaKm2(d.geometry.intersection(g)) > 0.01 { ds.append(d.id) }
                        var provenance: [ControlChange] = []
                        for m in movers where kind == nil || m.change.kind(on: b.date) == kind {
                            if try Geodesy.areaKm2(m.geometry.intersection(g)) > 1e-4 { provenance.append(m.change) }
                        }
                        pieces.append(ChangePolygon(fromSide: x, toSide: y, geometry: g, areaKm2: km2, districts: ds, sourceChanges: provenance,
                                                    kind: kind))
                    }
                    }
                }
            }
            pieces.sort { $0.areaKm2 > $1.areaKm2 }
            var deltas: [SideDelta] = []
            for s in all {
                // Zone movements are reported apart: they are not gains or losses of control.
                let gained = pieces.filter { $0.toSide == s && $0.isControl }.reduce(0) { $0 + $1.areaKm2 }
                let lost = pieces.filter { $0.fromSide == s && $0.isControl }.reduce(0) { $0 + $1.areaKm2 }
                let known = s != implicitSide
                deltas.append(SideDelta(side: s, areaFromKm2: known ? knownAreasKm2.a[s] ?? a.areaKm2(of: s) : nil,
                                        areaToKm2: known ? knownAreasKm2.b[s] ?? b.areaKm2(of: s) : nil,
                                        gainedKm2: gained, lostKm2: lost))
            }
            var settlements: [SettlementChange] = []
            if let gazetteer {
                let la = try ControlLocator(a, sides: sides), lb = try ControlLocator(b, sides: sides)
                // With districts known, only settlements assigned to one count (a border village of a neighbour
                // that the generalised outline happens to include is not a settlement of the study area).
                for p in gazetteer.places where districts.isEmpty || p.district != nil {
                    let sa = try la.side(at: p.position), sb = try lb.side(at: p.position)
                    guard sa != sb, sa != nil || sb != nil else { continue }
                    var change: ControlChange?
                    for m in newChanges.reversed() where m.change.to == sb && !m.geometry.isEmpty {
                        if try m.geometry.intersects(.point(Point(p.position))) { change = m.change; break }
                    }
                    settlements.append(SettlementChange(place: p, fromSide: sa, toSide: sb, date: change?.date,
                                                        status: change?.status(on: b.date), sources: change?.sources ?? [],
                                                        kind: change?.kind(on: b.date), changeID: change?.id))
                }
                settlements.sort { ($0.date?.ordinal ?? Int.max, $0.place.rank, $0.place.name) < ($1.date?.ordinal ?? Int.max, $1.place.rank, $1.place.name) }
            }
            var diff = ControlDiff(from: a.date, to: b.date, sides: deltas, changes: pieces, settlements: settlements,
                                   droppedSliverKm2: droppedArea, droppedSliverCount: droppedCount)
            diff.zoneEvents = zoneEvents
            return diff
        } catch let e as FrontlineError {
            throw e
        } catch {
            throw .geometry("diffing \(a.date) and \(b.date): \(error)")
        }
    }

    /// km² that `side` gained through changes of one kind (zone movements included when asked for).
    public func gainedKm2(by side: String, kind: ChangeKind?) -> Double {
        changes.filter { $0.toSide == side && $0.kind == kind }.reduce(0) { $0 + $1.areaKm2 }
    }

    /// Total gains minus total losses over all sides, relative to the gains: 0 when area is conserved.
    public var conservationError: Double {
        let g = sides.reduce(0) { $0 + $1.gainedKm2 }, l = sides.reduce(0) { $0 + $1.lostKm2 }
        return g == 0 && l == 0 ? 0 : abs(g - l) / max(g, l)
    }
}
