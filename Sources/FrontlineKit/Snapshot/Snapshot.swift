import Foundation
import GeoModel
import GeoOps

/// A dated control snapshot from any vector file (another war's daily archive, a raw DeepStateMap export, an
/// export of this tool) or from the features of one date of a multi-date file.
///
/// Features become sides through `SideRules` (`--sides FILE`, a profile such as DeepState, detected from the
/// class names), else a side property; a file whose features carry none is one side, `occupied`, against the
/// rest. Sides that overlap are counted once, as `contested`, with a warning.
public struct Snapshot: Sendable {
    /// The file it was read from (or a pseudo-path such as `postgis:SOURCE`).
    public var path: String
    /// The snapshot's date, when the file, its name or the options give one.
    public var date: Day?
    /// How outputs name it: the file name, or the file and date for one date of a multi-date file.
    public var label: String
    /// The sides found, in report order.
    public var sides: [Side]
    /// The area of each side by id, dissolved, in WGS84 lon/lat.
    public var areas: [String: Geometry]
    /// Repairs, drops, overlaps and other non-fatal notes, each naming the file and the feature.
    public var warnings: [String]
    /// The side rules that read it (a profile or a mapping file), when any.
    public var rules: SideRules?
    /// Point and line features, kept as annotations (never areas).
    public var annotationCount: Int

    /// A snapshot made from areas already read (a database row set, a computed state).
    public init(path: String, date: Day?, label: String, sides: [Side], areas: [String: Geometry], warnings: [String] = [],
                rules: SideRules? = nil, annotationCount: Int = 0) {
        self.path = path; self.date = date; self.label = label; self.sides = sides; self.areas = areas
        self.warnings = warnings; self.rules = rules; self.annotationCount = annotationCount
    }

    /// The side id used for files without a side property.
    public static let occupied = "occupied"
    /// The id of the complement of `occupied`.
    public static let other = "other"
    /// The side of areas two sides both claim in one snapshot.
    public static let contested = "contested"
    /// Properties tried, in order, when no side property is given.
    public static let sidePropertyCandidates = ["side", "controller", "control", "status"]

    /// Options for reading snapshots.
    public struct Options: Sendable {
        /// The property holding the side; nil tries the rules, then `sidePropertyCandidates`, then one side.
        public var sideProperty: String?
        /// Side rules (`--sides FILE` or `--profile NAME`); nil detects the DeepState profile from class names.
        public var rules: SideRules?
        /// Detect bundled profiles (DeepState) when no rules or side property are given.
        public var detectProfile: Bool
        /// Snap coordinates to a grid of this many metres (0 = off).
        public var gridMetres: Double
        /// The property holding each feature's date (multi-date files); default `date`.
        public var dateProperty: String?
        /// The date of a single undated file (`--date D`).
        public var date: Day?
        /// The layer of a multi-layer file.
        public var layer: String?
        /// Creates options; by default the side is found by rules, a detected profile or a candidate property.
        public init(sideProperty: String? = nil, rules: SideRules? = nil, detectProfile: Bool = true, gridMetres: Double = 0,
                    dateProperty: String? = nil, date: Day? = nil, layer: String? = nil) {
            self.sideProperty = sideProperty
            self.rules = rules
            self.detectProfile = detectProfile
            self.gridMetres = gridMetres
            self.dateProperty = dateProperty
            self.date = date
            self.layer = layer
        }
    }

    /// Reads a snapshot file (any format `VectorFile` reads).
    public static func load(_ path: String, options: Options = Options()) throws(FrontlineError) -> Snapshot {
        let fc = try VectorFile.read(path, layer: options.layer)
        var snap = try make(fc, path: path, options: options)
        if snap.date == nil { snap.date = options.date ?? dateFromRoot(fc) ?? dateFromProperties(fc, property: options.dateProperty) ?? dateFromFileName(path) }
        return snap
    }

    /// A snapshot of features already read (the whole file, or one date's features of a multi-date file).
    public static func make(_ fc: FeatureCollection, path: String, options: Options) throws(FrontlineError) -> Snapshot {
        var warnings = fc.warnings.map { "\(path): \($0)" }
        let areal = fc.features.enumerated().filter { !($0.element.geometry?.polygons.isEmpty ?? true) }
        let annotations = fc.features.count - areal.count
        var rules = options.rules
        if rules == nil, options.sideProperty == nil, options.detectProfile, SideRules.looksLikeDeepState(fc) {
            rules = .deepState
        }
        if areal.isEmpty { throw .badInput(path: path, place: "", message: "no Polygon or MultiPolygon features to take as control areas") }
        var property = rules?.property ?? options.sideProperty
        if property == nil {
            // A candidate every area carries is the side property; a value that is no text, number or boolean
            // is then an error naming the feature, never a silent fall-back to one side.
            property = sidePropertyCandidates.first { key in areal.allSatisfy { ($0.element.properties[key] ?? .null) != .null } }
        }
        var bySide: [String: [Geometry]] = [:]
        // A feature whose rounding to the grid is provably GEOS's snap-rounding (and which is then provably valid):
        // the rounded outline, used when it is its side's only feature. See `roundedToGridIfSeparated`.
        var rounded: [String: Geometry] = [:]
        let grid = options.gridMetres / 111_320.0
        var order: [String] = rules?.sideOrder ?? []
        var dropped: [String: (count: Int, labels: [String], warn: Bool)] = [:]
        for (i, f) in areal {
            guard let geometry = f.geometry else { continue }
            var g = Geometry.polygonal(geometry.polygons).mapPositions { Position(lon: $0.lon, lat: $0.lat) }
            var side = occupied
            if let property {
                guard let s = Snapshot.sideText(f.properties[property]) else {
                    let v = f.properties[property]
                    let what = v == nil || v == .null ? "missing side" : "side value \(v!.jsonText) is not text, a number or a boolean"
                    throw .badInput(path: path, place: "features[\(i)].properties.\(property)", message: what)
                }
                if let rules {
                    switch rules.classify(s) {
                    case .side(let id): side = id
                    case .drop(let reason, let label, let warn):
                        var d = dropped[reason] ?? (0, [], warn)
                        d.count += 1
                        if !d.labels.contains(label) { d.labels.append(label) }
                        dropped[reason] = d
                        continue
                    case .unmatched(let v):
                        throw .badInput(path: path, place: "features[\(i)].properties.\(property)", message: "\"\(v)\" matches no rule of \(rules.name)")
                    }
                } else {
                    side = s
                }
            }
            if grid > 0, let r = g.roundedToGridIfSeparated(grid) {
                if !order.contains(side) { order.append(side) }
                bySide[side, default: []].append(g)
                rounded[side] = r
                continue
            }
            do {
                if let reason = try g.validityReason() {
                    g = try g.makeValid().polygonalPart
                    warnings.append("\(path): features[\(i)]: invalid geometry repaired (\(reason))")
                }
            } catch {
                throw .badInput(path: path, place: "features[\(i)].geometry", message: "cannot repair: \(error)")
            }
            if !order.contains(side) { order.append(side) }
            bySide[side, default: []].append(g)
        }
        for (reason, d) in dropped.sorted(by: { $0.key < $1.key }) where d.warn {
            warnings.append("\(path): dropped \(d.count) feature\(d.count == 1 ? "" : "s") (\(reason)): \(d.labels.joined(separator: ", "))")
        }
        order = order.filter { bySide[$0] != nil }
        if bySide.isEmpty { throw .badInput(path: path, place: "", message: "every area was dropped by the side rules \(rules?.name ?? ""): nothing is left to take as control") }
        var areas: [String: Geometry] = [:]
        do {
            for (side, gs) in bySide {
                // Snapping a polygonal geometry is itself a (snap-rounded) union, so one valid feature needs no
                // separate dissolve first.
                if grid > 0, gs.count == 1, let only = gs.first {
                    areas[side] = try rounded[side] ?? only.snapped(toGrid: grid).polygonalPart
                    continue
                }
                var u = try Geometry.unaryUnion(gs).polygonalPart
                if grid > 0 { u = try u.snapped(toGrid: grid).polygonalPart }
                areas[side] = u
            }
            // Two sides claiming the same ground: the overlap is counted once, as contested, never twice.
            if order.count > 1 {
                var overlaps: [Geometry] = []
                var notes: [String] = []
                for (i, a) in order.enumerated() {
                    for b in order[(i + 1)...] {
                        guard let ga = areas[a], let gb = areas[b], try ga.intersects(gb) else { continue }
                        let x = try ga.intersection(gb).polygonalPart
                        let km2 = Geodesy.areaKm2(x)
                        if km2 >= ControlHistory.sliverKm2 {
                            overlaps.append(x)
                            notes.append("\(a) and \(b) overlap by \(String(format: "%.2f", km2)) km²")
                        }
                    }
                }
                if !overlaps.isEmpty {
                    let contestedArea = try Geometry.unaryUnion(overlaps).polygonalPart
                    for s in order { areas[s] = try areas[s]!.difference(contestedArea).polygonalPart }
                    areas[contested] = contestedArea
                    order.append(contested)
                    warnings.append("\(path): \(notes.joined(separator: "; ")): counted once, as \(contested)")
                }
            }
        } catch {
            throw .badInput(path: path, place: "", message: "cannot combine the areas: \(error)")
        }
        let sides = order.map { Side(id: $0, label: rules?.labels[$0] ?? $0) }
        return Snapshot(path: path, date: nil, label: (path as NSString).lastPathComponent, sides: sides, areas: areas, warnings: warnings, rules: rules, annotationCount: annotations)
    }

    /// A side value as text: strings as they are, whole numbers without a decimal point, booleans as true/false.
    static func sideText(_ v: JSONValue?) -> String? {
        switch v {
        case .string(let s)?: s.isEmpty ? nil : s
        case .number(let n)?: n.rounded() == n && abs(n) < 9e15 ? String(Int64(n)) : String(n)
        case .bool(let b)?: b ? "true" : "false"
        default: nil
        }
    }

    /// As a control state (no provenance, no zones). Undated snapshots get day 0.
    public var state: ControlState {
        ControlState(date: date ?? Day(ordinal: 0), areas: areas, applied: [], zones: [])
    }

    /// A `YYYY-MM-DD` run in a file name that is no calendar date (`x-2024-02-30.geojson`), or nil.
    static func impossibleDateInFileName(_ path: String) -> String? {
        let name = (path as NSString).lastPathComponent
        guard let r = name.range(of: #"(?<![0-9])(19|20)[0-9]{2}-[0-9]{2}-[0-9]{2}(?![0-9])"#, options: .regularExpression) else { return nil }
        let text = String(name[r])
        return Day(text) == nil ? text : nil
    }

    /// The date in a file name: `…YYYYMMDD…` or `…YYYY-MM-DD…` (the last such run, validated as a real date), or a
    /// name that is a Unix epoch id of 9–10 digits (`1754251105.geojson` = 2025-08-03 UTC, as DeepStateMap names them).
    public static func dateFromFileName(_ path: String) -> Day? {
        let name = (path as NSString).lastPathComponent
        let stem = name.split(separator: ".").first.map(String.init) ?? name
        if (9...10).contains(stem.count), stem.allSatisfy(\.isASCII), stem.allSatisfy(\.isNumber), let secs = Int(stem),
           secs >= 946_684_800 /* 2000-01-01 */ {
            return Day(ordinal: secs / 86_400)
        }
        let chars = Array(name)
        var found: Day?
        var i = 0
        while i < chars.count {
            // YYYY-MM-DD
            if i + 10 <= chars.count {
                let s = String(chars[i..<(i + 10)])
                if let d = Day(s), (i == 0 || !chars[i - 1].isNumber), (i + 10 == chars.count || !chars[i + 10].isNumber) { found = d; i += 10; continue }
            }
            if i + 8 <= chars.count, chars[i..<(i + 8)].allSatisfy(\.isNumber),
               i == 0 || !chars[i - 1].isNumber, i + 8 == chars.count || !chars[i + 8].isNumber {
                let s = String(chars[i..<(i + 8)])
                let iso = "\(s.prefix(4))-\(s.dropFirst(4).prefix(2))-\(s.suffix(2))"
                if let d = Day(iso) { found = d; i += 8; continue }
            }
            i += 1
        }
        return found
    }

    /// A date property (default `date`; ISO dates or date-times) shared by every feature that has one.
    static func dateFromProperties(_ fc: FeatureCollection, property: String? = nil) -> Day? {
        let key = property ?? "date"
        let dates = Set(fc.features.compactMap { $0.properties[key]?.stringValue.flatMap { Day(String($0.prefix(10))) } })
        guard dates.count == 1, let only = dates.first else { return nil }
        return only
    }

    /// The date of a wrapper document (`{"id": …, "datetime": "2025-08-03T19:58:25Z", "map": …}`): its `datetime`
    /// or `date`, else an epoch `id`.
    static func dateFromRoot(_ fc: FeatureCollection) -> Day? {
        for key in ["datetime", "date"] {
            if let s = fc.rootMembers[key]?.stringValue, let d = Day(String(s.prefix(10))) { return d }
        }
        if let n = fc.rootMembers["id"]?.numberValue, n >= 946_684_800, n < 4_102_444_800 {
            return Day(ordinal: Int(floor(n / 86_400)))
        }
        return nil
    }
}

extension Snapshot {
    /// The sides of two snapshots in order of first appearance, and the implicit complement (`other`) when they
    /// draw only `occupied`: what a diff or a change map of the two compares.
    public static func sides(_ a: Snapshot, _ b: Snapshot) -> (sides: [Side], implicitSide: String?) {
        var sides = a.sides
        for s in b.sides where !sides.contains(where: { $0.id == s.id }) { sides.append(s) }
        return (sides, sides.allSatisfy { $0.id != other } && !sides.isEmpty && sides.contains { $0.id == occupied } ? other : nil)
    }
}

extension ControlDiff {
    /// The change between two snapshots (geometric: snapshots carry no provenance), with the sides compared.
    public static func between(_ a: Snapshot, _ b: Snapshot, options: Options = Options()) throws(FrontlineError) -> (diff: ControlDiff, sides: [Side]) {
        let (sides, implicit) = Snapshot.sides(a, b)
        return (try between(a.state, b.state, sides: sides, implicitSide: implicit, options: options), sides)
    }
}
