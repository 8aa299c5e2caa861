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
