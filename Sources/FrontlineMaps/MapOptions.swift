import Foundation
import FrontlineKit
import GeoModel
import MapRender

/// What the caller chooses about a map: page size, window, projection, title.
public struct MapOptions: Sendable {
    /// The page width, in SVG pixels.
    public var width: Double
    /// The page height, in SVG pixels.
    public var height: Double
    /// The lon/lat window; nil takes the dataset's window or the data's extent.
    public var window: BoundingBox?
    /// `laea` (default), `stere`, or a PROJ/EPSG target CRS.
    public var crs: String?
    /// Replaces the generated title.
    public var title: String?
    /// Decimal places of SVG coordinates.
    public var precision: Int
    /// The palette, type and symbols.
    public var style: MapStyle
    /// A credit line for the data source (the DeepState profile fills in "DeepStateMap.Live").
    public var credit: String?
    /// Change maps: `auto` (zoom to the changes when they are small against the data), `data`, `changes`.
    public var windowMode: String = "auto"
    /// Change maps: draw the earlier front line (dotted). Animation frames leave it out: the previous frame showed it.
    public var previousFront = true

    /// Creates options; by default a 1200 × 900 page in the standard style, the dataset's window, and `laea`.
    public init(width: Double = 1200, height: Double = 900, window: BoundingBox? = nil, crs: String? = nil, title: String? = nil,
                precision: Int = 1, style: MapStyle = .standard) {
        self.width = width; self.height = height; self.window = window; self.crs = crs; self.title = title
        self.precision = precision; self.style = style
    }

    /// Parses `W,S,E,N`.
    public static func parseBBox(_ text: String) throws(FrontlineError) -> BoundingBox {
        let parts = text.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard parts.count == 4, let w = parts[0], let s = parts[1], let e = parts[2], let n = parts[3] else {
            throw .badArgument("--bbox \"\(text)\" must be four numbers W,S,E,N (e.g. 44.5,38.5,48.5,41.5)")
        }
        guard w < e, s < n, (-180...180).contains(w), (-180...180).contains(e), (-90...90).contains(s), (-90...90).contains(n) else {
            throw .badArgument("--bbox \"\(text)\": need west < east within ±180 and south < north within ±90")
        }
        return BoundingBox(west: w, south: s, east: e, north: n)
    }
}
