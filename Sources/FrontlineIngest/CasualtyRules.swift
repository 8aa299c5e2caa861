import FrontlineKit
/// Killed or wounded.
enum CasualtyMeasure: String, Hashable, Sendable { case killed, wounded }

/// A casualty figure found in a sentence.
struct CasualtyMention: Hashable, Sendable {
    var measure: CasualtyMeasure?
    /// nil until inherited from a neighbour ("seven civilians and wounding 33").
    var category: CasualtyCategory?
    var count: CasualtyCount
    var qualifier: String?
    /// "40 more of its soldiers": an increment, neither an incident nor a total.
    var isIncrement = false
    /// "a toddler was among the dead": one of the victims already counted.
    var isAmong = false
    /// From a "death toll … N" phrase (always a total).
    var isDeathToll = false
    /// "dozens", "tens": a vague figure that any figure given for the same group replaces.
    var isVague = false
    /// The subject noun as written, for notes.
    var noun: String?
    var start: Int
    var end: Int
    var text: String
}

/// Casualty phrases: "four civilians killed", "killing seven civilians and wounding 33", "1,009 of their troops … have
/// been killed", "the death toll … was nearing 5,000"; "a toddler was among the dead" adds no one.
enum CasualtyRules {
    static let civilianNouns: Set<String> = [
        "civilian", "civilians", "resident", "residents", "villager", "villagers", "woman", "women", "child", "children", "kid",
        "kids", "toddler", "toddlers", "baby", "babies", "infant", "infants", "girl", "girls", "boy", "boys", "teenager",
        "teenagers", "journalist", "journalists", "reporter", "reporters", "student", "students", "pupil", "pupils", "farmer",
        "farmers", "pensioner", "pensioners", "refugee", "refugees", "mourners", "worshippers", "schoolchildren", "doctor",
        "doctors", "medic", "medics", "nurse", "nurses",
    ]
    static let militaryNouns: Set<String> = [
        "soldier", "soldiers", "serviceman", "servicemen", "servicemembers", "troops", "fighter", "fighters", "personnel",
        "officer", "officers", "conscript", "conscripts", "militant", "militants", "combatant", "combatants", "pilot", "pilots",
        "sappers", "mercenaries", "mercenary", "gunmen", "crewmen", "servicewomen",
    ]
    static let unknownNouns: Set<String> = [
        "people", "person", "persons", "passenger", "passengers", "man", "men", "individuals", "others", "victims", "driver",
        "drivers", "crew", "workers", "worker", "members", "member", "adults", "employees", "guards", "relatives", "family",
    ]
    static let civilianAdjectives: Set<String> = ["civilian", "unarmed", "innocent", "elderly", "local"]
    static let militaryAdjectives: Set<String> = ["military", "army"]
    static let skippable: Set<String> = [
        "more", "other", "young", "elderly", "unarmed", "innocent", "ethnic", "local", "civilian", "military", "army", "crew",
        "seriously", "badly", "critically", "severely", "lightly", "further", "additional", "female", "male", "small",
    ]
    static let killedWords: Set<String> = ["killed", "dead", "died", "die", "dies", "deaths", "perished", "slain", "fatalities"]
    static let woundedWords: Set<String> = ["wounded", "injured", "hurt", "injuries", "wounds", "hospitalised", "hospitalized"]
    static let activeKill: Set<String> = ["killing", "killed", "kill", "kills", "claimed", "left"]
    static let activeWound: Set<String> = ["wounding", "wounded", "wounds", "wound", "injuring", "injured", "injures", "injure"]
    static let aux: Set<String> = [
        "was", "were", "is", "are", "been", "being", "have", "has", "had", "reportedly", "also", "all", "later", "now", "be",
        "allegedly", "either", "both", "then", "subsequently", "confirmed",
    ]
    static let clauseStops: Set<String> = [".", ";", ":", "said", "says", "who", "which", "while", "when", "after", "before", "but", "—"]

    /// Casualty figures of a sentence; `militaryContext` makes "crew members" soldiers.
    static func mentions(in t: [Token], militaryContext: Bool) -> [CasualtyMention] {
        var out: [CasualtyMention] = []
        var used = Set<Int>()
        // 1. Death tolls: "the death toll … was nearing 5,000", "raising its military death toll to 873".
        var i = 0
        while i < t.count {
            if t[i].lower == "toll", i > 0, ["death", "casualty"].contains(t[i - 1].lower) {
                let pre = (max(0, i - 3)..<i).map { t[$0].lower }
                let category: CasualtyCategory = pre.contains(where: { ["military", "army", "troop", "soldiers'"].contains($0) }) ? .military
                    : pre.contains("civilian") ? .civilian : .unknown
                var j = i + 1
                while j < min(t.count, i + 10) {
                    if let n = NumberWords.parse(t, at: j), !n.isArticle, !n.isOrdinal, !isUnit(t[safe: n.end]) {
                        out.append(CasualtyMention(measure: .killed, category: category, count: n.count, qualifier: n.qualifier,
                                                   isDeathToll: true, noun: "death toll", start: j, end: n.end, text: phrase(t, j, n.end)))
                        for k in j..<n.end { used.insert(k) }
                        break
                    }
                    j += 1
                }
            }
            i += 1
        }
        // 2. Number + noun + measure, or measure verb + number + noun.
        i = 0
        while i < t.count {
            guard !used.contains(i), let n = NumberWords.parse(t, at: i), !isDateOrYear(t, n) else { i += 1; continue }
            var j = n.end
            var category: CasualtyCategory?
            var noun: String?
            var increment = false
            var modifierCategory: CasualtyCategory?
            if n.isOrdinal {
                out.append(CasualtyMention(measure: nil, category: nil, count: CasualtyCount(exactly: 1), qualifier: nil,
                                           start: i, end: j, text: phrase(t, i, j)))
                // An ordinal inherits the previous group and the verb before it.
                if var last = out.popLast() { last.measure = backwardMeasure(t, from: i); out.append(last) }
                i = j
                continue
            }
            var steps = 0
            while steps < 4, let w = t[safe: j]?.lower {
                if w == "more", t[safe: j + 1]?.lower == "of" { increment = true; j += 1; steps += 1; continue }
                if w == "of", let p = t[safe: j + 1]?.lower, ["their", "its", "the", "our", "his", "her", "them"].contains(p) { j += 2; steps += 1; continue }
                if w == "of", let p = t[safe: j + 1]?.lower, isNoun(p) || skippable.contains(p) { j += 1; steps += 1; continue }
                if skippable.contains(w) || ActorLexicon.forms[w] != nil, !(isNoun(w) && !skippable.contains(t[safe: j + 1]?.lower ?? "") && !isNoun(t[safe: j + 1]?.lower ?? "")) {
                    if civilianAdjectives.contains(w) && w != "local" { modifierCategory = .civilian }
                    if militaryAdjectives.contains(w) { modifierCategory = .military }
                    j += 1; steps += 1; continue
                }
                break
            }
            if let w = t[safe: j]?.lower, isNoun(w) {
                noun = t[j].text
                if w == "crew" || w == "members" || w == "crewmen" {
                    category = militaryContext ? .military : .unknown
                    if w == "crew", t[safe: j + 1]?.lower == "members" { j += 1 }
                } else {
                    category = civilianNouns.contains(w) ? .civilian : militaryNouns.contains(w) ? .military : .unknown
                }
                if category == .unknown, let m = modifierCategory { category = m }
                // "wounded five others": the group of the figure before.
                if w == "others" { category = nil }
                j += 1
            } else {
                // No noun: only an elliptic figure ("and 10 were wounded", "wounding 33,") may follow.
                if n.isArticle { i += 1; continue }
                if let w = t[safe: j], w.isWord, !aux.contains(w.lower), !killedWords.contains(w.lower), !woundedWords.contains(w.lower),
                   !["and", "in", "on", "so", "since", "while", "as", "at"].contains(w.lower) { i += 1; continue }
                if modifierCategory != nil { category = modifierCategory }
            }
            var m = CasualtyMention(measure: nil, category: category, count: n.count, qualifier: n.qualifier, isIncrement: increment,
                                    noun: noun, start: i, end: j, text: phrase(t, i, j))
            m.isVague = n.isVague
            // Forward: "… were killed", "… among the dead".
            var k = j
            var hops = 0
            // An aside between the figure and its verb: "Three civilians, including a child, were killed".
            if t[safe: k]?.text == ",", let w = t[safe: k + 1]?.lower, ["including", "among", "mostly", "most", "all", "many", "both"].contains(w),
               let close = (k + 2..<min(t.count, k + 9)).first(where: { t[$0].text == "," }) {
                k = close + 1
            }
            while hops < 4, let w = t[safe: k]?.lower {
                if w == "among" { m.isAmong = true; break }
                if killedWords.contains(w) { m.measure = .killed; break }
                if woundedWords.contains(w) { m.measure = .wounded; break }
                // "40 others sustained injuries", "suffered wounds".
                if ["sustained", "suffered", "received"].contains(w),
                   (k + 1..<min(t.count, k + 5)).contains(where: { woundedWords.contains(t[$0].lower) || t[$0].lower == "injury" }) {
                    m.measure = .wounded; break
                }
                if aux.contains(w) || w == "reportedly" { k += 1; hops += 1; continue }
                break
            }
            // "Among the wounded are three children": victims already counted.
            let opensWithAmong = t.first?.lower == "among" && i < 8 && (1..<min(t.count, 4)).contains { killedWords.contains(t[$0].lower) || woundedWords.contains(t[$0].lower) || t[$0].lower == "victims" }
            if opensWithAmong { m.isAmong = true; m.measure = (1..<min(t.count, 4)).contains { killedWords.contains(t[$0].lower) } ? .killed : .wounded }
            if m.isAmong || (t[safe: j]?.lower == "among") || ["including", "incl"].contains(t[safe: i - 1]?.lower ?? "") { m.isAmong = true }
            if m.measure == nil && !m.isAmong { m.measure = backwardMeasure(t, from: i) }
            m.end = max(m.end, k + (m.measure != nil && k > j ? 1 : 0))
            m.text = phrase(t, i, m.end)
            out.append(m)
            i = max(j, i + 1)
        }
        // 3. Coordination: "1,009 of their troops and 39 civilians have been killed".
        for idx in out.indices.reversed() where out[idx].measure == nil && !out[idx].isAmong {
            if let next = out[safe: idx + 1], let nm = next.measure,
               (out[idx].end..<next.start).allSatisfy({ ["and", ",", "as", "well"].contains(t[safe: $0]?.lower ?? "") }) {
                out[idx].measure = nm
            }
        }
        // 4. Ellipsis: a bare figure takes the category of the figure before it.
        var last: CasualtyCategory?
        for idx in out.indices {
            if out[idx].category == nil { out[idx].category = last ?? .unknown }
            last = out[idx].category
        }
        return out.filter { $0.measure != nil || $0.isAmong }
    }

    static func isNoun(_ w: String) -> Bool {
        civilianNouns.contains(w) || militaryNouns.contains(w) || unknownNouns.contains(w)
    }

    /// The nearest measure verb before a figure in its clause ("killed two soldiers and three civilians").
    static func backwardMeasure(_ t: [Token], from i: Int) -> CasualtyMeasure? {
        var k = i - 1
        while k >= 0 && k >= i - 12 {
            let w = t[k].lower
            if clauseStops.contains(w) { return nil }
            if activeKill.contains(w) && w != "claimed" && w != "left" { return .killed }
            if activeWound.contains(w) { return .wounded }
            k -= 1
        }
        return nil
    }

    static func isUnit(_ t: Token?) -> Bool {
        guard let w = t?.lower else { return false }
        return ["km", "kilometres", "kilometers", "miles", "metres", "meters", "percent", "%", "years", "days", "hours", "million"].contains(w)
    }

    /// Day numbers of dates and four-digit years are not casualties.
    static func isDateOrYear(_ t: [Token], _ n: ParsedNumber) -> Bool {
        if let prev = t[safe: n.start - 1]?.lower, DateRules.months[prev] != nil { return true }
        if let prev = t[safe: n.start - 2]?.lower, t[safe: n.start - 1]?.text == ".", DateRules.months[prev] != nil { return true }
        if let next = t[safe: n.end]?.lower, DateRules.months[next] != nil { return true }
        if n.qualifier == nil, let w = t[safe: n.start]?.lower, DateRules.year(t[safe: n.start]) != nil, w.count == 4 { return true }
        return false
    }

    static func phrase(_ t: [Token], _ a: Int, _ b: Int) -> String {
        guard a < b, a >= 0, b <= t.count else { return t[safe: a]?.text ?? "" }
        return t[a..<b].map(\.text).joined(separator: " ").replacingOccurrences(of: " 's", with: "'s").replacingOccurrences(of: " ,", with: ",")
    }
}
