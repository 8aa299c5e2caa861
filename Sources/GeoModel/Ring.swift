/// Planar helpers on rings in lon/lat, used only for orientation (never for measures).
public enum Ring {
    /// Twice the signed planar area of a ring in degree units: positive when counter-clockwise.
    public static func signedArea2(_ ring: [Position]) -> Double {
        guard ring.count >= 3 else { return 0 }
        var sum = 0.0
        var prev = ring[ring.count - 1]
        for p in ring {
            sum += (prev.lon * p.lat) - (p.lon * prev.lat)
            prev = p
        }
        return sum
    }

    /// True when the ring winds counter-clockwise.
    public static func isCounterClockwise(_ ring: [Position]) -> Bool { signedArea2(ring) > 0 }

    /// The ring wound the requested way.
    public static func oriented(_ ring: [Position], counterClockwise: Bool) -> [Position] {
        let area = signedArea2(ring)
        if area == 0 || (area > 0) == counterClockwise { return ring }
        return ring.reversed()
    }
}

extension Polygon {
    /// The polygon with RFC 7946 winding: exterior counter-clockwise, holes clockwise.
    public var rfc7946Oriented: Polygon {
        Polygon(rings.enumerated().map { i, r in Ring.oriented(r, counterClockwise: i == 0) })
    }
}

extension Geometry {
    /// The geometry with RFC 7946 winding on every polygon.
    public var rfc7946Oriented: Geometry {
        switch self {
        case .polygon(let p): .polygon(p.rfc7946Oriented)
        case .multiPolygon(let m): .multiPolygon(MultiPolygon(m.polygons.map(\.rfc7946Oriented)))
        case .geometryCollection(let c): .geometryCollection(GeometryCollection(c.geometries.map(\.rfc7946Oriented)))
        default: self
        }
    }
}
