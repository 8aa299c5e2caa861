import Foundation
import GeoModel
import GeoOps
import TestSupport
import Testing

/// The pure-Swift index must answer exactly as GEOS's prepared `covers` does.
@Suite struct PointInPolygonIndexTests {
    /// A seeded generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A star with a hole, and a second polygon: concave edges, a hole, two parts.
    static let shapes: [Geometry] = {
        var star: [Position] = []
        for k in 0..<40 {
            let angle = Double(k) / 40 * 2 * Double.pi, r = k % 2 == 0 ? 1.0 : 0.45
            star.append(Position(lon: 46 + r * cos(angle), lat: 40 + r * sin(angle)))
        }
        star.append(star[0])
        let hole = [Position(lon: 45.9, lat: 39.9), Position(lon: 45.9, lat: 40.1), Position(lon: 46.1, lat: 40.1),
                    Position(lon: 46.1, lat: 39.9), Position(lon: 45.9, lat: 39.9)]
        let square = [Position(lon: 47.5, lat: 39.5), Position(lon: 48, lat: 39.5), Position(lon: 48, lat: 40),
                      Position(lon: 47.5, lat: 40), Position(lon: 47.5, lat: 39.5)]
        return [.polygon(Polygon([star, hole])), .multiPolygon(MultiPolygon([Polygon([star, hole]), Polygon([square])]))]
    }()

    @Test(arguments: 0..<2) func agreesWithGEOSOnRandomPositions(shape: Int) throws {
        let g = Self.shapes[shape]
        let index = PointInPolygonIndex(g)
        let prepared = try PreparedGeometry(g)
        var rng = SplitMix(state: 42)
        var inside = 0
        for _ in 0..<20_000 {
            let p = Position(lon: Double.random(in: 44.8...48.2, using: &rng), lat: Double.random(in: 38.8...41.2, using: &rng))
            let expected = try prepared.covers(p)
            #expect(index.covers(p) == expected, "at \(p.lon),\(p.lat)")
            if expected { inside += 1 }
        }
        #expect(inside > 1000)
    }

    @Test func verticesAndEdgesAreCovered() throws {
        let g = Self.shapes[1]
        let index = PointInPolygonIndex(g)
        let prepared = try PreparedGeometry(g)
        for p in g.polygons.flatMap(\.rings).flatMap({ $0 }) {
            #expect(index.covers(p))
            #expect(try prepared.covers(p))
        }
        // The middle of the square's west edge and a position on the hole's edge.
        #expect(index.covers(Position(lon: 47.5, lat: 39.75)))
        #expect(index.covers(Position(lon: 46.0, lat: 39.9)))
        #expect(!index.covers(Position(lon: 46.0, lat: 40.0)))
    }

    @Test func emptyGeometryCoversNothing() {
        #expect(!PointInPolygonIndex(.empty).covers(Position(lon: 0, lat: 0)))
    }
}
