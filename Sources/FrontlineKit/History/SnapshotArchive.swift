import Foundation
import GeoModel
import GeoOps

/// Dated snapshots as a control history: a folder, a list of files, a glob, or one file holding many dates (a
/// date property per feature). Snapshots are read when asked for and a few are kept.
public final class SnapshotArchive: SnapshotSource, @unchecked Sendable {
    /// One dated snapshot: a file, or one date's features of a multi-date file.
    public struct Entry: Sendable {
        /// The snapshot's date.
        public var date: Day
        /// The file it is read from.
        public var path: String
        /// The features of this date when they came from a multi-date file.
        public var features: FeatureCollection?
        /// How outputs name it: the file name, with `[date]` for one date of a multi-date file.
        public var label: String { features == nil ? (path as NSString).lastPathComponent : "\((path as NSString).lastPathComponent) [\(date)]" }
    }

    /// The snapshots, by ascending date (one per date).
    public let entries: [Entry]
    /// How each snapshot is read (side property or rules, dates, layer).
    public let options: Snapshot.Options
    /// Notes from opening (several revisions of a day, the profile detected).
    public private(set) var notes: [String]
    /// A name for messages.
    public let name: String
    private let lock = NSLock()
    private var cache: [Int: Snapshot] = [:]
    private var cacheOrder: [Int] = []

    /// The entries' dates, ascending.
    public var dates: [Day] { entries.map(\.date) }
    /// The credit line of the side rules given, else of the rules a snapshot read so far was read with.
    public var credit: String? {
        if let c = options.rules?.credit { return c }
        lock.lock(); defer { lock.unlock() }
        return cache.values.first { $0.rules?.credit != nil }?.rules?.credit
    }

    /// The rules' label of a side (given rules first, then those of snapshots read so far), else the id.
    public func label(of side: String) -> String {
        if let l = options.rules?.labels[side] { return l }
        lock.lock(); defer { lock.unlock() }
        for s in cache.values { if let l = s.rules?.labels[side] { return l } }
        return side
    }

    init(name: String, entries: [Entry], options: Snapshot.Options, notes: [String]) {
        self.name = name
        self.entries = entries
        self.options = options
        self.notes = notes
    }

    /// The extensions a folder is scanned for.
    public static let folderExtensions: Set<String> = ["geojson", "json", "gpkg", "fgb", "kml", "kmz", "shp", "geojsonl", "geojsons"]

    /// Opens an archive from folders, files and globs. Each file is dated by its name (`…YYYYMMDD…`, an epoch id),
    /// its wrapper (`datetime`), its features' shared date property, or `options.date` for a single undated file;
    /// a file whose features carry several dates is split into one snapshot per date.
    public static func open(_ inputs: [String], options: Snapshot.Options = Snapshot.Options()) throws(FrontlineError) -> SnapshotArchive {
        var paths: [String] = []
        for input in inputs {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: input, isDirectory: &isDir) {
                if isDir.boolValue {
                    guard let names = try? FileManager.default.contentsOfDirectory(atPath: input) else { throw .cannotRead(path: input, reason: "cannot list the folder") }
                    let found = names.filter { folderExtensions.contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }.sorted()
                    if found.isEmpty { throw .badInput(path: input, place: "", message: "the folder holds no snapshot files (.\(folderExtensions.sorted().joined(separator: ", ."))") }
                    paths += found.map { (input as NSString).appendingPathComponent($0) }
                } else {
                    paths.append(input)
                }
            } else if input.contains(where: { "*?[".contains($0) }) {
                let matched = glob(input)
                if matched.isEmpty { throw .cannotRead(path: input, reason: "no file matches the pattern") }
                paths += matched
            } else {
                throw .cannotRead(path: input, reason: "no such file or folder")
            }
        }
        if paths.isEmpty { throw .badArgument("no snapshot files among the inputs") }
        var entries: [Entry] = []
        var notes: [String] = []
        var undated: [String] = []
        for p in paths {
            if options.dateProperty == nil, let d = Snapshot.dateFromFileName(p) {
                entries.append(Entry(date: d, path: p, features: nil))
                continue
            }
            // A name or wrapper that tries to give a date and fails is said as such, not as "no date".
            if options.dateProperty == nil, let bad = Snapshot.impossibleDateInFileName(p) {
                throw .badInput(path: p, place: "", message: "\(bad) in the file name is not a date")
            }
            let fc = try VectorFile.read(p, layer: options.layer)
            if let d = Snapshot.dateFromRoot(fc) { entries.append(Entry(date: d, path: p, features: fc)); continue }
            for key in ["datetime", "date"] {
                if let v = fc.rootMembers[key], !v.isNull { throw .badInput(path: p, place: key, message: "\(v.jsonText) is not a date (YYYY-MM-DD or an ISO date-time)") }
            }
            let key = options.dateProperty ?? "date"
            var groups: [Day: [Feature]] = [:]
            var missing = 0
            for (i, f) in fc.features.enumerated() {
                guard let v = f.properties[key], !v.isNull else { missing += 1; continue }
                guard let s = v.stringValue, let d = Day(String(s.prefix(10))) else {
                    throw .badInput(path: p, place: "features[\(i)].properties.\(key)", message: "\(v.jsonText) is not a date (YYYY-MM-DD)")
                }
                groups[d, default: []].append(f)
            }
            if groups.isEmpty {
                if options.dateProperty != nil {
                    throw .badInput(path: p, place: "", message: "no feature has the date property \"\(key)\"")
                }
                undated.append(p)
                entries.append(Entry(date: options.date ?? Day(ordinal: 0), path: p, features: fc))
                continue
            }
            if missing > 0 && groups.count > 1 {
                throw .badInput(path: p, place: "", message: "\(missing) feature\(missing == 1 ? " has" : "s have") no \"\(key)\" while the others carry \(groups.count) dates: ambiguous")
            }
            for (d, fs) in groups {
                var sub = FeatureCollection(fs)
                sub.warnings = fc.warnings
                entries.append(Entry(date: d, path: p, features: sub))
            }
        }
        if !undated.isEmpty {
            if options.date == nil || paths.count > 1 {
                let which = undated.count == 1 ? undated[0] : "\(undated[0]) and \(undated.count - 1) more"
                if paths.count > 1 {
                    throw .badInput(path: which, place: "", message: "no date in the file name (…YYYYMMDD…, …YYYY-MM-DD…, an epoch id) nor a date property, in a dated archive")
                }
                throw .badInput(path: which, place: "", message: "no date in the file name (…YYYYMMDD…, …YYYY-MM-DD…, an epoch id) nor a date property: give --date D")
            }
        }
        entries.sort { ($0.date, $0.path) < ($1.date, $1.path) }
        // Several files on one day: DeepState's epoch-named revisions keep the latest of the day; any other
        // duplicate is ambiguous.
        var kept: [Entry] = []
        for e in entries {
            if let last = kept.last, last.date == e.date {
                let epochA = epoch(last.path), epochB = epoch(e.path)
                if let a = epochA, let b = epochB, last.features == nil || epochA != nil {
                    notes.append("\(last.date): \(2) revisions (\((last.path as NSString).lastPathComponent), \((e.path as NSString).lastPathComponent)): using the latest")
                    if b >= a { kept[kept.count - 1] = e }
                    continue
                }
                throw .badInput(path: e.path, place: "", message: "two snapshots for \(e.date): \(last.label) and \(e.label)")
            }
            kept.append(e)
        }
        let name = inputs.count == 1 ? inputs[0] : "\(inputs.count) inputs"
        return SnapshotArchive(name: name, entries: kept, options: options, notes: notes)
    }

    static func epoch(_ path: String) -> Int? {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard (9...10).contains(stem.count), stem.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(stem)
    }

    static func glob(_ pattern: String) -> [String] {
        var g = glob_t()
        defer { globfree(&g) }
        guard Glibc.glob(pattern, 0, nil, &g) == 0 else { return [] }
        return (0..<Int(g.gl_pathc)).compactMap { g.gl_pathv[$0].map { String(cString: $0) } }.sorted()
    }

    /// The snapshot at an index, read (and cached) on first use.
    public func snapshot(at i: Int) throws(FrontlineError) -> Snapshot {
        lock.lock()
        if let s = cache[i] { lock.unlock(); return s }
        lock.unlock()
        let snap = try read(at: i)
        lock.lock()
        cache[i] = snap
        cacheOrder.append(i)
        if cacheOrder.count > 8 { cache[cacheOrder.removeFirst()] = nil }
        lock.unlock()
        return snap
    }

    /// Reads the snapshot at an index without caching it (for streaming over the whole archive).
    public func read(at i: Int) throws(FrontlineError) -> Snapshot {
        let e = entries[i]
        var snap: Snapshot
        if let fc = e.features {
            snap = try Snapshot.make(fc, path: e.path, options: options)
        } else {
            snap = try Snapshot.load(e.path, options: options)
        }
        snap.date = e.date
        snap.label = e.label
        return snap
    }

    /// The snapshot that answers for a day: the latest on or before it.
    ///
    /// - Throws: `FrontlineError.badArgument` for a day before the first date; a read error of its file.
    public func snapshot(on day: Day) throws(FrontlineError) -> Snapshot { try snapshot(at: try index(on: day)) }

    /// The index in `entries` of the latest snapshot on or before a day.
    ///
    /// - Throws: `FrontlineError.badArgument` for a day before the first date.
    public func index(on day: Day) throws(FrontlineError) -> Int {
        try checkNotBefore(day)
        return entries.lastIndex { $0.date <= day } ?? 0
    }

    /// The state of the latest snapshot on or before `day` (after the last date, the last, with a note).
    ///
    /// - Throws: `FrontlineError.badArgument` for a day before the first date; a read error of the snapshot's file.
    public func state(on day: Day) throws(FrontlineError) -> AsOfState {
        let i = try index(on: day)
        let snap = try snapshot(at: i)
        let (sides, implicit) = Snapshot.sides(snap, snap)
        var note: String?
        if let last = dates.last, day > last { note = "the archive's last snapshot is of \(last); showing it" }
        return AsOfState(requested: day, asOf: entries[i].date, state: snap.state, sides: sides, implicitSide: implicit,
                         description: "the snapshot of \(entries[i].date) (\(entries[i].label))", note: note)
    }

    /// What changed hands between the snapshots that answer for two days (no settlements or provenance).
    ///
    /// - Throws: `FrontlineError` for a day before the first date, a file that cannot be read, or a failed overlay.
    public func diff(from: Day, to: Day, options diffOptions: ControlDiff.Options = ControlDiff.Options()) throws(FrontlineError) -> ControlDiff {
        let a = try snapshot(at: try index(on: from)), b = try snapshot(at: try index(on: to))
        return try ControlDiff.between(a, b, options: diffOptions).diff
    }

    /// Every warning of the snapshots read so far, once.
    public var warnings: [String] {
        lock.lock(); defer { lock.unlock() }
        return cacheOrder.flatMap { cache[$0]?.warnings ?? [] }
    }
}
