/// A byte-level JSON scanner: strict RFC 8259, no Foundation, positions kept for error messages.
///
/// Works on a borrowed buffer; the caller keeps the bytes alive for the scanner's lifetime.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var index: Int = 0
    /// Deepest nesting accepted for generic values (properties); deeper input is refused, not recursed into.
    static let maxDepth = 512
    /// Maps an offset of `bytes` to a line and column of a larger text, when `bytes` is a piece of one (a streamed
    /// feature); nil counts within `bytes`.
    var resolveLineColumn: ((Int) -> (line: Int, column: Int))?

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    struct SyntaxError: Error {
        var offset: Int
        var message: String
    }

    var isAtEnd: Bool { index >= bytes.count }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// The next non-blank byte, without consuming it; nil at the end.
    @inline(__always)
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return index < bytes.count ? bytes[index] : nil
    }

    func error(_ message: String, at offset: Int? = nil) -> SyntaxError {
        SyntaxError(offset: offset ?? index, message: message)
    }

    func describeNext() -> String {
        guard index < bytes.count else { return "end of file" }
        let b = bytes[index]
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16)
    }

    mutating func expect(_ byte: UInt8, _ what: String) throws(SyntaxError) {
        guard peek() == byte else { throw error("expected \(what), found \(describeNext())") }
        index += 1
    }

    /// Consumes `byte` if it is next.
    @inline(__always)
    mutating func consume(_ byte: UInt8) -> Bool {
        if peek() == byte { index += 1; return true }
        return false
    }

    /// After a member or element: true when another follows (`,`), false at `close`.
    mutating func nextSeparator(close: UInt8) throws(SyntaxError) -> Bool {
        guard let b = peek() else { throw error("unexpected end of file, expected ',' or '\(Character(Unicode.Scalar(close)))'") }
        index += 1
        if b == UInt8(ascii: ",") { return true }
        if b == close { return false }
        index -= 1
        throw error("expected ',' or '\(Character(Unicode.Scalar(close)))', found \(describeNext())")
    }

    // MARK: Strings

    mutating func parseString() throws(SyntaxError) -> String {
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string, found \(describeNext())") }
        index += 1
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<index])
                index += 1
                guard let s = String(validating: slice, as: UTF8.self) else {
                    throw error("string is not valid UTF-8", at: start)
                }
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 { throw error("control character in string") }
            index += 1
        }
        var out = [UInt8](UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                guard let s = String(validating: out, as: UTF8.self) else {
                    throw error("string is not valid UTF-8", at: start)
                }
                return s
            }
            if b < 0x20 { throw error("control character in string") }
            if b != UInt8(ascii: "\\") { out.append(b); index += 1; continue }
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try parseHex4()
                if (0xD800..<0xDC00).contains(scalar) {
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                        throw error("unpaired surrogate in \\u escape")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00..<0xE000).contains(scalar) {
                    throw error("unpaired surrogate in \\u escape")
                }
                guard let u = Unicode.Scalar(scalar) else { throw error("invalid \\u escape") }
                out.append(contentsOf: Array(String(Character(u)).utf8))
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(e)))'", at: index - 2)
            }
        }
        throw error("unterminated string", at: start - 1)
    }

    mutating func parseHex4() throws(SyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("truncated \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case 0x30...0x39: d = UInt32(c - 0x30)
            case 0x41...0x46: d = UInt32(c - 0x41 + 10)
            case 0x61...0x66: d = UInt32(c - 0x61 + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    // MARK: Numbers

    static let pow10: [Double] = (0...22).map { e in
        var v = 1.0
        for _ in 0..<e { v *= 10 }
        return v
    }

    /// Parses a JSON number. Exact for up to 15 significant digits (Clinger's fast path), else via the
    /// standard library's correctly rounded conversion.
    @inline(__always)
    mutating func parseNumber() throws(SyntaxError) -> Double {
        skipWhitespace()
        let start = index
        var negative = false
        if index < bytes.count && bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        var mantissa: UInt64 = 0
        var digits = 0
        var intDigits = 0
        let intStart = index
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 0x30) }
            digits += 1; intDigits += 1; index += 1
        }
        if intDigits == 0 {
            index = start
            var j = negative ? index + 1 : index
            var wordBytes: [UInt8] = []
            while j < bytes.count, wordBytes.count < 9, bytes[j] >= 0x41 { wordBytes.append(bytes[j]); j += 1 }
            let word = String(decoding: wordBytes, as: UTF8.self)
            if word.hasPrefix("NaN") || word.hasPrefix("Infinity") || (negative && word.isEmpty) {
                let shown = word.hasPrefix("NaN") ? "NaN" : "Infinity"
                throw error("\(negative ? "-" : "")\(shown) is not a valid JSON number")
            }
            throw error("expected a number, found \(describeNext())")
        }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") { throw error("number has a leading zero", at: start) }
        var fracDigits = 0
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if digits < 19 { mantissa = mantissa &* 10 &+ UInt64(bytes[index] &- 0x30); fracDigits += 1 }
                digits += 1; index += 1
            }
            if index < bytes.count, bytes[index - 1] == UInt8(ascii: ".") { throw error("number has no digits after '.'") }
        }
        var exp = 0
        if index < bytes.count && (bytes[index] | 0x20) == UInt8(ascii: "e") {
            index += 1
            var expNeg = false
            if index < bytes.count && (bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+")) {
                expNeg = bytes[index] == UInt8(ascii: "-"); index += 1
            }
            var expDigits = 0
            while index < bytes.count, bytes[index] &- 0x30 < 10 {
                if exp < 100_000 { exp = exp * 10 + Int(bytes[index] &- 0x30) }
                expDigits += 1; index += 1
            }
            if expDigits == 0 { throw error("number has no digits in its exponent") }
            if expNeg { exp = -exp }
        }
        let e10 = exp - fracDigits
        if digits <= 15 && e10 >= -22 && e10 <= 22 {
            var v = Double(mantissa)
            v = e10 < 0 ? v / JSONScanner.pow10[-e10] : v * JSONScanner.pow10[e10]
            return negative ? -v : v
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let v = Double(text), v.isFinite else { throw error("number \(text) is out of range", at: start) }
        return v
    }

    // MARK: Generic values

    mutating func parseValue(depth: Int = 0) throws(SyntaxError) -> JSONValue {
        guard depth < JSONScanner.maxDepth else { throw error("nesting deeper than \(JSONScanner.maxDepth) levels") }
        guard let b = peek() else { throw error("unexpected end of file, expected a value") }
        switch b {
        case UInt8(ascii: "{"): return .object(try parseObject(depth: depth))
        case UInt8(ascii: "["):
            index += 1
            var items: [JSONValue] = []
            if consume(UInt8(ascii: "]")) { return .array(items) }
            repeat { items.append(try parseValue(depth: depth + 1)) } while try nextSeparator(close: UInt8(ascii: "]"))
            return .array(items)
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return .number(try parseNumber())
        }
    }

    mutating func parseObject(depth: Int) throws(SyntaxError) -> JSONObject {
        try expect(UInt8(ascii: "{"), "'{'")
        var obj = JSONObject()
        if consume(UInt8(ascii: "}")) { return obj }
        repeat {
            let keyOffset = index
            let key = try parseString()
            try expect(UInt8(ascii: ":"), "':' after a member name")
            let value = try parseValue(depth: depth + 1)
            if obj[key] != nil { throw error("duplicate member \"\(key)\"", at: keyOffset) }
            obj.appendUnchecked(key, value)
        } while try nextSeparator(close: UInt8(ascii: "}"))
        return obj
    }

    mutating func literal(_ word: StaticString) throws(SyntaxError) {
        let n = word.utf8CodeUnitCount
        guard index + n <= bytes.count else { throw error("unexpected end of file") }
        let ok = word.withUTF8Buffer { w in
            (0..<n).allSatisfy { bytes[index + $0] == w[$0] }
        }
        guard ok else { throw error("unexpected \(describeNext())") }
        index += n
    }

    /// Skips one value of any kind, iteratively (so deep nesting cannot exhaust the stack).
    mutating func skipValue() throws(SyntaxError) {
        var depth = 0
        repeat {
            guard let b = peek() else { throw error("unexpected end of file") }
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                index += 1; depth += 1
                if depth > 100_000 { throw error("nesting deeper than 100000 levels") }
                continue
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                index += 1; depth -= 1
            case UInt8(ascii: "\""): _ = try parseString()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: ","):
                index += 1; continue
            case UInt8(ascii: ":"):
                index += 1; continue
            default: _ = try parseNumber()
            }
            // after a value: consume a separator if present
        } while depth > 0
    }

    /// 1-based line and column of a byte offset.
    func lineColumn(of offset: Int) -> (line: Int, column: Int) {
        if let resolveLineColumn { return resolveLineColumn(offset) }
        var line = 1, col = 1
        var i = 0
        let end = min(offset, bytes.count)
        while i < end {
            if bytes[i] == 0x0A { line += 1; col = 1 } else if bytes[i] & 0xC0 != 0x80 { col += 1 }
            i += 1
        }
        return (line, col)
    }
}
