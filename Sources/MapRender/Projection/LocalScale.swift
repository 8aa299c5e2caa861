import Foundation
import GeoModel

/// The scale of a projection at a point, measured against the WGS84 ellipsoid (no PROJ needed).
public enum LocalScale {
    static let a = 6_378_137.0
    static let e2 = 0.006_694_379_990_14

    /// Plane units per metre on the ground at `p`: the geometric mean of the north–south and east–west
    /// scales over a small step (equal to both for a conformal projection). Nil when the projection fails there.
    public static func planeUnitsPerMetre(_ projection: some MapProjection, at p: Position) -> Double? {
        let phi = p.lat * .pi / 180
        let s = sin(phi)
        let w = (1 - e2 * s * s).squareRoot()
        // Radii of curvature: meridian (M) and prime vertical (N).
        let m = a * (1 - e2) / (w * w * w)
        let n = a / w
        let step = 0.01
        guard let c = projection.forward(p),
              let north = projection.forward(Position(lon: p.lon, lat: p.lat + step)),
              let east = projection.forward(Position(lon: p.lon + step, lat: p.lat)) else { return nil }
        let groundNS = m * step * .pi / 180
        let groundEW = n * cos(phi) * step * .pi / 180
        guard groundNS > 0, groundEW > 0 else { return nil }
        let kNS = hypot(north.x - c.x, north.y - c.y) / groundNS
        let kEW = hypot(east.x - c.x, east.y - c.y) / groundEW
        let k = (kNS * kEW).squareRoot()
        return k.isFinite && k > 0 ? k : nil
    }
}
