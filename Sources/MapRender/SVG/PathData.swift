/// SVG path data: subpaths of page points, closed (rings) or open (lines).
public struct PathData: Hashable, Sendable {
    /// One run of points: a ring (`closed`, ended with `z`) or an open line.
    public struct Subpath: Hashable, Sendable {
        /// The points, on the page (a ring's closing point not repeated).
        public var points: [PlanePoint]
        /// True for a ring.
        public var closed: Bool
    }
    /// The subpaths, in drawing order.
    public var subpaths: [Subpath] = []

    /// Creates empty path data.
    public init() {}

    /// Adds a ring (the closing point may be repeated or not).
    public mutating func ring(_ points: [PlanePoint]) {
        var ps = points
        if ps.count > 1, let f = ps.first, let l = ps.last, f == l { ps.removeLast() }
        if ps.count >= 3 { subpaths.append(Subpath(points: ps, closed: true)) }
    }

    /// Adds an open line.
    public mutating func line(_ points: [PlanePoint]) {
        if points.count >= 2 { subpaths.append(Subpath(points: points, closed: false)) }
    }

    /// True when there is nothing to draw.
    public var isEmpty: Bool { subpaths.isEmpty }

    /// Number of points.
    public var pointCount: Int { subpaths.reduce(0) { $0 + $1.points.count } }
}
