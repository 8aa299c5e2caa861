import FrontlineKit
/// The dateline of a wire report ("GANJA, Azerbaijan, Oct 11 (Reuters) -", "BAKU, October 17. /TASS/.") or a
/// date header line ("Baku, 16 October 2020").
struct Dateline: Hashable, Sendable {
    var city: String?
    /// The country or region the dateline names or implies (GANJA, Azerbaijan; BAKU → Azerbaijan).
    var actor: Actor?
    var month: Int
    var day: Int
    var year: Int?
    var agency: String?
    /// `dateline` or `header`.
    var kind: String
    /// The paragraph text after the dateline ("" for a header line).
    var rest: String

    static let dashes: Set<String> = ["-", "—", "–", "--"]

    /// Reads a dateline or header at the start of a paragraph.
    static func parse(_ paragraph: String) -> Dateline? {
        let t = ReportText.tokens(paragraph)
        guard let first = t.first, first.isCapitalized, first.isWord else { return nil }
        // The date follows "PLACE[, PLACE…],".
        var k = 1
        while k < min(t.count, 10) {
            if t[k].text == ",", let (expr, end) = DateRules.expression(t, at: k + 1), case .absolute(let m, let d, let y) = expr {
                let placeTokens = Array(t[0..<k])
                let components = placeTokens.split { $0.text == "," }.map { $0.map(\.text).joined(separator: " ") }
                guard placeTokens.allSatisfy({ $0.isCapitalized || $0.text == "," || $0.text == "-" || $0.text == "." }) else { return nil }
                var j = end
                if t[safe: j]?.text == "." { j += 1 }
                var agency: String?
                var dash = false
                if t[safe: j]?.text == "(", let close = (j + 1..<min(t.count, j + 8)).first(where: { t[$0].text == ")" }) {
                    agency = t[(j + 1)..<close].map(\.text).joined(separator: " ")
                    j = close + 1
                } else if t[safe: j]?.text == "/", let close = (j + 1..<min(t.count, j + 6)).first(where: { t[$0].text == "/" }) {
                    agency = t[(j + 1)..<close].map(\.text).joined(separator: " ")
                    j = close + 1
                    if t[safe: j]?.text == "." { j += 1 }
                }
                if let d0 = t[safe: j], dashes.contains(d0.text) { dash = true; j += 1 }
                let isHeader = j >= t.count && y != nil
                let cityIsCaps = first.text.count > 1 && first.text == first.text.uppercased()
                guard isHeader || ((agency != nil || dash) && cityIsCaps) else { return nil }
                var actor: Actor?
                for c in components.dropFirst() { if let a = ActorLexicon.forms[c.lowercased()] { actor = a } }
                if actor == nil, let c = components.first { actor = ActorLexicon.forms[c.lowercased()] }
                let city = components.first.map { c in c == c.uppercased() ? c.prefix(1) + c.dropFirst().lowercased() : Substring(c) }.map(String.init)
                return Dateline(city: city, actor: actor, month: m, day: d, year: y, agency: agency,
                                kind: isHeader ? "header" : "dateline", rest: isHeader ? "" : remainder(paragraph, agency: agency, dash: dash))
            }
            k += 1
        }
        return nil
    }

    /// The paragraph after the dateline: after the dash, or after "/AGENCY/.".
    static func remainder(_ p: String, agency: String?, dash: Bool) -> String {
        let chars = Array(p)
        let limit = min(chars.count, 120)
        var cut: Int?
        if dash {
            for i in 0..<limit where "-—–".contains(chars[i]) && (i == 0 || chars[i - 1] == " " || chars[i - 1] == ")") {
                var j = i
                while j < chars.count, "-—–".contains(chars[j]) { j += 1 }
                cut = j
                break
            }
        } else if agency != nil {
            var slashes = 0
            for i in 0..<limit where chars[i] == "/" {
                slashes += 1
                if slashes == 2 { var j = i + 1; if chars[safe: j] == "." { j += 1 }; cut = j; break }
            }
        }
        guard let c = cut, c <= chars.count else { return p }
        return String(chars[c...]).trimmingSpaces
    }
}
