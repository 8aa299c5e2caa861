import Foundation
import GeoModel
import GeoOps
import TestSupport
import Testing

/// `mutualDifferences` overlays only where outlines differ; it must measure what two whole differences measure.
@Suite struct MutualDifferencesTests {
    /// A 40-step staircase outline whose step `k` is pushed out by `bump` (a drawing revised in one place).
    static func outline(bump k: Int, by bump: Double) -> Geometry {
        var ring: [Position] = [Position(lon: 0, lat: 0)]
        for i in 0..<40 {
            let x = Double(i) * 0.1
            let h = 1 + (i % 3 == 0 ? 0.05 : 0) + (i == k ? bump : 0)
            ring.append(Position(lon: x, lat: h))
            ring.append(Position(lon: x + 0.1, lat: h))
        }
        ring.append(Position(lon: 4, lat: 0))
        ring.append(ring[0])
        return .polygon(Polygon([ring.reversed()]))
    }

    func expectSame(_ a: Geometry, _ b: Geometry) throws {
        let (removed, added) = try a.mutualDifferences(b)
        let plainRemoved = try a.difference(b), plainAdded = try b.difference(a)
        #expect(abs(Geodesy.areaKm2(removed) - Geodesy.areaKm2(plainRemoved)) < 1e-6)
        #expect(abs(Geodesy.areaKm2(added) - Geodesy.areaKm2(plainAdded)) < 1e-6)
        #expect(removed.polygonalPart.polygons.count == plainRemoved.polygonalPart.polygons.count)
        #expect(added.polygonalPart.polygons.count == plainAdded.polygonalPart.polygons.count)
    }

    @Test func localRevisionsMeasureAsWholeDifferences() throws {
        try expectSame(Self.outline(bump: 5, by: 0.2), Self.outline(bump: 30, by: -0.3))
        try expectSame(Self.outline(bump: 5, by: 0.2), Self.outline(bump: 6, by: 0.1))
    }

    @Test func identicalOutlinesHaveNoDifference() throws {
        let a = Self.outline(bump: 3, by: 0.1)
        let (removed, added) = try a.mutualDifferences(a)
        #expect(removed.isEmpty && added.isEmpty)
    }

    @Test func unrelatedShapesFallBackToWholeOverlays() throws {
        let a = try Geometry(wkt: "POLYGON((0 0,2 0,2 2,0 2,0 0))"), b = try Geometry(wkt: "POLYGON((1 1,3 1,3 3,1 3,1 1))")
        try expectSame(a, b)
        try expectSame(a, .empty)
    }

    @Test func consecutiveRealSnapshots() throws {
        let files = TestPaths.deepStateFiles
        guard files.count > 1 else { return }
        // The timeline's own comparison: frontline's numbers did not change when the localized overlay came in.
        let a = try GeoJSONReader.read(Array(try Data(contentsOf: files[0]))).features.compactMap(\.geometry)
        let b = try GeoJSONReader.read(Array(try Data(contentsOf: files[1]))).features.compactMap(\.geometry)
        let ga = try Geometry.unaryUnion(a).snapped(toGrid: 1 / 111_320.0), gb = try Geometry.unaryUnion(b).snapped(toGrid: 1 / 111_320.0)
        try expectSame(ga, gb)
    }
}
