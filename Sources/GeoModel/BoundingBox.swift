/// A lon/lat bounding box: west, south, east, north (RFC 7946 order).
public struct BoundingBox: Hashable, Sendable {
    /// The western edge: the least longitude, in degrees (`west <= east`: a box does not wrap the antimeridian).
    public var west: Double
    /// The southern edge: the least latitude, in degrees.
    public var south: Double
    /// The eastern edge: the greatest longitude, in degrees.
    public var east: Double
    /// The northern edge: the greatest latitude, in degrees.
    public var north: Double

    /// Creates a box from its four edges.
    public init(west: Double, south: Double, east: Double, north: Double) {
        self.west = west
        self.south = south
        self.east = east
        self.north = north
    }

    /// The box around some positions, or nil when there are none.
    public init?<S: Sequence>(positions: S) where S.Element == Position {
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        for p in positions {
            w = min(w, p.lon); e = max(e, p.lon); s = min(s, p.lat); n = max(n, p.lat)
        }
        guard w.isFinite, s.isFinite, e.isFinite, n.isFinite else { return nil }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// The box around a geometry, or nil when it is empty.
    public init?(geometry: Geometry) {
        var w = Double.infinity, s = Double.infinity, e = -Double.infinity, n = -Double.infinity
        geometry.forEachPosition { p in
            w = min(w, p.lon); e = max(e, p.lon); s = min(s, p.lat); n = max(n, p.lat)
        }
        guard w.isFinite, s.isFinite, e.isFinite, n.isFinite else { return nil }
        self.init(west: w, south: s, east: e, north: n)
    }

    /// The smallest box holding both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(west: min(west, other.west), south: min(south, other.south),
                    east: max(east, other.east), north: max(north, other.north))
    }

    /// The box grown by a fraction of its size on every side.
    public func expanded(by fraction: Double) -> BoundingBox {
        let dx = (east - west) * fraction, dy = (north - south) * fraction
        return BoundingBox(west: west - dx, south: south - dy, east: east + dx, north: north + dy)
    }

    /// True when the boxes share any point.
    public func intersects(_ other: BoundingBox) -> Bool {
        west <= other.east && other.west <= east && south <= other.north && other.south <= north
    }

    /// True when the position lies inside or on the edge.
    public func contains(_ p: Position) -> Bool {
        p.lon >= west && p.lon <= east && p.lat >= south && p.lat <= north
    }

    /// The centre of the box.
    public var center: Position { Position(lon: (west + east) / 2, lat: (south + north) / 2) }

    /// `[west, south, east, north]`.
    public var array: [Double] { [west, south, east, north] }
}

extension Sequence where Element == BoundingBox {
    /// The union of all boxes, or nil for none.
    public func union() -> BoundingBox? {
        reduce(nil) { acc, b in acc.map { $0.union(b) } ?? b }
    }
}
