import GeoModel

/// An axis-aligned rectangle on the page (y down).
public struct Rect: Hashable, Sendable {
    /// The left edge.
    public var x: Double
    /// The top edge (y grows downwards).
    public var y: Double
    /// The width.
    public var width: Double
    /// The height.
    public var height: Double
    /// Creates a rectangle from its top-left corner and size.
    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x; self.y = y; self.width = width; self.height = height
    }
    /// The right edge.
    public var maxX: Double { x + width }
    /// The bottom edge.
    public var maxY: Double { y + height }
    /// The centre point.
    public var center: PlanePoint { PlanePoint(x: x + width / 2, y: y + height / 2) }
    /// The rectangle grown by `d` on every side (shrunk when negative).
    public func inset(by d: Double) -> Rect { Rect(x: x + d, y: y + d, width: width - 2 * d, height: height - 2 * d) }
    /// True when the rectangles overlap (touching edges do not count).
    public func intersects(_ o: Rect) -> Bool { x < o.maxX && o.x < maxX && y < o.maxY && o.y < maxY }
    /// True when `o` lies wholly inside.
    public func contains(_ o: Rect) -> Bool { o.x >= x && o.y >= y && o.maxX <= maxX && o.maxY <= maxY }
    /// True when the point lies inside or on the edge.
    public func contains(_ p: PlanePoint) -> Bool { p.x >= x && p.x <= maxX && p.y >= y && p.y <= maxY }
}

/// Projection plane → page: a uniform scale, a y flip (north up) and a translation, fitted d3-style.
public struct ViewTransform: Hashable, Sendable {
    /// Page units per plane unit.
    public var scale: Double
    /// The page x of the plane's origin.
    public var translateX: Double
    /// The page y of the plane's origin (plane y is flipped, so north is up).
    public var translateY: Double

    /// The page position of a plane point.
    @inline(__always)
    public func apply(_ p: PlanePoint) -> PlanePoint {
        PlanePoint(x: p.x * scale + translateX, y: -p.y * scale + translateY)
    }

    /// The transform that fits the plane box [minX…maxX]×[minY…maxY] centred in `extent` (d3's fitExtent).
    public static func fit(minX: Double, minY: Double, maxX: Double, maxY: Double, into extent: Rect) -> ViewTransform {
        let dx = max(maxX - minX, 1e-12), dy = max(maxY - minY, 1e-12)
        let k = min(extent.width / dx, extent.height / dy)
        let cx = (minX + maxX) / 2, cy = (minY + maxY) / 2
        return ViewTransform(scale: k, translateX: extent.center.x - cx * k, translateY: extent.center.y + cy * k)
    }

    /// Fits a lon/lat window (its edges sampled, since projected edges curve) into `extent`; nil when nothing projects.
    public static func fit(window: BoundingBox, projection: some MapProjection, into extent: Rect) -> ViewTransform? {
        var minX = Double.infinity, minY = Double.infinity, maxX = -Double.infinity, maxY = -Double.infinity
        let n = 16
        for i in 0...n {
            let t = Double(i) / Double(n)
            let lon = window.west + (window.east - window.west) * t
            let lat = window.south + (window.north - window.south) * t
            for p in [Position(lon: lon, lat: window.south), Position(lon: lon, lat: window.north),
                      Position(lon: window.west, lat: lat), Position(lon: window.east, lat: lat)] {
                guard let q = projection.forward(p) else { continue }
                minX = min(minX, q.x); maxX = max(maxX, q.x); minY = min(minY, q.y); maxY = max(maxY, q.y)
            }
        }
        guard minX.isFinite, minY.isFinite, maxX.isFinite, maxY.isFinite else { return nil }
        return fit(minX: minX, minY: minY, maxX: maxX, maxY: maxY, into: extent)
    }
}
