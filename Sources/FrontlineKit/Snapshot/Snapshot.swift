import Foundation
import GeoModel
import GeoOps

/// A dated control snapshot from any GeoJSON file (another war's daily archive, an export of this tool).
///
/// Features are grouped into sides by a property; a file whose features carry none is one side, `occupied`,
/// against the rest.
public struct Snapshot: Sendable {
    public var path: String
    public var date: Day?
    public var sides: [Side]
    public var areas: [String: Geometry]
    /// Repairs and other non-fatal notes, each naming the file and the feature.
    public var warnings: [String]

    /// The side id used for files without a side property.
    public static let occupied = "occupied"
    /// The id of the complement of `occupied`.
    public static let other = "other"
    /// Properties tried, in order, when no side property is given.
    public static let sidePropertyCandidates = ["side", "controller", "control", "status"]

    /// Options for reading snapshots.
    public struct Options: Sendable {
        /// The property holding the side; nil tries `sidePropertyCandidates`, then one side.
        public var sideProperty: String?
        /// Snap coordinates to a grid of this many metres (0 = off).
        public var gridMetres: Double
        public init(sideProperty: String? = nil, gridMetres: Double = 0) {
            self.sideProperty = sideProperty
            self.gridMetres = gridMetres
        }
    }

    /// Reads a snapshot file.
    public static func load(_ path: String, options: Options = Options()) throws(FrontlineError) -> Snapshot {
        let fc = try GeoJSONFile.read(path)
        var warnings = fc.warnings.map { "\(path): \($0)" }
        let polygonal = fc.features.enumerated().filter { $0.element.geometry?.isPolygonal == true }
        if polygonal.isEmpty { throw .badInput(path: path, place: "", message: "no Polygon or MultiPolygon features to take as control areas") }
        var property = options.sideProperty
        if property == nil {
            property = sidePropertyCandidates.first { key in polygonal.allSatisfy { $0.element.properties[key]?.stringValue != nil } }
        }
        var bySide: [String: [Geometry]] = [:]
        var order: [String] = []
        for (i, f) in polygonal {
            guard var g = f.geometry else { continue }
            var side = occupied
            if let property {
                guard let s = f.properties[property]?.stringValue, !s.isEmpty else {
                    throw .badInput(path: path, place: "features[\(i)].properties.\(property)", message: "missing side (a string is needed)")
                }
                side = s
            }
            do {
                if let reason = try g.validityReason() {
                    g = try g.makeValid().polygonalPart
                    warnings.append("\(path): features[\(i)]: invalid geometry repaired (\(reason))")
                }
            } catch {
                throw .badInput(path: path, place: "features[\(i)].geometry", message: "cannot repair: \(error)")
            }
            if bySide[side] == nil { order.append(side) }
            bySide[side, default: []].append(g)
        }
        var areas: [String: Geometry] = [:]
        do {
            let grid = options.gridMetres / 111_320.0
            for (side, gs) in bySide {
                // Snapping a polygonal geometry is itself a (snap-rounded) union, so one valid feature needs no
                // separate dissolve first.
                if grid > 0, gs.count == 1, let only = gs.first {
                    areas[side] = try only.snapped(toGrid: grid).polygonalPart
                    continue
                }
                var u = try Geometry.unaryUnion(gs).polygonalPart
                if grid > 0 { u = try u.snapped(toGrid: grid).polygonalPart }
                areas[side] = u
            }
        } catch {
            throw .badInput(path: path, place: "", message: "cannot combine the areas: \(error)")
        }
        let date = dateFromProperties(fc) ?? dateFromFileName(path)
        return Snapshot(path: path, date: date, sides: order.map { Side(id: $0, label: $0) }, areas: areas, warnings: warnings)
    }

    /// As a control state (no provenance, no zones). Undated snapshots get day 0.
    public var state: ControlState {
        ControlState(date: date ?? Day(ordinal: 0), areas: areas, applied: [], zones: [])
    }

    /// The date in a file name: `…YYYYMMDD…` or `…YYYY-MM-DD…` (the last such run, validated as a real date).
    public static func dateFromFileName(_ path: String) -> Day? {
        let name = (path as NSString).lastPathComponent
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

    /// A `date` property shared by every feature that has one.
    static func dateFromProperties(_ fc: FeatureCollection) -> Day? {
        let dates = Set(fc.features.compactMap { $0.properties["date"]?.stringValue })
        guard dates.count == 1, let only = dates.first else { return nil }
        return Day(only)
    }
}

extension Snapshot {
    /// The sides of two snapshots in order of first appearance, and the implicit complement (`other`) when they
    /// draw only `occupied`: what a diff or a change map of the two compares.
    public static func sides(_ a: Snapshot, _ b: Snapshot) -> (sides: [Side], implicitSide: String?) {
        var sides = a.sides
        for s in b.sides where !sides.contains(s) { sides.append(s) }
        return (sides, sides.count == 1 && sides[0].id == occupied ? other : nil)
    }
}

extension ControlDiff {
    /// The change between two snapshots (geometric: snapshots carry no provenance), with the sides compared.
    public static func between(_ a: Snapshot, _ b: Snapshot, options: Options = Options()) throws(FrontlineError) -> (diff: ControlDiff, sides: [Side]) {
        let (sides, implicit) = Snapshot.sides(a, b)
        return (try between(a.state, b.state, sides: sides, implicitSide: implicit, options: options), sides)
    }
}
