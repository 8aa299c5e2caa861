import CGEOS
import GeoModel

extension Geometry {
    /// `self − other` and `other − self` at once, overlaid only where the two boundaries differ.
    ///
    /// Two drawings of nearly the same area (consecutive front-line snapshots) share most of their edges. A piece
    /// of either difference is bounded only by edges that are not in both drawings (where an edge is in both with
    /// the interior on the same side, the two areas coincide near it), so every piece lies inside the box of one
    /// connected cluster of such edges. The overlay runs on each box's clip instead of on the whole outlines.
    /// Falls back to two whole overlays when most edges differ. Both inputs must be valid polygonal geometries.
    public func mutualDifferences(_ other: Geometry) throws(GeoOpsError) -> (removed: Geometry, added: Geometry) {
        let edgesA = ChangedRegions.directedEdges(self), edgesB = ChangedRegions.directedEdges(other)
        let setA = Set(edgesA), setB = Set(edgesB)
        var changed: [BoundingBox] = []
        for e in edgesA where !setB.contains(e) { changed.append(e.box) }
        for e in edgesB where !setA.contains(e) { changed.append(e.box) }
        if changed.isEmpty { return (.empty, .empty) }
        let ctx = try GEOSContext()
        return try ctx.with(self) { (a) throws(GeoOpsError) in
            try ctx.with(other) { (b) throws(GeoOpsError) in
                if 2 * changed.count > edgesA.count + edgesB.count {
                    return (try ctx.take(GEOSDifference_r(ctx.handle, a, b), "difference"),
                            try ctx.take(GEOSDifference_r(ctx.handle, b, a), "difference"))
                }
                var removed: [Polygon] = [], added: [Polygon] = []
                for box in ChangedRegions.disjointRegions(changed) {
                    let rect = try ctx.check(GEOSGeom_createRectangle_r(ctx.handle, box.west, box.south, box.east, box.north), "createRectangle")
                    defer { ctx.destroy(rect) }
                    let ca = try ctx.check(GEOSIntersection_r(ctx.handle, a, rect), "intersection")
                    defer { ctx.destroy(ca) }
                    let cb = try ctx.check(GEOSIntersection_r(ctx.handle, b, rect), "intersection")
                    defer { ctx.destroy(cb) }
                    // An empty result comes back as an empty polygon: not a piece.
                    removed += try ctx.take(GEOSDifference_r(ctx.handle, ca, cb), "difference").polygons.filter { !$0.exterior.isEmpty }
                    added += try ctx.take(GEOSDifference_r(ctx.handle, cb, ca), "difference").polygons.filter { !$0.exterior.isEmpty }
                }
                return (Geometry.polygonal(removed), Geometry.polygonal(added))
            }
        }
    }
}

/// Boxes around the edges two polygonal geometries do not share.
enum ChangedRegions {
    /// A ring edge oriented with the polygon's interior on its left (exteriors counter-clockwise, holes clockwise).
    struct Edge: Hashable {
        var x0, y0, x1, y1: Double
        var box: BoundingBox { BoundingBox(west: min(x0, x1), south: min(y0, y1), east: max(x0, x1), north: max(y0, y1)) }
    }

    /// Every polygon edge, oriented so that equal edges of two geometries bound their areas on the same side.
    static func directedEdges(_ g: Geometry) -> [Edge] {
        var out: [Edge] = []
        out.reserveCapacity(g.vertexCount)
        for p in g.polygons {
            for (i, ring) in p.rings.enumerated() where ring.count > 1 {
                let ccw = Ring.isCounterClockwise(ring)
                let forward = (i == 0) == ccw
                for k in 1..<ring.count {
                    let s = ring[k - 1], t = ring[k]
                    out.append(forward ? Edge(x0: s.lon, y0: s.lat, x1: t.lon, y1: t.lat) : Edge(x0: t.lon, y0: t.lat, x1: s.lon, y1: s.lat))
                }
            }
        }
        return out
    }

    /// Margin (degrees, ≈ 1 cm) around each cluster, so that no difference piece touches its box's edge.
    static let margin = 1e-7

    /// Pairwise disjoint boxes, each the (grown) box of one or more clusters of touching edge boxes.
    static func disjointRegions(_ boxes: [BoundingBox]) -> [BoundingBox] {
        var current = boxes.map { BoundingBox(west: $0.west - margin, south: $0.south - margin, east: $0.east + margin, north: $0.north + margin) }
        while true {
            let merged = mergeOverlapping(current)
            if merged.count == current.count { return merged }
            current = merged
        }
    }

    /// One pass of union-find over boxes sorted by west edge: each component becomes its bounding box.
    static func mergeOverlapping(_ boxes: [BoundingBox]) -> [BoundingBox] {
        let sorted = boxes.sorted { $0.west < $1.west }
        var parent = Array(sorted.indices)
        func find(_ i: Int) -> Int {
            var i = i
            while parent[i] != i { parent[i] = parent[parent[i]]; i = parent[i] }
            return i
        }
        var active: [Int] = []
        for (i, b) in sorted.enumerated() {
            active.removeAll { sorted[$0].east < b.west }
            for j in active where sorted[j].south <= b.north && b.south <= sorted[j].north {
                let ri = find(i), rj = find(j)
                if ri != rj { parent[ri] = rj }
            }
            active.append(i)
        }
        var byRoot: [Int: BoundingBox] = [:]
        for i in sorted.indices {
            let r = find(i)
            byRoot[r] = byRoot[r].map { $0.union(sorted[i]) } ?? sorted[i]
        }
        // Sorted so that pieces come out in the same order on every run (dictionary order is seeded per process).
        return byRoot.values.sorted { ($0.west, $0.south) < ($1.west, $1.south) }
    }
}
