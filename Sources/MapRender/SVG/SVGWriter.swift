import Foundation

/// Serialises an SVG tree: the one place that escapes text and formats numbers.
public struct SVGWriter: Sendable {
    /// Decimal places of every number written (coordinates, sizes); 1 = a tenth of a pixel.
    public var precision: Int

    /// Creates a writer; `precision` is clamped to 0…6 decimals.
    public init(precision: Int = 1) { self.precision = max(0, min(precision, 6)) }

    /// The document as UTF-8 text with an XML declaration.
    public func string(_ root: SVGElement) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        write(root, into: &out, depth: 0)
        out += "\n"
        return out
    }

    func write(_ e: SVGElement, into out: inout String, depth: Int) {
        out += "<" + e.name
        for a in e.attributes {
            out += " " + a.key + "=\""
            switch a.value {
            case .text(let s): out += SVGWriter.escape(s, attribute: true)
            case .number(let v): out += number(v)
            case .path(let p): out += pathString(p)
            }
            out += "\""
        }
        if e.children.isEmpty { out += "/>"; return }
        out += ">"
        // Groups get one child per line so files diff and read well; text content stays inline.
        let block = e.children.contains { if case .element = $0 { return true } else { return false } }
            && !["text", "tspan", "title", "desc"].contains(e.name)
        for c in e.children {
            switch c {
            case .element(let child):
                if block { out += "\n" }
                write(child, into: &out, depth: depth + 1)
            case .text(let s):
                out += SVGWriter.escape(s, attribute: false)
            case .css(let s):
                // CSS comes from the style, never from data; `]]>` cannot occur in it, but guard anyway.
                out += "\n" + s.replacingOccurrences(of: "<", with: "\\3C ") + "\n"
            }
        }
        if block { out += "\n" }
        out += "</" + e.name + ">"
    }

    /// XML-escapes text: `& < >` always, quotes in attributes; drops characters XML 1.0 forbids.
    public static func escape(_ s: String, attribute: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n", "\r", "\t":
                if attribute { out += "&#\(u.value);" } else { out.unicodeScalars.append(u) }
            default:
                let v = u.value
                // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// A number with at most `precision` decimals, no trailing zeros, no leading zero (".5").
    public func number(_ v: Double) -> String {
        format(units: quantize(v))
    }

    @inline(__always)
    func quantize(_ v: Double) -> Int {
        let scaled = (v * scaleFactor).rounded()
        guard scaled.isFinite, abs(scaled) < 1e15 else { return 0 }
        return Int(scaled)
    }

    var scaleFactor: Double { (0..<precision).reduce(1.0) { acc, _ in acc * 10 } }

    /// Formats an integer count of 10^-precision units.
    func format(units: Int) -> String {
        if precision == 0 { return String(units) }
        let neg = units < 0
        var digits = String(abs(units))
        if digits.count <= precision { digits = String(repeating: "0", count: precision - digits.count + 1) + digits }
        var whole = String(digits.dropLast(precision))
        var frac = String(digits.suffix(precision))
        while frac.last == "0" { frac.removeLast() }
        if whole == "0" && !frac.isEmpty { whole = "" }
        let body = frac.isEmpty ? whole : whole + "." + frac
        return (neg && body != "0" ? "-" : "") + body
    }

    /// Path data with absolute moves and relative segments computed from quantized points, so rounding
    /// never drifts along a ring; separators are left out wherever the SVG grammar allows.
    func pathString(_ p: PathData) -> String {
        var out = ""
        for sp in p.subpaths {
            guard let first = sp.points.first else { continue }
            var px = quantize(first.x), py = quantize(first.y)
            out += "M" + format(units: px) + sep(px, py) + format(units: py)
            var lastWasL = false
            for q in sp.points.dropFirst() {
                let qx = quantize(q.x), qy = quantize(q.y)
                let dx = qx - px, dy = qy - py
                if dx == 0 && dy == 0 { continue }
                var cmd: String
                if dy == 0 { cmd = "h" + format(units: dx); lastWasL = false }
                else if dx == 0 { cmd = "v" + format(units: dy); lastWasL = false }
                else {
                    let pair = format(units: dx) + sep(dx, dy) + format(units: dy)
                    cmd = lastWasL ? (dx < 0 ? "" : " ") + pair : "l" + pair
                    lastWasL = true
                }
                out += cmd
                px = qx; py = qy
            }
            if sp.closed { out += "z" }
        }
        return out
    }

    /// The separator needed before the second number of a pair: none when it starts with '-'.
    private func sep(_ a: Int, _ b: Int) -> String { b < 0 ? "" : " " }
}
