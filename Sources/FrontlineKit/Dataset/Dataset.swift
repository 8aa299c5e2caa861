import Foundation
import GeoModel

/// A district (rayon) of the study area.
public struct District: Hashable, Sendable {
    public var id: String
    public var name: String
    public var nameLocal: String?
    /// `seven_districts`, `nkao`, or nil.
    public var group: String?
    public var geometry: Geometry
}

/// A bundled or user-supplied dataset: the control timeline, gazetteer, districts, base layers and incidents.
public struct Dataset: Sendable {
    /// The folder it was loaded from.
    public var root: String
    public var name: String
    /// The map window [west, south, east, north].
    public var window: BoundingBox
    public var timeline: ControlTimeline
    public var gazetteer: Gazetteer
    public var districts: [District]
    /// Named files of the manifest (paths relative to `root`).
    public var files: [String: String]
    /// The user's own places (`--places FILE`), used instead of the bundled world places wherever those serve.
    public var userPlaces: [Place]? = nil

    /// The absolute path of a manifest file, or nil when the manifest does not name it.
    public func path(of key: String) -> String? {
        files[key].map { (root as NSString).appendingPathComponent($0) }
    }

    /// Reads an optional GeoJSON layer named in the manifest (base layers); empty when not named.
    public func layer(_ key: String) throws(FrontlineError) -> FeatureCollection {
        guard let p = path(of: key) else { return FeatureCollection() }
        return try GeoJSONFile.read(p)
    }

    /// The district containing a position, if any.
    public func district(at p: Position) -> District? {
        districts.first { d in (try? d.geometry.intersects(.point(Point(p)))) == true }
    }
}
