import CGEOS
import Dispatch
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
        var changedEdges: [ChangedRegions.Edge] = []
        for e in edgesA where !setB.contains(e) { changedEdges.append(e) }
        for e in edgesB where !setA.contains(e) { changedEdges.append(e) }
        if changedEdges.isEmpty { return (.empty, .empty) }
        let changed = changedEdges.map(\.box)
        let ctx = try GEOSContext()
        if 2 * changed.count <= edgesA.count + edgesB.count,
           let faces = try ChangedRegions.polygonizedDifferences(self, other, changed: changedEdges, ctx: ctx) {
            return faces
        }
        if 2 * changed.count > edgesA.count + edgesB.count {
            return try Self.bothDifferences(self, other)
        }
        return try ctx.with(self) { (a) throws(GeoOpsError) in
            try ctx.with(other) { (b) throws(GeoOpsError) in
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

/// The results of two tasks on two threads: each property is written by one task only, read after both ended.
private final class TwoSlots<T>: @unchecked Sendable {
    var first: T?
    var second: T?
}

extension Geometry {
    /// A − B and B − A as two whole overlays, run at the same time on two threads (each with its own GEOS context,
    /// as GEOS contexts must not be shared): the fallback for outlines that share too few edges.
    static func bothDifferences(_ a: Geometry, _ b: Geometry) throws(GeoOpsError) -> (removed: Geometry, added: Geometry) {
        let slots = TwoSlots<Result<Geometry, GeoOpsError>>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            let r: Result<Geometry, GeoOpsError>
            do throws(GeoOpsError) {
                r = .success(i == 0 ? try a.difference(b) : try b.difference(a))
            } catch {
                r = .failure(error)
            }
            if i == 0 { slots.first = r } else { slots.second = r }
        }
        guard let removed = slots.first, let added = slots.second else { throw .geos(operation: "difference", message: "no result") }
        return (try removed.get(), try added.get())
    }
}

/// Boxes around the edges two polygonal geometries do not share.
enum ChangedRegions {
    /// A − B and B − A from the changed edges alone, with no overlay of the outlines.
    ///
    /// The boundary of every piece of A − B or B − A is made of edges that A and B do not share: across a shared
    /// edge, membership in A and in B changes together. So the changed edges, noded (`GEOSUnaryUnion`) and
    /// polygonized, give faces that are each wholly in A − B, wholly in B − A, or in neither; one interior point per
    /// face, tested against A and B, says which. The cost grows with the changed edges and the faces, not with the
    /// outlines (only the two point-in-polygon indexes read every edge).
    ///
    /// Returns nil, for the caller to overlay instead, when the faces do not account for the change of area
    /// (planar area(A) − area(B) = area(A − B) − area(B − A), to 1e-9 of the areas): a guard against input the
    /// argument above does not cover, such as edges that overlap without being equal.
    static func polygonizedDifferences(_ a: Geometry, _ b: Geometry, changed: [Edge], ctx: GEOSContext) throws(GeoOpsError) -> (removed: Geometry, added: Geometry)? {
        let lines = Geometry.multiLineString(MultiLineString(changed.map { e in
            LineString([Position(lon: e.x0, lat: e.y0), Position(lon: e.x1, lat: e.y1)])
        }))
        let g = try ctx.make(lines)
        defer { ctx.destroy(g) }
        let noded = try ctx.check(GEOSUnaryUnion_r(ctx.handle, g), "unaryUnion")
        defer { ctx.destroy(noded) }
        var inputs: [OpaquePointer?] = [noded]
        let collection = try ctx.check(inputs.withUnsafeMutableBufferPointer { buf in
            buf.withMemoryRebound(to: Optional<OpaquePointer>.self) { GEOSPolygonize_r(ctx.handle, $0.baseAddress, 1) }
        }, "polygonize")
        defer { ctx.destroy(collection) }
        // Few faces, so each is tested by a plain even–odd count over the polygons whose box holds the point, with
        // no index to build (an index pays off only for many points).
        let polygonsA = a.polygons.map { ($0, BoundingBox(geometry: .polygon($0))) }, polygonsB = b.polygons.map { ($0, BoundingBox(geometry: .polygon($0))) }
        var removed: [Polygon] = [], added: [Polygon] = []
        let n = GEOSGetNumGeometries_r(ctx.handle, collection)
        for i in 0..<max(0, n) {
            guard let face = GEOSGetGeometryN_r(ctx.handle, collection, i) else { throw ctx.failure("getGeometryN") }
            let point = try ctx.check(GEOSPointOnSurface_r(ctx.handle, face), "pointOnSurface")
            defer { ctx.destroy(point) }
            var x = 0.0, y = 0.0
            guard GEOSGeomGetX_r(ctx.handle, point, &x) == 1, GEOSGeomGetY_r(ctx.handle, point, &y) == 1 else { return nil }
            let inA = evenOddCovers(polygonsA, x: x, y: y), inB = evenOddCovers(polygonsB, x: x, y: y)
            guard inA != inB else { continue }
            let polygons = try ctx.model(face).polygons.filter { !$0.exterior.isEmpty }
            if inA { removed += polygons } else { added += polygons }
        }
        // Coordinates relative to one changed vertex, so that the shoelace sums do not cancel far from (0, 0).
        let o = Position(lon: changed[0].x0, lat: changed[0].y0)
        let areaA = planarArea(a.polygons, origin: o), areaB = planarArea(b.polygons, origin: o)
        let change = areaA - areaB
        let pieces = planarArea(removed, origin: o) - planarArea(added, origin: o)
        let scale = max(areaA, areaB, 1e-300)
        guard abs(change - pieces) <= 1e-9 * scale else { return nil }
        return (Geometry.polygonal(removed), Geometry.polygonal(added))
    }

    /// Whether the point lies inside the polygons by the even–odd rule over all their rings (a point exactly on an
    /// edge may go either way: only faces' interior points are asked, which lie on no edge of A or B that matters).
    static func evenOddCovers(_ polygons: [(Polygon, BoundingBox?)], x: Double, y: Double) -> Bool {
        var inside = false
        for (p, box) in polygons {
            guard let box, x >= box.west, x <= box.east, y >= box.south, y <= box.north else { continue }
            for ring in p.rings where ring.count > 2 {
                ring.withUnsafeBufferPointer { r in
                    var j = r.count - 1
                    for i in 0..<r.count {
                        let yi = r[i].lat, yj = r[j].lat
                        if (yi > y) != (yj > y) {
                            let xi = r[i].lon, xj = r[j].lon
                            if x < (xj - xi) * (y - yi) / (yj - yi) + xi { inside.toggle() }
                        }
                        j = i
                    }
                }
            }
        }
        return inside
    }

    /// The planar (lon/lat) area of polygons, holes subtracted: for the balance check only.
    static func planarArea(_ polygons: [Polygon], origin o: Position) -> Double {
        var total = 0.0
        for p in polygons {
            for (i, ring) in p.rings.enumerated() where ring.count > 2 {
                var twice = 0.0
                for k in 1..<ring.count {
                    let x0 = ring[k - 1].lon - o.lon, y0 = ring[k - 1].lat - o.lat, x1 = ring[k].lon - o.lon, y1 = ring[k].lat - o.lat
                    twice += x0 * y1 - x1 * y0
                }
                total += (i == 0 ? 1 : -1) * abs(twice) / 2
            }
        }
        return total
    }

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
