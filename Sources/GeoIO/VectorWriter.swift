import CGDAL
import Foundation
import GeoModel

/// The vector formats frontline writes through GDAL, chosen by the output's extension or a driver name.
public enum VectorFormat: String, CaseIterable, Sendable {
    /// OGC GeoPackage (`.gpkg`, GDAL driver `GPKG`): one file, many layers, with a spatial index.
    case geoPackage = "GPKG"
    /// FlatGeobuf (`.fgb`): one file per layer.
    case flatGeobuf = "FlatGeobuf"
    /// KML (`.kml`), through LIBKML when GDAL has it, else the plain KML driver.
    case kml = "KML"
    /// Zipped KML (`.kmz`), through LIBKML when GDAL has it.
    case kmz = "KMZ"
    /// ESRI Shapefile (`.shp` with its side files): one file set per layer and geometry kind.
    case shapefile = "ESRI Shapefile"
    /// CSV with the geometry as a WKT column; all layers in one table with a `layer` field.
    case csv = "CSV"
    /// GeoJSON text sequences (RFC 8142; `.geojsonl`, `.geojsons`, `.geojsonseq`): one feature per line.
    case geoJSONSeq = "GeoJSONSeq"

    /// The extensions of each format, the first being the one written.
    public var extensions: [String] {
        switch self {
        case .geoPackage: ["gpkg"]
        case .flatGeobuf: ["fgb"]
        case .kml: ["kml"]
        case .kmz: ["kmz"]
        case .shapefile: ["shp"]
        case .csv: ["csv"]
        case .geoJSONSeq: ["geojsonl", "geojsons", "geojsonseq"]
        }
    }

    /// The format of an output path by its extension, or nil.
    public static func forPath(_ path: String) -> VectorFormat? {
        let ext = (path as NSString).pathExtension.lowercased()
        return allCases.first { $0.extensions.contains(ext) }
    }

    /// The format of a GDAL driver name (as `--driver` takes it), or nil.
    public static func forDriver(_ name: String) -> VectorFormat? {
        let n = name.lowercased()
        if n == "libkml" { return .kml }
        return allCases.first { $0.rawValue.lowercased() == n || $0.extensions.contains(n) }
    }

    /// True when one file holds several layers; other formats get one file per layer (or one combined layer).
    public var holdsManyLayers: Bool { self == .geoPackage || self == .kml || self == .kmz }

    /// True for row formats where several layers go into one table with a `layer` column.
    public var combinesLayers: Bool { self == .csv || self == .geoJSONSeq }

    var driverName: String {
        switch self {
        case .kml, .kmz: GDALGetDriverByName("LIBKML") != nil ? "LIBKML" : "KML"
        default: rawValue
        }
    }
}

/// One layer to write: a name and its features (any geometry types; properties become typed fields).
public struct VectorLayer: Sendable {
    /// The layer's name in the output (and part of the file name in one-file-per-layer formats).
    public var name: String
    /// The layer's features, in WGS84 longitude/latitude.
    public var features: [Feature]
    /// Creates a layer from its name and features.
    public init(name: String, features: [Feature]) { self.name = name; self.features = features }
}

/// Writes layers through OGR. Files are created in a folder the caller chose (a temporary one, renamed into
/// place afterwards, so a failure never leaves half a file at the destination).
public enum VectorWriter {
    /// Writes `layers` as `format` into `directory`, naming the file(s) from `baseName` (no extension).
    /// Returns the names of the files created (for a Shapefile, every side file).
    ///
    /// - GeoPackage, KML, KMZ: one file, one layer per frontline layer.
    /// - FlatGeobuf: one file per layer (`base_layer.fgb`) when there is more than one layer.
    /// - Shapefile: one file per layer and geometry kind (`base_layer.shp`, or `base_layer_point.shp` …).
    /// - CSV (WKT) and GeoJSONSeq: one table, the layer in a `layer` field.
    /// Lists are joined with "; " (no driver here has a list type); objects become JSON text.
    public static func write(_ layers: [VectorLayer], format: VectorFormat, directory: String, baseName: String) throws(GeoIOError) -> [String] {
        GDAL.ensure()
        let ext = format.extensions[0]
        var created: [String] = []
        func create(_ file: String, _ body: (GDALDatasetH) throws(GeoIOError) -> Void) throws(GeoIOError) {
            let path = (directory as NSString).appendingPathComponent(file)
            guard let driver = GDALGetDriverByName(format.driverName) else {
                throw .cannotWrite(path: path, reason: "GDAL has no \(format.driverName) driver")
            }
            CPLErrorReset()
            var options: [String] = []
            if format == .csv { options = ["GEOMETRY=AS_WKT", "CREATE_CSVT=NO"] }
            if format == .flatGeobuf || format == .geoJSONSeq || format == .csv { options += [] }
            guard let ds = withCStringList(options, { GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, $0) }) else {
                throw .cannotWrite(path: path, reason: GDAL.lastError("GDAL could not create it"))
            }
            do throws(GeoIOError) {
                try body(ds)
            } catch {
                GDALClose(ds)
                throw error
            }
            CPLErrorReset()
            GDALClose(ds)
            if CPLGetLastErrorType() == CE_Failure || CPLGetLastErrorType() == CE_Fatal {
                throw .cannotWrite(path: path, reason: GDAL.lastError("closing failed"))
            }
        }
        let present = layers.filter { !$0.features.isEmpty }
        let toWrite = present.isEmpty ? Array(layers.prefix(1)) : present
        switch format {
        case .geoPackage, .kml, .kmz:
            let file = "\(baseName).\(ext)"
            try create(file) { (ds) throws(GeoIOError) in
                for layer in toWrite { try writeLayer(layer, name: layer.name, into: ds, path: file, format: format) }
            }
            created.append(file)
        case .csv, .geoJSONSeq:
            var all: [Feature] = []
            for layer in toWrite {
                for var f in layer.features {
                    if f.properties["layer"] == nil { f.properties["layer"] = .string(layer.name) }
                    all.append(f)
                }
            }
            let file = "\(baseName).\(ext)"
            try create(file) { (ds) throws(GeoIOError) in try writeLayer(VectorLayer(name: baseName, features: all), name: baseName, into: ds, path: file, format: format) }
            created.append(file)
        case .flatGeobuf:
            for layer in toWrite {
                let file = toWrite.count == 1 ? "\(baseName).\(ext)" : "\(baseName)_\(layer.name).\(ext)"
                try create(file) { (ds) throws(GeoIOError) in try writeLayer(layer, name: layer.name, into: ds, path: file, format: format) }
                created.append(file)
            }
        case .shapefile:
            for layer in toWrite {
                let kinds = Dictionary(grouping: layer.features) { GeometryKind.of($0.geometry) }
                let ordered = GeometryKind.allCases.filter { kinds[$0] != nil }
                for kind in ordered {
                    let stem = toWrite.count == 1 && ordered.count == 1 ? baseName
                        : ordered.count == 1 ? "\(baseName)_\(layer.name)" : "\(baseName)_\(layer.name)_\(kind.rawValue)"
                    let file = "\(stem).shp"
                    try create(file) { (ds) throws(GeoIOError) in
                        try writeLayer(VectorLayer(name: stem, features: kinds[kind] ?? []), name: stem, into: ds, path: file, format: format)
                    }
                    let siblings = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
                    created += siblings.filter { ($0 as NSString).deletingPathExtension == stem }.sorted()
                }
            }
        }
        return created
    }

    enum GeometryKind: String, CaseIterable {
        case point, line, polygon, none
        static func of(_ g: Geometry?) -> GeometryKind {
            switch g {
            case .point, .multiPoint: .point
            case .lineString, .multiLineString: .line
            case .polygon, .multiPolygon: .polygon
            case .geometryCollection(let c): c.geometries.first.map { of($0) } ?? .none
            case nil: .none
            }
        }
    }

    enum FieldKind { case bool, integer, real, date, text }

    /// The field type that holds every non-null value of a property.
    static func fieldKinds(_ features: [Feature]) -> [(String, FieldKind)] {
        var order: [String] = []
        var kinds: [String: FieldKind] = [:]
        for f in features {
            for (k, v) in f.properties {
                let kind: FieldKind?
                switch v {
                case .null: kind = nil
                case .bool: kind = .bool
                case .number(let n): kind = n.rounded() == n && abs(n) < 9e15 ? .integer : .real
                case .string(let s): kind = isISODate(s) ? .date : .text
                default: kind = .text
                }
                if kinds[k] == nil && !order.contains(k) { order.append(k) }
                guard let kind else { continue }
                switch (kinds[k], kind) {
                case (nil, _): kinds[k] = kind
                case (.integer?, .real), (.real?, .integer): kinds[k] = .real
                case (let a?, let b) where a != b: kinds[k] = .text
                default: break
                }
            }
        }
        return order.map { ($0, kinds[$0] ?? .text) }
    }

    static func isISODate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return false }
        return u.enumerated().allSatisfy { i, c in i == 4 || i == 7 || (48...57).contains(c) }
    }

    static func ogrType(_ g: Geometry?, all: [Feature], format: VectorFormat) -> OGRwkbGeometryType {
        let kinds = Set(all.map { GeometryKind.of($0.geometry) })
        var hasZ = false
        for f in all { f.geometry?.forEachPosition { if $0.z != nil { hasZ = true } } }
        var t: OGRwkbGeometryType
        if kinds.count == 1, let k = kinds.first {
            switch k {
            case .point: t = all.contains { if case .multiPoint = $0.geometry { true } else { false } } ? wkbMultiPoint : wkbPoint
            case .line: t = wkbMultiLineString
            case .polygon: t = wkbMultiPolygon
            case .none: t = wkbNone
            }
            if k == .line && format == .kml { t = wkbUnknown }
        } else {
            t = wkbUnknown
        }
        if hasZ && t != wkbNone && t != wkbUnknown { t = OGR_GT_SetZ(t) }
        return t
    }

    static func writeLayer(_ layer: VectorLayer, name: String, into ds: GDALDatasetH, path: String, format: VectorFormat) throws(GeoIOError) {
        let srs = GDAL.wgs84()
        defer { if let srs { OSRDestroySpatialReference(srs) } }
        let gtype = ogrType(nil, all: layer.features, format: format)
        var lopts: [String] = []
        if format == .geoPackage { lopts = ["SPATIAL_INDEX=YES"] }
        if format == .shapefile { lopts = ["ENCODING=UTF-8"] }
        CPLErrorReset()
        guard let l = withCStringList(lopts, { GDALDatasetCreateLayer(ds, name, srs, gtype, $0) }) else {
            throw .cannotWrite(path: path, reason: "layer \(name): \(GDAL.lastError("cannot create the layer"))")
        }
        let kinds = fieldKinds(layer.features)
        for (k, kind) in kinds {
            let type: OGRFieldType = switch kind {
            case .bool, .integer: format == .shapefile && kind == .integer ? OFTReal : (kind == .bool ? OFTInteger : OFTInteger64)
            case .real: OFTReal
            case .date: OFTDate
            case .text: OFTString
            }
            guard let fd = OGR_Fld_Create(k, type) else { continue }
            defer { OGR_Fld_Destroy(fd) }
            if kind == .bool { OGR_Fld_SetSubType(fd, OFSTBoolean) }
            if format == .shapefile && kind == .integer { OGR_Fld_SetWidth(fd, 18); OGR_Fld_SetPrecision(fd, 0) }
            guard OGR_L_CreateField(l, fd, 1) == OGRERR_NONE else {
                throw .cannotWrite(path: path, reason: "layer \(name), field \(k): \(GDAL.lastError("cannot create the field"))")
            }
        }
        let defn = OGR_L_GetLayerDefn(l)
        // Field indexes after creation: drivers may rename (a Shapefile cuts names to 10 characters).
        let transactional = OGR_L_TestCapability(l, OLCTransactions) != 0
        if transactional { _ = OGR_L_StartTransaction(l) }
        for (fi, feature) in layer.features.enumerated() {
            guard let f = OGR_F_Create(defn) else { throw .cannotWrite(path: path, reason: "out of memory") }
            defer { OGR_F_Destroy(f) }
            for (i, (k, kind)) in kinds.enumerated() {
                let idx = Int32(i)
                guard let v = feature.properties[k], !v.isNull else { continue }
                switch (kind, v) {
                case (.bool, .bool(let b)): OGR_F_SetFieldInteger(f, idx, b ? 1 : 0)
                case (.integer, .number(let n)):
                    if format == .shapefile { OGR_F_SetFieldDouble(f, idx, n) } else { OGR_F_SetFieldInteger64(f, idx, Int64(n)) }
                case (.real, .number(let n)): OGR_F_SetFieldDouble(f, idx, n)
                case (.date, .string(let s)):
                    let parts = s.split(separator: "-").compactMap { Int32($0) }
                    if parts.count == 3 { OGR_F_SetFieldDateTimeEx(f, idx, parts[0], parts[1], parts[2], 0, 0, 0, 0) }
                default: OGR_F_SetFieldString(f, idx, text(v))
                }
            }
            if let g = feature.geometry, !g.isEmpty {
                var wkb = WKB.encode(g)
                var geom: OGRGeometryH?
                let err = wkb.withUnsafeMutableBytes { OGR_G_CreateFromWkb($0.baseAddress, srs, &geom, Int32($0.count)) }
                guard err == OGRERR_NONE, let geom else {
                    throw .cannotWrite(path: path, reason: "layer \(name), feature \(fi): cannot build the geometry")
                }
                var final = geom
                // Single-type layers want multi-geometries throughout (a Polygon into a MultiPolygon layer).
                if gtype == wkbMultiPolygon || gtype == OGR_GT_SetZ(wkbMultiPolygon) { final = OGR_G_ForceToMultiPolygon(geom) }
                else if gtype == wkbMultiLineString || gtype == OGR_GT_SetZ(wkbMultiLineString) { final = OGR_G_ForceToMultiLineString(geom) }
                else if gtype == wkbMultiPoint || gtype == OGR_GT_SetZ(wkbMultiPoint) { final = OGR_G_ForceToMultiPoint(geom) }
                OGR_F_SetGeometryDirectly(f, final)
            }
            CPLErrorReset()
            guard OGR_L_CreateFeature(l, f) == OGRERR_NONE else {
                if transactional { _ = OGR_L_RollbackTransaction(l) }
                throw .cannotWrite(path: path, reason: "layer \(name), feature \(fi): \(GDAL.lastError("cannot write the feature"))")
            }
        }
        if transactional { _ = OGR_L_CommitTransaction(l) }
    }

    /// Text for a value in a field without a list or object type.
    static func text(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): s
        case .number(let n): n.rounded() == n && abs(n) < 9e15 ? String(Int64(n)) : String(n)
        case .bool(let b): b ? "true" : "false"
        case .null: ""
        case .array(let a): a.map(text).joined(separator: "; ")
        case .object: v.jsonText
        }
    }
}
