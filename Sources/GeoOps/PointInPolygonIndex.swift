import GeoModel

/// Fast, allocation-free "does this polygonal area cover the position" for millions of positions (pure Swift).
///
/// GEOS 3.11 has no prepared contains-XY, so each GEOS query would build a point geometry. This index answers
/// with the planar even–odd rule (as GEOS does for lon/lat coordinates): edges are bucketed into horizontal
/// bands, and a grid marks the cells that no edge touches with their precomputed answer, so most positions
/// cost one lookup. Positions on an edge or vertex are covered (boundary inclusive, like `covers`).
public struct PointInPolygonIndex: Sendable {
    /// Edges as (x0, y0, x1, y1), flattened.
    private let edges: [Double]
    private let west, south, east, north: Double
    private let bands: Int
    private let bandHeight: Double
    /// Edge numbers per band: `bandEdges[bandStart[b]..<bandStart[b + 1]]`.
    private let bandStart: [Int32]
    private let bandEdges: [Int32]
    private let columns: Int, rows: Int
    private let cellWidth: Double, cellHeight: Double
    /// Per grid cell: 0 an edge touches it (test the position), 1 wholly inside, 2 wholly outside.
    private let cells: [UInt8]

    /// Indexes the polygons of a geometry (other parts are ignored).
    public init(_ geometry: Geometry) {
        var e: [Double] = []
        var w = Double.infinity, s = Double.infinity, ea = -Double.infinity, n = -Double.infinity
        for p in geometry.polygons {
            for ring in p.rings where ring.count > 1 {
                for k in 1..<ring.count {
                    let a = ring[k - 1], b = ring[k]
                    e.append(contentsOf: [a.lon, a.lat, b.lon, b.lat])
                    w = min(w, a.lon, b.lon); ea = max(ea, a.lon, b.lon); s = min(s, a.lat, b.lat); n = max(n, a.lat, b.lat)
                }
            }
        }
        edges = e
        let count = e.count / 4
        if count == 0 { w = 0; s = 0; ea = 0; n = 0 }
        west = w; south = s; east = ea; north = n
        let height = max(n - s, 1e-12), width = max(ea - w, 1e-12)
        let nb = max(1, min(1 << 16, count / 2))
        let bh = height / Double(nb)
        // Bucket edges by band (counting sort).
        func bandRange(_ i: Int) -> ClosedRange<Int> {
            let y0 = min(e[4 * i + 1], e[4 * i + 3]), y1 = max(e[4 * i + 1], e[4 * i + 3])
            let b0 = max(0, min(nb - 1, Int((y0 - s) / bh)))
            let b1 = max(0, min(nb - 1, Int((y1 - s) / bh)))
            return b0...b1
        }
        var counts = [Int32](repeating: 0, count: nb + 1)
        for i in 0..<count { for b in bandRange(i) { counts[b + 1] += 1 } }
        for b in 0..<nb { counts[b + 1] += counts[b] }
        var fill = counts
        var list = [Int32](repeating: 0, count: Int(counts[nb]))
        for i in 0..<count {
            for b in bandRange(i) { list[Int(fill[b])] = Int32(i); fill[b] += 1 }
        }
        // A grid of about 4 cells per edge; cells crossed by an edge's box are tested, the others answered once.
        let side = min(4096, max(1, Int(Double(count * 4).squareRoot())))
        let cw = width / Double(side), ch = height / Double(side)
        var grid = [UInt8](repeating: 1, count: side * side)
        for i in 0..<count {
            let c0 = max(0, min(side - 1, Int((min(e[4 * i], e[4 * i + 2]) - w) / cw)))
            let c1 = max(0, min(side - 1, Int((max(e[4 * i], e[4 * i + 2]) - w) / cw)))
            let r0 = max(0, min(side - 1, Int((min(e[4 * i + 1], e[4 * i + 3]) - s) / ch)))
            let r1 = max(0, min(side - 1, Int((max(e[4 * i + 1], e[4 * i + 3]) - s) / ch)))
            for r in r0...r1 { for c in c0...c1 { grid[r * side + c] = 0 } }
        }
        for r in 0..<side {
            for c in 0..<side where grid[r * side + c] == 1 {
                let x = w + (Double(c) + 0.5) * cw, y = s + (Double(r) + 0.5) * ch
                grid[r * side + c] = Self.test(x, y, edges: e, bandStart: counts, bandEdges: list, south: s, bandHeight: bh, bands: nb) ? 1 : 2
            }
        }
        bands = nb; bandHeight = bh; bandStart = counts; bandEdges = list
        columns = side; rows = side; cellWidth = cw; cellHeight = ch
        cells = grid
    }

    /// True when the position lies inside the area or on its boundary.
    public func covers(_ p: Position) -> Bool { covers(x: p.lon, y: p.lat) }

    /// True when (x, y) = (lon, lat) lies inside the area or on its boundary.
    public func covers(x: Double, y: Double) -> Bool {
        guard x >= west, x <= east, y >= south, y <= north, !edges.isEmpty else { return false }
        let c = min(columns - 1, Int((x - west) / cellWidth)), r = min(rows - 1, Int((y - south) / cellHeight))
        switch cells[r * columns + c] {
        case 1: return true
        case 2: return false
        default: return Self.test(x, y, edges: edges, bandStart: bandStart, bandEdges: bandEdges,
                                  south: south, bandHeight: bandHeight, bands: bands)
        }
    }

    /// Even–odd crossings of the ray from (x, y) towards +x, over the edges of y's band; true on an edge.
    private static func test(_ x: Double, _ y: Double, edges: [Double], bandStart: [Int32], bandEdges: [Int32],
                             south: Double, bandHeight: Double, bands: Int) -> Bool {
        let b = max(0, min(bands - 1, Int((y - south) / bandHeight)))
        var inside = false
        return edges.withUnsafeBufferPointer { e in
            bandEdges.withUnsafeBufferPointer { list in
                for k in Int(bandStart[b])..<Int(bandStart[b + 1]) {
                    let i = 4 * Int(list[k])
                    let x0 = e[i], y0 = e[i + 1], x1 = e[i + 2], y1 = e[i + 3]
                    // On the edge: collinear and within its box.
                    if y >= min(y0, y1), y <= max(y0, y1), x >= min(x0, x1), x <= max(x0, x1),
                       (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0) == 0 { return true }
                    if (y0 > y) != (y1 > y) {
                        let xCross = x0 + (y - y0) * (x1 - x0) / (y1 - y0)
                        if x < xCross { inside.toggle() }
                    }
                }
                return inside
            }
        }
    }
}
