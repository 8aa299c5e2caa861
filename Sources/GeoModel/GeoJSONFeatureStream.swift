#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a GeoJSON FeatureCollection file one feature at a time, holding only a read window and the feature in hand,
/// so that memory stays flat however large the file is.
///
/// Each feature is read by the same parser as ``GeoJSONReader`` and fails with the same messages, named by its
/// place (`features[12].geometry.coordinates[0]`) and its line and column in the whole file. Anything that is not a
/// plain FeatureCollection at the root (a bare Feature or geometry, a `{…, "map": {…}}` wrapper, an empty file) is
/// reported as ``Outcome/notAFeatureCollection`` rather than read differently: the caller then reads the file whole
/// with ``GeoJSONReader``, so both paths always agree.
public enum GeoJSONFeatureStream {
    /// How a streamed read ended.
    public enum Outcome: Sendable, Equatable {
        /// The root is a FeatureCollection and every feature was handed over, in document order.
        case streamed(features: Int, warnings: [String])
        /// The root is not a plain FeatureCollection; features handed over so far (if any) must be discarded and the
        /// file read whole with ``GeoJSONReader``.
        case notAFeatureCollection
    }

    /// An error reading the file itself (open, read), as opposed to its content.
    public struct FileError: Error, Sendable, CustomStringConvertible {
        /// What the system said.
        public var reason: String
        /// The reason.
        public var description: String { reason }
    }

    /// Reads the FeatureCollection in the file at `path`, calling `body` with each feature in document order.
    ///
    /// - Parameters:
    ///   - path: A regular file (not standard input).
    ///   - windowBytes: How much is read at a time; the window grows only for a single feature larger than this.
    ///   - body: Receives each feature; an error it throws stops the read and is rethrown as is.
    /// - Returns: ``Outcome/streamed(features:warnings:)``, or ``Outcome/notAFeatureCollection`` (see the type).
    /// - Throws: ``GeoJSONError`` for content that is not valid GeoJSON, ``FileError`` when the file cannot be read,
    ///   or whatever `body` throws.
    public static func forEachFeature(inFile path: String, windowBytes: Int = 1 << 21, _ body: (Feature) throws -> Void) throws -> Outcome {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var reader = StreamReader(fd: fd, path: path, chunk: max(windowBytes, 4096))
        return try reader.readCollection(body)
    }
}

/// The read window and the root-level walk of a streamed FeatureCollection. Positions are absolute file offsets.
struct StreamReader {
    let fd: Int32
    let path: String
    let chunk: Int
    /// The window: file bytes `base ..< base + buf.count`.
    var buf: [UInt8] = []
    var base = 0
    var eof = false
    /// Bytes before this offset may be dropped when the window is refilled.
    var mark = 0
    var warnings: [String] = []

    init(fd: Int32, path: String, chunk: Int) {
        self.fd = fd
        self.path = path
        self.chunk = chunk
        buf.reserveCapacity(chunk)
    }

    /// Reads the next chunk, first dropping what lies before `mark`. False at the end of the file.
    mutating func readMore() throws -> Bool {
        if eof { return false }
        let drop = mark - base
        if drop > 0 && drop >= buf.count / 2 {
            buf.removeSubrange(0..<drop)
            base = mark
        }
        let old = buf.count
        buf.append(contentsOf: repeatElement(0, count: chunk))
        var got = 0
        while got < chunk {
            let n = buf.withUnsafeMutableBytes { p in read(fd, p.baseAddress! + old + got, chunk - got) }
            if n < 0 {
                if errno == EINTR { continue }
                buf.removeSubrange((old + got)...)
                throw GeoJSONFeatureStream.FileError(reason: String(cString: strerror(errno)))
            }
            if n == 0 { eof = true; break }
            got += n
        }
        buf.removeSubrange((old + got)...)
        return got > 0
    }

    /// The byte at absolute offset `i`, reading on as needed; nil past the end of the file.
    @inline(__always)
    mutating func byte(_ i: Int) throws -> UInt8? {
        while i - base >= buf.count {
            if try !readMore() { return nil }
        }
        return buf[i - base]
    }

    /// The first non-blank offset at or after `i`, and its byte (nil at the end of the file).
    mutating func skipBlank(_ i: inout Int) throws -> UInt8? {
        while let b = try byte(i) {
            switch b {
            case 0x20, 0x0A, 0x0D, 0x09: i += 1
            default: return b
            }
        }
        return nil
    }

    /// The end (exclusive) of the JSON value that starts at `start` (a non-blank byte), found by bracket depth and
    /// string state only; the value's own syntax is checked when it is parsed.
    mutating func valueEnd(from start: Int, path place: String) throws -> Int {
        guard let first = try byte(start) else { throw fail(at: start, place, "unexpected end of file, expected a value") }
        var depth = 0
        var inString = false, escaped = false
        let scalar = first != UInt8(ascii: "{") && first != UInt8(ascii: "[") && first != UInt8(ascii: "\"")
        var i = start
        while true {
            if i - base >= buf.count {
                if try !readMore() {
                    if scalar { return i }
                    throw fail(at: start, place, "unexpected end of file inside this value")
                }
            }
            var local = i - base
            var end: Int?
            let n = buf.count
            StreamReader.plain.withUnsafeBufferPointer { plain in buf.withUnsafeBufferPointer { p in
                while local < n {
                    let b = p[local]
                    // Digits, signs, points and commas make up most of a feature: skip them without branching on state
                    // (inside a string they do not matter either; in a root scalar a comma ends it).
                    if !scalar && !escaped && plain[Int(b)] { local += 1; continue }
                    if inString {
                        if escaped { escaped = false } else if b == 0x5C { escaped = true } else if b == 0x22 {
                            inString = false
                            if depth == 0 { end = local + 1; return }
                        }
                    } else if scalar {
                        switch b {
                        case 0x2C, 0x7D, 0x5D, 0x20, 0x0A, 0x0D, 0x09: end = local; return
                        default: break
                        }
                    } else {
                        switch b {
                        case 0x22: inString = true
                        case 0x7B, 0x5B: depth += 1
                        case 0x7D, 0x5D:
                            depth -= 1
                            if depth == 0 { end = local + 1; return }
                        default: break
                        }
                    }
                    local += 1
                }
            } }
            if let end { return base + end }
            i = base + local
        }
    }

    /// Bytes that never change the bracket depth or string state: everything but `"`, `\`, brackets and braces.
    static let plain: [Bool] = (0..<256).map { b in ![0x22, 0x5C, 0x5B, 0x5D, 0x7B, 0x7D].contains(b) }

    /// The bytes `from ..< to` (both inside the window).
    func slice(_ from: Int, _ to: Int) -> ArraySlice<UInt8> { buf[(from - base)..<(to - base)] }

    /// An error at an absolute offset, with the line and column counted over the whole file.
    func fail(at offset: Int, _ place: String, _ message: String) -> GeoJSONError {
        let lc = lineColumn(ofAbsolute: offset)
        return GeoJSONError(path: place, line: lc.line, column: lc.column, message: message)
    }

    /// Line and column (1-based, in characters) of an absolute offset, by reading the file again from its start: only
    /// ever done for an error message.
    func lineColumn(ofAbsolute offset: Int) -> (line: Int, column: Int) {
        var line = 1, col = 1
        var remaining = offset
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var at: off_t = 0
        while remaining > 0 {
            let want = min(remaining, chunk.count)
            let n = chunk.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, want, at) }
            if n <= 0 { break }
            for b in chunk[0..<n] {
                if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
            }
            remaining -= n
            at += off_t(n)
        }
        return (line, col)
    }

    /// Runs the GeoJSON parser over the window bytes `from ..< to`, with its error positions mapped to the file.
    func parse<T>(_ from: Int, _ to: Int, wrapped: Bool, path: [PathComponent],
                  _ body: (inout Parser) throws(GeoJSONError) -> T) throws(GeoJSONError) -> (T, [String]) {
        // A root member is parsed as the object `{"key": value}`: the bytes from its key to its value's end, braced.
        var bytes: [UInt8]
        if wrapped {
            bytes = [UInt8(ascii: "{")]
            bytes.append(contentsOf: slice(from, to))
            bytes.append(UInt8(ascii: "}"))
        } else {
            bytes = Array(slice(from, to))
        }
        let origin = wrapped ? from - 1 : from
        let resolve: (Int) -> (line: Int, column: Int) = { self.lineColumn(ofAbsolute: origin + $0) }
        let result: Result<(T, [String]), GeoJSONError> = bytes.withUnsafeBufferPointer { p in
            var scanner = JSONScanner(p)
            scanner.resolveLineColumn = resolve
            var parser = Parser(scanner: scanner)
            parser.path = path
            do throws(GeoJSONError) {
                let value = try body(&parser)
                if parser.scanner.peek() != nil {
                    throw parser.fail("unexpected \(parser.scanner.describeNext())", offset: parser.scanner.index)
                }
                return .success((value, parser.warnings))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Parses the feature that starts at `start` in place in the window. A feature that runs past the window's end
    /// fails to parse (a JSON object is never complete before its closing brace); then the window is extended to the
    /// feature's end, found by ``valueEnd(from:path:)``, and the parse repeated once, so only features that straddle
    /// a refill are scanned twice. Returns the feature, the parser's warnings and the feature's end offset.
    mutating func parseFeature(at start: Int, index: Int) throws -> (Feature, [String], Int) {
        let path: [PathComponent] = [.key("features"), .index(index)]
        var extended = false
        while true {
            do throws(GeoJSONError) {
                // A first attempt that may fail only because the window ends is not worth the file-wide line count
                // of its error message: that attempt's errors carry no position, and it is repeated.
                let final = extended || eof
                return try parseInPlace(start, path: path, positions: final) { (p: inout Parser) throws(GeoJSONError) -> Feature in
                    let raw = try p.parseObject(depth: 1)
                    guard raw.type == "Feature" else {
                        throw p.fail("expected \"type\": \"Feature\", found \(raw.type.map { "\"\($0)\"" } ?? "none")")
                    }
                    return try p.feature(from: raw)
                }
            } catch {
                if extended || eof { throw error }
                // Extend the window to the feature's end and parse again; if the feature was complete already the
                // error is its own and comes back. A feature with no end reads to the end of the file, where the
                // parser names what is wrong better than a bracket count does.
                _ = try? valueEnd(from: start, path: "features[\(index)]")
                extended = true
            }
        }
    }

    /// Runs the GeoJSON parser over the window from `from` to its end, with error positions mapped to the file.
    /// Returns the value, the parser's warnings and the absolute offset where the value ended.
    func parseInPlace<T>(_ from: Int, path: [PathComponent], positions: Bool,
                         _ body: (inout Parser) throws(GeoJSONError) -> T) throws(GeoJSONError) -> (T, [String], Int) {
        let origin = from
        let resolve: (Int) -> (line: Int, column: Int) = positions ? { self.lineColumn(ofAbsolute: origin + $0) } : { _ in (0, 0) }
        let result: Result<(T, [String], Int), GeoJSONError> = buf.withUnsafeBufferPointer { all in
            var scanner = JSONScanner(UnsafeBufferPointer(rebasing: all[(from - base)...]))
            scanner.resolveLineColumn = resolve
            var parser = Parser(scanner: scanner)
            parser.path = path
            do throws(GeoJSONError) {
                let value = try body(&parser)
                return .success((value, parser.warnings, from + parser.scanner.index))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// Walks the root object; features go to `body` as they are read.
    mutating func readCollection(_ body: (Feature) throws -> Void) throws -> GeoJSONFeatureStream.Outcome {
        var i = 0
        guard try skipBlank(&i) == UInt8(ascii: "{") else { return .notAFeatureCollection }
        i += 1
        var type: String?
        var sawFeatures = false
        var count = 0
        var keys = Set<String>()
        var ids = Set<FeatureID>()
        if try skipBlank(&i) == UInt8(ascii: "}") { return .notAFeatureCollection }
        while true {
            mark = i
            let keyStart = i
            guard try skipBlank(&i) == UInt8(ascii: "\"") else { return .notAFeatureCollection }
            let keyEnd = try valueEnd(from: i, path: "")
            let (key, _) = try parse(keyStart, keyEnd, wrapped: false, path: []) { (p: inout Parser) throws(GeoJSONError) -> String in
                do throws(JSONScanner.SyntaxError) { return try p.scanner.parseString() } catch { throw p.wrap(error) }
            }
            guard keys.insert(key).inserted else { throw fail(at: keyStart, "", "duplicate member \"\(key)\"") }
            i = keyEnd
            guard try skipBlank(&i) == UInt8(ascii: ":") else { return .notAFeatureCollection }
            i += 1
            guard let first = try skipBlank(&i) else { throw fail(at: i, key, "unexpected end of file, expected a value") }
            if key == "features" {
                // A root whose type is already known to be something else, or a wrapper: the whole reader decides.
                if let type, type != "FeatureCollection" { return .notAFeatureCollection }
                guard first == UInt8(ascii: "[") else { throw fail(at: i, "features", "expected an array of features, found \(describe(first))") }
                sawFeatures = true
                i += 1
                mark = i
                if try skipBlank(&i) == UInt8(ascii: "]") {
                    i += 1
                } else {
                    while true {
                        mark = i
                        let place = "features[\(count)]"
                        guard let b = try skipBlank(&i) else { throw fail(at: i, place, "unexpected end of file, expected a Feature object") }
                        guard b == UInt8(ascii: "{") else { throw fail(at: i, place, "expected a Feature object, found \(describe(b))") }
                        let (feature, w, end) = try parseFeature(at: i, index: count)
                        warnings += w
                        if let id = feature.id, !ids.insert(id).inserted {
                            warnings.append("features[\(count)]: duplicate id \"\(id)\"")
                        }
                        count += 1
                        try body(feature)
                        i = end
                        guard let sep = try skipBlank(&i) else { throw fail(at: i, "features", "unexpected end of file, expected ',' or ']'") }
                        i += 1
                        if sep == UInt8(ascii: "]") { break }
                        guard sep == UInt8(ascii: ",") else { throw fail(at: i - 1, "features", "expected ',' or ']', found \(describe(sep))") }
                    }
                }
            } else {
                // Any other root member is read, and checked, by the whole reader's own code, one member at a time.
                let end = try valueEnd(from: i, path: key)
                let (raw, w) = try parse(keyStart, end, wrapped: true, path: []) { (p: inout Parser) throws(GeoJSONError) -> RawObject in
                    try p.parseObject(depth: 0)
                }
                warnings += w
                if !raw.wrapped.isEmpty { return .notAFeatureCollection }
                if key == "type" {
                    type = raw.type
                    if type != "FeatureCollection" { return .notAFeatureCollection }
                }
                i = end
            }
            guard let sep = try skipBlank(&i) else { throw fail(at: i, "", "unexpected end of file, expected ',' or '}'") }
            i += 1
            if sep == UInt8(ascii: "}") { break }
            guard sep == UInt8(ascii: ",") else { throw fail(at: i - 1, "", "expected ',' or '}', found \(describe(sep))") }
        }
        mark = i
        if let b = try skipBlank(&i) { throw fail(at: i, "", "unexpected \(describe(b)) after the end of the document") }
        guard type == "FeatureCollection", sawFeatures else { return .notAFeatureCollection }
        return .streamed(features: count, warnings: warnings)
    }

    func describe(_ b: UInt8) -> String {
        if b >= 0x21 && b < 0x7F { return "'\(Character(Unicode.Scalar(b)))'" }
        return "byte 0x" + String(b, radix: 16)
    }
}
