import GeoModel
import GeoOps
import TestSupport
import Testing

/// Expected WKT from shapely 2.2.0 (GEOS 3.14.1), normalised with `.normalize()`.
@Suite struct SetOperationTests {
    let a = try! Geometry(wkt: "POLYGON((0 0,2 0,2 2,0 2,0 0))")
    let b = try! Geometry(wkt: "POLYGON((1 1,3 1,3 3,1 3,1 1))")

    func same(_ g: Geometry, _ wkt: String) throws -> Bool {
        try g.normalized() == Geometry(wkt: wkt).normalized()
    }

    @Test func union() throws {
        #expect(try same(a.union(b), "POLYGON ((0 0, 0 2, 1 2, 1 3, 3 3, 3 1, 2 1, 2 0, 0 0))"))
    }

    @Test func difference() throws {
        #expect(try same(a.difference(b), "POLYGON ((0 0, 0 2, 1 2, 1 1, 2 1, 2 0, 0 0))"))
    }

    @Test func intersection() throws {
        #expect(try same(a.intersection(b), "POLYGON ((1 1, 1 2, 2 2, 2 1, 1 1))"))
    }

    @Test func symmetricDifference() throws {
        #expect(try same(a.symmetricDifference(b),
                         "MULTIPOLYGON (((1 2, 1 3, 3 3, 3 1, 2 1, 2 2, 1 2)), ((0 0, 0 2, 1 2, 1 1, 2 1, 2 0, 0 0)))"))
    }

    @Test func unaryUnionOfMany() throws {
        let cells = (0..<4).map { i in
            try! Geometry(wkt: "POLYGON((\(i) 0,\(i + 1) 0,\(i + 1) 1,\(i) 1,\(i) 0))")
        }
        // shapely 2.2.0 union_all keeps the shared vertices on the outline too.
        #expect(try same(Geometry.unaryUnion(cells), "POLYGON ((0 0, 0 1, 1 1, 2 1, 3 1, 4 1, 4 0, 3 0, 2 0, 1 0, 0 0))"))
    }

    @Test func bowTieValidityAndRepair() throws {
        let bowtie = try Geometry(wkt: "POLYGON((0 0,2 2,2 0,0 2,0 0))")
        // shapely 2.2.0 is_valid_reason: "Self-intersection[1 1]"
        #expect(try bowtie.validityReason() == "Self-intersection[1 1]")
        let fixed = try bowtie.makeValid()
        #expect(try fixed.isValid())
        #expect(try same(fixed, "MULTIPOLYGON (((1 1, 2 2, 2 0, 1 1)), ((0 0, 0 2, 1 1, 0 0)))"))
    }

    @Test func snappingRemovesSliver() throws {
        let p = try Geometry(wkt: "POLYGON((0 0,1 0,1 1.0000001,0 1,0 0))")
        let snapped = try p.snapped(toGrid: 0.001)
        #expect(try same(snapped, "POLYGON((0 0,1 0,1 1,0 1,0 0))"))
    }

    @Test func preparedContains() throws {
        let prepared = try PreparedGeometry(a)
        #expect(try prepared.contains(Position(lon: 1, lat: 1)))
        #expect(try !prepared.contains(Position(lon: 3, lat: 3)))
        #expect(try !prepared.contains(Position(lon: 2, lat: 1)))  // on the boundary: not contained
        #expect(try prepared.covers(Position(lon: 2, lat: 1)))
    }

    @Test func nearestPointsAndWKTRoundTrip() throws {
        let (p, q) = try a.nearestPoints(to: .point(Point(Position(lon: 5, lat: 1))))
        #expect(p == Position(lon: 2, lat: 1) && q == Position(lon: 5, lat: 1))
        #expect(try a.wkt() == "POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
        // GEOS's own message reaches the Swift error.
        do {
            _ = try Geometry(wkt: "POLYGON((0 0, 1")
            Issue.record("bad WKT was accepted")
        } catch {
            #expect(error.description.contains("ParseException"), "\(error)")
        }
    }

    @Test func bufferAndSimplifyInMetres() throws {
        let pt = Geometry.point(Point(Position(lon: 46.5, lat: 39.8)))
        let disc = try pt.buffered(metres: 2500, quadrantSegments: 32)
        // A 2.5 km disc: π r² = 19.635 km²; the 128-gon is 0.1 % smaller.
        #expect(relativeError(Geodesy.areaKm2(disc), 19.635) < 0.003)
        let simple = try disc.simplified(toleranceMetres: 200)
        #expect(simple.vertexCount < disc.vertexCount)
        #expect(try simple.isValid())
    }
}
