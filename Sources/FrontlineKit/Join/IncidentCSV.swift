import GeoModel

/// A CSV of dated positions (a header naming `date`, `lon`/`longitude` and `lat`/`latitude`, other columns kept),
/// read straight from bytes, and written back with a `side` column appended.
public struct IncidentCSV: Sendable {
    /// The header line's bytes, as read (without its line break).
    public var header: [UInt8]
    /// The rows' positions and dates.
    public var rows: [IncidentJoin.Row]
    /// Each row's line as read (without its line break), as a range of `bytes`.
    var lines: [Range<Int>]
    let bytes: [UInt8]

    /// Columns recognised without flags: frontline's own events CSV and `date`/`lon`/`lat` files, ACLED
    /// (`event_date`, `longitude`, `latitude`) and UCDP GED (`date_start`, `longitude`, `latitude`).
    public static let dateColumns = ["date", "event_date", "date_start"]
    /// Longitude column names tried, in order (case-insensitive).
    public static let lonColumns = ["lon", "longitude", "lng", "long", "x"]
    /// Latitude column names tried, in order (case-insensitive).
    public static let latColumns = ["lat", "latitude", "y"]

    /// Lines whose date or position could not be read: kept in place, with empty joined columns.
    public var badLines: [Int] = []
    /// For each data line, the index of its row in `rows`, or nil for a bad line.
    var rowOfLine: [Int?] = []

    /// Parses CSV bytes. Column names may be given (`--date-column` …); else the known conventions are tried.
    /// A missing column or an unterminated quote is an error naming the line; a bad date or position only
    /// marks its line (see `badLines`).
    public static func parse(_ bytes: [UInt8], path: String, dateColumn: String? = nil, lonColumn: String? = nil,
                             latColumn: String? = nil) throws(FrontlineError) -> IncidentCSV {
        let lines = try records(bytes, path: path)
        guard let headerLine = lines.first else { throw .badInput(path: path, place: "line 1", message: "empty file, expected a header") }
        var header = Array(bytes[headerLine])
        if header.starts(with: [0xEF, 0xBB, 0xBF]) { header.removeFirst(3) }
        let names = fields(header, 0..<header.count).map { String(decoding: header[$0], as: UTF8.self).trimmingCharacters(in: .whitespaces).lowercased() }
        func column(_ given: String?, _ options: [String], flag: String) throws(FrontlineError) -> Int {
            if let given {
                guard let i = names.firstIndex(of: given.lowercased()) else {
                    throw .badInput(path: path, place: "line 1", message: "no column \"\(given)\" (\(flag)); the header has \(names.joined(separator: ", "))")
                }
                return i
            }
            guard let i = names.firstIndex(where: options.contains) else {
                throw .badInput(path: path, place: "line 1", message: "no \(options.joined(separator: "/")) column in the header (name it with \(flag))")
            }
            return i
        }
        let dateCol = try column(dateColumn, dateColumns, flag: "--date-column")
        let lonCol = try column(lonColumn, lonColumns, flag: "--lon-column"), latCol = try column(latColumn, latColumns, flag: "--lat-column")
        var rows: [IncidentJoin.Row] = []
        var rowOfLine: [Int?] = []
        var bad: [Int] = []
        rows.reserveCapacity(lines.count - 1)
        for (n, line) in lines.enumerated().dropFirst() {
            let f = fields(bytes, line)
            // More fields than the header: the columns no longer line up, and every value after the extra comma
            // would be read under the wrong name.
            if f.count > names.count {
                throw .badInput(path: path, place: "line \(n + 1)", message: "\(f.count) fields but the header has \(names.count) (an unquoted comma in a field?)")
            }
            guard f.count > max(dateCol, lonCol, latCol), let day = day(bytes, f[dateCol]),
                  let lon = number(bytes, f[lonCol]), let lat = number(bytes, f[latCol]), Position(lon: lon, lat: lat).isInRange else {
                bad.append(n + 1)
                rowOfLine.append(nil)
                continue
            }
            rowOfLine.append(rows.count)
            rows.append(IncidentJoin.Row(day: day, position: Position(lon: lon, lat: lat)))
        }
        var csv = IncidentCSV(header: header, rows: rows, lines: Array(lines.dropFirst()), bytes: bytes)
        csv.badLines = bad
        csv.rowOfLine = rowOfLine
        return csv
    }

    /// The record ranges of CSV bytes (RFC 4180, as `fields` reads them): a quote opens a quoted field only at the
    /// start of a field, `""` inside one is a quote, and a line break inside one continues the record; a quote
    /// elsewhere is text. Empty lines are skipped and a CR before LF is dropped. An unterminated quote, or text
    /// after a closing quote, is an error naming its line: what is read must be what `join` writes back.
    static func records(_ bytes: [UInt8], path: String) throws(FrontlineError) -> [Range<Int>] {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 0x0A, cr: UInt8 = 0x0D
        var lines: [Range<Int>] = []
        var start = 0, lineNo = 1, openQuoteLine = 0
        var quoted = false, atFieldStart = true, afterClose = false
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if quoted {
                if c == quote {
                    if i + 1 < n && bytes[i + 1] == quote { i += 2; continue }
                    quoted = false; afterClose = true
                } else if c == lf { lineNo += 1 }
                i += 1
                continue
            }
            if c == lf {
                var end = i
                if end > start && bytes[end - 1] == cr { end -= 1 }
                if end > start { lines.append(start..<end) }
                start = i + 1; lineNo += 1; atFieldStart = true; afterClose = false
            } else if c == comma {
                atFieldStart = true; afterClose = false
            } else if afterClose && c != cr {
                throw .badInput(path: path, place: "line \(lineNo)", message: "text after a closing quote: a quoted field must end at a comma or the end of the line")
            } else if c == quote && atFieldStart {
                quoted = true; openQuoteLine = lineNo; atFieldStart = false
            } else if c != cr {
                atFieldStart = false
            }
            i += 1
        }
        if quoted { throw .badInput(path: path, place: "line \(openQuoteLine)", message: "unterminated quote: a field opens with \" and never closes") }
        if start < n { lines.append(start..<n) }
        return lines
    }

    /// The header's column names, as written.
    public var columnNames: [String] { IncidentCSV.fields(header, 0..<header.count).map { String(decoding: header[$0], as: UTF8.self) } }

    /// The fields of a data line (0-based), unquoted.
    public func fields(ofLine k: Int) -> [String] {
        let line = lines[k]
        return IncidentCSV.fields(bytes, line).map { String(decoding: bytes[$0], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"") }
    }

    /// Each data line as written (without its line break).
    public var rawLines: [String] { lines.map { String(decoding: bytes[$0], as: UTF8.self) } }

    /// The row of a data line (0-based), or nil for a bad line.
    public func row(ofLine k: Int) -> IncidentJoin.Row? { k < rowOfLine.count ? rowOfLine[k].map { rows[$0] } : nil }

    /// The CSV with `columns` appended: `values[row]` for each row (empty fields on bad lines).
    /// The rows as point features (no geometry on bad lines): every input column and the joined ones, as text,
    /// for writing a GIS file.
    public func features(columns: [String], values: [[String]]) -> [Feature] {
        let names = columnNames
        let existing = Set(names.map { $0.lowercased() })
        let joinedNames = columns.map { existing.contains($0) ? $0 + "_joined" : $0 }
        return lines.indices.map { k in
            let f = fields(ofLine: k)
            var props: [(String, JSONValue)] = names.enumerated().map { ($1, .string($0 < f.count ? f[$0] : "")) }
            let r = k < rowOfLine.count ? rowOfLine[k] : nil
            for (i, n) in joinedNames.enumerated() { props.append((n, .string(r.map { values[$0][i] } ?? ""))) }
            props.append(("layer", "event"))
            return Feature(geometry: r.map { .point(Point(rows[$0].position)) }, properties: JSONObject(props))
        }
    }

    /// The CSV with the joined columns appended: every input line kept as read, in order.
    ///
    /// A column name the input already has gets a `_joined` suffix; a short line is padded to the header's width;
    /// a bad line gets empty joined fields.
    /// - Parameters:
    ///   - columns: The names of the appended columns.
    ///   - values: For each row of `rows`, its values for `columns`.
    ///   - includeHeader: Whether the header line comes first (false for the second and later batches of a
    ///     streamed join).
    /// - Returns: The CSV bytes, each line ending with a line feed.
    public func joined(columns: [String], values: [[String]], includeHeader: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + lines.count * 24)
        if includeHeader {
            out += header
            // A column the input already has (frontline's own events CSV has status and distance_to_front_km) is
            // not repeated under the same name: the joined one is suffixed.
            let existing = Set(IncidentCSV.fields(header, 0..<header.count).map { String(decoding: header[$0], as: UTF8.self).lowercased() })
            for c in columns {
                out.append(UInt8(ascii: ","))
                out += Array(CSV.field(existing.contains(c) ? c + "_joined" : c).utf8)
            }
            out.append(0x0A)
        }
        let empty = Array(repeating: UInt8(ascii: ","), count: columns.count)
        let width = IncidentCSV.fields(header, 0..<header.count).count
        for (k, line) in lines.enumerated() {
            out.append(contentsOf: bytes[line])
            // A short row keeps its place with empty fields up to the header's width, so the joined columns line up.
            let have = IncidentCSV.fields(bytes, line).count
            if have < width { out += Array(repeating: UInt8(ascii: ","), count: width - have) }
            if k < rowOfLine.count, let r = rowOfLine[k] {
                for v in values[r] { out.append(UInt8(ascii: ",")); out += Array(CSV.field(v).utf8) }
            } else {
                out += empty
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

    /// `YYYY-MM-DD` (a time after it is ignored, as in UCDP's `2020-10-27 00:00:00.000`), or ACLED's older
    /// `27 October 2020`.
    static func day(_ b: [UInt8], _ whole: Range<Int>) -> Day? {
        var r = whole
        if r.count > 10, b[r.lowerBound + 4] == UInt8(ascii: "-"), b[r.lowerBound + 10] == UInt8(ascii: " ") || b[r.lowerBound + 10] == UInt8(ascii: "T") {
            r = r.lowerBound..<(r.lowerBound + 10)
        }
        if r.count != 10 || b[r.lowerBound + 4] != UInt8(ascii: "-") {
            let words = String(decoding: b[r], as: UTF8.self).split(separator: " ")
            let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
            if words.count == 3, let d = Int(words[0]), let y = Int(words[2]),
               let m = months.firstIndex(where: { $0 == words[1].lowercased() || $0.prefix(3) == words[1].lowercased() }) {
                return Day(year: y, month: m + 1, day: d)
            }
            return nil
        }
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
