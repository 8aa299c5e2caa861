import CPROJ
import GeoModel

/// Measures on the WGS84 ellipsoid (Karney's geodesic algorithms, as shipped with PROJ).
///
/// Never square degrees, never planar lon/lat distances.
public enum Geodesy {
    /// The WGS84 semi-major axis, in metres.
    public static let a = 6_378_137.0
    /// The WGS84 flattening, 1/298.257223563.
    public static let f = 1 / 298.257223563

    @inline(__always)
    static func ellipsoid() -> geod_geodesic {
        var g = geod_geodesic()
        geod_init(&g, a, f)
        return g
    }

    /// The geodesic distance between two positions, in km.
    public static func distanceKm(_ p: Position, _ q: Position) -> Double {
        var g = ellipsoid()
        var s12 = 0.0
        geod_inverse(&g, p.lat, p.lon, q.lat, q.lon, &s12, nil, nil)
        return s12 / 1000
    }

    /// The area of a polygon with holes, in km² (holes subtracted; winding does not matter).
    public static func areaKm2(_ polygon: Polygon) -> Double {
        var g = ellipsoid()
        var total = 0.0
        for (i, ring) in polygon.rings.enumerated() {
            let a = abs(ringArea(&g, ring))
            total += i == 0 ? a : -a
        }
        return total / 1e6
    }

    /// The area of the polygonal parts of a geometry, in km² (lines and points count zero).
    public static func areaKm2(_ geometry: Geometry) -> Double {
        geometry.polygons.reduce(0) { $0 + areaKm2($1) }
    }

    /// A polygon's area (holes subtracted) and perimeter (every ring), in km² and km, in one pass over its edges:
    /// what a sliver test needs, for half the geodesic work of ``areaKm2(_:)-(Polygon)`` and ``lengthKm(_:)``.
    public static func areaAndPerimeter(_ polygon: Polygon) -> (areaKm2: Double, perimeterKm: Double) {
        var g = ellipsoid()
        var total = 0.0, length = 0.0
        for (i, ring) in polygon.rings.enumerated() {
            var perimeter = 0.0
            let a = abs(ringArea(&g, ring, perimeter: &perimeter))
            total += i == 0 ? a : -a
            length += perimeter
        }
        return (total / 1e6, length / 1000)
    }

    /// Signed ring area in m² (positive counter-clockwise).
    static func ringArea(_ g: inout geod_geodesic, _ ring: [Position]) -> Double {
        var perimeter = 0.0
        return ringArea(&g, ring, perimeter: &perimeter)
    }

    /// Signed ring area in m² (positive counter-clockwise), and the ring's length in m.
    static func ringArea(_ g: inout geod_geodesic, _ ring: [Position], perimeter: inout Double) -> Double {
        guard ring.count >= 3 else { return 0 }
        var lats = ring.map(\.lat), lons = ring.map(\.lon)
        // The closing position repeats the first; PROJ's polygon treats the ring as implicitly closed.
        if let f = ring.first, let l = ring.last, f.lat == l.lat, f.lon == l.lon {
            lats.removeLast(); lons.removeLast()
        }
        var area = 0.0
        geod_polygonarea(&g, &lats, &lons, Int32(lats.count), &area, &perimeter)
        return area
    }

    /// The geodesic length of the lines of a geometry (polygon rings included), in km.
    public static func lengthKm(_ geometry: Geometry) -> Double {
        var g = ellipsoid()
        var total = 0.0
        func line(_ ps: [Position]) {
            for i in ps.indices.dropFirst() {
                var s = 0.0
                geod_inverse(&g, ps[i - 1].lat, ps[i - 1].lon, ps[i].lat, ps[i].lon, &s, nil, nil)
                total += s
            }
        }
        switch geometry {
        case .lineString(let l): line(l.positions)
        case .multiLineString(let m): m.lineStrings.forEach { line($0.positions) }
        case .polygon(let p): p.rings.forEach(line)
        case .multiPolygon(let m): m.polygons.forEach { $0.rings.forEach(line) }
        case .geometryCollection(let c): return c.geometries.reduce(0) { $0 + lengthKm($1) }
        default: break
        }
        return total / 1000
    }

    /// The shortest geodesic distance from a position to a geometry, in km (0 inside a polygon).
    ///
    /// The geometry is densified (GeoJSON edges are straight in lon/lat) and projected to an azimuthal
    /// equidistant projection centred on the position, where distance from the centre is exact.
    public static func distanceKm(from p: Position, to geometry: Geometry, maxSegmentDegrees: Double = 0.02) throws(GeoOpsError) -> Double {
        if geometry.isEmpty { throw .invalidInput("distance to an empty geometry") }
        let dense = densified(geometry, maxStep: maxSegmentDegrees)
        let proj = try Projection.localEquidistant(center: p)
        let projected = try proj.transform(dense)
        let metres = try projected.planarDistance(to: .point(Point(Position(lon: 0, lat: 0))))
        return metres / 1000
    }

    /// Geodesic km from each position to one geometry, fast for many positions: the geometry is densified and
    /// projected once to a local equal-area plane centred on its box, the nearest point is found there by an
    /// indexed search, and the distance to that point is measured on the ellipsoid. Within a theatre-sized window
    /// the point found is the true nearest one or lies beside it, so the figures agree with
    /// `distanceKm(from:to:)` to a small fraction of a per cent.
    public static func distancesKm(from positions: [Position], to geometry: Geometry, maxSegmentDegrees: Double = 0.02) throws(GeoOpsError) -> [Double] {
        if geometry.isEmpty { throw .invalidInput("distance to an empty geometry") }
        guard !positions.isEmpty, let box = BoundingBox(geometry: geometry) else { return [] }
        let proj = try Projection.localEqualArea(center: box.center)
        let prepared = try PreparedGeometry(try proj.transform(densified(geometry, maxStep: maxSegmentDegrees)))
        return try positions.map { (p) throws(GeoOpsError) -> Double in
            guard let q = proj.forward(p.lon, p.lat) else { throw .invalidInput("cannot project \(p.lat),\(p.lon)") }
            let near = try prepared.nearestPoint(to: Position(lon: q.x, lat: q.y))
            guard let back = proj.inverse(near.lon, near.lat) else { throw .invalidInput("cannot unproject a nearest point") }
            return distanceKm(p, Position(lon: back.x, lat: back.y))
        }
    }

    /// The geometry with extra vertices so that no edge is longer than `maxStep` degrees.
    public static func densified(_ geometry: Geometry, maxStep: Double) -> Geometry {
        func line(_ ps: [Position]) -> [Position] {
            guard ps.count > 1 else { return ps }
            var out: [Position] = [ps[0]]
            out.reserveCapacity(ps.count)
            for i in ps.indices.dropFirst() {
                let a = ps[i - 1], b = ps[i]
                let steps = Int((max(abs(b.lon - a.lon), abs(b.lat - a.lat)) / maxStep).rounded(.up))
                if steps > 1 {
                    for k in 1..<steps {
                        let t = Double(k) / Double(steps)
                        out.append(Position(lon: a.lon + (b.lon - a.lon) * t, lat: a.lat + (b.lat - a.lat) * t))
                    }
                }
                out.append(b)
            }
            return out
        }
        switch geometry {
        case .point, .multiPoint: return geometry
        case .lineString(let l): return .lineString(LineString(line(l.positions)))
        case .multiLineString(let m): return .multiLineString(MultiLineString(m.lineStrings.map { LineString(line($0.positions)) }))
        case .polygon(let p): return .polygon(Polygon(p.rings.map(line)))
        case .multiPolygon(let m): return .multiPolygon(MultiPolygon(m.polygons.map { Polygon($0.rings.map(line)) }))
        case .geometryCollection(let c): return .geometryCollection(GeometryCollection(c.geometries.map { densified($0, maxStep: maxStep) }))
        }
    }
}
