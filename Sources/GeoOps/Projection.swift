import CPROJ
import GeoModel

/// A coordinate transformation built with PROJ, with axis order normalised to (lon/easting, lat/northing).
///
/// Owns a PROJ context and transformation; one instance belongs to one task at a time.
public final class Projection {
    private let ctx: OpaquePointer
    private let pj: OpaquePointer
    /// The source CRS definition as given (EPSG code, PROJ string or WKT), for messages.
    public let source: String
    /// The target CRS definition as given (EPSG code, PROJ string or WKT), for messages.
    public let target: String

    /// A transformation between two CRSs, each an EPSG code ("EPSG:32638"), a PROJ string or WKT.
    public init(from source: String, to target: String) throws(GeoOpsError) {
        guard let c = proj_context_create() else { throw .proj(message: "proj_context_create failed") }
        // PROJ would log to stderr; errors are read back from the context instead.
        proj_log_func(c, nil) { _, _, _ in }
        guard let raw = proj_create_crs_to_crs(c, source, target, nil) else {
            let m = Projection.lastError(c)
            proj_context_destroy(c)
            throw .proj(message: "cannot build a transformation from \(source) to \(target): \(m)")
        }
        // Normalise to the GIS axis order (lon, lat / easting, northing) whatever the CRS says.
        let norm = proj_normalize_for_visualization(c, raw)
        proj_destroy(raw)
        guard let norm else {
            let m = Projection.lastError(c)
            proj_context_destroy(c)
            throw .proj(message: "cannot normalise axis order: \(m)")
        }
        ctx = c
        pj = norm
        self.source = source
        self.target = target
    }

    /// An oblique azimuthal equidistant projection centred on `center`, in metres: distances from the centre
    /// are exact geodesic distances, and nearby shapes and lengths are close to true (used for metre tolerances).
    public static func localEquidistant(center: Position) throws(GeoOpsError) -> Projection {
        try Projection(from: "EPSG:4326", to: "+proj=aeqd +lat_0=\(center.lat) +lon_0=\(center.lon) +datum=WGS84 +units=m +type=crs")
    }

    /// A Lambert azimuthal equal-area projection centred on `center`, in metres (for maps of a region).
    public static func localEqualArea(center: Position) throws(GeoOpsError) -> Projection {
        try Projection(from: "EPSG:4326", to: "+proj=laea +lat_0=\(center.lat) +lon_0=\(center.lon) +datum=WGS84 +units=m +type=crs")
    }

    deinit {
        proj_destroy(pj)
        proj_context_destroy(ctx)
    }

    private static func lastError(_ c: OpaquePointer) -> String {
        let code = proj_context_errno(c)
        // PROJ owns the returned string: it is not freed.
        guard code != 0, let s = proj_context_errno_string(c, code) else { return "unknown error" }
        return String(cString: s)
    }

    /// Transforms one (x, y) pair forward; nil when PROJ cannot (e.g. outside the projection's domain).
    public func forward(_ x: Double, _ y: Double) -> (x: Double, y: Double)? {
        transform(x, y, PJ_FWD)
    }

    /// Transforms one (x, y) pair backward; nil on failure.
    public func inverse(_ x: Double, _ y: Double) -> (x: Double, y: Double)? {
        transform(x, y, PJ_INV)
    }

    private func transform(_ x: Double, _ y: Double, _ dir: PJ_DIRECTION) -> (x: Double, y: Double)? {
        let out = proj_trans(pj, dir, proj_coord(x, y, 0, 0))
        let r = (out.xy.x, out.xy.y)
        guard r.0.isFinite, r.1.isFinite, r.0 != Double.infinity else { return nil }
        return r
    }

    /// Transforms many points in place (x and y arrays of equal length); throws on any failure.
    public func forward(xs: inout [Double], ys: inout [Double], inverse: Bool = false) throws(GeoOpsError) {
        guard xs.count == ys.count else { throw .invalidInput("x and y arrays differ in length") }
        let n = xs.count
        if n == 0 { return }
        let dir = inverse ? PJ_INV : PJ_FWD
        let stride = MemoryLayout<Double>.stride
        xs.withUnsafeMutableBufferPointer { xb in
            ys.withUnsafeMutableBufferPointer { yb in
                _ = proj_trans_generic(pj, dir, xb.baseAddress, stride, n, yb.baseAddress, stride, n, nil, 0, 0, nil, 0, 0)
            }
        }
        if let bad = zip(xs, ys).first(where: { !$0.0.isFinite || !$0.1.isFinite || $0.0 == .infinity }) {
            throw .proj(message: "cannot transform a point (\(bad.0), \(bad.1)) from \(source) to \(target)")
        }
    }

    /// The geometry with every position transformed (forward, or inverse).
    public func transform(_ g: Geometry, inverse: Bool = false) throws(GeoOpsError) -> Geometry {
        var xs: [Double] = [], ys: [Double] = []
        xs.reserveCapacity(g.vertexCount); ys.reserveCapacity(g.vertexCount)
        g.forEachPosition { xs.append($0.lon); ys.append($0.lat) }
        try forward(xs: &xs, ys: &ys, inverse: inverse)
        var i = 0
        return g.mapPositions { p in
            defer { i += 1 }
            return Position(lon: xs[i], lat: ys[i], z: p.z)
        }
    }
}
