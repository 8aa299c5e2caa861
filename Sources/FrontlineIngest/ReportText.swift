import FrontlineKit
/// A word, number or punctuation mark of a sentence.
struct Token: Hashable, Sendable {
    /// As written (curly apostrophes made straight).
    var text: String
    /// Lower case.
    var lower: String
    /// Letters or digits (not punctuation).
    var isWord: Bool
    /// Starts with an upper-case letter.
    var isCapitalized: Bool

    init(_ text: String) {
        self.text = text
        lower = text.lowercased()
        isWord = text.unicodeScalars.contains { $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        isCapitalized = text.first.map { $0.isUppercase } ?? false
    }
}

/// A sentence of a report, with its position and tokens.
struct Sentence: Sendable {
    var index: Int
    var paragraph: Int
    var text: String
    var tokens: [Token]
    var isHeadline: Bool

    /// Lower-case words, for phrase tests.
    var lowerText: String { " " + tokens.map(\.lower).joined(separator: " ") + " " }

    /// True when the lower-case token sequence contains `phrase` (space-separated words) as whole tokens.
    func has(_ phrase: String) -> Bool { lowerText.contains(" " + phrase + " ") }
}

extension Array {
    /// The element at `i`, or nil when out of range (the parser never traps on odd input).
    subscript(safe i: Int) -> Element? { i >= 0 && i < count ? self[i] : nil }
}

/// Splitting text into paragraphs, sentences and tokens; aware of abbreviations such as "Oct.", "U.S." and "Mr.".
enum ReportText {
    /// Words that end with a period without ending the sentence.
    static let abbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "gen",
        "lt", "col", "maj", "sgt", "capt", "cpl", "pvt", "adm", "st", "no", "gov", "sen", "rep", "prof", "jr", "sr", "vs",
        "etc", "u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "i.e", "e.g", "inc", "co", "corp", "ltd", "mt", "ft", "approx", "est",
    ]

    /// Paragraphs: blocks separated by blank lines, lines joined by spaces, whitespace collapsed.
    static func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var current: [String] = []
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        for line in normalized.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = collapse(String(line))
            if t.isEmpty {
                if !current.isEmpty { out.append(current.joined(separator: " ")); current = [] }
            } else {
                // Page furniture set on lines of its own (a title-case headline, a byline ending in a time stamp) is a
                // paragraph even without a blank line after it; hard-wrapped prose is joined.
                // The text's first line, short and without a closing period, is its headline.
                let firstLine = out.isEmpty && current.count == 1 && current[0].split(separator: " ").count <= 20
                    && current[0].last.map { !".,;:".contains($0) } == true
                if let prev = current.last, isStandaloneLine(prev) || firstLine, t.first?.isLowercase != true {
                    out.append(current.joined(separator: " "))
                    current = []
                }
                current.append(t)
            }
        }
        if !current.isEmpty { out.append(current.joined(separator: " ")) }
        return out
    }

    /// A line that stands on its own: no closing punctuation, and either title case (most longer words capitalised) or
    /// ending in a time stamp ("02:40 PM", "16:53 (UTC+04:00)").
    static func isStandaloneLine(_ line: String) -> Bool {
        guard let last = line.last, !".,;:!?\"”'’-—–(".contains(last) else { return false }
        let words = line.split(separator: " ")
        guard words.count <= 25 else { return false }
        let long = words.filter { $0.count >= 4 && $0.first?.isLetter == true }
        let capitalised = long.filter { $0.first?.isUppercase == true }.count
        if !long.isEmpty, Double(capitalised) / Double(long.count) >= 0.75 { return true }
        let tail = words.suffix(2).map { $0.uppercased() }
        if tail.contains("AM") || tail.contains("PM") || tail.last?.hasPrefix("(UTC") == true { return true }
        if let w = words.last, w.contains(":"), w.allSatisfy({ $0.isNumber || $0 == ":" }) { return true }
        return false
    }

    /// Whitespace runs (including non-breaking spaces) collapsed to one space, trimmed.
    static func collapse(_ s: String) -> String {
        var out = ""
        var space = false
        for ch in s {
            if ch.isWhitespace || ch == "\u{00A0}" {
                space = true
            } else {
                if space && !out.isEmpty { out.append(" ") }
                space = false
                out.append(ch)
            }
        }
        return out
    }

    /// The sentences of a paragraph.
    static func sentences(_ paragraph: String) -> [String] {
        let chars = Array(paragraph)
        var out: [String] = []
        var start = 0
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c == "." || c == "!" || c == "?" {
                var end = i + 1
                while end < chars.count, "\"'”’)]".contains(chars[end]) { end += 1 }
                // A boundary needs a space and then something that can start a sentence.
                if end < chars.count, chars[end] == " ", let next = chars[safe: end + 1],
                   next.isUppercase || next.isNumber || "\"“'‘(".contains(next),
                   !(c == "." && endsWithAbbreviation(chars, before: i)) {
                    out.append(String(chars[start..<end]).trimmingSpaces)
                    start = end + 1
                    i = end + 1
                    continue
                }
                i = end
                continue
            }
            i += 1
        }
        if start < chars.count {
            let rest = String(chars[start...]).trimmingSpaces
            if !rest.isEmpty { out.append(rest) }
        }
        return out.filter { !$0.isEmpty }
    }

    /// True when the word before the period at `i` is an abbreviation or a single letter (an initial).
    static func endsWithAbbreviation(_ chars: [Character], before i: Int) -> Bool {
        var j = i - 1
        var word: [Character] = []
        while j >= 0, chars[j].isLetter || chars[j] == "." { word.insert(chars[j], at: 0); j -= 1 }
        let w = String(word).lowercased()
        if w.isEmpty { return false }
        if w.count == 1 { return true }
        return abbreviations.contains(w)
    }

    /// Tokens: words (with inner hyphens and apostrophes, "U.S."), numbers ("1,009"), possessive "'s", punctuation.
    static func tokens(_ sentence: String) -> [Token] {
        let chars = Array(sentence.map { $0 == "’" || $0 == "‘" ? Character("'") : $0 })
        var out: [Token] = []
        var i = 0
        func isWordChar(_ c: Character) -> Bool { c.isLetter || c.isNumber || c.unicodeScalars.allSatisfy { $0.properties.generalCategory == .nonspacingMark } }
        while i < chars.count {
            let c = chars[i]
            if c.isWhitespace { i += 1; continue }
            // Dotted abbreviations: U.S., a.m.
            if c.isLetter, chars[safe: i + 1] == ".", let n = chars[safe: i + 2], n.isLetter, chars[safe: i + 3] == "." {
                var j = i
                var s = ""
                while let a = chars[safe: j], a.isLetter, chars[safe: j + 1] == "." { s.append(a); s.append("."); j += 2 }
                out.append(Token(s))
                i = j
                continue
            }
            if isWordChar(c) {
                var j = i
                var s = ""
                while j < chars.count {
                    let a = chars[j]
                    if isWordChar(a) { s.append(a); j += 1; continue }
                    let prev = chars[safe: j - 1], next = chars[safe: j + 1]
                    if a == "-", let p = prev, let n = next, isWordChar(p), isWordChar(n) { s.append(a); j += 1; continue }
                    if a == ",", let p = prev, p.isNumber, let n = next, n.isNumber,
                       chars[safe: j + 2]?.isNumber == true, chars[safe: j + 3]?.isNumber == true,
                       !(chars[safe: j + 4]?.isNumber ?? false) { s.append(a); j += 1; continue }
                    if a == ".", let p = prev, p.isNumber, let n = next, n.isNumber { s.append(a); j += 1; continue }
                    if a == "'", let p = prev, p.isLetter, let n = next, n.isLetter {
                        // Possessive 's stays a token of its own; haven't, O'Brien stay whole.
                        if (n == "s" || n == "S"), !(chars[safe: j + 2].map(isWordChar) ?? false) { break }
                        s.append(a); j += 1; continue
                    }
                    break
                }
                out.append(Token(s))
                i = j
                if chars[safe: i] == "'", let n = chars[safe: i + 1], n == "s" || n == "S", !(chars[safe: i + 2].map(isWordChar) ?? false) {
                    out.append(Token("'s"))
                    i += 2
                } else if chars[safe: i] == "'", let p = chars[safe: i - 1], p == "s" || p == "S", !(chars[safe: i + 1].map(isWordChar) ?? false) {
                    // Plural possessive: "soldiers'".
                    out.append(Token("'s"))
                    i += 1
                }
                continue
            }
            out.append(Token(String(c)))
            i += 1
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
