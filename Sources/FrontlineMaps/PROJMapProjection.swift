import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import MapRender

/// The renderer's projection protocol, backed by PROJ.
///
/// Wraps one GeoOps `Projection` (a PROJ context and transformation). A map is drawn on one task, so the
/// handle is never used concurrently.
public final class PROJMapProjection: MapProjection, @unchecked Sendable {
    let projection: Projection
    /// The PROJ definition of the target CRS, for messages and the map's metadata.
    public let definition: String

    /// A projection centred on `center`: `laea` (Lambert azimuthal equal-area, the default), `stere` (oblique
    /// stereographic, conformal), or any target CRS PROJ understands ("EPSG:32638", "+proj=lcc …").
    public init(crs: String?, center: Position) throws(FrontlineError) {
        let c = "+lat_0=\(center.lat) +lon_0=\(center.lon) +datum=WGS84 +units=m +type=crs"
        let name = crs?.trimmingCharacters(in: .whitespaces) ?? "laea"
        switch name.lowercased() {
        case "", "laea", "equal-area": definition = "+proj=laea \(c)"
        case "stere", "conformal": definition = "+proj=sterea \(c)"
        default: definition = name
        }
        do {
            projection = try Projection(from: "EPSG:4326", to: definition)
        } catch {
            throw .badArgument("--crs \(name): \(error)")
        }
    }

    /// The position projected to the target CRS (in its units, metres for `laea` and `stere`), or nil when PROJ cannot.
    public func forward(_ p: Position) -> PlanePoint? {
        projection.forward(p.lon, p.lat).map { PlanePoint(x: $0.x, y: $0.y) }
    }
}
