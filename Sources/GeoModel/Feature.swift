/// A feature id: GeoJSON allows a string or a number.
public enum FeatureID: Hashable, Sendable, CustomStringConvertible {
    /// A string id.
    case string(String)
    /// A numeric id.
    case number(Double)

    /// The id as text; a whole number is written without a fraction ("12", not "12.0").
    public var description: String {
        switch self {
        case .string(let s): s
        case .number(let n): n.rounded() == n && abs(n) < 9e15 ? String(Int(n)) : String(n)
        }
    }
}

/// A GeoJSON feature: an optional geometry with properties.
public struct Feature: Hashable, Sendable {
    /// The feature's `id` member, or nil when it has none.
    public var id: FeatureID?
    /// The geometry, or nil for a feature whose geometry is `null`.
    public var geometry: Geometry?
    /// The `properties` object, members in document order (empty for `null`).
    public var properties: JSONObject

    /// Creates a feature.
    public init(id: FeatureID? = nil, geometry: Geometry?, properties: JSONObject = JSONObject()) {
        self.id = id
        self.geometry = geometry
        self.properties = properties
    }
}

/// A GeoJSON feature collection, plus anything the reader noticed along the way.
public struct FeatureCollection: Hashable, Sendable {
    /// The features, in document order.
    public var features: [Feature]
    /// Non-fatal observations from reading (e.g. duplicate ids), each naming its place.
    public var warnings: [String]
    /// Scalar members of the document's root object besides the GeoJSON ones (e.g. `id` and `datetime` of a
    /// wrapper such as `{"id": …, "datetime": …, "map": {FeatureCollection}}`).
    public var rootMembers = JSONObject()

    /// Creates a collection.
    public init(_ features: [Feature] = [], warnings: [String] = []) {
        self.features = features
        self.warnings = warnings
    }

    /// The box around every geometry, or nil when there is none.
    public var boundingBox: BoundingBox? {
        features.compactMap { $0.geometry.flatMap(BoundingBox.init(geometry:)) }.union()
    }
}
