import GeoModel
import GeoOps

/// What is in a GeoJSON file: counts, types, extent, validity and ellipsoidal areas.
public struct Inspection: Sendable {
    /// One feature's figures.
    public struct FeatureReport: Sendable {
        /// The feature's 0-based position in the file.
        public var index: Int
        /// The feature's id as text, when it has one.
        public var id: String?
        /// The GeoJSON type of its geometry, or nil for a null geometry.
        public var geometryType: String?
        /// The number of positions in its geometry.
        public var vertices: Int
        /// nil when valid, else GEOS's reason with its location.
        public var invalidReason: String?
        /// WGS84 ellipsoidal area (km²) of the polygonal parts.
        public var areaKm2: Double
        /// WGS84 geodesic length (km) of the lineal parts.
        public var lengthKm: Double
    }

    /// The number of features.
    public var featureCount: Int
    /// The number of features of each geometry type (`null` for features without geometry).
    public var geometryTypes: [String: Int]
    /// The lon/lat extent of all geometries, or nil when there are none.
    public var boundingBox: BoundingBox?
    /// The number of positions over all features.
    public var vertexCount: Int
    /// Each feature's figures, in file order.
    public var features: [FeatureReport]
    /// The reader's non-fatal notes (e.g. duplicate ids).
    public var warnings: [String]

    /// The total area of all polygonal features, km².
    public var totalAreaKm2: Double { features.reduce(0) { $0 + $1.areaKm2 } }
    /// The number of invalid geometries.
    public var invalidCount: Int { features.filter { $0.invalidReason != nil }.count }

    /// Inspects a collection.
    public init(_ collection: FeatureCollection) throws(GeoOpsError) {
        featureCount = collection.features.count
        var types: [String: Int] = [:]
        var reports: [FeatureReport] = []
        var vertices = 0
        for (i, f) in collection.features.enumerated() {
            let typeName = f.geometry?.typeName
            types[typeName ?? "null", default: 0] += 1
            let n = f.geometry?.vertexCount ?? 0
            vertices += n
            var reason: String?
            var area = 0.0, length = 0.0
            if let g = f.geometry {
                reason = try g.validityReason()
                area = Geodesy.areaKm2(g)
                length = g.lineStrings.isEmpty ? 0 : Geodesy.lengthKm(.multiLineString(MultiLineString(g.lineStrings)))
            }
            reports.append(FeatureReport(index: i, id: f.id?.description, geometryType: typeName, vertices: n,
                                         invalidReason: reason, areaKm2: area, lengthKm: length))
        }
        geometryTypes = types
        boundingBox = collection.boundingBox
        vertexCount = vertices
        features = reports
        warnings = collection.warnings
    }
}

extension Inspection {
    /// The report as JSON (snake_case keys).
    public var json: JSONValue {
        var o = JSONObject()
        o["feature_count"] = .number(Double(featureCount))
        o["geometry_types"] = .object(JSONObject(geometryTypes.sorted { $0.key < $1.key }.map { ($0.key, .number(Double($0.value))) }))
        o["bbox"] = boundingBox.map { .array($0.array.map(JSONValue.number)) } ?? .null
        o["vertex_count"] = .number(Double(vertexCount))
        o["invalid_count"] = .number(Double(invalidCount))
        o["total_area_km2"] = .number(totalAreaKm2.rounded(toPlaces: 3))
        o["features"] = .array(features.map { f in
            var x = JSONObject()
            x["index"] = .number(Double(f.index))
            x["id"] = f.id.map(JSONValue.string) ?? .null
            x["geometry_type"] = f.geometryType.map(JSONValue.string) ?? .null
            x["vertices"] = .number(Double(f.vertices))
            x["valid"] = .bool(f.invalidReason == nil)
            x["invalid_reason"] = f.invalidReason.map(JSONValue.string) ?? .null
            x["area_km2"] = .number(f.areaKm2.rounded(toPlaces: 3))
            x["length_km"] = .number(f.lengthKm.rounded(toPlaces: 3))
            return .object(x)
        })
        o["warnings"] = .array(warnings.map(JSONValue.string))
        return .object(o)
    }
}

extension Double {
    /// Rounded to `places` decimals (for reports; never for stored geometry).
    public func rounded(toPlaces places: Int) -> Double {
        let s = (0..<places).reduce(1.0) { acc, _ in acc * 10 }
        return (self * s).rounded() / s
    }
}
