import CGEOS
import GeoModel

extension Geometry {
    /// Parses Well-Known Text (for tests and debugging).
    public init(wkt: String) throws(GeoOpsError) {
        let ctx = try GEOSContext()
        guard let reader = GEOSWKTReader_create_r(ctx.handle) else { throw ctx.failure("WKTReader") }
        defer { GEOSWKTReader_destroy_r(ctx.handle, reader) }
        guard let g = GEOSWKTReader_read_r(ctx.handle, reader, wkt) else {
            throw .invalidInput("WKT could not be read: \(ctx.failure("WKT read").description)")
        }
        defer { ctx.destroy(g) }
        self = try ctx.model(g)
    }

    /// Well-Known Text with trimmed trailing zeros; `precision` decimals when given.
    public func wkt(precision: Int? = nil) throws(GeoOpsError) -> String {
        let ctx = try GEOSContext()
        guard let writer = GEOSWKTWriter_create_r(ctx.handle) else { throw ctx.failure("WKTWriter") }
        defer { GEOSWKTWriter_destroy_r(ctx.handle, writer) }
        GEOSWKTWriter_setTrim_r(ctx.handle, writer, 1)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(ctx.handle, writer, Int32(precision)) }
        return try ctx.with(self) { (g) throws(GeoOpsError) in
            guard let c = GEOSWKTWriter_write_r(ctx.handle, writer, g) else { throw ctx.failure("WKT write") }
            defer { GEOSFree_r(ctx.handle, c) }
            return String(cString: c)
        }
    }
}
