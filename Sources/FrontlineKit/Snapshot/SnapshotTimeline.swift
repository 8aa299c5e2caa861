import Foundation
import GeoModel
import GeoOps

/// One row of a snapshot timeline: a side's area on a date and its change since the previous snapshot.
public struct TimelineRow: Sendable {
    public var date: Day
    public var file: String
    public var side: String
    public var areaKm2: Double
    /// nil on the first snapshot.
    public var gainedKm2: Double?
    public var lostKm2: Double?
    public var droppedSliverKm2: Double?
    public var netKm2: Double? { gainedKm2.flatMap { g in lostKm2.map { g - $0 } } }
}

/// Area per side over dated snapshots, and the change between consecutive ones — the daily job of
/// front-line archive projects in one call. Streams: only two snapshots are held at a time.
public enum SnapshotTimeline {
    /// The snapshot files of a folder (or the files given), with their dates, in date order. Files without a
    /// date in their name or properties are an error naming the file.
    public static func files(_ inputs: [String]) throws(FrontlineError) -> [(path: String, date: Day)] {
        var paths: [String] = []
        for input in inputs {
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { throw .cannotRead(path: input, reason: "no such file or folder") }
            if isDir.boolValue {
                guard let names = try? FileManager.default.contentsOfDirectory(atPath: input) else { throw .cannotRead(path: input, reason: "cannot list the folder") }
                paths += names.filter { $0.hasSuffix(".geojson") || $0.hasSuffix(".json") }.sorted().map { (input as NSString).appendingPathComponent($0) }
            } else {
                paths.append(input)
            }
        }
        if paths.isEmpty { throw .badArgument("no .geojson files among the inputs") }
        var dated: [(String, Day)] = []
        for p in paths {
            // The file name first (no need to read the file); else a `date` property shared by its features.
            var date = Snapshot.dateFromFileName(p)
            if date == nil { date = Snapshot.dateFromProperties(try GeoJSONFile.read(p)) }
            guard let d = date else {
                throw .badInput(path: p, place: "", message: "no date in the file name (…YYYYMMDD… or …YYYY-MM-DD…) nor a \"date\" property")
            }
            dated.append((p, d))
        }
        dated.sort { $0.1 < $1.1 }
        for i in dated.indices.dropFirst() where dated[i].1 == dated[i - 1].1 {
            throw .badArgument("two snapshots for \(dated[i].1): \(dated[i - 1].0) and \(dated[i].0)")
        }
        return dated.map { (path: $0.0, date: $0.1) }
    }

    /// Computes the timeline rows. Areas are measured once per snapshot; diffs between consecutive ones.
    ///
    /// Works through the files a window at a time: the window's snapshots are loaded and measured in parallel,
    /// then its consecutive pairs are diffed in parallel. Only one window (plus the snapshot before it) is held.
    public static func rows(_ files: [(path: String, date: Day)], snapshotOptions: Snapshot.Options,
                            diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let window = 4 * max(1, ProcessInfo.processInfo.activeProcessorCount)
        let dated = files.map { Dated(path: $0.path, date: $0.date) }
        var rows: [TimelineRow] = []
        var previous: Measured?
        var start = 0
        while start < dated.count {
            let chunk = Array(dated[start..<min(start + window, dated.count)])
            start += chunk.count
            let loaded = try Parallel.map(chunk) { (f) throws(FrontlineError) -> Measured in
                var snap = try Snapshot.load(f.path, options: snapshotOptions)
                snap.date = f.date
                var km2: [String: Double] = [:]
                for side in snap.sides { km2[side.id] = snap.state.areaKm2(of: side.id) }
                return Measured(snapshot: snap, km2: km2)
            }
            let pairs = loaded.indices.map { i in (i == 0 ? previous : loaded[i - 1], loaded[i]) }
            let chunkRows = try Parallel.map(pairs) { (pair) throws(FrontlineError) -> [TimelineRow] in
                try timelineRows(previous: pair.0, current: pair.1, diffOptions: diffOptions)
            }
            rows += chunkRows.joined()
            previous = loaded.last
        }
        return rows
    }

    struct Dated: Sendable {
        var path: String
        var date: Day
    }

    /// A snapshot with its side areas measured.
    struct Measured: Sendable {
        var snapshot: Snapshot
        var km2: [String: Double]
    }

    /// The rows of one snapshot: its areas, and its change since the previous snapshot when there is one.
    static func timelineRows(previous: Measured?, current: Measured, diffOptions: ControlDiff.Options) throws(FrontlineError) -> [TimelineRow] {
        let snap = current.snapshot
        let date = snap.date ?? Day(ordinal: 0)
        guard let prev = previous else {
            return snap.sides.map { s in
                TimelineRow(date: date, file: snap.path, side: s.id, areaKm2: current.km2[s.id] ?? 0,
                            gainedKm2: nil, lostKm2: nil, droppedSliverKm2: nil)
            }
        }
        let (sides, implicit) = Snapshot.sides(prev.snapshot, snap)
        let diff = try ControlDiff.between(prev.snapshot.state, snap.state, sides: sides, implicitSide: implicit, gazetteer: nil,
                                           districts: [], options: diffOptions, knownAreasKm2: (prev.km2, current.km2))
        return sides.map { s in
            let delta = diff.sides.first { $0.side == s.id }
            return TimelineRow(date: date, file: snap.path, side: s.id, areaKm2: current.km2[s.id] ?? snap.state.areaKm2(of: s.id),
                               gainedKm2: delta?.gainedKm2 ?? 0, lostKm2: delta?.lostKm2 ?? 0, droppedSliverKm2: diff.droppedSliverKm2)
        }
    }

    /// CSV with a header: date,file,side,area_km2,gained_km2,lost_km2,net_km2,dropped_sliver_km2.
    public static func csv(_ rows: [TimelineRow]) -> String {
        func n(_ v: Double?) -> String { v.map { String(format: "%.3f", $0) } ?? "" }
        var out = ["date,file,side,area_km2,gained_km2,lost_km2,net_km2,dropped_sliver_km2"]
        for r in rows {
            out.append(CSV.row([r.date.description, (r.file as NSString).lastPathComponent, r.side, n(r.areaKm2), n(r.gainedKm2),
                                n(r.lostKm2), n(r.netKm2), n(r.droppedSliverKm2)]))
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// JSON: an array of row objects.
    public static func json(_ rows: [TimelineRow]) -> JSONValue {
        func n(_ v: Double?) -> JSONValue { v.map { .number($0.rounded(toPlaces: 3)) } ?? .null }
        return .array(rows.map { r in
            .object(JSONObject([("date", .string(r.date.description)), ("file", .string((r.file as NSString).lastPathComponent)),
                                ("side", .string(r.side)), ("area_km2", n(r.areaKm2)), ("gained_km2", n(r.gainedKm2)),
                                ("lost_km2", n(r.lostKm2)), ("net_km2", n(r.netKm2)), ("dropped_sliver_km2", n(r.droppedSliverKm2))]))
        })
    }
}
