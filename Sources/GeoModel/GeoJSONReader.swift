/// Reads GeoJSON (RFC 7946, tolerant of GeoJSON 2008 habits) into a `FeatureCollection`.
///
/// Tolerant: a `crs` member naming CRS84/EPSG:4326, z values, either ring winding, `null` geometries, and a
/// bare Feature or Geometry at the root (returned as a one-feature collection). Strict: anything that is not
/// JSON, a wrong type, a short or unclosed ring, NaN, or a position out of range is an error naming its place.
public enum GeoJSONReader {
    /// Deepest nesting accepted inside `coordinates` (a MultiPolygon needs 4).
    static let maxCoordinateDepth = 32

    /// Reads a document from UTF-8 bytes.
    public static func read(_ bytes: [UInt8]) throws(GeoJSONError) -> FeatureCollection {
        let result: Result<FeatureCollection, GeoJSONError> = bytes.withUnsafeBufferPointer { buf in
            var parser = Parser(scanner: JSONScanner(buf))
            do throws(GeoJSONError) {
                return .success(try parser.parseDocument())
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Reads a document from a string.
    public static func read(_ text: String) throws(GeoJSONError) -> FeatureCollection {
        try read(Array(text.utf8))
    }
}

/// A `coordinates` tree as parsed, before it is checked against the geometry type.
enum CoordNode {
    case position(Position)
    case list([CoordNode])
}

/// The members of any GeoJSON object, gathered in whatever order they come.
struct RawObject {
    var type: String?
    var id: FeatureID?
    var hasGeometry = false
    var geometry: Geometry?
    var properties = JSONObject()
    var coordinates: CoordNode?
    var geometries: [Geometry]?
    var features: [Feature]?
    /// A root wrapper's inner GeoJSON object (`map`, `data` or `geojson` member) and its scalar members.
    var wrapped: [RawObject] = []
    var rootScalars: [(String, JSONValue)] = []
}

struct Parser {
    var scanner: JSONScanner
    var path: [PathComponent] = []
    var warnings: [String] = []

    init(scanner: JSONScanner) { self.scanner = scanner }

    func fail(_ message: String, offset: Int? = nil) -> GeoJSONError {
        if let offset {
            let lc = scanner.lineColumn(of: offset)
            return GeoJSONError(path: path.rendered, line: lc.line, column: lc.column, message: message)
        }
        return GeoJSONError(path: path.rendered, message: message)
    }

    func wrap(_ e: JSONScanner.SyntaxError) -> GeoJSONError { fail(e.message, offset: e.offset) }

    mutating func parseDocument() throws(GeoJSONError) -> FeatureCollection {
        guard let first = scanner.peek() else { throw fail("file is empty, expected a GeoJSON object") }
        guard first == UInt8(ascii: "{") else {
            throw fail("expected a GeoJSON object, found \(scanner.describeNext())", offset: scanner.index)
        }
        let startOffset = scanner.index
        let root = try parseObject(depth: 0)
        if scanner.peek() != nil {
            throw fail("unexpected \(scanner.describeNext()) after the end of the document", offset: scanner.index)
        }
        switch root.type {
        case "FeatureCollection":
            guard let features = root.features else { throw fail("FeatureCollection has no \"features\" array") }
            var seen = Set<FeatureID>()
            for (i, f) in features.enumerated() {
                if let id = f.id, !seen.insert(id).inserted {
                    warnings.append("features[\(i)]: duplicate id \"\(id)\"")
                }
            }
            return FeatureCollection(features, warnings: warnings)
        case "Feature":
            return FeatureCollection([try feature(from: root)], warnings: warnings)
        case nil:
            if let inner = root.wrapped.first {
                // A wrapper around one GeoJSON document: read the document, keep the wrapper's scalars.
                var fc: FeatureCollection
                switch inner.type {
                case "FeatureCollection":
                    guard let features = inner.features else { throw fail("FeatureCollection has no \"features\" array") }
                    fc = FeatureCollection(features, warnings: warnings)
                case "Feature": fc = FeatureCollection([try feature(from: inner)], warnings: warnings)
                default: fc = FeatureCollection([Feature(geometry: try geometry(from: inner))], warnings: warnings)
                }
                fc.rootMembers = JSONObject(root.rootScalars)
                return fc
            }
            throw fail("object has no \"type\" member", offset: startOffset)
        default:
            return FeatureCollection([Feature(geometry: try geometry(from: root))], warnings: warnings)
        }
    }

    /// Parses any GeoJSON object's members. Unknown (foreign) members are skipped.
    mutating func parseObject(depth: Int) throws(GeoJSONError) -> RawObject {
        guard depth < 64 else { throw fail("GeoJSON objects nested deeper than 64 levels", offset: scanner.index) }
        var raw = RawObject()
        do {
            try scanner.expect(UInt8(ascii: "{"), "'{'")
            if scanner.consume(UInt8(ascii: "}")) { return raw }
            var seen = Set<String>()
            repeat {
                let keyOffset = scanner.index
                let key = try scanner.parseString()
                try scanner.expect(UInt8(ascii: ":"), "':' after a member name")
                if !seen.insert(key).inserted { throw JSONScanner.SyntaxError(offset: keyOffset, message: "duplicate member \"\(key)\"") }
                path.append(.key(key))
                switch key {
                case "type":
                    let offset = scanner.index
                    guard scanner.peek() == UInt8(ascii: "\"") else {
                        throw JSONScanner.SyntaxError(offset: offset, message: "\"type\" must be a string")
                    }
                    raw.type = try scanner.parseString()
                case "id":
                    switch scanner.peek() {
                    case UInt8(ascii: "\""): raw.id = .string(try scanner.parseString())
                    case UInt8(ascii: "n"): try scanner.literal("null")
                    default:
                        let offset = scanner.index
                        guard let b = scanner.peek(), b == UInt8(ascii: "-") || (b >= 0x30 && b <= 0x39) else {
                            throw JSONScanner.SyntaxError(offset: offset, message: "\"id\" must be a string or a number")
                        }
                        raw.id = .number(try scanner.parseNumber())
                    }
                case "geometry":
                    raw.hasGeometry = true
                    if scanner.peek() == UInt8(ascii: "n") {
                        try scanner.literal("null")
                    } else if scanner.peek() == UInt8(ascii: "{") {
                        let sub = try parseObject(depth: depth + 1)
                        raw.geometry = try geometry(from: sub)
                    } else {
                        throw JSONScanner.SyntaxError(offset: scanner.index, message: "\"geometry\" must be an object or null")
                    }
                case "properties":
                    if scanner.peek() == UInt8(ascii: "n") {
                        try scanner.literal("null")
                    } else if scanner.peek() == UInt8(ascii: "{") {
                        raw.properties = try scanner.parseObject(depth: 1)
                    } else {
                        throw JSONScanner.SyntaxError(offset: scanner.index, message: "\"properties\" must be an object or null")
                    }
                case "coordinates":
                    raw.coordinates = try parseCoordinates(depth: 0)
                case "geometries":
                    try scanner.expect(UInt8(ascii: "["), "an array of geometries")
                    var list: [Geometry] = []
                    if !scanner.consume(UInt8(ascii: "]")) {
                        repeat {
                            path.append(.index(list.count))
                            let offset = scanner.index
                            guard scanner.peek() == UInt8(ascii: "{") else {
                                throw JSONScanner.SyntaxError(offset: offset, message: "expected a geometry object")
                            }
                            list.append(try geometry(from: try parseObject(depth: depth + 1)))
                            path.removeLast()
                        } while try scanner.nextSeparator(close: UInt8(ascii: "]"))
                    }
                    raw.geometries = list
                case "features":
                    try scanner.expect(UInt8(ascii: "["), "an array of features")
                    var list: [Feature] = []
                    if !scanner.consume(UInt8(ascii: "]")) {
                        repeat {
                            path.append(.index(list.count))
                            let offset = scanner.index
                            guard scanner.peek() == UInt8(ascii: "{") else {
                                throw JSONScanner.SyntaxError(offset: offset, message: "expected a Feature object, found \(scanner.describeNext())")
                            }
                            let sub = try parseObject(depth: depth + 1)
                            guard sub.type == "Feature" else {
                                throw fail("expected \"type\": \"Feature\", found \(sub.type.map { "\"\($0)\"" } ?? "none")")
                            }
                            list.append(try feature(from: sub))
                            path.removeLast()
                        } while try scanner.nextSeparator(close: UInt8(ascii: "]"))
                    }
                    raw.features = list
                case "crs":
                    let offset = scanner.index
                    let value = try scanner.parseValue()
                    try checkCRS(value, offset: offset)
                case "map" where depth == 0 && scanner.peek() == UInt8(ascii: "{"),
                     "data" where depth == 0 && scanner.peek() == UInt8(ascii: "{"),
                     "geojson" where depth == 0 && scanner.peek() == UInt8(ascii: "{"):
                    let sub = try parseObject(depth: depth + 1)
                    if sub.type != nil { raw.wrapped.append(sub) }
                default:
                    if depth == 0, let b = scanner.peek(), b != UInt8(ascii: "{"), b != UInt8(ascii: "[") {
                        raw.rootScalars.append((key, try scanner.parseValue()))
                    } else {
                        try scanner.skipValue()
                    }
                }
                path.removeLast()
            } while try scanner.nextSeparator(close: UInt8(ascii: "}"))
        } catch let e as JSONScanner.SyntaxError {
            throw wrap(e)
        } catch let e as GeoJSONError {
            throw e
        } catch {
            throw fail("\(error)")
        }
        return raw
    }

    /// Accepts a GeoJSON-2008 `crs` only when it names WGS84 lon/lat.
    func checkCRS(_ value: JSONValue, offset: Int) throws(GeoJSONError) {
        if value.isNull { return }
        let name = value["properties"]?["name"]?.stringValue ?? ""
        let accepted = ["urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "OGC:CRS84", "CRS84",
                        "urn:ogc:def:crs:EPSG::4326", "EPSG:4326", "urn:ogc:def:crs:EPSG:4326"]
        if !accepted.contains(name) {
            throw fail("crs \"\(name)\" is not WGS84 lon/lat; reproject to WGS84 (e.g. ogr2ogr -t_srs EPSG:4326)", offset: offset)
        }
    }

    mutating func parseCoordinates(depth: Int) throws(JSONScanner.SyntaxError) -> CoordNode {
        guard depth < GeoJSONReader.maxCoordinateDepth else {
            throw scanner.error("coordinates nested deeper than \(GeoJSONReader.maxCoordinateDepth) levels")
        }
        try scanner.expect(UInt8(ascii: "["), "an array of coordinates")
        guard let next = scanner.peek() else { throw scanner.error("unexpected end of file in coordinates") }
        if next == UInt8(ascii: "]") { scanner.index += 1; return .list([]) }
        if next == UInt8(ascii: "[") {
            var items: [CoordNode] = []
            repeat {
                items.append(try parseCoordinates(depth: depth + 1))
            } while try scanner.nextSeparator(close: UInt8(ascii: "]"))
            return .list(items)
        }
        // A position: two or more numbers.
        let start = scanner.index
        let lon = try scanner.parseNumber()
        guard try scanner.nextSeparator(close: UInt8(ascii: "]")) else {
            throw JSONScanner.SyntaxError(offset: start, message: "position has 1 number, needs at least 2")
        }
        let lat = try scanner.parseNumber()
        var z: Double?
        if try scanner.nextSeparator(close: UInt8(ascii: "]")) {
            z = try scanner.parseNumber()
            // Extra dimensions (e.g. M) are allowed by RFC 7946 and ignored.
            while try scanner.nextSeparator(close: UInt8(ascii: "]")) { _ = try scanner.parseNumber() }
        }
        return .position(Position(lon: lon, lat: lat, z: z))
    }

    // MARK: Building typed values

    mutating func feature(from raw: RawObject) throws(GeoJSONError) -> Feature {
        guard raw.type == "Feature" else { throw fail("expected \"type\": \"Feature\"") }
        guard raw.hasGeometry else { throw fail("Feature has no \"geometry\" member (use null for none)") }
        return Feature(id: raw.id, geometry: raw.geometry, properties: raw.properties)
    }

    mutating func geometry(from raw: RawObject) throws(GeoJSONError) -> Geometry {
        guard let type = raw.type else { throw fail("geometry has no \"type\"") }
        if type == "GeometryCollection" {
            guard let gs = raw.geometries else { throw fail("GeometryCollection has no \"geometries\" array") }
            return .geometryCollection(GeometryCollection(gs))
        }
        let known = ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"]
        guard known.contains(type) else {
            if type == "Feature" || type == "FeatureCollection" { throw fail("a \(type) is not allowed here, expected a geometry") }
            throw fail("unknown geometry type \"\(type)\"")
        }
        guard let coords = raw.coordinates else { throw fail("\(type) has no \"coordinates\"") }
        path.append(.key("coordinates"))
        defer { path.removeLast() }
        switch type {
        case "Point":
            return .point(Point(try position(coords)))
        case "MultiPoint":
            return .multiPoint(MultiPoint(try positions(coords, minimum: 0, what: "MultiPoint")))
        case "LineString":
            return .lineString(LineString(try positions(coords, minimum: 2, what: "line")))
        case "MultiLineString":
            return .multiLineString(MultiLineString(try list(coords, "an array of lines") { (p: inout Parser, n) throws(GeoJSONError) in
                LineString(try p.positions(n, minimum: 2, what: "line"))
            }))
        case "Polygon":
            return .polygon(try polygon(coords))
        default:
            return .multiPolygon(MultiPolygon(try list(coords, "an array of polygons") { (p: inout Parser, n) throws(GeoJSONError) in
                try p.polygon(n)
            }))
        }
    }

    mutating func list<T>(_ node: CoordNode, _ what: String, _ body: (inout Parser, CoordNode) throws(GeoJSONError) -> T) throws(GeoJSONError) -> [T] {
        guard case .list(let items) = node else { throw fail("expected \(what), found a single position") }
        var out: [T] = []
        out.reserveCapacity(items.count)
        for (i, item) in items.enumerated() {
            path.append(.index(i))
            out.append(try body(&self, item))
            path.removeLast()
        }
        return out
    }

    func position(_ node: CoordNode) throws(GeoJSONError) -> Position {
        guard case .position(let p) = node else { throw fail("expected a position [longitude, latitude]") }
        // Metres where degrees belong: a projected file (most often Web Mercator) that claims or implies CRS84.
        let metres = abs(p.lon) > 180 && abs(p.lon) <= 20_037_509 && abs(p.lat) <= 20_048_967
        let projected = " (the coordinates look like projected metres, likely EPSG:3857 Web Mercator; RFC 7946 GeoJSON is WGS84 longitude/latitude: reproject it, e.g. ogr2ogr -t_srs EPSG:4326)"
        if abs(p.lat) > 90 {
            let hint = metres ? projected : abs(p.lon) <= 90 ? " (are longitude and latitude swapped?)" : ""
            throw fail("latitude \(p.lat) is beyond ±90\(hint)")
        }
        if abs(p.lon) > 180 { throw fail("longitude \(p.lon) is beyond ±180\(metres && abs(p.lat) > 1000 ? projected : "")") }
        return p
    }

    mutating func positions(_ node: CoordNode, minimum: Int, what: String) throws(GeoJSONError) -> [Position] {
        let ps = try list(node, "an array of positions") { (p: inout Parser, n) throws(GeoJSONError) in try p.position(n) }
        if ps.count < minimum { throw fail("\(what) has \(ps.count) position\(ps.count == 1 ? "" : "s"), needs at least \(minimum)") }
        return ps
    }

    mutating func polygon(_ node: CoordNode) throws(GeoJSONError) -> Polygon {
        Polygon(try list(node, "an array of rings") { (p: inout Parser, n) throws(GeoJSONError) in
            let ring = try p.positions(n, minimum: 0, what: "ring")
            if ring.count < 4 { throw p.fail("ring has \(ring.count) position\(ring.count == 1 ? "" : "s"), needs at least 4") }
            if let first = ring.first, let last = ring.last, first.lon != last.lon || first.lat != last.lat {
                throw p.fail("ring is not closed: its first and last positions differ")
            }
            return ring
        })
    }
}
