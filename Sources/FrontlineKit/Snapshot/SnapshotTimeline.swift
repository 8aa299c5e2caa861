import Foundation
import GeoModel
import GeoOps

/// One row of a snapshot timeline: a side's area on a date and its change since the previous snapshot.
public struct TimelineRow: Sendable {
    /// The row's date: the snapshot's date, or the tick when resampled.
    public var date: Day
    /// The label of the snapshot (its file name; the dataset's name for dataset rows).
    public var file: String
    /// The side's id.
    public var side: String
    /// km² the side holds, on the WGS84 ellipsoid.
    public var areaKm2: Double
    /// km² gained since the previous row's state; nil on the first snapshot.
    public var gainedKm2: Double?
    /// km² lost since the previous row's state; nil on the first snapshot.
    public var lostKm2: Double?
    /// km² of change pieces dropped as slivers in that diff (all sides); nil on the first snapshot.
    public var droppedSliverKm2: Double?
    /// The date of the state that answered, when the rows are resampled to ticks.
    public var asOf: Day?
    /// The snapshot's reading warnings (repairs, drops, overlaps), on its first row only.
    public var warnings: [String] = []
    /// gained − lost, km²; nil on the first snapshot.
    public var netKm2: Double? { gainedKm2.flatMap { g in lostKm2.map { g - $0 } } }

    /// Creates a row; the change figures are nil on the first snapshot.
    public init(date: Day, file: String, side: String, areaKm2: Double, gainedKm2: Double?, lostKm2: Double?, droppedSliverKm2: Double?,
                asOf: Day? = nil, warnings: [String] = []) {
        self.date = date; self.file = file; self.side = side; self.areaKm2 = areaKm2; self.gainedKm2 = gainedKm2
        self.lostKm2 = lostKm2; self.droppedSliverKm2 = droppedSliverKm2; self.asOf = asOf; self.warnings = warnings
    }
}

/// Area per side over dated snapshots, and the change between consecutive ones — the daily job of
/// front-line archive projects in one call. Streams: only two snapshots are held at a time.
public enum SnapshotTimeline {
    /// The snapshot files of a folder (or the files given), with their dates, in date order. Files without a
    /// date are an error naming the file.
    public static func files(_ inputs: [String]) throws(FrontlineError) -> [(path: String, date: Day)] {
        try SnapshotArchive.open(inputs).entries.map { (path: $0.path, date: $0.date) }
    }

    /// Computes the timeline rows. Areas are measured once per snapshot; diffs between consecutive ones.
    ///
    /// Works through the files a window at a time: the window's snapshots are loaded and measured in parallel,
    /// then its consecutive pairs are diffed in parallel. Only one window (plus the snapshot before it) is held.
    public static func rows(_ files: [(path: String, date: Day)], snapshotOptions: Snapshot.Options,
                            diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let archive = SnapshotArchive(name: "files", entries: files.map { SnapshotArchive.Entry(date: $0.date, path: $0.path, features: nil) },
                                      options: snapshotOptions, notes: [])
        return try rows(archive, indexes: Array(archive.entries.indices), diffOptions: diffOptions)
    }

    /// The rows of an archive's snapshots at `indexes` (ascending), each diffed against the one before it in the list.
    public static func rows(_ archive: SnapshotArchive, indexes: [Int], diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let window = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        let dated = indexes.map { Dated(index: $0, date: archive.entries[$0].date) }
        var rows: [TimelineRow] = []
        var previous: Measured?
        var start = 0
        // Consecutive snapshots share most edges: each edge's geodesic area term is computed once and looked up
        // after (kept for two windows, so memory does not grow with the archive).
        let areas = GeodesicAreaCache()
        while start < dated.count {
            let chunk = Array(dated[start..<min(start + window, dated.count)])
            start += chunk.count
            let loaded = try Parallel.map(chunk) { (f) throws(FrontlineError) -> Measured in
                let snap = try archive.read(at: f.index)
                var km2: [String: Double] = [:]
                for side in snap.sides { km2[side.id] = snap.areas[side.id].map(areas.areaKm2) ?? 0 }
                return Measured(snapshot: snap, km2: km2)
            }
            areas.advanceGeneration()
            let pairs = loaded.indices.map { i in (i == 0 ? previous : loaded[i - 1], loaded[i]) }
            let chunkRows = try Parallel.map(pairs) { (pair) throws(FrontlineError) -> [TimelineRow] in
                try timelineRows(previous: pair.0, current: pair.1, diffOptions: diffOptions)
            }
            rows += chunkRows.joined()
            previous = loaded.last
        }
        return rows
    }

    /// A snapshot with its side areas already known (a store keeps them), for rows of snapshots held in memory.
    public struct MeasuredSnapshot: Sendable {
        /// The snapshot.
        public var snapshot: Snapshot
        /// km² per side id.
        public var areasKm2: [String: Double]

        /// Pairs a snapshot with its side areas.
        public init(snapshot: Snapshot, areasKm2: [String: Double]) {
            self.snapshot = snapshot
            self.areasKm2 = areasKm2
        }
    }

    /// The rows of snapshots a source has read itself (ascending by date), each diffed against the one before it,
    /// the first against `previous` when given: the file path's diffs and rows, for a source such as PostGIS that
    /// hands over its stored geometries. Pairs are diffed on every core.
    public static func rows(_ measured: [MeasuredSnapshot], after previous: MeasuredSnapshot? = nil,
                            diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let list = measured.map { Measured(snapshot: $0.snapshot, km2: $0.areasKm2) }
        let before = previous.map { Measured(snapshot: $0.snapshot, km2: $0.areasKm2) }
        let pairs = list.indices.map { i in (i == 0 ? before : list[i - 1], list[i]) }
        return try Parallel.map(pairs) { (pair) throws(FrontlineError) -> [TimelineRow] in
            try timelineRowsWithoutWarnings(previous: pair.0, current: pair.1, diffOptions: diffOptions)
        }.flatMap { $0 }
    }

    struct Dated: Sendable {
        var index: Int
        var date: Day
    }

    /// A snapshot with its side areas measured.
    struct Measured: Sendable {
        var snapshot: Snapshot
        var km2: [String: Double]
    }

    /// The rows of one snapshot: its areas, and its change since the previous snapshot when there is one.
    static func timelineRows(previous: Measured?, current: Measured, diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        var rows = try timelineRowsWithoutWarnings(previous: previous, current: current, diffOptions: diffOptions)
        if !rows.isEmpty { rows[0].warnings = current.snapshot.warnings }
        return rows
    }

    static func timelineRowsWithoutWarnings(previous: Measured?, current: Measured, diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let snap = current.snapshot
        let date = snap.date ?? Day(ordinal: 0)
        guard let prev = previous else {
            return snap.sides.map { s in
                TimelineRow(date: date, file: snap.label, side: s.id, areaKm2: current.km2[s.id] ?? 0,
                            gainedKm2: nil, lostKm2: nil, droppedSliverKm2: nil)
            }
        }
        let (sides, implicit) = Snapshot.sides(prev.snapshot, snap)
        let diff = try ControlDiff.between(prev.snapshot.state, snap.state, sides: sides, implicitSide: implicit, gazetteer: nil,
                                           districts: [], options: diffOptions, knownAreasKm2: (prev.km2, current.km2))
        return sides.map { s in
            let delta = diff.sides.first { $0.side == s.id }
            return TimelineRow(date: date, file: snap.label, side: s.id, areaKm2: current.km2[s.id] ?? snap.state.areaKm2(of: s.id),
                               gainedKm2: delta?.gainedKm2 ?? 0, lostKm2: delta?.lostKm2 ?? 0, droppedSliverKm2: diff.droppedSliverKm2)
        }
    }

    /// CSV with a header: date,file,side,area_km2,gained_km2,lost_km2,net_km2,dropped_sliver_km2 (and as_of when resampled).
    public static func csv(_ rows: [TimelineRow]) -> String {
        func n(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "" }
        let resampled = rows.contains { $0.asOf != nil }
        var out = ["date,file,side,area_km2,gained_km2,lost_km2,net_km2,dropped_sliver_km2" + (resampled ? ",as_of" : "")]
        for r in rows {
            out.append(CSV.row([r.date.description, (r.file as NSString).lastPathComponent, r.side, n(r.areaKm2), n(r.gainedKm2),
                                n(r.lostKm2), n(r.netKm2), n(r.droppedSliverKm2)] + (resampled ? [r.asOf?.description ?? ""] : [])))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// JSON: an array of row objects.
    public static func json(_ rows: [TimelineRow]) -> JSONValue {
        func n(_ v: Double?) -> JSONValue { v.map { .number($0.rounded(toPlaces: 3)) } ?? .null }
        return .array(rows.map { r in
            .object(JSONObject([("date", .string(r.date.description)), ("file", .string((r.file as NSString).lastPathComponent)),
                                ("side", .string(r.side)), ("area_km2", n(r.areaKm2)), ("gained_km2", n(r.gainedKm2)),
                                ("lost_km2", n(r.lostKm2)), ("net_km2", n(r.netKm2)), ("dropped_sliver_km2", n(r.droppedSliverKm2)),
                                ("as_of", r.asOf.map { .string($0.description) } ?? .string(r.date.description))]))
        })
    }
}

extension SnapshotTimeline {
    /// The dataset's timeline: each side's area at every state date (the base date and each change date), with the
    /// km² gained and lost since the previous state.
    public static func rows(_ source: DatasetSource, indexes: [Int]? = nil) throws(FrontlineError) -> [TimelineRow] {
        let sides = source.dataset.timeline.sides
        var rows: [TimelineRow] = []
        var previous: ControlState?
        let states = source.history.states
        for state in (indexes ?? Array(states.indices)).map({ states[$0] }) {
            var diff: ControlDiff?
            if let previous { diff = try ControlDiff.between(previous, state, sides: sides) }
            for s in sides {
                let d = diff?.sides.first { $0.side == s.id }
                rows.append(TimelineRow(date: state.date, file: source.dataset.name, side: s.id, areaKm2: state.areaKm2(of: s.id),
                                        gainedKm2: diff == nil ? nil : d?.gainedKm2 ?? 0, lostKm2: diff == nil ? nil : d?.lostKm2 ?? 0,
                                        droppedSliverKm2: diff == nil ? nil : 0))
            }
            previous = state
        }
        return rows
    }
}

extension SnapshotTimeline {
    /// Rows at ticks: each tick takes the latest state on or before it (`asOf`), and its change since the previous
    /// tick's state (zero when both ticks fall on the same state). `rowsAt(index)` gives the rows of the source's
    /// state number `index`, diffed against state number `previous`.
    public static func resample(_ ticks: [Day], dates: [Day],
                                rows: (_ indexes: [Int]) throws(FrontlineError) -> [[TimelineRow]]) throws(FrontlineError) -> [TimelineRow] {
        let idx = ticks.map { t in dates.lastIndex { $0 <= t } }
        let used = Array(Set(idx.compactMap { $0 })).sorted()
        let perIndex = try rows(used)
        var byIndex: [Int: [TimelineRow]] = [:]
        for (i, r) in zip(used, perIndex) { byIndex[i] = r }
        var out: [TimelineRow] = []
        var previous: Int?
        for (t, i) in zip(ticks, idx) {
            guard let i, let rs = byIndex[i] else { continue }
            for var r in rs {
                r.date = t
                r.asOf = dates[i]
                if previous == i { r.gainedKm2 = 0; r.lostKm2 = 0; r.droppedSliverKm2 = 0 }
                else if previous == nil { r.gainedKm2 = nil; r.lostKm2 = nil; r.droppedSliverKm2 = nil }
                r.warnings = previous == i ? [] : r.warnings
                out.append(r)
            }
            previous = i
        }
        return out
    }
}

extension SnapshotArchive {
    /// Area per side at the archive's dates between `lo` and `hi` (or at ticks of `step`, each the latest snapshot on
    /// or before it), with the km² gained and lost since the previous row's snapshot.
    ///
    /// - Throws: `FrontlineError` when a snapshot cannot be read or diffed.
    public func timeline(from lo: Day, to hi: Day, every step: Every?, options: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let dates = self.dates
        if let step {
            return try SnapshotTimeline.resample(step.ticks(from: lo, to: hi), dates: dates) { (idx) throws(FrontlineError) -> [[TimelineRow]] in
                let all = try SnapshotTimeline.rows(self, indexes: idx, diffOptions: options)
                return idx.map { i in all.filter { $0.date == dates[i] } }
            }
        }
        return try SnapshotTimeline.rows(self, indexes: dates.indices.filter { dates[$0] >= lo && dates[$0] <= hi }, diffOptions: options)
    }
}

extension DatasetSource {
    /// The dataset's rows: the state in force on `lo` (reported on `lo`, as of its own date), then every change
    /// date up to `hi`; or each tick's change since the previous tick's state. `options` is not used: the
    /// dataset's changes are exact.
    public func timeline(from lo: Day, to hi: Day, every step: Every?, options: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let dates = self.dates
        if let step {
            return try SnapshotTimeline.resample(step.ticks(from: lo, to: hi), dates: dates) { (idx) throws(FrontlineError) -> [[TimelineRow]] in
                let picked = try SnapshotTimeline.rows(self, indexes: idx)
                return idx.map { i in picked.filter { $0.date == dates[i] } }
            }
        }
        let first = dates.lastIndex { $0 <= lo } ?? 0
        var rows = try SnapshotTimeline.rows(self, indexes: dates.indices.filter { $0 >= first && dates[$0] <= hi })
        for i in rows.indices where rows[i].date < lo { rows[i].asOf = rows[i].date; rows[i].date = lo }
        return rows
    }
}
