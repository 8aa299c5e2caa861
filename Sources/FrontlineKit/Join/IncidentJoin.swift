import Foundation
import GeoModel
import GeoOps

/// Dated positions (incidents) joined to control: the side holding each position on its date.
///
/// Built for millions of rows: each dated state is looked up once, every side area of a state is indexed once
/// (a pure-Swift point-in-polygon index, no per-position allocation), the positions are grouped by state, and
/// the states are worked through on every core.
public enum IncidentJoin {
    /// One dated position.
    public struct Row: Sendable {
        /// The date the position is joined on.
        public var day: Day
        /// The position, in WGS84 lon/lat.
        public var position: Position
        /// Creates a row from a date and a position.
        public init(day: Day, position: Position) {
            self.day = day
            self.position = position
        }
    }

    /// The side holding each row's position on its date (boundary positions go to the first side in `sides`
    /// order, as in `ControlLocator`); nil outside every area or before the history's first date.
    public static func sides(of rows: [Row], history: ControlHistory, sides: [Side]) throws(FrontlineError) -> [String?] {
        try self.sides(of: rows, states: history.states, sides: sides).sides
    }

    /// The side of each row in the latest of `states` (ascending by date) on or before its date, and that state's index.
    public static func sides(of rows: [Row], states: [ControlState], sides: [Side], cache: JoinCache? = nil) throws(FrontlineError) -> (sides: [String?], state: [Int?]) {
        // Group the rows by the last state dated on or before them.
        var byState = [[Int32]](repeating: [], count: states.count)
        var stateOf = [Int?](repeating: nil, count: rows.count)
        for (i, r) in rows.enumerated() {
            var lo = 0, hi = states.count - 1
            guard hi >= 0, r.day >= states[0].date else { continue }
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if states[mid].date <= r.day { lo = mid } else { hi = mid - 1 }
            }
            byState[lo].append(Int32(i))
            stateOf[i] = lo
        }
        let groups = byState
        let work = groups.indices.filter { !groups[$0].isEmpty }
        let ids = sides.map(\.id)
        let answers = try Parallel.map(work) { (s) throws(FrontlineError) -> [UInt8] in
            let state = states[s]
            let build = { ids.map { id in state.areas[id].map(PointInPolygonIndex.init) } }
            let indexes = cache.map { $0.indexes(state: s, build) } ?? build()
            return groups[s].map { i in
                let p = rows[Int(i)].position
                for (k, index) in indexes.enumerated() where index?.covers(x: p.lon, y: p.lat) == true { return UInt8(k + 1) }
                return 0
            }
        }
        var out = [String?](repeating: nil, count: rows.count)
        for (n, s) in work.enumerated() {
            for (k, i) in groups[s].enumerated() where answers[n][k] > 0 { out[Int(i)] = ids[Int(answers[n][k]) - 1] }
        }
        return (out, stateOf)
    }
}

extension IncidentJoin {
    /// The columns `join` appends.
    public static let joinedColumns = ["side", "status", "distance_to_front_km", "as_of"]

    /// Joins rows to any source: for each row its side, status (the dataset's claimed/confirmed/disputed; `as drawn`
    /// for snapshots), geodesic km to that state's front, and the date of the state that answered (`as_of`).
    /// Rows before the source's first date get empty columns. `countries` finds a snapshot theatre's borders.
    ///
    /// A `cache` carries what is built per state (point-in-area indexes, fronts, the snapshots read) from one call
    /// to the next, for a join fed in batches (``IncidentCSV/joinFile(_:to:source:countries:distances:dateColumn:lonColumn:latColumn:force:batchBytes:)``).
    public static func join(_ rows: [Row], source: ControlSource, countries: [Feature] = [], distances: Bool = true,
                            cache: JoinCache? = nil) throws(FrontlineError) -> [[String]] {
        var states: [ControlState] = []
        var sideList: [Side] = []
        let dataset = source as? DatasetSource
        if let dataset {
            states = dataset.history.states
            sideList = dataset.dataset.timeline.sides
        } else if let archive = source as? SnapshotArchive {
            // Only the snapshots some row needs are read.
            var needed = Set<Int>()
            for r in rows { if let i = archive.entries.lastIndex(where: { $0.date <= r.day }) { needed.insert(i) } }
            var byIndex: [Int: ControlState] = cache?.archiveStates ?? [:]
            sideList = cache?.archiveSides ?? []
            for i in needed.sorted() where byIndex[i] == nil {
                let snap = try archive.snapshot(at: i)
                byIndex[i] = snap.state
                for s in snap.sides where !sideList.contains(where: { $0.id == s.id }) { sideList.append(s) }
            }
            cache?.archiveStates = byIndex
            cache?.archiveSides = sideList
            // States for every entry (empty where unneeded), so indexes match the archive's.
            states = archive.entries.indices.map { byIndex[$0] ?? ControlState(date: archive.entries[$0].date, areas: [:], applied: [], zones: []) }
        }
        let (sides, stateOf) = try self.sides(of: rows, states: states, sides: sideList, cache: cache)
        let implicit = sideList.contains { $0.id == Snapshot.occupied } && !sideList.contains { $0.id == Snapshot.other } && dataset == nil ? Snapshot.other : nil
        // Distances: each state's front once, and all its rows measured against it in one batch.
        var km = [Double?](repeating: nil, count: rows.count)
        if distances {
            var groups: [Int: [Int]] = [:]
            for i in rows.indices { if let s = stateOf[i], sides[i] != nil || implicit != nil { groups[s, default: []].append(i) } }
            let fixedStates = states, fixedSides = sideList
            km = try frontDistances(rows: rows, groups: groups, cache: cache) { (si) throws(FrontlineError) -> Geometry in
                if let dataset { return try fixedStates[si].frontLine(sides: dataset.dataset.timeline.sides) }
                return try SnapshotArchive.front(of: fixedStates[si], sides: fixedSides, countries: countries)
            }
        }
        // Statuses (claimed, confirmed, disputed): the latest change of the state that brought the row's side to its
        // position, found with point-in-area indexes of the changes, built once per state, on every core.
        var statuses = [String](repeating: "", count: rows.count)
        if dataset != nil {
            let cache = cache ?? JoinCache()
            var groups: [Int: [Int]] = [:]
            for i in rows.indices { if let s = stateOf[i], sides[i] != nil { groups[s, default: []].append(i) } }
            var work: [(state: Int, members: ArraySlice<Int>)] = []
            for s in groups.keys.sorted() {
                let members = groups[s]!
                var k = 0
                while k < members.count { work.append((s, members[k..<min(k + 8192, members.count)])); k += 8192 }
            }
            let fixedStates = states, fixedSides = sides
            let answers = try Parallel.map(work) { (item) throws(FrontlineError) -> [String] in
                let resolver = cache.statuses(state: item.state) { StatusResolver(fixedStates[item.state]) }
                var out: [String] = []
                out.reserveCapacity(item.members.count)
                for i in item.members { out.append(try resolver.status(at: rows[i].position, side: fixedSides[i] ?? "")) }
                return out
            }
            for (item, values) in zip(work, answers) {
                for (i, v) in zip(item.members, values) { statuses[i] = v }
            }
        }
        var out: [[String]] = []
        out.reserveCapacity(rows.count)
        for i in rows.indices {
            guard let si = stateOf[i] else { out.append(["", "", "", ""]); continue }
            let state = states[si]
            var side = sides[i]
            var status = ""
            if dataset != nil, side != nil {
                status = statuses[i]
            } else if dataset == nil {
                status = "as drawn"
                if side == nil { side = implicit }
            }
            let d = side != nil ? km[i].map { String(format: "%.3f", $0) } ?? "" : ""
            out.append([side ?? "", status, d, state.date.description])
        }
        return out
    }

    /// Geodesic km from rows to their state's front: `groups` maps a state to its rows; each state's front is built
    /// once (`front`) and its rows are measured in one batch (`Geodesy.distancesKm`), the states on every core.
    /// nil where the state has no front.
    public static func frontDistances(rows: [Row], groups: [Int: [Int]], cache: JoinCache? = nil,
                                      front: @Sendable (Int) throws(FrontlineError) -> Geometry) throws(FrontlineError) -> [Double?] {
        let states = groups.keys.sorted()
        let cache = cache ?? JoinCache()
        // Each state's front is indexed once (on every core) ...
        let indexes = try Parallel.map(states) { (s) throws(FrontlineError) -> DistanceIndex? in
            func build() throws(FrontlineError) -> DistanceIndex? {
                let f = try front(s)
                guard !f.isEmpty else { return nil }
                do { return try DistanceIndex(f) } catch { throw .geometry("distance to the front: \(error)") }
            }
            return try cache.front(state: s, build)
        }
        // ... and its rows measured in slices, so that one long-lasting state does not keep a single core busy while
        // the others wait.
        var work: [(index: DistanceIndex, members: ArraySlice<Int>)] = []
        for (s, index) in zip(states, indexes) {
            guard let index, let members = groups[s] else { continue }
            let step = 8192
            var k = 0
            while k < members.count {
                work.append((index, members[k..<min(k + step, members.count)]))
                k += step
            }
        }
        let slices = work
        let measured = try Parallel.map(slices) { (item) throws(FrontlineError) -> [Double] in
            do { return try item.index.distancesKm(from: item.members.map { rows[$0].position }) } catch { throw .geometry("distance to the front: \(error)") }
        }
        var out = [Double?](repeating: nil, count: rows.count)
        for (item, ds) in zip(work, measured) {
            for (i, d) in zip(item.members, ds) { out[i] = d }
        }
        return out
    }
}

/// What a join builds per state (point-in-area indexes, the front's distance index, the snapshots it read), kept
/// from one batch of rows to the next so that a streamed join builds each once. Memory grows with the states used,
/// never with the rows.
///
/// The maps are locked; what they hold (point-in-area indexes, `DistanceIndex`es, states) is immutable and shared.
public final class JoinCache: @unchecked Sendable {
    private let lock = NSLock()
    private var indexes: [Int: [PointInPolygonIndex?]] = [:]
    private var fronts: [Int: DistanceIndex?] = [:]
    /// The snapshot states an archive join has read, by archive index.
    var archiveStates: [Int: ControlState] = [:]
    /// The sides those snapshots named, in first-seen order.
    var archiveSides: [Side] = []

    private var resolvers: [Int: StatusResolver] = [:]

    /// An empty cache.
    public init() {}

    func statuses(state: Int, _ build: () -> StatusResolver) -> StatusResolver {
        cached(\.resolvers, state, build)
    }

    func indexes(state: Int, _ build: () -> [PointInPolygonIndex?]) -> [PointInPolygonIndex?] {
        cached(\.indexes, state, build)
    }

    func front(state: Int, _ build: () throws(FrontlineError) -> DistanceIndex?) throws(FrontlineError) -> DistanceIndex? {
        try cached(\.fronts, state, build)
    }

    /// The entry of `state` in one of the maps, built (outside the lock) when missing. Two tasks may build the same
    /// entry at once; both results are equal and the later one is kept.
    private func cached<T, E: Error>(_ map: ReferenceWritableKeyPath<JoinCache, [Int: T]>, _ state: Int,
                                     _ build: () throws(E) -> T) throws(E) -> T {
        lock.lock()
        let known = self[keyPath: map][state]
        lock.unlock()
        if let known { return known }
        let made = try build()
        lock.lock()
        self[keyPath: map][state] = made
        lock.unlock()
        return made
    }
}

/// The status of a position in a state, as ``ControlState/control(at:side:)`` gives it, with each change's area
/// indexed once: the latest applied change to the position's side whose area covers it decides (boundary included,
/// as GEOS `intersects`); else confirmed.
struct StatusResolver: Sendable {
    struct Entry: Sendable {
        var to: String
        var index: PointInPolygonIndex?
        var geometry: Geometry
        var status: String
    }
    let entries: [Entry]

    init(_ state: ControlState) {
        var e: [Entry] = []
        for m in state.applied.reversed() where !m.geometry.isEmpty {
            // Areas get an index; anything else (a point or line change) is asked of GEOS, as before.
            let polygonal: Bool
            switch m.geometry {
            case .polygon, .multiPolygon: polygonal = true
            default: polygonal = false
            }
            e.append(Entry(to: m.change.to, index: polygonal ? PointInPolygonIndex(m.geometry) : nil, geometry: m.geometry,
                           status: m.change.status(on: state.date).rawValue))
        }
        entries = e
    }

    func status(at p: Position, side: String) throws(FrontlineError) -> String {
        for e in entries where e.to == side {
            if let index = e.index {
                if index.covers(x: p.lon, y: p.lat) { return e.status }
            } else {
                do {
                    if try e.geometry.intersects(.point(Point(p))) { return e.status }
                } catch {
                    throw .geometry("locating \(p.lat),\(p.lon): \(error)")
                }
            }
        }
        return ChangeStatus.confirmed.rawValue
    }
}
