import GeoModel

/// A CSV of dated positions (a header naming `date`, `lon`/`longitude` and `lat`/`latitude`, other columns kept),
/// read straight from bytes, and written back with a `side` column appended.
public struct IncidentCSV: Sendable {
    public var header: [UInt8]
    /// The rows' positions and dates.
    public var rows: [IncidentJoin.Row]
    /// Each row's line as read (without its line break), as a range of `bytes`.
    var lines: [Range<Int>]
    let bytes: [UInt8]

    /// Parses CSV bytes. Errors name the line.
    public static func parse(_ bytes: [UInt8], path: String) throws(FrontlineError) -> IncidentCSV {
        var lines: [Range<Int>] = []
        var start = 0
        bytes.withUnsafeBufferPointer { b in
            var i = 0
            var quoted = false
            while i < b.count {
                let c = b[i]
                if c == UInt8(ascii: "\"") { quoted.toggle() }
                else if c == 0x0A && !quoted {
                    var end = i
                    if end > start && b[end - 1] == 0x0D { end -= 1 }
                    if end > start { lines.append(start..<end) }
                    start = i + 1
                }
                i += 1
            }
            if start < b.count { lines.append(start..<b.count) }
        }
        guard let headerLine = lines.first else { throw .badInput(path: path, place: "line 1", message: "empty file, expected a header") }
        let names = fields(bytes, headerLine).map { String(decoding: bytes[$0], as: UTF8.self).lowercased() }
        func column(_ options: [String]) throws(FrontlineError) -> Int {
            guard let i = names.firstIndex(where: options.contains) else {
                throw .badInput(path: path, place: "line 1", message: "no \(options.joined(separator: "/")) column in the header")
            }
            return i
        }
        let dateCol = try column(["date"]), lonCol = try column(["lon", "longitude", "lng", "x"]), latCol = try column(["lat", "latitude", "y"])
        var rows: [IncidentJoin.Row] = []
        rows.reserveCapacity(lines.count - 1)
        for (n, line) in lines.enumerated().dropFirst() {
            let f = fields(bytes, line)
            guard f.count > max(dateCol, lonCol, latCol) else {
                throw .badInput(path: path, place: "line \(n + 1)", message: "\(f.count) fields, the header has \(names.count)")
            }
            guard let day = day(bytes, f[dateCol]) else {
                throw .badInput(path: path, place: "line \(n + 1)", message: "date \"\(String(decoding: bytes[f[dateCol]], as: UTF8.self))\" is not YYYY-MM-DD")
            }
            guard let lon = number(bytes, f[lonCol]), let lat = number(bytes, f[latCol]),
                  Position(lon: lon, lat: lat).isInRange else {
                throw .badInput(path: path, place: "line \(n + 1)", message: "longitude/latitude are not numbers within ±180/±90")
            }
            rows.append(IncidentJoin.Row(day: day, position: Position(lon: lon, lat: lat)))
        }
        return IncidentCSV(header: Array(bytes[headerLine]), rows: rows, lines: Array(lines.dropFirst()), bytes: bytes)
    }

    /// The CSV with a `side` column appended (empty outside every area).
    public func joined(sides: [String?]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + lines.count * 12)
        out += header
        out += Array(",side\n".utf8)
        var encoded: [String: [UInt8]] = [:]
        for (line, side) in zip(lines, sides) {
            out.append(contentsOf: bytes[line])
            out.append(UInt8(ascii: ","))
            if let side {
                if encoded[side] == nil { encoded[side] = Array(CSV.field(side).utf8) }
                out.append(contentsOf: encoded[side] ?? [])
            }
            out.append(0x0A)
        }
        return out
    }

    /// The field ranges of one line (quotes around a field are dropped from its range).
    static func fields(_ bytes: [UInt8], _ line: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var i = line.lowerBound
        while i <= line.upperBound {
            if i < line.upperBound && bytes[i] == UInt8(ascii: "\"") {
                var j = i + 1
                while j < line.upperBound && !(bytes[j] == UInt8(ascii: "\"") && (j + 1 == line.upperBound || bytes[j + 1] != UInt8(ascii: "\""))) {
                    j += bytes[j] == UInt8(ascii: "\"") ? 2 : 1
                }
                out.append((i + 1)..<min(j, line.upperBound))
                i = j + 2
            } else {
                var j = i
                while j < line.upperBound && bytes[j] != UInt8(ascii: ",") { j += 1 }
                out.append(i..<j)
                i = j + 1
            }
        }
        return out
    }

    static func day(_ b: [UInt8], _ r: Range<Int>) -> Day? {
        guard r.count == 10, b[r.lowerBound + 4] == UInt8(ascii: "-"), b[r.lowerBound + 7] == UInt8(ascii: "-") else { return nil }
        func num(_ from: Int, _ n: Int) -> Int? {
            var v = 0
            for k in from..<(from + n) {
                let d = b[r.lowerBound + k] &- 0x30
                guard d < 10 else { return nil }
                v = v * 10 + Int(d)
            }
            return v
        }
        guard let y = num(0, 4), let m = num(5, 2), let d = num(8, 2) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// A decimal number: a fast path for `-ddd.ddd` with up to 15 digits, else the standard library.
    static func number(_ b: [UInt8], _ r: Range<Int>) -> Double? {
        var i = r.lowerBound
        var negative = false
        if i < r.upperBound && b[i] == UInt8(ascii: "-") { negative = true; i += 1 }
        var mantissa: UInt64 = 0, digits = 0, frac = 0, seenDot = false, simple = i < r.upperBound
        while i < r.upperBound {
            let c = b[i]
            if c == UInt8(ascii: ".") && !seenDot { seenDot = true }
            else if c &- 0x30 < 10 { mantissa = mantissa &* 10 &+ UInt64(c &- 0x30); digits += 1; if seenDot { frac += 1 } }
            else { simple = false; break }
            i += 1
        }
        if simple && digits > 0 && digits <= 15 && frac <= 22 {
            let v = Double(mantissa) / pow10[frac]
            return negative ? -v : v
        }
        return Double(String(decoding: b[r], as: UTF8.self)).flatMap { $0.isFinite ? $0 : nil }
    }

    static let pow10: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { acc, _ in acc * 10 } }
}
