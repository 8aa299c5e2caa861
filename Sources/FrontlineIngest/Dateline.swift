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
                // "Baku, 16 October 2020" alone on its line; "Baku, September 19" too, its year from a page stamp.
                let isHeader = j >= t.count && (y != nil || k <= 3)
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

/// A date printed as page furniture around an article: a time stamp ("4 October 2020 16:53 (UTC+04:00)"), a byline
/// with its date ("… 5 minutes ago Sun 04th October 2020 | 02:40 PM"), an "Updated" stamp, or a site banner with the
/// day the page was read ("Saturday July 27 2024", above the headline).
struct PageStamp: Hashable, Sendable {
    enum Kind: Int, Comparable, Sendable {
        /// The article's own time stamp or byline date: the report date.
        case stamp = 0
        /// "Updated …": the report may be older.
        case updated = 1
        /// A date alone above the headline: the page's, not the article's.
        case banner = 2
        static func < (a: Kind, b: Kind) -> Bool { a.rawValue < b.rawValue }
    }
    var day: Day
    var kind: Kind
    var text: String

    static let labels: Set<String> = ["date", "published", "posted", "updated", "last", "modified", "on", "at", ":", "|", "-", "—", "–"]

    /// The stamp a furniture paragraph carries, and the paragraph with a leading stamp removed (" date 2023-05-20
    /// Ukraine denies …" leaves the headline); nil for article text.
    static func parse(_ p: String, beforeHeadline: Bool) -> (PageStamp, String)? {
        let t = ReportText.tokens(p)
        var i = 0
        var updated = false
        while let w = t[safe: i]?.lower, labels.contains(w) { if w == "updated" || w == "modified" { updated = true }; i += 1 }
        // "date 2023-05-20 Ukraine denies …": an ISO date opening the paragraph is a stamp; the rest is kept.
        if let first = t[safe: i], first.text.count == 10, let d = Day(first.text) {
            return (PageStamp(day: d, kind: updated ? .updated : .stamp, text: first.text), restAfter(p, token: first.text))
        }
        guard !t.isEmpty, t.count <= 40, let last = p.last, !".!?\"”".contains(last) else { return nil }
        for j in 0..<t.count {
            if t[j].lower == "updated" || t[j].lower == "modified" { updated = true }
            guard let (expr, end) = DateRules.expression(t, at: j), case .absolute(let m, let dd, let y?) = expr,
                  let day = Day(year: y, month: m, day: dd) else { continue }
            // The rest of the line is furniture: weekdays, times, zones, bars, bylines; not a sentence with a verb.
            let words = t.filter(\.isWord).count
            guard words <= 20 else { return nil }
            let dateOnly = t.enumerated().allSatisfy { k, tok in
                (j..<end).contains(k) || DateRules.weekdays[tok.lower] != nil || !tok.isWord || labels.contains(tok.lower)
                    || tok.text.allSatisfy { $0.isNumber || $0 == ":" } || ["am", "pm", "utc", "gmt"].contains(tok.lower)
                    || tok.lower.hasPrefix("utc")
            }
            let hasTime = t.contains { $0.text.contains(":") && $0.text.first?.isNumber == true } || t.contains { ["am", "pm", "ago", "|"].contains($0.lower) }
            guard dateOnly || hasTime || updated else { return nil }
            let kind: Kind = updated ? .updated : (dateOnly && beforeHeadline && DateRules.weekdays[t[0].lower] != nil) ? .banner : .stamp
            return (PageStamp(day: day, kind: kind, text: t[j..<end].map(\.text).joined(separator: " ")), "")
        }
        return nil
    }

    static func restAfter(_ p: String, token: String) -> String {
        guard let r = p.range(of: token) else { return p }
        return String(p[r.upperBound...]).trimmingSpaces
    }
}
