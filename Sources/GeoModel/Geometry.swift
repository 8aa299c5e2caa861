/// A single point.
public struct Point: Hashable, Sendable {
    /// The point's position.
    public var position: Position
    /// Creates a point at a position.
    public init(_ position: Position) { self.position = position }
}

/// A sequence of two or more positions.
public struct LineString: Hashable, Sendable {
    /// The positions, in order.
    public var positions: [Position]
    /// Creates a line string through the positions, in order.
    public init(_ positions: [Position]) { self.positions = positions }
}

/// A polygon: an exterior ring then holes, each closed (first position equals last).
public struct Polygon: Hashable, Sendable {
    /// The rings: the exterior first, then the holes.
    public var rings: [[Position]]
    /// Creates a polygon from its rings, the exterior first.
    public init(_ rings: [[Position]]) { self.rings = rings }
    /// Creates a polygon from an exterior ring and optional holes.
    public init(exterior: [Position], holes: [[Position]] = []) { self.rings = [exterior] + holes }
    /// The exterior ring, or an empty ring for an empty polygon.
    public var exterior: [Position] { rings.first ?? [] }
    /// The interior rings.
    public var holes: ArraySlice<[Position]> { rings.dropFirst() }
}

/// Several points.
public struct MultiPoint: Hashable, Sendable {
    /// The points' positions.
    public var points: [Position]
    /// Creates a multipoint from positions.
    public init(_ points: [Position]) { self.points = points }
}

/// Several line strings.
public struct MultiLineString: Hashable, Sendable {
    /// The line strings.
    public var lineStrings: [LineString]
    /// Creates a multilinestring from line strings.
    public init(_ lineStrings: [LineString]) { self.lineStrings = lineStrings }
}

/// Several polygons.
public struct MultiPolygon: Hashable, Sendable {
    /// The polygons.
    public var polygons: [Polygon]
    /// Creates a multipolygon from polygons.
    public init(_ polygons: [Polygon]) { self.polygons = polygons }
}

/// A heterogeneous collection of geometries.
public struct GeometryCollection: Hashable, Sendable {
    /// The member geometries, in order.
    public var geometries: [Geometry]
    /// Creates a collection of geometries.
    public init(_ geometries: [Geometry]) { self.geometries = geometries }
}

/// Any GeoJSON geometry.
public indirect enum Geometry: Hashable, Sendable {
    /// A GeoJSON `Point`.
    case point(Point)
    /// A GeoJSON `MultiPoint`.
    case multiPoint(MultiPoint)
    /// A GeoJSON `LineString`.
    case lineString(LineString)
    /// A GeoJSON `MultiLineString`.
    case multiLineString(MultiLineString)
    /// A GeoJSON `Polygon`.
    case polygon(Polygon)
    /// A GeoJSON `MultiPolygon`.
    case multiPolygon(MultiPolygon)
    /// A GeoJSON `GeometryCollection`.
    case geometryCollection(GeometryCollection)

    /// The GeoJSON type name.
    public var typeName: String {
        switch self {
        case .point: "Point"
        case .multiPoint: "MultiPoint"
        case .lineString: "LineString"
        case .multiLineString: "MultiLineString"
        case .polygon: "Polygon"
        case .multiPolygon: "MultiPolygon"
        case .geometryCollection: "GeometryCollection"
        }
    }

    /// An empty geometry (an empty collection). Computed, not stored: a stored one is a heap box of the indirect
    /// enum held by a global, which memcheck reports as 24 bytes definitely lost at exit.
    public static var empty: Geometry { .geometryCollection(GeometryCollection([])) }

    /// True when the geometry holds no positions.
    public var isEmpty: Bool { vertexCount == 0 }

    /// Calls `body` on every position, in order.
    public func forEachPosition(_ body: (Position) throws -> Void) rethrows {
        switch self {
        case .point(let p): try body(p.position)
        case .multiPoint(let m): for p in m.points { try body(p) }
        case .lineString(let l): for p in l.positions { try body(p) }
        case .multiLineString(let m): for l in m.lineStrings { for p in l.positions { try body(p) } }
        case .polygon(let p): for r in p.rings { for q in r { try body(q) } }
        case .multiPolygon(let m): for poly in m.polygons { for r in poly.rings { for q in r { try body(q) } } }
        case .geometryCollection(let c): for g in c.geometries { try g.forEachPosition(body) }
        }
    }

    /// The number of positions.
    public var vertexCount: Int {
        switch self {
        case .point: 1
        case .multiPoint(let m): m.points.count
        case .lineString(let l): l.positions.count
        case .multiLineString(let m): m.lineStrings.reduce(0) { $0 + $1.positions.count }
        case .polygon(let p): p.rings.reduce(0) { $0 + $1.count }
        case .multiPolygon(let m): m.polygons.reduce(0) { acc, p in p.rings.reduce(acc) { $0 + $1.count } }
        case .geometryCollection(let c): c.geometries.reduce(0) { $0 + $1.vertexCount }
        }
    }

    /// The polygons of a polygonal geometry (Polygon, MultiPolygon, or polygons inside a collection).
    public var polygons: [Polygon] {
        switch self {
        case .polygon(let p): [p]
        case .multiPolygon(let m): m.polygons
        case .geometryCollection(let c): c.geometries.flatMap(\.polygons)
        default: []
        }
    }

    /// The line strings of a lineal geometry (or inside a collection).
    public var lineStrings: [LineString] {
        switch self {
        case .lineString(let l): [l]
        case .multiLineString(let m): m.lineStrings
        case .geometryCollection(let c): c.geometries.flatMap(\.lineStrings)
        default: []
        }
    }

    /// True for Polygon and MultiPolygon.
    public var isPolygonal: Bool {
        switch self {
        case .polygon, .multiPolygon: true
        default: false
        }
    }

    /// A polygonal geometry from polygons: a Polygon for one, a MultiPolygon otherwise.
    public static func polygonal(_ polygons: [Polygon]) -> Geometry {
        polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(MultiPolygon(polygons))
    }

    /// The geometry with every position transformed.
    public func mapPositions(_ transform: (Position) throws -> Position) rethrows -> Geometry {
        switch self {
        case .point(let p): return .point(Point(try transform(p.position)))
        case .multiPoint(let m): return .multiPoint(MultiPoint(try m.points.map(transform)))
        case .lineString(let l): return .lineString(LineString(try l.positions.map(transform)))
        case .multiLineString(let m):
            return .multiLineString(MultiLineString(try m.lineStrings.map { LineString(try $0.positions.map(transform)) }))
        case .polygon(let p): return .polygon(Polygon(try p.rings.map { try $0.map(transform) }))
        case .multiPolygon(let m):
            return .multiPolygon(MultiPolygon(try m.polygons.map { Polygon(try $0.rings.map { try $0.map(transform) }) }))
        case .geometryCollection(let c):
            return .geometryCollection(GeometryCollection(try c.geometries.map { try $0.mapPositions(transform) }))
        }
    }
}
