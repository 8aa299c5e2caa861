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
        public var day: Day
        public var position: Position
        public init(day: Day, position: Position) {
            self.day = day
            self.position = position
        }
    }

    /// The side holding each row's position on its date (boundary positions go to the first side in `sides`
    /// order, as in `ControlLocator`); nil outside every area or before the history's first date.
    public static func sides(of rows: [Row], history: ControlHistory, sides: [Side]) throws(FrontlineError) -> [String?] {
        let states = history.states
        // Group the rows by the last state dated on or before them.
        var byState = [[Int32]](repeating: [], count: states.count)
        for (i, r) in rows.enumerated() {
            var lo = 0, hi = states.count - 1
            guard hi >= 0, r.day >= states[0].date else { continue }
            while lo < hi {
                let mid = (lo + hi + 1) / 2
                if states[mid].date <= r.day { lo = mid } else { hi = mid - 1 }
            }
            byState[lo].append(Int32(i))
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
        return out
    }
}
