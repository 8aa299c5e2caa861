/// A WGS84 position: longitude and latitude in degrees, with an optional height.
public struct Position: Hashable, Sendable {
    /// Longitude in degrees, east positive.
    public var lon: Double
    /// Latitude in degrees, north positive.
    public var lat: Double
    /// Optional height (metres), carried through but never used in measures.
    public var z: Double?

    /// Creates a position from longitude and latitude.
    public init(lon: Double, lat: Double, z: Double? = nil) {
        self.lon = lon
        self.lat = lat
        self.z = z
    }

    /// Creates a position from latitude and longitude, in the order people write them.
    public init(lat: Double, lon: Double) {
        self.init(lon: lon, lat: lat)
    }

    /// True when both coordinates are finite and within the WGS84 range.
    public var isInRange: Bool {
        lon.isFinite && lat.isFinite && abs(lat) <= 90 && abs(lon) <= 180
    }
}
