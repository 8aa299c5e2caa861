import CGEOS
import GeoModel

/// How `makeValid` repairs a geometry.
public enum MakeValidMethod: Sendable {
    /// GEOS "structure": rebuilds areas from rings, keeps the area a person would expect (bow-tie → two triangles).
    case structure
    /// GEOS "linework": keeps every edge, may return lines and points for collapsed parts.
    case linework
}

extension Geometry {
    /// Runs a binary GEOS operation on fresh copies of both operands.
    private func binary(_ other: Geometry, _ name: String,
                        _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> OpaquePointer?) throws(GeoOpsError) -> Geometry {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (a) throws(GeoOpsError) in
            try ctx.with(other) { (b) throws(GeoOpsError) in try ctx.take(op(ctx.handle, a, b), name) }
        }
    }

    private func unary(_ name: String, _ op: (GEOSContextHandle_t, OpaquePointer) -> OpaquePointer?) throws(GeoOpsError) -> Geometry {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (g) throws(GeoOpsError) in try ctx.take(op(ctx.handle, g), name) }
    }

    /// The points in either geometry.
    public func union(_ other: Geometry) throws(GeoOpsError) -> Geometry {
        try binary(other, "union") { GEOSUnion_r($0, $1, $2) }
    }

    /// The points of this geometry not in `other`.
    public func difference(_ other: Geometry) throws(GeoOpsError) -> Geometry {
        try binary(other, "difference") { GEOSDifference_r($0, $1, $2) }
    }

    /// The points in both geometries.
    public func intersection(_ other: Geometry) throws(GeoOpsError) -> Geometry {
        try binary(other, "intersection") { GEOSIntersection_r($0, $1, $2) }
    }

    /// The points in exactly one of the geometries.
    public func symmetricDifference(_ other: Geometry) throws(GeoOpsError) -> Geometry {
        try binary(other, "symmetricDifference") { GEOSSymDifference_r($0, $1, $2) }
    }

    /// The union of many geometries at once (cascaded, much faster than folding `union`).
    public static func unaryUnion(_ geometries: [Geometry]) throws(GeoOpsError) -> Geometry {
        if geometries.isEmpty { return .empty }
        return try Geometry.geometryCollection(GeometryCollection(geometries)).unary("unaryUnion") { GEOSUnaryUnion_r($0, $1) }
    }

    /// The geometry unioned with itself: dissolves overlaps and internal edges.
    public func unaryUnion() throws(GeoOpsError) -> Geometry {
        try unary("unaryUnion") { GEOSUnaryUnion_r($0, $1) }
    }

    /// True when GEOS considers the geometry valid (OGC rules).
    public func isValid() throws(GeoOpsError) -> Bool {
        try validityReason() == nil
    }

    /// Why the geometry is invalid, with the location (e.g. "Self-intersection[46.5 39.8]"), or nil when valid.
    public func validityReason() throws(GeoOpsError) -> String? {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (g) throws(GeoOpsError) in
            let v = GEOSisValid_r(ctx.handle, g)
            if v == 1 { return nil }
            if v == 2 { throw ctx.failure("isValid") }
            guard let c = GEOSisValidReason_r(ctx.handle, g) else { throw ctx.failure("isValidReason") }
            defer { GEOSFree_r(ctx.handle, c) }
            return String(cString: c)
        }
    }

    /// A valid geometry covering the same points (GEOS MakeValid).
    public func makeValid(method: MakeValidMethod = .structure) throws(GeoOpsError) -> Geometry {
        let ctx = try GEOSContext()
        guard let params = GEOSMakeValidParams_create_r(ctx.handle) else { throw ctx.failure("makeValidParams") }
        defer { GEOSMakeValidParams_destroy_r(ctx.handle, params) }
        _ = GEOSMakeValidParams_setMethod_r(ctx.handle, params, method == .structure ? GEOS_MAKE_VALID_STRUCTURE : GEOS_MAKE_VALID_LINEWORK)
        _ = GEOSMakeValidParams_setKeepCollapsed_r(ctx.handle, params, 0)
        return try ctx.with(self) { (g) throws(GeoOpsError) in
            try ctx.take(GEOSMakeValidWithParams_r(ctx.handle, g, params), "makeValid")
        }
    }

    /// The geometry with every coordinate snapped to a grid of `size` degrees, kept valid
    /// (GEOS set-precision): removes slivers and near-coincident edges between independent drawings.
    public func snapped(toGrid size: Double) throws(GeoOpsError) -> Geometry {
        guard size > 0, size.isFinite else { return self }
        return try unary("setPrecision") { GEOSGeom_setPrecision_r($0, $1, size, 0) }
    }

    /// The boundary: rings of polygons as lines, end points of lines.
    public func boundary() throws(GeoOpsError) -> Geometry {
        try unary("boundary") { GEOSBoundary_r($0, $1) }
    }

    /// Sewn-together lines: touching line pieces merged into the longest possible lines.
    public func lineMerged() throws(GeoOpsError) -> Geometry {
        try unary("lineMerge") { GEOSLineMerge_r($0, $1) }
    }

    /// Planar distance in degrees (for tests and tie-breaking only; use `Geodesy` for real distances).
    func planarDistance(to other: Geometry) throws(GeoOpsError) -> Double {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (a) throws(GeoOpsError) in
            try ctx.with(other) { (b) throws(GeoOpsError) in
                var d = 0.0
                guard GEOSDistance_r(ctx.handle, a, b, &d) == 1 else { throw ctx.failure("distance") }
                return d
            }
        }
    }

    /// The pair of closest points (this geometry's, then the other's), in lon/lat planar terms.
    public func nearestPoints(to other: Geometry) throws(GeoOpsError) -> (Position, Position) {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (a) throws(GeoOpsError) in
            try ctx.with(other) { (b) throws(GeoOpsError) in
                guard let seq = GEOSNearestPoints_r(ctx.handle, a, b) else { throw ctx.failure("nearestPoints") }
                defer { GEOSCoordSeq_destroy_r(ctx.handle, seq) }
                var x1 = 0.0, y1 = 0.0, x2 = 0.0, y2 = 0.0
                guard GEOSCoordSeq_getXY_r(ctx.handle, seq, 0, &x1, &y1) == 1,
                      GEOSCoordSeq_getXY_r(ctx.handle, seq, 1, &x2, &y2) == 1 else { throw ctx.failure("getXY") }
                return (Position(lon: x1, lat: y1), Position(lon: x2, lat: y2))
            }
        }
    }

    /// Planar topological predicates.
    public func intersects(_ other: Geometry) throws(GeoOpsError) -> Bool {
        try predicate(other, "intersects") { GEOSIntersects_r($0, $1, $2) }
    }

    /// True when `other` lies inside this geometry.
    public func contains(_ other: Geometry) throws(GeoOpsError) -> Bool {
        try predicate(other, "contains") { GEOSContains_r($0, $1, $2) }
    }

    private func predicate(_ other: Geometry, _ name: String,
                           _ op: (GEOSContextHandle_t, OpaquePointer, OpaquePointer) -> CChar) throws(GeoOpsError) -> Bool {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (a) throws(GeoOpsError) in
            try ctx.with(other) { (b) throws(GeoOpsError) in
                let r = op(ctx.handle, a, b)
                if r == 2 { throw ctx.failure(name) }
                return r == 1
            }
        }
    }

    /// Only the polygonal parts (drops points and lines that overlay operations can leave behind).
    public var polygonalPart: Geometry { .polygonal(polygons.filter { !$0.exterior.isEmpty }) }
}

extension Geometry {
    /// The geometry in GEOS normal form (ordered rings and parts), for comparing results.
    public func normalized() throws(GeoOpsError) -> Geometry {
        let ctx = try GEOSContext()
        return try ctx.with(self) { (g) throws(GeoOpsError) in
            guard GEOSNormalize_r(ctx.handle, g) == 0 else { throw ctx.failure("normalize") }
            return try ctx.model(g)
        }
    }
}
