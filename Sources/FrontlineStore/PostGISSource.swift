import Foundation
import FrontlineKit
import GeoModel
import GeoOps

/// A source loaded into PostGIS, answering as the file sources do; the heavy work runs in the database:
/// `ST_Difference` and `ST_Area(::geography)` for diffs, `ST_Covers` for points, index-backed joins.
public final class PostGISSource: SnapshotSource, @unchecked Sendable {
    let store: Store
    /// The source's name in the database (the `source` column of `snapshots`).
    public let source: String
    /// The dates of the source's snapshots, ascending.
    public let dates: [Day]
    /// The side ids stored for the source, in order of first appearance (then by id).
    public let sideIDs: [String]
    let lock = NSLock()
    var states: [Day: ControlState] = [:]

    /// Opens a loaded source, reading its dates and sides.
    ///
    /// - Parameters:
    ///   - store: The database, whose schema must be this frontline's version.
    ///   - source: The name the source was loaded as.
    /// - Throws: `FrontlineError.badArgument` when the schema is missing or of another version, or the database
    ///   holds no snapshots of `source` (the message lists the sources it has); `.database` when a query fails.
    public init(store: Store, source: String) throws(FrontlineError) {
        try store.checkSchema()
        self.store = store
        self.source = source
        let d = try store.db.exec("SELECT DISTINCT date::text FROM snapshots WHERE source = $1 ORDER BY 1", [source])
        dates = d.values.compactMap { $0[0].flatMap(Day.init) }
        if dates.isEmpty {
            let names = try store.db.exec("SELECT name FROM sources ORDER BY 1").values.compactMap { $0[0] }
            throw .badArgument("the database has no snapshots of source \"\(source)\" (sources: \(names.isEmpty ? "none" : names.joined(separator: ", ")))")
        }
        sideIDs = try store.db.exec("SELECT side FROM snapshots WHERE source = $1 GROUP BY side ORDER BY min(date), side", [source]).values.compactMap { $0[0] }
    }

    /// A name for messages: "the database source NAME".
    public var name: String { "the database source \(source)" }
    /// Always nil: the database keeps no credit line.
    public var credit: String? { nil }
    /// The side id itself: the database keeps no labels.
    public func label(of side: String) -> String { side }

    var sides: [Side] { sideIDs.map { Side(id: $0, label: $0) } }
    var implicitSide: String? { sideIDs.contains(Snapshot.occupied) && !sideIDs.contains(Snapshot.other) ? Snapshot.other : nil }

    func asOfDate(_ day: Day) throws(FrontlineError) -> Day {
        try checkDay(day)
        return dates.last { $0 <= day }!
    }

    /// The stored geometries of a date, as a control state.
    func stateAt(_ date: Day) throws(FrontlineError) -> ControlState {
        lock.lock()
        if let s = states[date] { lock.unlock(); return s }
        lock.unlock()
        let r = try store.db.exec("SELECT side, ST_AsBinary(geom) FROM snapshots WHERE source = $1 AND date = $2::date", [source, date.description])
        var areas: [String: Geometry] = [:]
        for v in r.values { if let s = v[0], let g = v[1] { areas[s] = try Store.geometry(fromByteaHex: g) } }
        let st = ControlState(date: date, areas: areas)
        lock.lock(); states[date] = st; lock.unlock()
        return st
    }

    /// The stored state of the latest snapshot on or before `day` (after the last date, the last, with a note).
    ///
    /// - Throws: `FrontlineError.badArgument` for a day before the first date; `.database` when a query fails.
    public func state(on day: Day) throws(FrontlineError) -> AsOfState {
        let d = try asOfDate(day)
        let present = sides.filter { (try? stateAt(d))?.areas[$0.id] != nil }
        return AsOfState(requested: day, asOf: d, state: try stateAt(d), sides: present, implicitSide: implicitSide,
                         description: "the database snapshot of \(d) (source \(source))",
                         note: day > dates.last! ? "the source's last snapshot is of \(dates.last!); showing it" : nil)
    }

    /// The stored areas of the date that answers, as a snapshot (one indexed query by source and date).
    public func snapshot(on day: Day) throws(FrontlineError) -> Snapshot {
        let a = try state(on: day)
        return Snapshot(path: "postgis:\(source)", date: a.asOf, label: "\(source) \(a.asOf)", sides: a.sides, areas: a.state.areas)
    }

    /// The diff, computed in PostGIS: pieces of each side pair (intersections, and differences against the
    /// implicit complement), dumped, measured on the ellipsoid and filtered by the same sliver rules as files.
    public func diff(from: Day, to: Day, options: ControlDiff.Options = ControlDiff.Options()) throws(FrontlineError) -> ControlDiff {
        let a = try asOfDate(from), b = try asOfDate(to)
        let sql = """
            WITH a AS (SELECT side, geom FROM snapshots WHERE source = $1 AND date = $2::date),
                 b AS (SELECT side, geom FROM snapshots WHERE source = $1 AND date = $3::date),
                 ua AS (SELECT ST_Union(geom) g FROM a), ub AS (SELECT ST_Union(geom) g FROM b),
                 moved AS (
                   SELECT a.side AS f, b.side AS t, ST_Intersection(a.geom, b.geom) g FROM a JOIN b ON a.side <> b.side AND ST_Intersects(a.geom, b.geom)
                   UNION ALL SELECT a.side, $4, ST_Difference(a.geom, COALESCE((SELECT g FROM ub), 'SRID=4326;POLYGON EMPTY'::geometry)) FROM a WHERE $4 <> ''
                   UNION ALL SELECT $4, b.side, ST_Difference(b.geom, COALESCE((SELECT g FROM ua), 'SRID=4326;POLYGON EMPTY'::geometry)) FROM b WHERE $4 <> ''),
                 pieces AS (SELECT f, t, (ST_Dump(ST_CollectionExtract(g, 3))).geom AS g FROM moved)
            SELECT f, t, ST_Area(g::geography) / 1e6 AS km2, ST_Perimeter(g::geography) AS perim, ST_AsBinary(g) FROM pieces
            """
        let r = try store.db.exec(sql, [source, a.description, b.description, implicitSide ?? ""])
        var pieces: [ChangePolygon] = []
        var dropped = 0.0, droppedCount = 0
        for v in r.values {
            guard let f = v[0], let t = v[1], let km2 = v[2].flatMap(Double.init), let perim = v[3].flatMap(Double.init), let wkb = v[4] else { continue }
            let width = perim > 0 ? 2 * km2 * 1e6 / perim : 0
            if km2 < options.minAreaKm2 || width < options.sliverWidthMetres { dropped += km2; droppedCount += 1; continue }
            pieces.append(ChangePolygon(fromSide: f, toSide: t, geometry: try Store.geometry(fromByteaHex: wkb), areaKm2: km2, districts: [], sourceChanges: []))
        }
        pieces.sort { $0.areaKm2 > $1.areaKm2 }
        let areas = try store.db.exec("SELECT date::text, side, area_km2 FROM snapshots WHERE source = $1 AND date IN ($2::date, $3::date)",
                                      [source, a.description, b.description])
        var areaA: [String: Double] = [:], areaB: [String: Double] = [:]
        for v in areas.values {
            guard let d = v[0], let s = v[1], let k = v[2].flatMap(Double.init) else { continue }
            if d == a.description { areaA[s] = k }
            if d == b.description { areaB[s] = k }
        }
        var all = sideIDs
        if let i = implicitSide { all.append(i) }
        let deltas = all.map { s in
            SideDelta(side: s, areaFromKm2: s == implicitSide ? nil : areaA[s] ?? 0, areaToKm2: s == implicitSide ? nil : areaB[s] ?? 0,
                      gainedKm2: pieces.filter { $0.toSide == s }.reduce(0) { $0 + $1.areaKm2 },
                      lostKm2: pieces.filter { $0.fromSide == s }.reduce(0) { $0 + $1.areaKm2 })
        }
        return ControlDiff(from: a, to: b, sides: deltas, changes: pieces, settlements: [], droppedSliverKm2: dropped, droppedSliverCount: droppedCount)
    }

    /// Timeline rows: stored areas per side, and each row's change since the previous row's state, diffed in
    /// PostGIS (ST_Difference, ST_Area on the geography); resampled to ticks with `step`.
    public func timeline(from lo: Day, to hi: Day, every step: Every?, options: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let dates = self.dates
        if let step {
            return try SnapshotTimeline.resample(step.ticks(from: lo, to: hi), dates: dates) { (idx) throws(FrontlineError) -> [[TimelineRow]] in
                let all = try rows(at: idx.map { dates[$0] }, options: options)
                return idx.map { i in all.filter { $0.date == dates[i] } }
            }
        }
        return try rows(at: dates.filter { $0 >= lo && $0 <= hi }, options: options)
    }

    /// The rows of the stored dates `ds` (ascending), each diffed against the one before it in the list.
    ///
    /// The stored geometries (snapped and repaired when they were loaded) are read a window of dates at a time
    /// and diffed here, by the same code as snapshot files (`SnapshotTimeline.rows(_:after:diffOptions:)`): the
    /// database answers what it is good at (the rows of a source in date order), and the figures are the file
    /// path's to the last digit.
    func rows(at ds: [Day], options: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        var rows: [TimelineRow] = []
        var previous: SnapshotTimeline.MeasuredSnapshot?
        let window = 64
        var start = 0
        let sideList = sides
        while start < ds.count {
            let part = Array(ds[start..<min(start + window, ds.count)])
            start += part.count
            let wanted = Set(part.map(\.description))
            let r = try store.db.exec("SELECT date::text, side, area_km2, file, ST_AsBinary(geom) FROM snapshots WHERE source = $1 AND date BETWEEN $2::date AND $3::date ORDER BY date, side",
                                      [source, part[0].description, part[part.count - 1].description])
            var byDate: [String: (areas: [String: Geometry], km2: [String: Double], file: String)] = [:]
            for v in r.values {
                guard let d = v[0], wanted.contains(d), let s = v[1], let k = v[2].flatMap(Double.init), let wkb = v[4] else { continue }
                var entry = byDate[d] ?? ([:], [:], v[3] ?? "")
                entry.areas[s] = try Store.geometry(fromByteaHex: wkb)
                entry.km2[s] = k
                byDate[d] = entry
            }
            var measured: [SnapshotTimeline.MeasuredSnapshot] = []
            for d in part {
                guard let e = byDate[d.description] else { continue }
                let present = sideList.filter { e.areas[$0.id] != nil }
                let snap = Snapshot(path: e.file, date: d, label: e.file, sides: present, areas: e.areas)
                measured.append(SnapshotTimeline.MeasuredSnapshot(snapshot: snap, areasKm2: e.km2))
            }
            rows += try SnapshotTimeline.rows(measured, after: previous, diffOptions: options)
            previous = measured.last ?? previous
        }
        return rows
    }

    /// Joins rows inside the database: the rows go in by COPY to a temporary table, one indexed query (ST_Covers)
    /// answers every side and as_of. Distances to the front are then measured here, once per answering date: that
    /// date's geometry is read once, its front built against `countries` (the theatre's borders are no front), and
    /// its rows measured in one batch.
    public func join(_ rows: [IncidentJoin.Row], countries: [Feature] = [], distances: Bool = true) throws(FrontlineError) -> [[String]] {
        var out = try joinInDatabase(rows)
        guard distances else { return out }
        var asOfDays: [String] = []
        var groups: [Int: [Int]] = [:]
        var key: [String: Int] = [:]
        for (i, v) in out.enumerated() where !v[0].isEmpty && !v[3].isEmpty {
            let k = key[v[3]] ?? { key[v[3]] = asOfDays.count; asOfDays.append(v[3]); return asOfDays.count - 1 }()
            groups[k, default: []].append(i)
        }
        var fronts: [Geometry] = []
        for d in asOfDays {
            guard let day = Day(d) else { fronts.append(.empty); continue }
            let s = try state(on: day)
            fronts.append(try SnapshotArchive.front(of: s.state, sides: s.sides, countries: countries))
        }
        let fixed = fronts
        let km = try IncidentJoin.frontDistances(rows: rows, groups: groups) { (k) throws(FrontlineError) -> Geometry in fixed[k] }
        for i in out.indices { if let d = km[i] { out[i][2] = String(format: "%.3f", d) } }
        return out
    }

    func joinInDatabase(_ rows: [IncidentJoin.Row]) throws(FrontlineError) -> [[String]] {
        try store.db.exec("CREATE TEMP TABLE IF NOT EXISTS join_rows (n bigint PRIMARY KEY, date date NOT NULL, geom geometry(Point, 4326) NOT NULL)")
        try store.db.exec("TRUNCATE join_rows")
        let lines = rows.enumerated().map { i, r in "\(i)\t\(r.day)\t\(Store.pointHex(r.position))" }
        try store.db.copy("COPY join_rows (n, date, geom) FROM STDIN", lines: lines)
        try store.db.exec("CREATE INDEX IF NOT EXISTS join_rows_date ON join_rows (date)")
        try store.db.exec("ANALYZE join_rows")
        // Each row's answering date by a range join over the source's dates (index on the rows' dates), then the
        // side by ST_Covers, ordered by date so that consecutive calls share one polygon and PostGIS's prepared
        // geometry cache serves them.
        let r = try store.db.exec("""
            WITH d AS (SELECT date, lead(date) OVER (ORDER BY date) AS next FROM (SELECT DISTINCT date FROM snapshots WHERE source = $1) x),
                 j AS (SELECT r.n, r.geom, d.date AS asof FROM d JOIN join_rows r ON r.date >= d.date AND (d.next IS NULL OR r.date < d.next))
            SELECT j.n, j.asof::text, (SELECT s.side FROM snapshots s WHERE s.source = $1 AND s.date = j.asof AND ST_Covers(s.geom, j.geom) ORDER BY s.side LIMIT 1)
            FROM j ORDER BY j.asof, j.n
            """, [source])
        var out = [[String]](repeating: ["", "", "", ""], count: rows.count)
        for v in r.values {
            guard let n = v[0].flatMap(Int.init), n < out.count else { continue }
            guard let asof = v[1] else { continue }
            let side = v[2] ?? implicitSide ?? ""
            out[n] = [side, "as drawn", "", asof]
        }
        return out
    }
}
