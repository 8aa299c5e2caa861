import CGEOS
import GeoModel

/// A geometry prepared once for many fast `contains`/`intersects` tests (GEOS prepared geometry).
///
/// Owns its GEOS context, so one instance belongs to one task at a time.
public final class PreparedGeometry {
    private let ctx: GEOSContext
    private let geometry: OpaquePointer
    private let prepared: OpaquePointer
    /// The box of the geometry, for a cheap rejection before GEOS is asked.
    public let boundingBox: BoundingBox?

    /// Prepares `geometry`.
    public init(_ geometry: Geometry) throws(GeoOpsError) {
        ctx = try GEOSContext()
        let g = try ctx.make(geometry)
        guard let p = GEOSPrepare_r(ctx.handle, g) else {
            let e = ctx.failure("prepare")
            ctx.destroy(g)
            throw e
        }
        self.geometry = g
        prepared = p
        boundingBox = BoundingBox(geometry: geometry)
    }

    deinit {
        GEOSPreparedGeom_destroy_r(ctx.handle, prepared)
        GEOSGeom_destroy_r(ctx.handle, geometry)
    }

    /// True when the position lies in the interior of the geometry (not on its boundary).
    public func contains(_ p: Position) throws(GeoOpsError) -> Bool {
        try pointPredicate(p, "preparedContains") { GEOSPreparedContains_r($0, $1, $2) }
    }

    /// True when the position lies in the interior or on the boundary.
    public func covers(_ p: Position) throws(GeoOpsError) -> Bool {
        try pointPredicate(p, "preparedIntersects") { GEOSPreparedIntersects_r($0, $1, $2) }
    }

    /// A prepared predicate against one position: a cheap box test first, then GEOS.
    private func pointPredicate(_ p: Position, _ name: String,
                                _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws(GeoOpsError) -> Bool {
        guard let box = boundingBox, box.contains(p) else { return false }
        // GEOS 3.11 has no PreparedContainsXY: a point geometry is made per query.
        guard let pt = GEOSGeom_createPointFromXY_r(ctx.handle, p.lon, p.lat) else { throw ctx.failure("createPoint") }
        defer { GEOSGeom_destroy_r(ctx.handle, pt) }
        let r = op(ctx.handle, prepared, pt)
        if r == 2 { throw ctx.failure(name) }
        return r == 1
    }

    /// True when `other` shares any point with the geometry.
    public func intersects(_ other: Geometry) throws(GeoOpsError) -> Bool {
        try ctx.with(other) { (g) throws(GeoOpsError) in
            let r = GEOSPreparedIntersects_r(ctx.handle, prepared, g)
            if r == 2 { throw ctx.failure("preparedIntersects") }
            return r == 1
        }
    }
}

extension PreparedGeometry {
    /// The point of the geometry nearest to `p`, in the geometry's own planar coordinates (an indexed search:
    /// GEOS prepared nearest points).
    public func nearestPoint(to p: Position) throws(GeoOpsError) -> Position {
        guard let pt = GEOSGeom_createPointFromXY_r(ctx.handle, p.lon, p.lat) else { throw ctx.failure("createPoint") }
        defer { GEOSGeom_destroy_r(ctx.handle, pt) }
        guard let seq = GEOSPreparedNearestPoints_r(ctx.handle, prepared, pt) else { throw ctx.failure("preparedNearestPoints") }
        defer { GEOSCoordSeq_destroy_r(ctx.handle, seq) }
        var x = 0.0, y = 0.0
        guard GEOSCoordSeq_getXY_r(ctx.handle, seq, 0, &x, &y) == 1 else { throw ctx.failure("getXY") }
        return Position(lon: x, lat: y)
    }
}
