import GeoModel

/// Well-known binary, the way geometries cross the GDAL boundary: ISO and extended (PostGIS) type codes in,
/// little-endian ISO out. Pure Swift, so no OGR geometry walk per vertex.
public enum WKB {
    /// A decoding failure: what was wrong and at which byte.
    public struct DecodeError: Error, Hashable, Sendable, CustomStringConvertible {
        /// The byte offset in the input where decoding failed.
        public var offset: Int
        /// What was wrong (e.g. "unexpected end").
        public var message: String
        /// The message with its offset: "WKB byte 12: unexpected end".
        public var description: String { "WKB byte \(offset): \(message)" }
    }

    /// Decodes one geometry (M values are dropped, Z kept).
    public static func decode(_ bytes: UnsafeRawBufferPointer) throws(DecodeError) -> Geometry {
        var r = Reader(bytes: bytes)
        let g = try r.geometry(depth: 0)
        return g
    }

    /// Decodes one geometry from a byte array (M values are dropped, Z kept).
    ///
    /// - Parameter bytes: ISO or extended (PostGIS EWKB) well-known binary, either byte order.
    /// - Returns: The geometry, in the coordinates the bytes hold.
    /// - Throws: ``WKB/DecodeError`` naming the byte offset when the bytes are not valid WKB.
    public static func decode(_ bytes: [UInt8]) throws(DecodeError) -> Geometry {
        do {
            return try bytes.withUnsafeBytes { (b) throws(DecodeError) -> Geometry in try decode(b) }
        } catch let e as DecodeError { throw e } catch { throw DecodeError(offset: 0, message: "\(error)") }
    }

    /// Encodes little-endian ISO WKB (2D, or 3D when any position has a height).
    public static func encode(_ g: Geometry) -> [UInt8] {
        var hasZ = false
        g.forEachPosition { if $0.z != nil { hasZ = true } }
        var w = Writer(hasZ: hasZ)
        w.geometry(g)
        return w.out
    }

    struct Reader {
        let bytes: UnsafeRawBufferPointer
        var i = 0
        var little = true

        mutating func byte() throws(DecodeError) -> UInt8 {
            guard i < bytes.count else { throw DecodeError(offset: i, message: "unexpected end") }
            defer { i += 1 }
            return bytes[i]
        }
        mutating func u32() throws(DecodeError) -> UInt32 {
            guard i + 4 <= bytes.count else { throw DecodeError(offset: i, message: "unexpected end") }
            var v: UInt32 = 0
            for k in 0..<4 { v |= UInt32(bytes[i + k]) << (8 * (little ? k : 3 - k)) }
            i += 4
            return v
        }
        mutating func f64() throws(DecodeError) -> Double {
            guard i + 8 <= bytes.count else { throw DecodeError(offset: i, message: "unexpected end") }
            var v: UInt64 = 0
            for k in 0..<8 { v |= UInt64(bytes[i + k]) << (8 * (little ? k : 7 - k)) }
            i += 8
            return Double(bitPattern: v)
        }
        mutating func count() throws(DecodeError) -> Int {
            let n = Int(try u32())
            // Every element takes at least 8 bytes: a count beyond the remaining bytes is corrupt, not memory to reserve.
            guard n <= (bytes.count - i) / 8 + 1 else { throw DecodeError(offset: i - 4, message: "count \(n) exceeds the data") }
            return n
        }

        mutating func geometry(depth: Int) throws(DecodeError) -> Geometry {
            guard depth < 64 else { throw DecodeError(offset: i, message: "nested too deeply") }
            let order = try byte()
            guard order <= 1 else { throw DecodeError(offset: i - 1, message: "bad byte order \(order)") }
            little = order == 1
            let raw = try u32()
            var hasZ = raw & 0x8000_0000 != 0
            var hasM = raw & 0x4000_0000 != 0
            if raw & 0x2000_0000 != 0 { _ = try u32() }   // EWKB SRID
            var code = raw & 0x0FFF_FFFF
            switch code / 1000 {
            case 1: hasZ = true
            case 2: hasM = true
            case 3: hasZ = true; hasM = true
            default: break
            }
            code %= 1000
            let dims = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0)
            func position(_ r: inout Reader) throws(DecodeError) -> Position {
                let x = try r.f64(), y = try r.f64()
                var z: Double?
                if hasZ { z = try r.f64() }
                if hasM { _ = try r.f64() }
                _ = dims
                return Position(lon: x, lat: y, z: z)
            }
            func positions(_ r: inout Reader) throws(DecodeError) -> [Position] {
                let n = try r.count()
                var ps: [Position] = []
                ps.reserveCapacity(n)
                for _ in 0..<n { ps.append(try position(&r)) }
                return ps
            }
            switch code {
            case 1:
                let p = try position(&self)
                // An empty point is written as NaN coordinates.
                if p.lon.isNaN && p.lat.isNaN { return .multiPoint(MultiPoint([])) }
                return .point(Point(p))
            case 2: return .lineString(LineString(try positions(&self)))
            case 3:
                let n = try count()
                var rings: [[Position]] = []
                for _ in 0..<n { rings.append(try positions(&self)) }
                return .polygon(Polygon(rings))
            case 4, 5, 6, 7:
                let n = try count()
                var parts: [Geometry] = []
                for _ in 0..<n {
                    let saved = little
                    parts.append(try geometry(depth: depth + 1))
                    little = saved
                }
                switch code {
                case 4: return .multiPoint(MultiPoint(parts.compactMap { if case .point(let p) = $0 { p.position } else { nil } }))
                case 5: return .multiLineString(MultiLineString(parts.flatMap(\.lineStrings)))
                case 6: return .multiPolygon(MultiPolygon(parts.flatMap(\.polygons)))
                default: return .geometryCollection(GeometryCollection(parts))
                }
            default:
                throw DecodeError(offset: i - 4, message: "geometry type \(raw) is not supported (curves are linearised before this)")
            }
        }
    }

    struct Writer {
        let hasZ: Bool
        var out: [UInt8] = []

        mutating func u32(_ v: UInt32) { for k in 0..<4 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        mutating func f64(_ d: Double) { let v = d.bitPattern; for k in 0..<8 { out.append(UInt8(truncatingIfNeeded: v >> (8 * k))) } }
        mutating func header(_ code: UInt32) { out.append(1); u32(code + (hasZ ? 1000 : 0)) }
        mutating func position(_ p: Position) { f64(p.lon); f64(p.lat); if hasZ { f64(p.z ?? 0) } }
        mutating func positions(_ ps: [Position]) { u32(UInt32(ps.count)); for p in ps { position(p) } }

        mutating func geometry(_ g: Geometry) {
            switch g {
            case .point(let p): header(1); position(p.position)
            case .lineString(let l): header(2); positions(l.positions)
            case .polygon(let p): header(3); u32(UInt32(p.rings.count)); for r in p.rings { positions(r) }
            case .multiPoint(let m): header(4); u32(UInt32(m.points.count)); for p in m.points { geometry(.point(Point(p))) }
            case .multiLineString(let m): header(5); u32(UInt32(m.lineStrings.count)); for l in m.lineStrings { geometry(.lineString(l)) }
            case .multiPolygon(let m): header(6); u32(UInt32(m.polygons.count)); for p in m.polygons { geometry(.polygon(p)) }
            case .geometryCollection(let c): header(7); u32(UInt32(c.geometries.count)); for x in c.geometries { geometry(x) }
            }
        }
    }
}
