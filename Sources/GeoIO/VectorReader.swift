import Foundation
import CGDAL
import GeoModel

/// Reads any vector file that OGR opens (GeoPackage, Shapefile, zipped Shapefile, KML/KMZ, FlatGeobuf, ESRI JSON,
/// GeoJSONSeq, CSV with WKT or lon/lat columns, …) into GeoModel features in WGS84 longitude/latitude.
public enum VectorReader {
    /// A layer's name, feature count and geometry type name, as OGR reports them.
    public struct LayerInfo: Hashable, Sendable {
        /// The layer's name.
        public var name: String
        /// The number of features in the layer (OGR counts them if the driver cannot say cheaply).
        public var featureCount: Int
        /// OGR's name for the layer's geometry type (e.g. "Multi Polygon", "Unknown (any)").
        public var geometryType: String
    }

    /// The path OGR should open: a `.zip` goes through GDAL's zip reader.
    static func ogrPath(_ path: String) -> String {
        path.lowercased().hasSuffix(".zip") && !path.hasPrefix("/vsi") ? "/vsizip/" + path : path
    }

    /// Opens a file read-only as a vector dataset; the caller closes it (`GDALClose`).
    static func open(_ path: String) throws(GeoIOError) -> GDALDatasetH {
        GDAL.ensure()
        CPLErrorReset()
        var options: [String] = []
        if path.lowercased().hasSuffix(".csv") {
            // Geometry from a WKT column, or points from lon/lat columns, by the names people use.
            options = ["GEOM_POSSIBLE_NAMES=WKT,wkt,geometry,geom,the_geom", "KEEP_GEOM_COLUMNS=NO",
                       "X_POSSIBLE_NAMES=lon,longitude,lng,x", "Y_POSSIBLE_NAMES=lat,latitude,y", "AUTODETECT_TYPE=YES"]
        }
        let ds = withCStringArray(options) { opts in
            GDALOpenEx(ogrPath(path), UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, opts, nil)
        }
        guard let ds else {
            if !path.hasPrefix("/vsi") && !FileManager.default.fileExists(atPath: path) { throw .cannotOpen(path: path, reason: "no such file") }
            throw .cannotOpen(path: path, reason: GDAL.lastError("not a vector format GDAL can open"))
        }
        return ds
    }

    /// The layers of a file.
    public static func layers(_ path: String) throws(GeoIOError) -> [LayerInfo] {
        let ds = try open(path)
        defer { GDALClose(ds) }
        var out: [LayerInfo] = []
        for i in 0..<GDALDatasetGetLayerCount(ds) {
            guard let l = GDALDatasetGetLayer(ds, i) else { continue }
            let type = OGR_L_GetGeomType(l)
            out.append(LayerInfo(name: String(cString: OGR_L_GetName(l)), featureCount: Int(OGR_L_GetFeatureCount(l, 1)),
                                 geometryType: String(cString: OGRGeometryTypeToName(type))))
        }
        return out
    }

    /// Reads one layer: `layer` by name, else the only layer with features. Several layers with features and no
    /// name is a usage error listing them (never a guess).
    public static func read(_ path: String, layer: String? = nil) throws(GeoIOError) -> (layer: String, collection: FeatureCollection) {
        try GDALFailures.collect { (failures) throws(GeoIOError) in try read(path, layer: layer, failures: failures) }
    }

    static func read(_ path: String, layer: String?, failures: GDALFailures) throws(GeoIOError) -> (layer: String, collection: FeatureCollection) {
        // A Shapefile's attributes (its sides) live in the .dbf beside it; GDAL opens the .shp without one.
        if path.lowercased().hasSuffix(".shp") {
            let base = String(path.dropLast(4))
            if ![".dbf", ".DBF", ".Dbf"].contains(where: { FileManager.default.fileExists(atPath: base + $0) }) {
                throw .cannotOpen(path: path, reason: "its .dbf (the attributes) is missing beside it")
            }
        }
        let ds = try open(path)
        defer { GDALClose(ds) }
        // A failure GDAL reported but opened through would read as a partial file: say it instead.
        if let m = failures.messages.first { throw .cannotOpen(path: path, reason: m) }
        let count = GDALDatasetGetLayerCount(ds)
        var chosen: OGRLayerH?
        if let layer {
            chosen = GDALDatasetGetLayerByName(ds, layer)
            if chosen == nil {
                let names = (0..<count).compactMap { GDALDatasetGetLayer(ds, $0) }.map { String(cString: OGR_L_GetName($0)) }
                throw .usage("\(path): no layer \"\(layer)\" (layers: \(names.joined(separator: ", ")))")
            }
        } else {
            let all = (0..<count).compactMap { GDALDatasetGetLayer(ds, $0) }
            let nonEmpty = all.filter { OGR_L_GetFeatureCount($0, 1) != 0 }
            if nonEmpty.count > 1 {
                let names = nonEmpty.map { String(cString: OGR_L_GetName($0)) }
                throw .usage("\(path) has \(nonEmpty.count) layers (\(names.joined(separator: ", "))): choose one with --layer NAME")
            }
            chosen = nonEmpty.first ?? all.first
        }
        guard let l = chosen else { throw .badContent(path: path, place: "", message: "no layers: the file holds nothing to read (an empty document?)") }
        let name = String(cString: OGR_L_GetName(l))
        return (name, try readLayer(l, path: path, name: name, failures: failures))
    }

    static func readLayer(_ l: OGRLayerH, path: String, name: String, failures: GDALFailures) throws(GeoIOError) -> FeatureCollection {
        let csv = path.lowercased().hasSuffix(".csv")
        let defn = OGR_L_GetLayerDefn(l)
        let fieldCount = OGR_FD_GetFieldCount(defn)
        var fields: [(name: String, type: OGRFieldType, subtype: OGRFieldSubType)] = []
        for i in 0..<fieldCount {
            let fd = OGR_FD_GetFieldDefn(defn, i)
            fields.append((String(cString: OGR_Fld_GetNameRef(fd)), OGR_Fld_GetType(fd), OGR_Fld_GetSubType(fd)))
        }
        // Reprojection to WGS84 lon/lat when the layer says it is in another CRS.
        var transform: OGRCoordinateTransformationH?
        var projected = false
        let wgs = GDAL.wgs84()
        defer {
            if let transform { OCTDestroyCoordinateTransformation(transform) }
            if let wgs { OSRDestroySpatialReference(wgs) }
        }
        if let srs = OGR_L_GetSpatialRef(l), let wgs {
            let same = withCStringArray(["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES", "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS"]) {
                OSRIsSameEx(srs, wgs, $0)
            }
            if same == 0 {
                projected = OSRIsProjected(srs) != 0
                let src = OSRClone(srs)
                defer { OSRDestroySpatialReference(src) }
                OSRSetAxisMappingStrategy(src, OAMS_TRADITIONAL_GIS_ORDER)
                transform = OCTNewCoordinateTransformation(src, wgs)
                if transform == nil {
                    throw .badContent(path: path, place: "layer \(name)", message: "cannot transform its CRS to WGS84: \(GDAL.lastError("unknown CRS"))")
                }
            }
        }
        _ = projected
        var features: [Feature] = []
        var index = 0
        OGR_L_ResetReading(l)
        let before = failures.messages.count
        while true {
            let next = OGR_L_GetNextFeature(l)
            // A feature GDAL could not read is reported, not skipped: a truncated file or one broken record must not
            // read as a smaller, valid snapshot.
            if failures.messages.count > before {
                if let next { OGR_F_Destroy(next) }
                throw .badContent(path: path, place: "layer \(name), feature \(index)", message: "cannot read: \(failures.messages[before])")
            }
            guard let f = next else { break }
            defer { OGR_F_Destroy(f); index += 1 }
            let place = "layer \(name), feature \(index)"
            var props: [(String, JSONValue)] = []
            props.reserveCapacity(fields.count)
            for (i, fd) in fields.enumerated() {
                let k = Int32(i)
                guard OGR_F_IsFieldSetAndNotNull(f, k) != 0 else { props.append((fd.name, .null)); continue }
                props.append((fd.name, value(f, k, type: fd.type, subtype: fd.subtype)))
            }
            var geometry: Geometry?
            // GDAL reads a CSV row whose WKT it cannot parse as a row without geometry: in a snapshot that is a
            // broken row, not an empty one.
            if csv, OGR_F_GetGeometryRef(f) == nil, OGR_FD_GetGeomFieldCount(defn) > 0 {
                throw .badContent(path: path, place: "line \(index + 2)", message: "no geometry: the WKT is empty or malformed")
            }
            if let g = OGR_F_GetGeometryRef(f), OGR_G_IsEmpty(g) == 0 {
                var work: OGRGeometryH? = nil
                if OGR_G_HasCurveGeometry(g, 0) != 0 { work = OGR_G_GetLinearGeometry(g, 0, nil) }
                if let transform {
                    if work == nil { work = OGR_G_Clone(g) }
                    if OGR_G_Transform(work, transform) != OGRERR_NONE {
                        OGR_G_DestroyGeometry(work)
                        throw .badContent(path: path, place: place, message: "cannot transform to WGS84: \(GDAL.lastError("out of the CRS's domain"))")
                    }
                }
                defer { if let work { OGR_G_DestroyGeometry(work) } }
                let src = work ?? g
                let size = Int(OGR_G_WkbSize(src))
                var buf = [UInt8](repeating: 0, count: size)
                guard OGR_G_ExportToIsoWkb(src, wkbNDR, &buf) == OGRERR_NONE else {
                    throw .badContent(path: path, place: place, message: "cannot export the geometry: \(GDAL.lastError("unknown"))")
                }
                do {
                    geometry = try WKB.decode(buf)
                } catch {
                    throw .badContent(path: path, place: place, message: error.description)
                }
            }
            if let geometry, transform == nil {
                // No CRS or a geographic one: coordinates must be degrees. Metres here are a file that lies about its CRS.
                var bad: Position?
                geometry.forEachPosition { p in if bad == nil && !p.isInRange { bad = p } }
                if let bad {
                    let hint = abs(bad.lon) <= 20_037_509 && abs(bad.lat) <= 20_048_967
                        ? "; they look like projected metres (likely EPSG:3857 Web Mercator): give the file its real CRS" : ""
                    throw .badContent(path: path, place: place, message: "coordinate (\(bad.lon), \(bad.lat)) is not a longitude/latitude\(hint)")
                }
            }
            features.append(Feature(geometry: geometry, properties: JSONObject(props)))
        }
        return FeatureCollection(features)
    }

    static func value(_ f: OGRFeatureH, _ k: Int32, type: OGRFieldType, subtype: OGRFieldSubType) -> JSONValue {
        switch type {
        case OFTInteger:
            let v = OGR_F_GetFieldAsInteger(f, k)
            return subtype == OFSTBoolean ? .bool(v != 0) : .number(Double(v))
        case OFTInteger64: return .number(Double(OGR_F_GetFieldAsInteger64(f, k)))
        case OFTReal: return .number(OGR_F_GetFieldAsDouble(f, k))
        case OFTDate, OFTDateTime:
            var y: Int32 = 0, mo: Int32 = 0, d: Int32 = 0, h: Int32 = 0, mi: Int32 = 0, tz: Int32 = 0
            var s: Float = 0
            guard OGR_F_GetFieldAsDateTimeEx(f, k, &y, &mo, &d, &h, &mi, &s, &tz) != 0 else { return .string(String(cString: OGR_F_GetFieldAsString(f, k))) }
            func two(_ v: Int32) -> String { v < 10 ? "0\(v)" : "\(v)" }
            let yyyy = String(repeating: "0", count: max(0, 4 - String(y).count)) + String(y)
            let date = "\(yyyy)-\(two(mo))-\(two(d))"
            if type == OFTDate { return .string(date) }
            return .string("\(date)T\(two(h)):\(two(mi)):\(two(Int32(s)))\(tz == 100 ? "Z" : "")")
        case OFTStringList:
            guard let list = OGR_F_GetFieldAsStringList(f, k) else { return .array([]) }
            var out: [JSONValue] = []
            var i = 0
            while let p = list[i] { out.append(.string(String(cString: p))); i += 1 }
            return .array(out)
        case OFTIntegerList:
            var n: Int32 = 0
            guard let p = OGR_F_GetFieldAsIntegerList(f, k, &n) else { return .array([]) }
            return .array((0..<Int(n)).map { .number(Double(p[$0])) })
        case OFTInteger64List:
            var n: Int32 = 0
            guard let p = OGR_F_GetFieldAsInteger64List(f, k, &n) else { return .array([]) }
            return .array((0..<Int(n)).map { .number(Double(p[$0])) })
        case OFTRealList:
            var n: Int32 = 0
            guard let p = OGR_F_GetFieldAsDoubleList(f, k, &n) else { return .array([]) }
            return .array((0..<Int(n)).map { .number(p[$0]) })
        default:
            return .string(String(cString: OGR_F_GetFieldAsString(f, k)))
        }
    }
}

/// Calls `body` with a NULL-terminated C array of the strings (nil when empty), valid only inside the call.
func withCStringArray<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
    if strings.isEmpty { return body(nil) }
    var ptrs: [UnsafePointer<CChar>?] = strings.map { UnsafePointer(strdup($0)) }
    ptrs.append(nil)
    defer { for p in ptrs { free(UnsafeMutableRawPointer(mutating: p)) } }
    return ptrs.withUnsafeBufferPointer { body($0.baseAddress) }
}

/// As `withCStringArray`, for the GDAL calls that take a mutable `char **` (`CSLConstList` in GDAL 3.6).
func withCStringList<R>(_ strings: [String], _ body: (UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> R) -> R {
    if strings.isEmpty { return body(nil) }
    var ptrs: [UnsafeMutablePointer<CChar>?] = strings.map { strdup($0) }
    ptrs.append(nil)
    defer { for p in ptrs { free(p) } }
    return ptrs.withUnsafeMutableBufferPointer { body($0.baseAddress) }
}
