import FrontlineKit
/// What a date in a sentence dates.
enum DateRole: Hashable, Sendable {
    /// The incident itself.
    case event
    /// When someone said something ("said on Friday").
    case statement
    /// The start of the war or of a running total ("since the fighting began on Sept. 27").
    case periodStart
    /// Something else: a ceasefire, talks, a meeting.
    case background
}

/// A date expression as written.
enum DateExpression: Hashable, Sendable {
    case absolute(month: Int, day: Int, year: Int?)
    case weekday(Int)
    /// Days from the report date (yesterday = -1, overnight = 0).
    case offset(Int)
    case lastWeek, thisWeek, lastMonth, thisMonth
    /// Days from the date of the incident the text is already talking about ("came a day after" = -1).
    case fromContext(Int)
}

/// A date found in a sentence.
struct DateMention: Hashable, Sendable {
    var expression: DateExpression
    var role: DateRole
    var text: String
    var start: Int
    var end: Int

    /// The day and precision it means, given the report date (nil when it cannot be resolved).
    func resolve(reportDate: Day?, context: Day? = nil) -> (Day, DatePrecision)? {
        DateRules.resolve(expression, reportDate: reportDate, context: context)
    }
}

/// Absolute ("Oct. 27", "October 27, 2020", "15 October") and relative ("on Tuesday", "yesterday", "last week") dates.
enum DateRules {
    static let months: [String: Int] = [
        "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5, "june": 6,
        "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10,
        "november": 11, "nov": 11, "december": 12, "dec": 12,
    ]
    static let weekdays: [String: Int] = [
        "sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
        "mon": 1, "tues": 2, "weds": 3, "thu": 4, "thur": 4, "thurs": 4, "fri": 5,
    ]
    static let saidVerbs: Set<String> = [
        "said", "says", "say", "announced", "reported", "told", "stated", "wrote", "tweeted", "claimed", "added", "confirmed",
    ]
    static let startWords: Set<String> = ["began", "begun", "begin", "erupted", "started", "start", "broke", "outbreak", "since", "flared", "ignited"]
    static let backgroundWords: Set<String> = [
        "ceasefire", "cease-fire", "truce", "agreed", "agreement", "talks", "meeting", "negotiations", "effect", "hold", "until",
        "ended", "signed", "deal", "summit", "elections", "election", "visit",
    ]
    static let numberWords: [String: Int] = ["a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7]

    /// The dates of a sentence, in order.
    static func mentions(in t: [Token]) -> [DateMention] {
        var out: [DateMention] = []
        var i = 0
        while i < t.count {
            if let (expr, end) = expression(t, at: i) {
                let role = self.role(t, start: i, end: end, expression: expr)
                out.append(DateMention(expression: expr, role: role, text: t[i..<min(end, t.count)].map(\.text).joined(separator: " ")
                    .replacingOccurrences(of: " .", with: ".").replacingOccurrences(of: " ,", with: ","), start: i, end: end))
                i = max(end, i + 1)
            } else {
                i += 1
            }
        }
        return out
    }

    static func dayNumber(_ token: Token?) -> Int? {
        guard var w = token?.lower else { return nil }
        for suffix in ["st", "nd", "rd", "th"] where w.hasSuffix(suffix) && w.count > 2 { w.removeLast(2) }
        guard w.allSatisfy(\.isNumber), w.count <= 2, let d = Int(w), (1...31).contains(d) else { return nil }
        return d
    }

    static func year(_ token: Token?) -> Int? {
        guard let w = token?.lower, w.count == 4, w.allSatisfy(\.isNumber), let y = Int(w), (1900...2100).contains(y) else { return nil }
        return y
    }

    static func expression(_ t: [Token], at i: Int) -> (DateExpression, Int)? {
        guard let w = t[safe: i]?.lower else { return nil }
        // Month Day[, Year]
        if let m = months[w] {
            var j = i + 1
            if t[safe: j]?.text == "." { j += 1 }
            if let d = dayNumber(t[safe: j]) {
                j += 1
                var y: Int?
                if t[safe: j]?.text == ",", let yy = year(t[safe: j + 1]) { y = yy; j += 2 }
                else if let yy = year(t[safe: j]) { y = yy; j += 1 }
                return (.absolute(month: m, day: d, year: y), j)
            }
        }
        // Day Month [Year]
        if let d = dayNumber(t[safe: i]) {
            var j = i + 1
            if t[safe: j]?.lower == "of" { j += 1 }
            if let m = t[safe: j].flatMap({ months[$0.lower] }) {
                j += 1
                var y: Int?
                if let yy = year(t[safe: j]) { y = yy; j += 1 }
                return (.absolute(month: m, day: d, year: y), j)
            }
        }
        if let wd = weekdays[w] {
            var j = i + 1
            if let n = t[safe: j]?.lower, ["morning", "night", "evening", "afternoon"].contains(n) { j += 1 }
            return (.weekday(wd), j)
        }
        switch w {
        case "yesterday": return (.offset(-1), i + 1)
        case "today", "overnight", "tonight": return (.offset(0), i + 1)
        default: break
        }
        let next = t[safe: i + 1]?.lower
        if w == "last" || w == "this" {
            switch next {
            case "night": return (.offset(w == "last" ? -1 : 0), i + 2)
            case "morning", "evening", "afternoon": return (.offset(0), i + 2)
            case "week", "weekend": return (w == "last" ? .lastWeek : .thisWeek, i + 2)
            case "month": return (w == "last" ? .lastMonth : .thisMonth, i + 2)
            default: break
            }
        }
        if w == "earlier", next == "this", let n = t[safe: i + 2]?.lower {
            if n == "week" { return (.thisWeek, i + 3) }
            if n == "month" { return (.thisMonth, i + 3) }
        }
        // N days/weeks ago
        if let n = numberWords[w] ?? Int(w), let unit = next, ["day", "days", "week", "weeks"].contains(unit),
           let after = t[safe: i + 2]?.lower {
            let days = unit.hasPrefix("week") ? n * 7 : n
            if after == "ago" { return (.offset(-days), i + 3) }
            if after == "after" || after == "before" {
                // "The attack came a day after a missile strike …": the strike now introduced is `n` days earlier.
                let lead = (max(0, i - 3)..<i).compactMap { t[safe: $0]?.lower }
                if lead.contains(where: { ["came", "happened", "occurred", "followed", "comes"].contains($0) }) {
                    return (.fromContext(after == "after" ? -days : days), i + 3)
                }
            }
        }
        if w == "the", let n = next, ["next", "following"].contains(n), t[safe: i + 2]?.lower == "day" {
            return (.fromContext(1), i + 3)
        }
        return nil
    }

    static func role(_ t: [Token], start: Int, end: Int, expression: DateExpression) -> DateRole {
        let before = (max(0, start - 8)..<start).compactMap { t[safe: $0] }.filter(\.isWord).map(\.lower)
        let near = before.suffix(4)
        if before.last == "since" || near.contains(where: { startWords.contains($0) }) { return .periodStart }
        var k = start - 1
        if t[safe: k]?.lower == "on" { k -= 1 }
        if let w = t[safe: k]?.lower, saidVerbs.contains(w) { return .statement }
        if let w = t[safe: end]?.lower, saidVerbs.contains(w) { return .statement }
        if case .fromContext = expression { return .event }
        if before.contains(where: { backgroundWords.contains($0) }) { return .background }
        if before.suffix(6).contains("since") { return .periodStart }
        return .event
    }

    /// The day a date expression means.
    static func resolve(_ e: DateExpression, reportDate r: Day?, context: Day?) -> (Day, DatePrecision)? {
        switch e {
        case .absolute(let m, let d, let y):
            if let y { return Day(year: y, month: m, day: d).map { ($0, .day) } }
            guard let r else { return nil }
            let ry = r.components.year
            guard let same = Day(year: ry, month: m, day: d) else { return Day(year: ry - 1, month: m, day: d).map { ($0, .day) } }
            // A date well after the report is last year's ("Dec. 30" in a January report).
            if same.ordinal > r.ordinal + 31 { return Day(year: ry - 1, month: m, day: d).map { ($0, .day) } }
            return (same, .day)
        case .weekday(let wd):
            guard let r else { return nil }
            return (r.adding(days: -(((r.weekday - wd) % 7) + 7) % 7), .day)
        case .offset(let n):
            return r.map { ($0.adding(days: n), .day) }
        case .lastWeek:
            guard let r else { return nil }
            let monday = r.adding(days: -((r.weekday + 6) % 7))
            return (monday.adding(days: -7), .week)
        case .thisWeek:
            guard let r else { return nil }
            return (r.adding(days: -((r.weekday + 6) % 7)), .week)
        case .lastMonth:
            guard let r else { return nil }
            let c = r.components
            return (c.month == 1 ? Day(year: c.year - 1, month: 12, day: 1) : Day(year: c.year, month: c.month - 1, day: 1)).map { ($0, .month) }
        case .thisMonth:
            guard let r else { return nil }
            let c = r.components
            return Day(year: c.year, month: c.month, day: 1).map { ($0, .month) }
        case .fromContext(let n):
            return context.map { ($0.adding(days: n), .day) }
        }
    }
}
