import Foundation
import GeoModel

/// A district (rayon) of the study area.
public struct District: Hashable, Sendable {
    /// The district's id.
    public var id: String
    /// The district's English name.
    public var name: String
    /// The district's Azerbaijani name (`name_az`), when the dataset gives it.
    public var nameLocal: String?
    /// `seven_districts`, `nkao`, or nil.
    public var group: String?
    /// The district's area, in WGS84 lon/lat.
    public var geometry: Geometry
}

/// A bundled or user-supplied dataset: the control timeline, gazetteer, districts, base layers and incidents.
public struct Dataset: Sendable {
    /// The folder it was loaded from.
    public var root: String
    /// The dataset's name, from its manifest.
    public var name: String
    /// The map window [west, south, east, north].
    public var window: BoundingBox
    /// The control history: sides, base areas, sourced changes and zones.
    public var timeline: ControlTimeline
    /// The settlements of the study area.
    public var gazetteer: Gazetteer
    /// The districts (rayons) of the study area.
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
