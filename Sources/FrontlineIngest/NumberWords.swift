import FrontlineKit
/// A number read from text, with the bounds its wording implies.
struct ParsedNumber: Hashable, Sendable {
    var count: CasualtyCount
    /// The qualifier as written ("at least", "nearly"), nil when exact.
    var qualifier: String?
    /// An ordinal "a third": one more person of the previous group.
    var isOrdinal: Bool
    /// "a"/"an": only a number when a person noun follows.
    var isArticle: Bool
    /// A vague quantity ("dozens", "tens", "hundreds"): coded by the ACLED convention, and replaced by any figure the
    /// text gives for the same group.
    var isVague = false
    /// Token range covered.
    var start: Int
    var end: Int
}

/// Numbers in digits or words ("1,009", "four", "twenty-one", "a dozen", "dozens"), with qualifiers.
enum NumberWords {
    static let units: [String: Int] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19,
    ]
    static let tens: [String: Int] = [
        "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let ordinals: Set<String> = ["second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"]

    /// Qualifiers and the bounds they imply: (low bound kept, high bound kept).
    static let qualifiers: [(words: [String], keepLow: Bool, keepHigh: Bool)] = [
        (["at", "least"], true, false), (["more", "than"], true, false), (["over"], true, false), (["upwards", "of"], true, false),
        (["nearly"], false, true), (["almost"], false, true), (["close", "to"], false, true), (["nearing"], false, true),
        (["up", "to"], false, true), (["as", "many", "as"], false, true), (["at", "most"], false, true),
        (["fewer", "than"], false, true), (["less", "than"], false, true), (["about"], false, false), (["around"], false, false),
        (["some"], false, false), (["approximately"], false, false), (["roughly"], false, false), (["an", "estimated"], false, false),
    ]

    /// Parses a number starting at token `i` (qualifier included).
    static func parse(_ t: [Token], at i: Int) -> ParsedNumber? {
        // "between 10 and 15": a range, low 10, best 10 (the conservative figure), high 15.
        if t[safe: i]?.lower == "between", let (a, _, aEnd, aOrd, aArt) = bare(t, at: i + 1), !aOrd, !aArt,
           t[safe: aEnd]?.lower == "and", let (b, _, bEnd, bOrd, bArt) = bare(t, at: aEnd + 1), !bOrd, !bArt, b > a {
            return ParsedNumber(count: CasualtyCount(low: a, best: a, high: b), qualifier: "between", isOrdinal: false,
                                isArticle: false, start: i, end: bEnd)
        }
        var j = i
        var qualifier: (words: [String], keepLow: Bool, keepHigh: Bool)?
        for q in qualifiers where q.words.enumerated().allSatisfy({ t[safe: i + $0.offset]?.lower == $0.element }) {
            qualifier = q
            j = i + q.words.count
            break
        }
        guard let (value, range, end, isOrdinal, isArticle) = bare(t, at: j) else { return nil }
        if qualifier != nil && (isArticle || isOrdinal) { return nil }
        let vague = ["dozens", "tens", "scores", "hundreds", "thousands", "several"].contains(t[safe: j]?.lower ?? "")
        // "10 to 15", "10-15", "10 or 15": a range (not after a qualifier, and only between plain figures).
        if qualifier == nil, !vague, !isOrdinal, !isArticle, let sep = t[safe: end]?.lower, ["to", "-", "–", "or"].contains(sep),
           let (b, _, bEnd, bOrd, bArt) = bare(t, at: end + 1), !bOrd, !bArt, b > value, !["dozens", "tens", "hundreds"].contains(t[safe: end + 1]?.lower ?? "") {
            return ParsedNumber(count: CasualtyCount(low: value, best: value, high: b), qualifier: nil, isOrdinal: false,
                                isArticle: false, start: i, end: bEnd)
        }
        var count = CasualtyCount(low: range.map { $0.low } ?? value, best: value, high: range.map { $0.high } ?? value)
        if let q = qualifier {
            count.low = q.keepLow ? value : nil
            count.high = q.keepHigh ? value : nil
        }
        return ParsedNumber(count: count, qualifier: qualifier?.words.joined(separator: " "), isOrdinal: isOrdinal,
                            isArticle: isArticle, isVague: vague, start: i, end: end)
    }

    /// A number without qualifier: value, an implied range, the end index, ordinal and article flags.
    static func bare(_ t: [Token], at i: Int) -> (Int, (low: Int?, high: Int?)?, Int, Bool, Bool)? {
        guard let w = t[safe: i]?.lower else { return nil }
        let next = t[safe: i + 1]?.lower
        if w == "a" || w == "an" {
            if next == "dozen" { return (12, nil, i + 2, false, false) }
            if let n = next, ordinals.contains(n) { return (1, nil, i + 2, true, false) }
            return (1, nil, i + 1, false, true)
        }
        switch w {
        case "dozen": return (12, nil, i + 1, false, false)
        // ACLED's conventions for vague figures: "dozens" 12, "tens" 10, "hundreds" 100; the low bound is the same
        // figure and the high bound unknown. A figure the text gives elsewhere replaces them (see `addCasualties`).
        case "dozens": return (12, (12, nil), i + 1, false, false)
        case "tens" where next == "of" && t[safe: i + 2]?.lower == "thousands": return (10_000, (10_000, nil), i + 3, false, false)
        case "tens": return (10, (10, nil), i + 1, false, false)
        case "scores": return (40, (40, nil), i + 1, false, false)
        case "hundreds": return (100, (100, nil), i + 1, false, false)
        case "thousands": return (1000, (1000, nil), i + 1, false, false)
        case "several": return (3, (3, 9), i + 1, false, false)
        default: break
        }
        if w.first?.isNumber == true {
            guard !w.contains("."), let n = Int(w.replacingOccurrences(of: ",", with: "")), n < 10_000_000 else { return nil }
            if let m = next, ["million", "billion"].contains(m) { return nil }
            return (n, nil, i + 1, false, false)
        }
        guard let (v, end) = words(t, at: i) else { return nil }
        return (v, nil, end, false, false)
    }

    /// Spelled-out numbers up to the thousands: "four", "twenty-one", "two hundred", "one thousand nine".
    static func words(_ t: [Token], at i: Int) -> (Int, Int)? {
        var total = 0, current = 0, j = i
        var any = false
        while let w = t[safe: j]?.lower {
            if let u = units[w] { current += u; any = true }
            else if let v = tens[w] { current += v; any = true }
            else if w.contains("-"), let v = hyphenated(w) { current += v; any = true }
            else if w == "hundred", any { current = max(current, 1) * 100 }
            else if w == "thousand", any { total += max(current, 1) * 1000; current = 0 }
            else if w == "and", any, let n = t[safe: j + 1]?.lower, units[n] != nil || tens[n] != nil, current >= 100 || total > 0 {}
            else { break }
            j += 1
        }
        return any ? (total + current, j) : nil
    }

    static func hyphenated(_ w: String) -> Int? {
        let parts = w.split(separator: "-").map(String.init)
        guard parts.count == 2, let a = tens[parts[0]], let b = units[parts[1]], b < 10 else { return nil }
        return a + b
    }
}
