/// Writes RFC 7946 GeoJSON: exterior rings counter-clockwise, holes clockwise, no `crs`, optional `bbox`.
///
/// One feature per line, so files diff well and stream.
public struct GeoJSONWriter: Sendable {
    /// Decimal places kept in coordinates; nil keeps full precision (6 ≈ 0.1 m).
    public var precision: Int?
    /// Writes a `bbox` on the collection and on each feature.
    public var includeBBox: Bool

    /// Creates a writer.
    public init(precision: Int? = nil, includeBBox: Bool = false) {
        self.precision = precision.map { max(0, min($0, 15)) }
        self.includeBBox = includeBBox
    }

    /// The collection as UTF-8 bytes, ending with a newline.
    public func encode(_ collection: FeatureCollection, foreignMembers: JSONObject = JSONObject()) -> [UInt8] {
        var out = JSONOutput(precision: precision)
        header(foreignMembers: foreignMembers, boundingBox: includeBBox ? collection.boundingBox : nil, into: &out)
        for (i, f) in collection.features.enumerated() {
            out.raw(i == 0 ? "\n" : ",\n")
            encode(f, into: &out)
        }
        out.raw("\n]}\n")
        return out.bytes
    }

    /// The collection as a string.
    public func string(_ collection: FeatureCollection, foreignMembers: JSONObject = JSONObject()) -> String {
        String(decoding: encode(collection, foreignMembers: foreignMembers), as: UTF8.self)
    }

    // MARK: Piece by piece (streaming)

    /// The start of a FeatureCollection written piece by piece: `{"type":"FeatureCollection"`, the foreign members,
    /// and `,"features":[`. Follow with ``append(_:first:to:)`` for each feature and end with
    /// ``collectionFooter(boundingBox:)``; without a bounding box the bytes equal ``encode(_:foreignMembers:)``'s.
    public func collectionHeader(foreignMembers: JSONObject = JSONObject()) -> [UInt8] {
        var out = JSONOutput(precision: precision)
        header(foreignMembers: foreignMembers, boundingBox: nil, into: &out)
        return out.bytes
    }

    /// `{"type":"FeatureCollection"`, the foreign members, the bounding box when given, and `,"features":[`.
    func header(foreignMembers: JSONObject, boundingBox: BoundingBox?, into out: inout JSONOutput) {
        out.raw("{\"type\":\"FeatureCollection\"")
        for (k, v) in foreignMembers {
            out.raw(",")
            out.string(k)
            out.raw(":")
            out.value(v)
        }
        if let b = boundingBox {
            out.raw(",\"bbox\":")
            out.coordinateArray(b.array)
        }
        out.raw(",\"features\":[")
    }

    /// Appends one feature of a collection written piece by piece, with its separator (`first` for the first one).
    public func append(_ feature: Feature, first: Bool, to out: inout JSONOutput) {
        out.raw(first ? "\n" : ",\n")
        encode(feature, into: &out)
    }

    /// The end of a collection written piece by piece. With ``includeBBox``, the collection's `bbox` (the union of
    /// the features' boxes, known only now) comes after the features, which JSON's unordered members allow.
    public func collectionFooter(boundingBox: BoundingBox?) -> [UInt8] {
        var out = JSONOutput(precision: precision)
        out.raw("\n]")
        if includeBBox, let b = boundingBox {
            out.raw(",\"bbox\":")
            out.coordinateArray(b.array)
        }
        out.raw("}\n")
        return out.bytes
    }

    func encode(_ f: Feature, into out: inout JSONOutput) {
        out.raw("{\"type\":\"Feature\"")
        if let id = f.id {
            out.raw(",\"id\":")
            switch id {
            case .string(let s): out.string(s)
            case .number(let n): out.number(n)
            }
        }
        if includeBBox, let g = f.geometry, let b = BoundingBox(geometry: g) {
            out.raw(",\"bbox\":")
            out.coordinateArray(b.array)
        }
        out.raw(",\"properties\":")
        out.value(.object(f.properties))
        out.raw(",\"geometry\":")
        if let g = f.geometry { geometry(g.rfc7946Oriented, into: &out) } else { out.raw("null") }
        out.raw("}")
    }

    /// Writes one geometry object (already oriented).
    func geometry(_ g: Geometry, into out: inout JSONOutput) {
        out.raw("{\"type\":\"\(g.typeName)\",")
        switch g {
        case .point(let p):
            out.raw("\"coordinates\":"); out.position(p.position)
        case .multiPoint(let m):
            out.raw("\"coordinates\":"); out.positions(m.points)
        case .lineString(let l):
            out.raw("\"coordinates\":"); out.positions(l.positions)
        case .multiLineString(let m):
            out.raw("\"coordinates\":[")
            for (i, l) in m.lineStrings.enumerated() { if i > 0 { out.raw(",") }; out.positions(l.positions) }
            out.raw("]")
        case .polygon(let p):
            out.raw("\"coordinates\":"); out.rings(p.rings)
        case .multiPolygon(let m):
            out.raw("\"coordinates\":[")
            for (i, p) in m.polygons.enumerated() { if i > 0 { out.raw(",") }; out.rings(p.rings) }
            out.raw("]")
        case .geometryCollection(let c):
            out.raw("\"geometries\":[")
            for (i, sub) in c.geometries.enumerated() { if i > 0 { out.raw(",") }; geometry(sub, into: &out) }
            out.raw("]")
        }
        out.raw("}")
    }
}

/// A byte buffer with JSON escaping and number formatting in one place.
public struct JSONOutput: Sendable {
    /// The UTF-8 bytes written so far.
    public private(set) var bytes: [UInt8] = []
    let scale: Double?
    /// The precision in decimals, and 10^decimals as an integer (for the fixed-point fast path).
    let decimals: Int
    let unitScale: Int64
    /// True when the precision is 1…15 decimals, where the fixed-point form is exact.
    let fixedPointOK: Bool

    /// Creates an empty buffer; `precision` rounds coordinates to that many decimals.
    public init(precision: Int? = nil) {
        let p = precision.map { max(0, $0) }
        scale = p.map { p in (0..<p).reduce(1.0) { acc, _ in acc * 10 } }
        decimals = min(p ?? 0, 15)
        unitScale = (0..<decimals).reduce(Int64(1)) { acc, _ in acc * 10 }
        fixedPointOK = (1...15).contains(p ?? 0)
        bytes.reserveCapacity(1 << 16)
    }

    /// Empties the buffer, keeping its capacity (for output flushed piece by piece).
    public mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
    }

    /// Appends text as-is.
    public mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a quoted, escaped JSON string. Everything below U+0020, quotes and backslashes are escaped;
    /// `<`, `>` and `&` too, so the output is safe to embed in HTML.
    public mutating func string(_ s: String) {
        bytes.append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(0x5C); bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(0x5C); bytes.append(UInt8(ascii: "t"))
            case 0x3C, 0x3E, 0x26, 0..<0x20:
                let hex: [UInt8] = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
    }

    /// Appends a number: whole numbers without a fraction, others in the shortest form that round-trips.
    public mutating func number(_ n: Double) {
        guard n.isFinite else { raw("null"); return }
        if n.rounded() == n && abs(n) < 1e15 {
            raw(String(Int64(n)))
        } else {
            raw(String(n))
        }
    }

    /// Appends a coordinate number, rounded to the precision.
    @inline(__always)
    public mutating func coordinate(_ v: Double) {
        if let scale {
            let scaled = (v * scale).rounded()
            if fixedPointOK, abs(scaled) < 1e15 {
                let k = Int64(scaled)
                // Shortest round-trip form of k / 10^decimals: with at most 15 significant digits no shorter decimal
                // maps to the same double, so the digits of k are that form (trailing zeros dropped). Below 1e-4
                // `String(Double)` switches to exponent notation, which the slow path keeps.
                if k == 0 || abs(scaled) >= 1e-4 * scale {
                    fixedPoint(k)
                    return
                }
            }
            let r = scaled / scale
            number(r == 0 ? 0 : r)
        } else {
            number(v)
        }
    }

    /// Appends `k / 10^decimals` in positional notation, trailing zeros and a bare point dropped.
    @inline(__always)
    mutating func fixedPoint(_ k: Int64) {
        let unit = UInt64(unitScale), decimals = decimals
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 24) { tmp in
            var n = 0
            Self.fixedPoint(k, unit: unit, decimals: decimals, into: tmp, at: &n)
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: tmp[0..<n]))
        }
    }

    /// Writes `k / unit` (unit = 10^decimals, |k| < 10^15) into `out` from `n`: at most 17 bytes. Digits are
    /// produced least significant first with constant divisions by 10 (multiplications once compiled).
    @inline(__always)
    static func fixedPoint(_ k: Int64, unit: UInt64, decimals: Int, into out: UnsafeMutableBufferPointer<UInt8>, at n: inout Int) {
        if k < 0 { out[n] = UInt8(ascii: "-"); n += 1 }
        let m = k.magnitude
        var whole = m / unit
        var frac = m % unit
        var wholeDigits = 1
        var t = whole
        while t >= 10 { t /= 10; wholeDigits += 1 }
        var at = n + wholeDigits
        n = at
        repeat {
            at -= 1
            out[at] = 0x30 + UInt8(truncatingIfNeeded: whole % 10)
            whole /= 10
        } while whole > 0
        guard frac != 0 else { return }
        out[n] = UInt8(ascii: "."); n += 1
        var places = decimals
        while frac % 10 == 0 { frac /= 10; places -= 1 }
        at = n + places
        n = at
        for _ in 0..<places {
            at -= 1
            out[at] = 0x30 + UInt8(truncatingIfNeeded: frac % 10)
            frac /= 10
        }
    }

    mutating func coordinateArray(_ values: [Double]) {
        raw("[")
        for (i, v) in values.enumerated() { if i > 0 { raw(",") }; coordinate(v) }
        raw("]")
    }

    mutating func position(_ p: Position) {
        if fixedPointOK, p.z == nil, let scale {
            // The common case (2D, a precision): both numbers formatted into one small buffer, appended once.
            let x = (p.lon * scale).rounded(), y = (p.lat * scale).rounded()
            let limit = 1e-4 * scale
            if abs(x) < 1e15, abs(y) < 1e15, x == 0 || abs(x) >= limit, y == 0 || abs(y) >= limit {
                withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { tmp in
                    var n = 0
                    tmp[n] = UInt8(ascii: "["); n += 1
                    Self.fixedPoint(Int64(x), unit: UInt64(unitScale), decimals: decimals, into: tmp, at: &n)
                    tmp[n] = UInt8(ascii: ","); n += 1
                    Self.fixedPoint(Int64(y), unit: UInt64(unitScale), decimals: decimals, into: tmp, at: &n)
                    tmp[n] = UInt8(ascii: "]"); n += 1
                    bytes.append(contentsOf: UnsafeBufferPointer(rebasing: tmp[0..<n]))
                }
                return
            }
        }
        bytes.append(UInt8(ascii: "["))
        coordinate(p.lon)
        bytes.append(UInt8(ascii: ","))
        coordinate(p.lat)
        if let z = p.z {
            bytes.append(UInt8(ascii: ","))
            coordinate(z)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func positions(_ ps: [Position]) {
        bytes.append(UInt8(ascii: "["))
        for (i, p) in ps.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            position(p)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func rings(_ rings: [[Position]]) {
        bytes.append(UInt8(ascii: "["))
        for (i, r) in rings.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            positions(r)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    /// Appends any JSON value.
    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): raw(b ? "true" : "false")
        case .number(let n): number(n)
        case .string(let s): string(s)
        case .array(let a):
            raw("[")
            for (i, x) in a.enumerated() { if i > 0 { raw(",") }; value(x) }
            raw("]")
        case .object(let o):
            raw("{")
            for (i, m) in o.members.enumerated() {
                if i > 0 { raw(",") }
                string(m.key); raw(":"); value(m.value)
            }
            raw("}")
        }
    }
}

extension JSONValue {
    /// The value as compact JSON text.
    public var jsonText: String {
        var out = JSONOutput()
        out.value(self)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Parses JSON text (strict RFC 8259) into a value.
    public static func parse(_ bytes: [UInt8]) throws(GeoJSONError) -> JSONValue {
        let result: Result<JSONValue, GeoJSONError> = bytes.withUnsafeBufferPointer { buf in
            var s = JSONScanner(buf)
            do throws(JSONScanner.SyntaxError) {
                let v = try s.parseValue()
                if s.peek() != nil { throw s.error("unexpected \(s.describeNext()) after the end of the document") }
                return .success(v)
            } catch {
                let lc = s.lineColumn(of: error.offset)
                return .failure(GeoJSONError(path: "", line: lc.line, column: lc.column, message: error.message))
            }
        }
        return try result.get()
    }
}
