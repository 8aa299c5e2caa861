import Foundation
import GeoModel
@testable import GeoOps
import TestSupport
import Testing

/// The polygonized change pieces (changed edges noded and polygonized, each face classified by a point) must be the
/// pieces two whole GEOS differences give, and the cached geodesic areas must be PROJ's `geod_polygonarea`.
@Suite struct PolygonizedDifferencesTests {
    static let grid = 1 / 111_320.0

    /// The path under test, called directly (mutualDifferences would hide a fallback).
    static func polygonized(_ a: Geometry, _ b: Geometry) throws -> (removed: Geometry, added: Geometry)? {
        let ea = ChangedRegions.directedEdges(a), eb = ChangedRegions.directedEdges(b)
        let sa = Set(ea), sb = Set(eb)
        let changed = ea.filter { !sb.contains($0) } + eb.filter { !sa.contains($0) }
        return try ChangedRegions.polygonizedDifferences(a, b, changed: changed, ctx: GEOSContext())
    }

    static func expectWholeDifferences(_ a: Geometry, _ b: Geometry, _ what: String) throws {
        let r = try #require(try polygonized(a, b), "\(what): the polygonized path declined")
        let removed = try a.difference(b).polygonalPart, added = try b.difference(a).polygonalPart
        #expect(abs(Geodesy.areaKm2(r.removed) - Geodesy.areaKm2(removed)) < 1e-6, "\(what): removed km²")
        #expect(abs(Geodesy.areaKm2(r.added) - Geodesy.areaKm2(added)) < 1e-6, "\(what): added km²")
        // Piece by piece: the same areas in the same multiset (pieces are what slivers and maps are made of).
        func pieces(_ g: Geometry) -> [Int] { g.polygons.map { Int((Geodesy.areaKm2($0) * 1e6).rounded()) }.sorted() }
        #expect(pieces(r.removed) == pieces(removed), "\(what): removed pieces")
        #expect(pieces(r.added) == pieces(added), "\(what): added pieces")
    }

    @Test func realConsecutiveSnapshots() throws {
        let files = TestPaths.deepStateFiles
        guard files.count > 1 else {
            print("SKIP realConsecutiveSnapshots: ../shared/data/deepstate-ua is absent")
            return
        }
        func load(_ f: URL) throws -> Geometry {
            let gs = try GeoJSONReader.read(Array(try Data(contentsOf: f))).features.compactMap(\.geometry)
            return try Geometry.unaryUnion(gs).snapped(toGrid: Self.grid).polygonalPart
        }
        for i in stride(from: 0, to: files.count - 1, by: 12) {
            try Self.expectWholeDifferences(try load(files[i]), try load(files[i + 1]), files[i + 1].lastPathComponent)
        }
        // A month apart too: more change, still local.
        try Self.expectWholeDifferences(try load(files[0]), try load(files[4]), "four weeks")
    }

    @Test func islandsHolesAndSplitEdges() throws {
        let a = try Geometry(wkt: "MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2)),((20 0,22 0,22 2,20 2,20 0)))")
        // The hole grows, an island appears in it, the small polygon moves, and one edge is split in two.
        let b = try Geometry(wkt: "MULTIPOLYGON(((0 0,5 0,10 0,10 10,0 10,0 0),(2 2,2 5,5 5,5 2,2 2)),((3 3,3.5 3,3.5 3.5,3 3.5,3 3)),((21 0,23 0,23 2,21 2,21 0)))")
        try Self.expectWholeDifferences(a, b, "islands and holes")
        try Self.expectWholeDifferences(b, a, "islands and holes, reversed")
    }

    @Test func cachedAreasAreGeodPolygonArea() throws {
        let cache = GeodesicAreaCache()
        let shapes = [
            try Geometry(wkt: "POLYGON((30 48,31 48,31 49,30 49,30 48),(30.2 48.2,30.2 48.4,30.4 48.4,30.2 48.2))"),
            try Geometry(wkt: "POLYGON((-1 50,1 50,1 51,-1 51,-1 50))"),               // across the prime meridian
            try Geometry(wkt: "POLYGON((179 -10,-179 -10,-179 10,179 10,179 -10))"),   // across the antimeridian
            .polygon(Polygon([(0...36).map { Position(lon: Double($0 % 36) * 10 - 180 + 5, lat: 80) }])),  // around a pole
        ]
        for (i, g) in shapes.enumerated() {
            for _ in 0..<2 {  // measured, then looked up
                let expected = Geodesy.areaKm2(g)
                #expect(abs(cache.areaKm2(g) - expected) <= 1e-9 * expected, "shape \(i): \(cache.areaKm2(g)) vs \(expected)")
            }
        }
        #expect(cache.count > 0)
        cache.advanceGeneration()
        #expect(cache.count > 0)  // still kept for one more generation
        cache.advanceGeneration()
        #expect(cache.count == 0)  // unused for two generations: dropped, so memory does not grow with an archive
    }
}
