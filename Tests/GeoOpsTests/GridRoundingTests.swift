import Foundation
import GeoModel
import GeoOps
import TestSupport
import Testing

/// `roundedToGridIfSeparated` claims that, when it answers, plain rounding is exactly GEOS's snap-rounding and the
/// result is valid. Checked against GEOS on real outlines and on cases built to break the claim.
@Suite struct GridRoundingTests {
    static let grid = 1 / 111_320.0

    /// The same polygon areas, and the same set of vertices (GEOS may start rings elsewhere or wind them otherwise).
    static func expectSameAsGEOS(_ g: Geometry, _ fast: Geometry, _ what: String) throws {
        let geos = try g.snapped(toGrid: grid).polygonalPart
        #expect(abs(Geodesy.areaKm2(geos) - Geodesy.areaKm2(fast)) < 1e-9, "\(what): area")
        func vertices(_ x: Geometry) -> Set<[Double]> {
            var s = Set<[Double]>()
            x.forEachPosition { s.insert([$0.lon, $0.lat]) }
            return s
        }
        #expect(vertices(geos) == vertices(fast), "\(what): vertices")
        #expect(geos.polygons.count == fast.polygons.count, "\(what): polygons")
        #expect(try fast.validityReason() == nil, "\(what): valid")
    }

    @Test func realOutlinesRoundLikeGEOSSnapRounding() throws {
        let files = TestPaths.deepStateFiles
        guard !files.isEmpty else {
            print("SKIP realOutlinesRoundLikeGEOSSnapRounding: ../shared/data/deepstate-ua is absent")
            return
        }
        var answered = 0
        for file in files.enumerated().filter({ $0.offset % 10 == 0 }).map(\.element) {
            let fc = try GeoJSONReader.read(Array(try Data(contentsOf: file)))
            let g = Geometry.polygonal(fc.features.compactMap(\.geometry).flatMap(\.polygons)).mapPositions { Position(lon: $0.lon, lat: $0.lat) }
            guard try g.validityReason() == nil, let fast = g.roundedToGridIfSeparated(Self.grid) else { continue }
            answered += 1
            try Self.expectSameAsGEOS(g, fast, file.lastPathComponent)
        }
        // Front-line outlines have vertices metres apart: the fast path must answer for nearly all of them.
        #expect(answered >= 10, "answered for \(answered) of 11 files")
    }

    @Test func declinesWhereSnapRoundingWouldBendOrMerge() throws {
        let g = Self.grid
        func square(_ x: Double, _ y: Double, _ s: Double) -> [Position] {
            [Position(lon: x, lat: y), Position(lon: x + s, lat: y), Position(lon: x + s, lat: y + s), Position(lon: x, lat: y + s), Position(lon: x, lat: y)]
        }
        // Cases that must be declined: snap-rounding would bend an edge, merge vertices that are not neighbours, or
        // the input is not a valid polygon. Built in grid cells, so that which cell a vertex rounds to is known.
        func c(_ i: Double, _ j: Double) -> Position { Position(lon: (3_340_000 + i) * g, lat: (5_343_000 + j) * g) }
        func box(_ i: Double, _ j: Double, _ n: Double) -> [Position] { [c(i, j), c(i + n, j), c(i + n, j + n), c(i, j + n), c(i, j)] }
        // A vertex of a second polygon 0.3 cells right of the first one's right edge: its cell holds that edge.
        let neighbour = Geometry.multiPolygon(MultiPolygon([Polygon([box(0, 0, 100)]), Polygon([[c(100.3, 50), c(200, 0), c(200, 100), c(100.3, 50)]])]))
        // The ring comes back to within 0.3 cells of its own edge.
        let pinched = Geometry.polygon(Polygon([[c(0, 0), c(100, 0), c(100, 100), c(50, 0.3), c(0, 100), c(0, 0)]]))
        // Out to a tip and back, 0.2 cells beside the way out.
        let spike = Geometry.polygon(Polygon([[c(0, 0), c(100, 0), c(100, 50), c(200, 50.1), c(100, 50.2), c(100, 100), c(0, 100), c(0, 0)]]))
        var crossing = box(0, 0, 100)  // a bow tie
        crossing.swapAt(1, 2)
        let declined: [(String, Geometry)] = [
            ("a vertex in the cell of another ring's edge", neighbour),
            ("an edge through the cell of a vertex of its own ring", pinched),
            ("a spike back through its own cell", spike),
            ("a bow tie", .polygon(Polygon([crossing]))),
            ("a hole outside its shell", .polygon(Polygon([square(30, 48, 0.01), square(31, 48, 0.001)]))),
            ("a shell inside another polygon", .multiPolygon(MultiPolygon([Polygon([square(30, 48, 0.01)]), Polygon([square(30.004, 48.004, 0.001)])]))),
            ("a line", .lineString(LineString(square(30, 48, 0.01)))),
        ]
        for (what, geometry) in declined {
            #expect(geometry.roundedToGridIfSeparated(g) == nil, "\(what)")
        }
        // Cases it may answer: when it does, the answer is GEOS's. Two squares a metre apart, a hole, and two
        // neighbouring vertices 0.3 cells apart (merged, as snap-rounding merges them).
        var merged = square(30, 48, 0.01)
        merged.insert(Position(lon: 30 + 0.3 * g, lat: 48), at: 1)
        let answered: [(String, Geometry)] = [
            ("apart", .multiPolygon(MultiPolygon([Polygon([square(30, 48, 0.01)]), Polygon([square(30.02, 48, 0.01)])]))),
            ("a metre apart", .multiPolygon(MultiPolygon([Polygon([square(30, 48, 0.01)]), Polygon([square(30.01 + 9 * g, 48, 0.01)])]))),
            ("holed, with merged neighbours", .polygon(Polygon([merged, square(30.004, 48.004, 0.001).reversed()]))),
        ]
        for (what, geometry) in answered {
            let fast = try #require(geometry.roundedToGridIfSeparated(g), "\(what)")
            try Self.expectSameAsGEOS(geometry, fast, what)
        }
        // Seeded random quadrilaterals near one another: whatever it answers equals GEOS.
        var rng = SplitMix64(seed: 111_320)
        var answers = 0
        for _ in 0..<300 {
            func r() -> Double { Double(rng.next() % 1000) / 1000 }
            var ring: [Position] = []
            for k in 0..<6 {
                let angle = Double(k) / 6 * 2 * Double.pi
                let radius = (0.5 + 3 * r()) * g
                ring.append(Position(lon: 30 + cos(angle) * radius + r() * g * 0.01, lat: 48 + sin(angle) * radius))
            }
            ring.append(ring[0])
            let geometry = Geometry.polygon(Polygon([ring]))
            guard try geometry.validityReason() == nil, let fast = geometry.roundedToGridIfSeparated(g) else { continue }
            answers += 1
            try Self.expectSameAsGEOS(geometry, fast, "random hexagon")
        }
        #expect(answers > 10 && answers < 300, "answered \(answers) of 300 small hexagons")
    }
}
