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
        guard !positions.isEmpty else { return [] }
        return try DistanceIndex(geometry, maxSegmentDegrees: maxSegmentDegrees).distancesKm(from: positions)
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

/// Geodesic km from many positions to one geometry, prepared once and asked as often as needed (the method of
/// ``Geodesy/distancesKm(from:to:maxSegmentDegrees:)``, kept between batches: a streamed join builds one per front).
///
/// The geometry is densified and projected once to a local equal-area plane centred on its box; the nearest point
/// to each position is found there, and the distance to it is measured on the ellipsoid. For lines and points (a
/// front) the nearest point comes from a pure-Swift grid of the projected segments, searched ring by ring outwards
/// until no unsearched cell can hold anything nearer: no allocation per position, and safe to share between
/// threads (each call makes its own projection). Polygons (where an inside position is at distance zero) use GEOS,
/// prepared by each call.
public final class DistanceIndex: Sendable {
    let center: Position
    /// Projected segments as x0, y0, x1, y1 (a point is a segment of length zero); empty when GEOS answers.
    let segments: [Double]
    /// A packed R-tree over the segments (sort-tile-recursive, up to 8 children a node). Per node: its box
    /// (minX, minY, maxX, maxY), its children `children[childStart[n]..<childStart[n + 1]]` (segment numbers for
    /// a leaf, node numbers otherwise) and whether it is a leaf. The root is the last node.
    let nodeBoxes: [Double]
    let childStart: [Int32]
    let children: [Int32]
    let isLeaf: [Bool]
    /// For polygonal geometries: the projected geometry, prepared for GEOS by each call (GEOS handles are not shared).
    let polygonal: Geometry?
    let maxSegmentDegrees: Double

    /// Densifies `geometry` to `maxSegmentDegrees`, projects it to a local equal-area plane centred on its box and
    /// indexes it.
    public init(_ geometry: Geometry, maxSegmentDegrees: Double = 0.02) throws(GeoOpsError) {
        guard !geometry.isEmpty, let box = BoundingBox(geometry: geometry) else { throw .invalidInput("distance to an empty geometry") }
        center = box.center
        self.maxSegmentDegrees = maxSegmentDegrees
        let projection = try Projection.localEqualArea(center: center)
        let projected = try projection.transform(Geodesy.densified(geometry, maxStep: maxSegmentDegrees))
        if !geometry.polygons.isEmpty {
            polygonal = projected
            segments = []; nodeBoxes = []; childStart = [0]; children = []; isLeaf = []
            return
        }
        polygonal = nil
        var seg: [Double] = []
        func add(_ ps: [Position]) {
            if ps.count == 1 { seg += [ps[0].lon, ps[0].lat, ps[0].lon, ps[0].lat]; return }
            for k in 1..<max(1, ps.count) { seg += [ps[k - 1].lon, ps[k - 1].lat, ps[k].lon, ps[k].lat] }
        }
        func walk(_ g: Geometry) {
            switch g {
            case .point(let p): add([p.position])
            case .multiPoint(let m): for p in m.points { add([p]) }
            case .lineString(let l): add(l.positions)
            case .multiLineString(let m): for l in m.lineStrings { add(l.positions) }
            case .polygon, .multiPolygon: break
            case .geometryCollection(let c): for x in c.geometries { walk(x) }
            }
        }
        walk(projected)
        guard !seg.isEmpty else { throw .invalidInput("distance to a geometry with no lines or points") }
        segments = seg
        (nodeBoxes, childStart, children, isLeaf) = Self.pack(seg)
    }

    /// Builds the R-tree bottom up: the entries of a level (segments first, then the nodes just made) are sorted
    /// into vertical slices by x, each slice by y, and cut into nodes of 8.
    static func pack(_ seg: [Double]) -> ([Double], [Int32], [Int32], [Bool]) {
        var boxes: [Double] = [], start: [Int32] = [0], kids: [Int32] = [], leaf: [Bool] = []
        var entries: [(id: Int32, box: (Double, Double, Double, Double))] = []
        for k in 0..<(seg.count / 4) {
            let x0 = seg[4 * k], y0 = seg[4 * k + 1], x1 = seg[4 * k + 2], y1 = seg[4 * k + 3]
            let box: (Double, Double, Double, Double) = (Swift.min(x0, x1), Swift.min(y0, y1), Swift.max(x0, x1), Swift.max(y0, y1))
            entries.append((Int32(k), box))
        }
        var leaves = true
        while true {
            let fan = 8
            let nodes = (entries.count + fan - 1) / fan
            let perSlice = Int(Double(nodes).squareRoot().rounded(.up)) * fan
            entries.sort { $0.box.0 + $0.box.2 < $1.box.0 + $1.box.2 }
            var next: [(id: Int32, box: (Double, Double, Double, Double))] = []
            var k = 0
            while k < entries.count {
                var slice = entries[k..<min(k + perSlice, entries.count)]
                slice.sort { $0.box.1 + $0.box.3 < $1.box.1 + $1.box.3 }
                var m = slice.startIndex
                while m < slice.endIndex {
                    let group = slice[m..<min(m + fan, slice.endIndex)]
                    var b = (Double.infinity, Double.infinity, -Double.infinity, -Double.infinity)
                    for e in group {
                        kids.append(e.id)
                        b = (min(b.0, e.box.0), min(b.1, e.box.1), max(b.2, e.box.2), max(b.3, e.box.3))
                    }
                    start.append(Int32(kids.count))
                    leaf.append(leaves)
                    boxes += [b.0, b.1, b.2, b.3]
                    next.append((Int32(leaf.count - 1), b))
                    m += fan
                }
                k += perSlice
            }
            if next.count == 1 { break }
            entries = next
            leaves = false
        }
        return (boxes, start, kids, leaf)
    }

    /// The geodesic km from each position to the geometry.
    public func distancesKm(from positions: [Position]) throws(GeoOpsError) -> [Double] {
        let projection = try Projection.localEqualArea(center: center)
        let prepared = try polygonal.map { (g) throws(GeoOpsError) in try PreparedGeometry(g) }
        return try positions.map { (p) throws(GeoOpsError) -> Double in
            guard let q = projection.forward(p.lon, p.lat) else { throw .invalidInput("cannot project \(p.lat),\(p.lon)") }
            let near: Position
            if let prepared {
                near = try prepared.nearestPoint(to: Position(lon: q.x, lat: q.y))
            } else {
                near = nearestPoint(q.x, q.y)
            }
            guard let back = projection.inverse(near.lon, near.lat) else { throw .invalidInput("cannot unproject a nearest point") }
            return Geodesy.distanceKm(p, Position(lon: back.x, lat: back.y))
        }
    }

    /// The nearest point of the projected segments to (x, y): depth first through the R-tree, nearer boxes first,
    /// skipping every box farther than the best point found so far.
    func nearestPoint(_ x: Double, _ y: Double) -> Position {
        var best = Double.infinity, bx = 0.0, by = 0.0
        var stack: [Int32] = [Int32(isLeaf.count - 1)]
        stack.reserveCapacity(64)
        func boxDistance2(_ n: Int) -> Double {
            let dx = max(nodeBoxes[4 * n] - x, 0, x - nodeBoxes[4 * n + 2]), dy = max(nodeBoxes[4 * n + 1] - y, 0, y - nodeBoxes[4 * n + 3])
            return dx * dx + dy * dy
        }
        while let top = stack.popLast() {
            let n = Int(top)
            if boxDistance2(n) >= best { continue }
            let range = Int(childStart[n])..<Int(childStart[n + 1])
            if isLeaf[n] {
                for c in range {
                    let s = Int(children[c]) * 4
                    let x0 = segments[s], y0 = segments[s + 1], x1 = segments[s + 2], y1 = segments[s + 3]
                    let dx = x1 - x0, dy = y1 - y0
                    let len2 = dx * dx + dy * dy
                    var t = len2 > 0 ? ((x - x0) * dx + (y - y0) * dy) / len2 : 0
                    t = min(1, max(0, t))
                    let px = x0 + t * dx, py = y0 + t * dy
                    let d2 = (px - x) * (px - x) + (py - y) * (py - y)
                    if d2 < best { best = d2; bx = px; by = py }
                }
            } else {
                // Push the farthest first, so that the nearest child is searched next.
                var order: [(Double, Int32)] = []
                for c in range { order.append((boxDistance2(Int(children[c])), children[c])) }
                order.sort { $0.0 > $1.0 }
                for (d, child) in order where d < best { stack.append(child) }
            }
        }
        return Position(lon: bx, lat: by)
    }
}
