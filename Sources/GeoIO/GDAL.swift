import CGDAL

/// Process-wide GDAL set-up, done once: drivers registered, errors kept quiet (they are read back with
/// `CPLGetLastErrorMsg` and reported in one line instead of being printed by GDAL).
enum GDAL {
    private static let registered: Bool = {
        GDALAllRegister()
        CPLSetErrorHandler(CPLQuietErrorHandler)
        // Traditional lon/lat order for every spatial reference created from here on.
        CPLSetConfigOption("OGR_CT_FORCE_TRADITIONAL_GIS_ORDER", "YES")
        return true
    }()

    static func ensure() { _ = registered }

    /// GDAL's last error message on this thread, or `fallback`.
    static func lastError(_ fallback: String) -> String {
        guard let m = CPLGetLastErrorMsg(), m.pointee != 0 else { return fallback }
        let s = String(cString: m).split(whereSeparator: \.isNewline).joined(separator: " ")
        return s.isEmpty ? fallback : s
    }

    /// A WGS84 lon/lat spatial reference; the caller owns it (`OSRDestroySpatialReference`).
    static func wgs84() -> OGRSpatialReferenceH? {
        guard let srs = OSRNewSpatialReference(nil) else { return nil }
        guard OSRImportFromEPSG(srs, 4326) == OGRERR_NONE else { OSRDestroySpatialReference(srs); return nil }
        OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER)
        return srs
    }
}

/// GDAL failures reported while a block runs on this thread, in order. GDAL reports some failures and goes on (a
/// broken record skipped, a missing .dbf, a corrupt member at open): the reader turns them into errors instead of
/// reading a smaller file as if it were whole. The handler is thread-local (`CPLPushErrorHandlerEx`).
final class GDALFailures {
    private(set) var messages: [String] = []

    func append(_ m: String) { messages.append(m) }

    /// Runs `body` with failures collected into a new log.
    static func collect<R>(_ body: (GDALFailures) throws(GeoIOError) -> R) throws(GeoIOError) -> R {
        GDAL.ensure()
        let log = GDALFailures()
        let context = Unmanaged.passRetained(log).toOpaque()
        CPLPushErrorHandlerEx({ cls, _, message in
            guard cls == CE_Failure || cls == CE_Fatal, let user = CPLGetErrorHandlerUserData(), let message else { return }
            let text = String(cString: message).split(whereSeparator: \.isNewline).joined(separator: " ")
            Unmanaged<GDALFailures>.fromOpaque(user).takeUnretainedValue().append(text)
        }, context)
        defer {
            CPLPopErrorHandler()
            Unmanaged<GDALFailures>.fromOpaque(context).release()
        }
        return try body(log)
    }
}
