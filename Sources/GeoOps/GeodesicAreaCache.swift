#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CPROJ
import GeoModel

/// Geodesic polygon areas that remember the area term of every edge they measured, so that a series of outlines
/// sharing most of their edges (the days of a snapshot archive) costs one geodesic computation per *new* edge.
///
/// A ring's area is the sum over its edges of the area between the edge and the equator (`S12` of Karney's inverse
/// problem), reduced with the prime-meridian crossings: exactly the steps of PROJ's `geod_polygonarea`, with each
/// edge's term looked up before it is computed. Results equal ``Geodesy/areaKm2(_:)-(Geometry)`` to rounding
/// (the terms are summed in a different order). Thread-safe. Memory stays bounded: ``advanceGeneration()`` drops
/// the edges not used since the generation before.
public final class GeodesicAreaCache: @unchecked Sendable {
    struct Edge: Hashable {
        var lat1, lon1, lat2, lon2: Double
    }
    struct Term {
        var area: Double
        var transit: Int8
    }

    private var current: [Edge: Term] = [:]
    private var previous: [Edge: Term] = [:]
    private var lock = pthread_mutex_t()

    /// An empty cache.
    public init() { pthread_mutex_init(&lock, nil) }
    deinit { pthread_mutex_destroy(&lock) }

    /// Edges measured so far and still kept (for tests and benchmarks).
    public var count: Int {
        pthread_mutex_lock(&lock)
        defer { pthread_mutex_unlock(&lock) }
        return current.count + previous.count
    }

    /// Starts a new generation: edges not used during the last two generations are forgotten.
    public func advanceGeneration() {
        pthread_mutex_lock(&lock)
        previous = current
        current = [:]
        current.reserveCapacity(previous.count)
        pthread_mutex_unlock(&lock)
    }

    /// The area of the polygonal parts of a geometry, in km² (holes subtracted; winding does not matter).
    public func areaKm2(_ geometry: Geometry) -> Double {
        var g = Geodesy.ellipsoid()
        var total = 0.0
        for p in geometry.polygons {
            for (i, ring) in p.rings.enumerated() {
                let a = abs(ringArea(&g, ring))
                total += i == 0 ? a : -a
            }
        }
        return total / 1e6
    }

    /// Signed ring area in m², as `geod_polygonarea` computes it (reverse false, sign true).
    func ringArea(_ g: inout geod_geodesic, _ ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var n = ring.count
        if ring[0].lat == ring[n - 1].lat && ring[0].lon == ring[n - 1].lon { n -= 1 }
        guard n >= 2 else { return 0 }
        // Edges i → i+1, and the closing edge n−1 → 0, with longitudes normalised as geod_polygon_addpoint does.
        var edges: [Edge] = []
        edges.reserveCapacity(n)
        for i in 0..<n {
            let p = ring[i], q = ring[(i + 1) % n]
            edges.append(Edge(lat1: p.lat, lon1: Self.normalized(p.lon), lat2: q.lat, lon2: Self.normalized(q.lon)))
        }
        var terms = [Term?](repeating: nil, count: n)
        pthread_mutex_lock(&lock)
        for (k, e) in edges.enumerated() {
            if let t = current[e] {
                terms[k] = t
            } else if let t = previous[e] {
                terms[k] = t
                current[e] = t
            }
        }
        pthread_mutex_unlock(&lock)
        var fresh: [(Edge, Term)] = []
        for k in 0..<n where terms[k] == nil {
            let e = edges[k]
            var s12 = 0.0, S12 = 0.0
            geod_geninverse(&g, e.lat1, e.lon1, e.lat2, e.lon2, &s12, nil, nil, nil, nil, nil, &S12)
            let t = Term(area: S12, transit: Self.transit(e.lon1, e.lon2))
            terms[k] = t
            fresh.append((e, t))
        }
        if !fresh.isEmpty {
            pthread_mutex_lock(&lock)
            for (e, t) in fresh { current[e] = t }
            pthread_mutex_unlock(&lock)
        }
        // Compensated sum, as Karney's accumulator keeps the small result of large cancelling terms exact.
        var sum = 0.0, compensation = 0.0
        var crossings = 0
        for t in terms {
            guard let t else { continue }
            let y = t.area - compensation
            let s = sum + y
            compensation = (s - sum) - y
            sum = s
            crossings += Int(t.transit)
        }
        let area0 = 4 * Double.pi * g.c2
        var area = remainder(sum, area0)
        if crossings & 1 != 0 { area += (area < 0 ? 1 : -1) * area0 / 2 }
        area = -area
        if area > area0 / 2 { area -= area0 } else if area <= -area0 / 2 { area += area0 }
        return area
    }

    /// A longitude in (−180, 180], as PROJ's `AngNormalize`.
    static func normalized(_ x: Double) -> Double {
        let y = remainder(x, 360)
        return y == -180 ? 180 : y
    }

    /// +1 or −1 when the edge crosses the prime meridian eastward or westward, else 0 (PROJ's `transit`).
    static func transit(_ lon1: Double, _ lon2: Double) -> Int8 {
        var d = remainder(-lon1 + lon2, 360)  // AngDiff(lon1, lon2) without its error term
        if d == -180 { d = 180 }
        if lon2 - lon1 == 0 { d = 0 }
        if d > 0 && ((lon1 < 0 && lon2 >= 0) || (lon1 > 0 && lon2 == 0)) { return 1 }
        if d < 0 && lon1 >= 0 && lon2 < 0 { return -1 }
        return 0
    }
}
