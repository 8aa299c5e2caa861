import GeoModel

/// Turns lon/lat geometry into page path data: project, clip to the page area, simplify in pixels.
public struct ScreenGeometry: Sendable {
    /// The projection from lon/lat to the plane.
    public var projection: any MapProjection
    /// The transform from the plane to the page.
    public var transform: ViewTransform
    /// Geometry outside this rectangle is cut away (a little larger than the visible frame).
    public var clip: Rect
    /// Douglas–Peucker tolerance in pixels.
    public var tolerance: Double
    /// Rings smaller than this many square pixels are dropped (a feature keeps at least its largest ring).
    public var minRingArea: Double

    /// Creates a converter from a projection, a plane-to-page transform and a clip rectangle on the page.
    ///
    /// - Parameters:
    ///   - projection: The map projection from lon/lat to the plane.
    ///   - transform: The plane-to-page transform.
    ///   - clip: The page rectangle that drawn geometry is clipped to.
    ///   - tolerance: The simplification tolerance, in pixels.
    ///   - minRingArea: The area in square pixels under which rings (holes, small parts) are dropped.
    public init(projection: any MapProjection, transform: ViewTransform, clip: Rect, tolerance: Double = 0.4, minRingArea: Double = 0.8) {
        self.projection = projection; self.transform = transform; self.clip = clip
        self.tolerance = tolerance; self.minRingArea = minRingArea
    }

    /// The page position of a lon/lat position, or nil when it does not project.
    public func point(_ p: Position) -> PlanePoint? {
        projection.forward(p).map(transform.apply)
    }

    func project(_ ps: [Position]) -> [PlanePoint] {
        ps.compactMap(point)
    }

    /// Path data of the geometry's polygons (rings) and lines (open paths); points are ignored.
    public func path(_ g: Geometry) -> PathData {
        var path = PathData()
        var parts: [(exterior: [PlanePoint], area: Double, holes: [[PlanePoint]])] = []
        for poly in g.polygons {
            guard let ext = poly.rings.first,
                  let outer = Simplify.ring(Clip.ring(project(ext), to: clip), tolerance: tolerance) else { continue }
            var holes: [[PlanePoint]] = []
            for ring in poly.rings.dropFirst() {
                // Holes under the size of a pixel add bytes and no ink.
                if let h = Simplify.ring(Clip.ring(project(ring), to: clip), tolerance: tolerance),
                   abs(Simplify.area2(h)) / 2 >= minRingArea { holes.append(h) }
            }
            parts.append((outer, abs(Simplify.area2(outer)) / 2, holes))
        }
        // Islands under the size of a pixel go too, but a feature keeps its largest part.
        let largest = parts.map(\.area).max() ?? 0
        for part in parts where part.area >= minRingArea || part.area == largest {
            path.ring(part.exterior)
            part.holes.forEach { path.ring($0) }
        }
        for line in g.lineStrings {
            for part in Clip.line(project(line.positions), to: clip) {
                let simple = Simplify.polyline(part, tolerance: tolerance)
                path.line(simple)
            }
        }
        return path
    }
}
