import CGEOS
import GeoModel

extension Geometry {
    /// Runs a planar GEOS step in metres: projects to a local equidistant projection centred on the geometry,
    /// applies `body`, and projects back.
    private func inLocalMetres(_ body: (Geometry) throws(GeoOpsError) -> Geometry) throws(GeoOpsError) -> Geometry {
        guard let box = BoundingBox(geometry: self) else { return self }
        let proj = try Projection.localEquidistant(center: box.center)
        let local = try proj.transform(self)
        return try proj.transform(try body(local), inverse: true)
    }

    /// Topology-preserving simplification with a tolerance in metres.
    public func simplified(toleranceMetres: Double) throws(GeoOpsError) -> Geometry {
        guard toleranceMetres > 0 else { return self }
        return try inLocalMetres { (g) throws(GeoOpsError) in
            let ctx = try GEOSContext()
            return try ctx.with(g) { (h) throws(GeoOpsError) in
                try ctx.take(GEOSTopologyPreserveSimplify_r(ctx.handle, h, toleranceMetres), "simplify")
            }
        }
    }

    /// The area within `metres` of the geometry (negative shrinks polygons).
    public func buffered(metres: Double, quadrantSegments: Int = 8) throws(GeoOpsError) -> Geometry {
        try inLocalMetres { (g) throws(GeoOpsError) in
            let ctx = try GEOSContext()
            return try ctx.with(g) { (h) throws(GeoOpsError) in
                try ctx.take(GEOSBuffer_r(ctx.handle, h, metres, Int32(clamping: max(1, quadrantSegments))), "buffer")
            }
        }
    }
}
