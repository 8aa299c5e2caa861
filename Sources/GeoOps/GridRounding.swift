import GeoModel

extension Geometry {
    /// The polygons rounded to a grid of `size` degrees, when that is provably what GEOS's snap-rounding
    /// (``snapped(toGrid:)``) gives for this geometry and the result is provably valid; nil when that cannot be shown
    /// (the caller then snaps with GEOS).
    ///
    /// Snap-rounding rounds every vertex to the grid (merging consecutive vertices that round to the same point)
    /// and bends any segment that passes through the grid cell (hot pixel) of a vertex it does not end at, or of an
    /// intersection. So when
    /// - no two segments intersect, except consecutive ones at their shared vertex (and those do not overlap),
    /// - no segment passes through the cell of a vertex other than its own ends' cells,
    /// - no two vertices that are not consecutive round to the same grid point,
    ///
    /// snap-rounding is plain rounding, and its output has no crossing or touching segments; with the nesting of
    /// rings checked (holes inside their shell and apart, no shell inside another polygon's area), the result is a
    /// valid polygonal geometry. These are tested with a hash grid over the segments: far cheaper than snap-rounding,
    /// and for front-line outlines, whose vertices are metres apart, true for almost every snapshot.
    ///
    /// Coordinates are rounded as GEOS rounds them (`round(v / size) * size`, halves up). Rings keep their order and
    /// winding; GEOS may start or wind them otherwise, which no measure depends on.
    public func roundedToGridIfSeparated(_ size: Double) -> Geometry? {
        guard size > 0, size.isFinite else { return nil }
        switch self {
        case .polygon, .multiPolygon: break
        default: return nil
        }
        var check = GridRoundingCheck(size: size)
        for p in self.polygons {
            guard let rings = check.add(p) else { return nil }
            check.polygons.append(rings)
        }
        guard !check.polygons.isEmpty, check.clear(), GridRoundingCheck.nestingValid(check.polygons) else { return nil }
        let result = check.polygons.map { Polygon($0) }
        if case .polygon = self, result.count == 1 { return .polygon(result[0]) }
        return .multiPolygon(MultiPolygon(result))
    }
}

/// The bookkeeping of ``GeoModel/Geometry/roundedToGridIfSeparated(_:)``.
struct GridRoundingCheck {
    let size: Double
    /// Rounded rings (consecutive repeats merged), per polygon.
    var polygons: [[[Position]]] = []
    /// Raw segments: ends, and their rounded ends.
    var raw: [(a: Position, b: Position, ra: Position, rb: Position)] = []
    /// Distinct rounded vertices.
    var vertices: Set<GridPoint> = []

    struct GridPoint: Hashable {
        var x, y: Double
    }

    init(size: Double) { self.size = size }

    /// GEOS's rounding: Java's `Math.round` (halves up, towards +∞) of v / size, times size.
    @inline(__always)
    func round(_ v: Double) -> Double {
        let t = v / size
        let f = t - t.rounded(.down)
        let k = f < 0.5 ? t.rounded(.down) : f > 0.5 ? t.rounded(.up) : t.rounded(.down) + 1
        return k * size
    }

    /// Adds a polygon's rings; nil when a ring collapses or a rounded vertex repeats one not next to it.
    mutating func add(_ p: Polygon) -> [[Position]]? {
        var rings: [[Position]] = []
        for ring in p.rings {
            guard ring.count >= 4, ring[0].lon == ring[ring.count - 1].lon, ring[0].lat == ring[ring.count - 1].lat else { return nil }
            var r: [Position] = []
            r.reserveCapacity(ring.count)
            var previous: Position?
            for q in ring {
                let x = round(q.lon), y = round(q.lat)
                let rq = Position(lon: x, lat: y)
                if let prev = previous, prev.lon != q.lon || prev.lat != q.lat {
                    raw.append((prev, Position(lon: q.lon, lat: q.lat), Position(lon: round(prev.lon), lat: round(prev.lat)), rq))
                }
                previous = Position(lon: q.lon, lat: q.lat)
                if let l = r.last, l.lon == x, l.lat == y { continue }
                r.append(rq)
            }
            guard r.count >= 4, r[0].lon == r[r.count - 1].lon, r[0].lat == r[r.count - 1].lat else { return nil }
            for v in r.dropLast() {
                guard vertices.insert(GridPoint(x: v.lon, y: v.lat)).inserted else { return nil }
            }
            rings.append(r)
        }
        return rings.isEmpty ? nil : rings
    }

    /// No raw segments intersect (but consecutive ones at their shared end, without overlap), and none passes
    /// through the cell of a rounded vertex other than its own ends' cells.
    func clear() -> Bool {
        guard !raw.isEmpty else { return false }
        let half = size / 2 * (1 + 1e-9)
        var west = Double.infinity, south = Double.infinity, length = 0.0
        for s in raw {
            west = min(west, s.a.lon, s.b.lon); south = min(south, s.a.lat, s.b.lat)
            length += abs(s.b.lon - s.a.lon) + abs(s.b.lat - s.a.lat)
        }
        let cell = max(length / Double(raw.count), size * 8)
        func key(_ x: Int64, _ y: Int64) -> Int64 { (x &* 0x1_0000_0001) ^ y }
        var grid: [Int64: [Int32]] = [:]
        grid.reserveCapacity(raw.count * 2)
        for (k, s) in raw.enumerated() {
            let x0 = Int64(((min(s.a.lon, s.b.lon) - half - west) / cell).rounded(.down)), x1 = Int64(((max(s.a.lon, s.b.lon) + half - west) / cell).rounded(.down))
            let y0 = Int64(((min(s.a.lat, s.b.lat) - half - south) / cell).rounded(.down)), y1 = Int64(((max(s.a.lat, s.b.lat) + half - south) / cell).rounded(.down))
            // A segment across very many cells (a long straight border) is not worth bucketing: GEOS decides.
            guard (x1 - x0 + 1) * (y1 - y0 + 1) <= 4096 else { return false }
            for x in x0...x1 {
                for y in y0...y1 { grid[key(x, y), default: []].append(Int32(k)) }
            }
        }
        // Segments against segments sharing a cell.
        for (_, bucket) in grid where bucket.count > 1 {
            for i in 0..<(bucket.count - 1) {
                let s = raw[Int(bucket[i])]
                for j in (i + 1)..<bucket.count {
                    let t = raw[Int(bucket[j])]
                    if Self.conflict(s.a, s.b, t.a, t.b) { return false }
                }
            }
        }
        // Vertices against the segments of their cell.
        for v in vertices {
            let x = Int64(((v.x - west) / cell).rounded(.down)), y = Int64(((v.y - south) / cell).rounded(.down))
            guard let bucket = grid[key(x, y)] else { continue }
            for k in bucket {
                let s = raw[Int(k)]
                if (s.ra.lon == v.x && s.ra.lat == v.y) || (s.rb.lon == v.x && s.rb.lat == v.y) { continue }
                if Self.segment(s.a, s.b, meets: v.x - half, v.y - half, v.x + half, v.y + half) { return false }
            }
        }
        return true
    }

    /// True when two segments intersect other than by sharing exactly one end without overlapping.
    static func conflict(_ a: Position, _ b: Position, _ c: Position, _ d: Position) -> Bool {
        func orient(_ p: Position, _ q: Position, _ r: Position) -> Double { (q.lon - p.lon) * (r.lat - p.lat) - (q.lat - p.lat) * (r.lon - p.lon) }
        func same(_ p: Position, _ q: Position) -> Bool { p.lon == q.lon && p.lat == q.lat }
        func onSegment(_ p: Position, _ q: Position, _ r: Position) -> Bool {
            min(p.lon, q.lon) <= r.lon && r.lon <= max(p.lon, q.lon) && min(p.lat, q.lat) <= r.lat && r.lat <= max(p.lat, q.lat)
        }
        guard max(a.lon, b.lon) >= min(c.lon, d.lon), max(c.lon, d.lon) >= min(a.lon, b.lon),
              max(a.lat, b.lat) >= min(c.lat, d.lat), max(c.lat, d.lat) >= min(a.lat, b.lat) else { return false }
        let o1 = orient(a, b, c), o2 = orient(a, b, d), o3 = orient(c, d, a), o4 = orient(c, d, b)
        let shared = same(a, c) || same(a, d) || same(b, c) || same(b, d)
        if shared {
            if same(a, c) && same(b, d) || same(a, d) && same(b, c) { return true }  // the same segment twice
            // Consecutive: they conflict only if collinear and overlapping beyond the shared end.
            let (p, q, r): (Position, Position, Position) = same(a, c) ? (a, b, d) : same(a, d) ? (a, b, c) : same(b, c) ? (b, a, d) : (b, a, c)
            guard orient(p, q, r) == 0 else { return false }
            return (q.lon - p.lon) * (r.lon - p.lon) + (q.lat - p.lat) * (r.lat - p.lat) > 0
        }
        if ((o1 > 0 && o2 < 0) || (o1 < 0 && o2 > 0)) && ((o3 > 0 && o4 < 0) || (o3 < 0 && o4 > 0)) { return true }
        if o1 == 0 && onSegment(a, b, c) { return true }
        if o2 == 0 && onSegment(a, b, d) { return true }
        if o3 == 0 && onSegment(c, d, a) { return true }
        if o4 == 0 && onSegment(c, d, b) { return true }
        return false
    }

    /// True when segment ab meets the closed box [x0, x1] × [y0, y1] (Liang–Barsky).
    static func segment(_ a: Position, _ b: Position, meets x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> Bool {
        var t0 = 0.0, t1 = 1.0
        let dx = b.lon - a.lon, dy = b.lat - a.lat
        for (p, q) in [(-dx, a.lon - x0), (dx, x1 - a.lon), (-dy, a.lat - y0), (dy, y1 - a.lat)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return false }; if r > t0 { t0 = r } } else { if r < t0 { return false }; if r < t1 { t1 = r } }
            }
        }
        return true
    }

    /// Nesting rules of valid polygons, for rings known not to touch or cross: every hole inside its shell and outside
    /// the other holes, and no shell inside another polygon's area.
    static func nestingValid(_ polygons: [[[Position]]]) -> Bool {
        func inside(_ p: Position, _ ring: [Position]) -> Bool {
            var c = false
            var j = ring.count - 1
            for i in 0..<ring.count {
                let yi = ring[i].lat, yj = ring[j].lat
                if (yi > p.lat) != (yj > p.lat), p.lon < (ring[j].lon - ring[i].lon) * (p.lat - yi) / (yj - yi) + ring[i].lon { c.toggle() }
                j = i
            }
            return c
        }
        guard polygons.count <= 256 else { return false }
        for rings in polygons {
            guard rings.count <= 64 else { return false }
            for h in rings.dropFirst() where !inside(h[0], rings[0]) { return false }
            for i in 1..<max(1, rings.count) {
                for j in 1..<rings.count where j != i && inside(rings[i][0], rings[j]) { return false }
            }
        }
        let boxes = polygons.map { rings -> BoundingBox in
            var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
            for p in rings[0] { w = min(w, p.lon); e = max(e, p.lon); s = min(s, p.lat); n = max(n, p.lat) }
            return BoundingBox(west: w, south: s, east: e, north: n)
        }
        for (i, a) in polygons.enumerated() {
            let p = a[0][0]
            for (j, b) in polygons.enumerated() where j != i {
                let box = boxes[j]
                guard p.lon >= box.west, p.lon <= box.east, p.lat >= box.south, p.lat <= box.north else { continue }
                // Inside shell j and in none of its holes: shell i lies in polygon j's area.
                if inside(p, b[0]) && !b.dropFirst().contains(where: { inside(p, $0) }) { return false }
            }
        }
        return true
    }
}
