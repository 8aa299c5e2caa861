/// Plain-text tables for people: columns padded, numbers right-aligned.
struct Table {
    var headers: [String]
    var rows: [[String]] = []
    var rightAligned: Set<Int> = []

    init(_ headers: [String], rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    var rendered: String {
        var widths = headers.map(\.count)
        for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
                return rightAligned.contains(i) ? pad + c : c + pad
            }.joined(separator: "  ").replacingTrailingSpaces()
        }
        var out = [line(headers), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
        out += rows.map(line)
        return out.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}

/// Numbers for tables: fixed decimals with thousands separators.
func fmt(_ v: Double, _ places: Int = 1) -> String {
    let neg = v < 0
    let r = abs(v).rounded(toPlacesFixed: places)
    var intPart = String(Int(r.whole))
    var grouped = ""
    while intPart.count > 3 {
        grouped = "," + String(intPart.suffix(3)) + grouped
        intPart.removeLast(3)
    }
    grouped = intPart + grouped
    let frac = places > 0 ? "." + r.fraction : ""
    return (neg && (r.whole > 0 || r.fraction.contains { $0 != "0" }) ? "-" : "") + grouped + frac
}

extension Double {
    func rounded(toPlacesFixed places: Int) -> (whole: Int64, fraction: String) {
        let scale = (0..<places).reduce(Int64(1)) { acc, _ in acc * 10 }
        let total = Int64((self * Double(scale)).rounded())
        let whole = total / scale
        let frac = total % scale
        var f = String(frac)
        while f.count < places { f = "0" + f }
        return (whole, places > 0 ? f : "")
    }
}
