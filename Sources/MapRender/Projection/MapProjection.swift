import Foundation
import GeoModel

/// A point on the projection plane or on the page.
public struct PlanePoint: Hashable, Sendable {
    public var x: Double
    public var y: Double
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
    public init(standardParallel: Double = 0) { self.standardParallel = standardParallel }
    public func forward(_ p: Position) -> PlanePoint? {
        PlanePoint(x: p.lon * cos(standardParallel * .pi / 180), y: p.lat)
    }
}
