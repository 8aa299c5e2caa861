import Foundation
import GeoModel

/// A point on the projection plane or on the page.
public struct PlanePoint: Hashable, Sendable {
    /// The horizontal coordinate (on the page, from the left).
    public var x: Double
    /// The vertical coordinate: northwards on the projection plane, downwards on the page.
    public var y: Double
    /// Creates a point from its coordinates.
    public init(x: Double, y: Double) { self.x = x; self.y = y }
}

/// A map projection from lon/lat to a plane; the caller implements it (e.g. with PROJ).
///
/// The plane's y axis points north; units are whatever the projection uses (metres for most), since the
/// renderer measures the local scale itself (see `LocalScale`).
public protocol MapProjection: Sendable {
    /// The plane coordinates of a position, or nil when it cannot be projected.
    func forward(_ p: Position) -> PlanePoint?
}

/// Plate carrée in degrees: for tests and previews, not for publication.
public struct EquirectangularProjection: MapProjection {
    /// The latitude whose parallel keeps its true length (x is scaled by its cosine).
    public var standardParallel: Double
    /// Creates the projection; `standardParallel` defaults to the equator.
    public init(standardParallel: Double = 0) { self.standardParallel = standardParallel }
    /// The position in degrees: x is the longitude times the cosine of the standard parallel, y the latitude.
    public func forward(_ p: Position) -> PlanePoint? {
        PlanePoint(x: p.lon * cos(standardParallel * .pi / 180), y: p.lat)
    }
}
