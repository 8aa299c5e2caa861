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
    public static func sides(of rows: [Row], states: [ControlState], sides: [Side]) throws(FrontlineError) -> (sides: [String?], state: [Int?]) {
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
            let indexes = ids.map { id in state.areas[id].map(PointInPolygonIndex.init) }
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
    public static func join(_ rows: [Row], source: ControlSource, countries: [Feature] = [], distances: Bool = true) throws(FrontlineError) -> [[String]] {
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
            var byIndex: [Int: ControlState] = [:]
            for i in needed.sorted() {
                let snap = try archive.snapshot(at: i)
                byIndex[i] = snap.state
                for s in snap.sides where !sideList.contains(where: { $0.id == s.id }) { sideList.append(s) }
            }
            // States for every entry (empty where unneeded), so indexes match the archive's.
            states = archive.entries.indices.map { byIndex[$0] ?? ControlState(date: archive.entries[$0].date, areas: [:], applied: [], zones: []) }
        }
        let (sides, stateOf) = try self.sides(of: rows, states: states, sides: sideList)
        let implicit = sideList.contains { $0.id == Snapshot.occupied } && !sideList.contains { $0.id == Snapshot.other } && dataset == nil ? Snapshot.other : nil
        // Distances: each state's front once, and all its rows measured against it in one batch.
        var km = [Double?](repeating: nil, count: rows.count)
        if distances {
            var groups: [Int: [Int]] = [:]
            for i in rows.indices { if let s = stateOf[i], sides[i] != nil || implicit != nil { groups[s, default: []].append(i) } }
            let fixedStates = states, fixedSides = sideList
            km = try frontDistances(rows: rows, groups: groups) { (si) throws(FrontlineError) -> Geometry in
                if let dataset { return try fixedStates[si].frontLine(sides: dataset.dataset.timeline.sides) }
                return try SnapshotArchive.front(of: fixedStates[si], sides: fixedSides, countries: countries)
            }
        }
        var out: [[String]] = []
        out.reserveCapacity(rows.count)
        for (i, r) in rows.enumerated() {
            guard let si = stateOf[i] else { out.append(["", "", "", ""]); continue }
            let state = states[si]
            var side = sides[i]
            var status = ""
            if let dataset, let s = side {
                status = try state.control(at: r.position, side: s).status.rawValue
                _ = dataset
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
    public static func frontDistances(rows: [Row], groups: [Int: [Int]], front: @Sendable (Int) throws(FrontlineError) -> Geometry) throws(FrontlineError) -> [Double?] {
        let work = groups.keys.sorted()
        let measured = try Parallel.map(work) { (s) throws(FrontlineError) -> [Double]? in
            let f = try front(s)
            guard !f.isEmpty, let members = groups[s] else { return nil }
            do { return try Geodesy.distancesKm(from: members.map { rows[$0].position }, to: f) } catch { throw .geometry("distance to the front: \(error)") }
        }
        var out = [Double?](repeating: nil, count: rows.count)
        for (s, ds) in zip(work, measured) {
            guard let ds, let members = groups[s] else { continue }
            for (i, d) in zip(members, ds) { out[i] = d }
        }
        return out
    }
}
