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
        var j = i
        var qualifier: (words: [String], keepLow: Bool, keepHigh: Bool)?
        for q in qualifiers where q.words.enumerated().allSatisfy({ t[safe: i + $0.offset]?.lower == $0.element }) {
            qualifier = q
            j = i + q.words.count
            break
        }
        guard let (value, range, end, isOrdinal, isArticle) = bare(t, at: j) else { return nil }
        if qualifier != nil && (isArticle || isOrdinal) { return nil }
        var count = CasualtyCount(low: range?.low ?? value, best: value, high: range?.high ?? value)
        if let q = qualifier {
            count.low = q.keepLow ? value : nil
            count.high = q.keepHigh ? value : nil
        }
        return ParsedNumber(count: count, qualifier: qualifier?.words.joined(separator: " "), isOrdinal: isOrdinal,
                            isArticle: isArticle, start: i, end: end)
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
        case "dozens": return (24, (24, 99), i + 1, false, false)
        case "scores": return (40, (40, 99), i + 1, false, false)
        case "hundreds": return (200, (200, 999), i + 1, false, false)
        case "thousands": return (2000, (2000, 9999), i + 1, false, false)
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
