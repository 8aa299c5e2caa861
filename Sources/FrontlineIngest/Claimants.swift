import FrontlineKit
/// Who made a claim: a country or party with a body or person ("Azerbaijan: Prosecutor General's Office"), or an
/// organisation on its own ("Human Rights Watch").
struct Claimant: Hashable, Sendable {
    var actor: Actor?
    var body: String?
    /// An organisation named as itself, with no country.
    var organisation: String?
    /// 1 country only, 2 a body, 3 a named person.
    var specificity: Int
    /// The phrase as written.
    var text: String

    /// `Who: body or person`, a bare `Who`, or the organisation.
    var label: String {
        if let organisation { return organisation }
        switch (actor?.name, body) {
        case let (a?, b?): return "\(a): \(b)"
        case let (a?, nil): return a
        case let (nil, b?): return b
        default: return text
        }
    }
}

/// Turns an attribution phrase into a claimant, naming ministries the same way whatever the wording.
enum Claimants {
    static let canonical: [(keys: [String], name: String)] = [
        (["defence ministry", "defense ministry", "ministry of defence", "ministry of defense", "defence minister", "defense minister", "mod"], "Ministry of Defence"),
        (["foreign ministry", "ministry of foreign affairs", "foreign affairs ministry", "foreign minister"], "Ministry of Foreign Affairs"),
        (["prosecutor general", "prosecutor-general", "general prosecutor", "prosecutor general's office", "general prosecutor's office",
          "prosecutor general's", "general prosecutor's", "prosecutor's office"], "Prosecutor General's Office"),
        (["emergencies ministry", "ministry of emergency situations", "emergency situations ministry"], "Ministry of Emergency Situations"),
        (["emergency service", "emergency services", "emergencies service", "rescue service"], "Emergency Service"),
        (["human rights ombudsman", "ombudsman", "human rights defender", "rights ombudsman"], "Human Rights Ombudsman"),
        (["defence army", "defense army"], "Defence Army"),
        (["interior ministry", "ministry of internal affairs", "ministry of interior"], "Ministry of Internal Affairs"),
        (["health ministry", "ministry of health"], "Ministry of Health"),
        (["presidential administration", "president's office", "presidential office"], "Presidential Administration"),
    ]
    static let dropWords: Set<String> = [
        "the", "a", "an", "hours", "hour", "later", "earlier", "separately", "also", "meanwhile", "then", "once", "again", "on",
        "twitter", "in", "statement", "previously", "however", "spokesman", "spokeswoman", "spokesperson", "for", "of", "day", "morning",
        "evening", "night", "week", "separatist", "senior", "local",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "it", "we", "i"]
    /// Head nouns that refer back to an earlier claimant ("the office said").
    static let anaphoric: Set<String> = ["office", "ministry", "group", "department", "agency", "service", "army", "officials", "authorities", "ombudsman", "organisation", "organization"]

    /// The claimant of a noun phrase. `region` is the region the text is about ("the region's"); `fallback` supplies a
    /// country for a bare title ("the regional governor"); `previous` are claimants named earlier, for "the office said".
    static func claimant(_ np: [Token], region: Actor?, fallback: Actor?, previous: [Claimant]) -> Claimant? {
        let text = CasualtyRules.phrase(np, 0, np.count)
        var words = np.filter { ($0.isWord || $0.text == "'s") && DateRules.weekdays[$0.lower] == nil && DateRules.months[$0.lower] == nil }
        guard !words.isEmpty else { return nil }
        // "a separatist Armenian human rights official in the breakaway region of Nagorno-Karabakh": the body belongs
        // to the region it is in.
        var inRegion: Actor?
        if let k = words.firstIndex(where: { $0.lower == "in" }), k > 0,
           let a = (k + 1..<min(words.count, k + 7)).lazy.compactMap({ ActorLexicon.actor(in: words, at: $0)?.0 }).first(where: { $0.isRegion && $0.side != nil }) {
            inRegion = a
            words = Array(words[..<k])
        }
        if words.count == 1, let w = words.first, pronouns.contains(w.lower) { return previous.last }
        var actor: Actor?
        var rest: [Token] = []
        var i = 0
        while i < words.count {
            let w = words[i]
            if let (a, n) = ActorLexicon.actor(in: words, at: i), actor == nil || inRegion != nil {
                if inRegion != nil { i += n; continue }
                actor = a
                i += n
                if words[safe: i]?.text == "'s" { i += 1 }
                continue
            }
            if actor == nil, ["region", "republic", "enclave"].contains(w.lower), words[safe: i + 1]?.text == "'s", let region {
                actor = region
                i += 2
                continue
            }
            rest.append(w)
            i += 1
        }
        if let r = inRegion { actor = r }
        let restLower = rest.map(\.lower).joined(separator: " ").replacingOccurrences(of: " 's", with: "'s")
        var body: String?
        for c in canonical where c.keys.contains(where: { containsPhrase(restLower, $0) }) { body = c.name; break }
        // A trailing person name: "human rights ombudsman, Artak Beglaryan".
        var person: [String] = []
        for w in rest.reversed() {
            guard w.isCapitalized, w.isWord, !dropWords.contains(w.lower) else { break }
            person.insert(w.text, at: 0)
        }
        let kept = rest.filter { !dropWords.contains($0.lower) || ($0.lower == "of" && body == nil) }
        if body != nil {
            let bodyWords = Set(body.map { $0.lowercased().split(separator: " ").map(String.init) } ?? [])
            if !person.isEmpty, !person.allSatisfy({ bodyWords.contains($0.lowercased()) || ["Ministry", "Office", "Defence", "Defense"].contains($0) }) {
                body = (body ?? "") + " " + person.joined(separator: " ")
            }
        } else if !kept.isEmpty {
            body = kept.map(\.text).joined(separator: " ").replacingOccurrences(of: " 's", with: "'s")
        }
        let hasPerson = person.count >= 2 && !(body.map { b in canonical.contains { $0.name == b } } ?? false)
        let specificity = hasPerson ? 3 : body != nil ? 2 : 1
        // "officials in Ganja": named by the place, without guessing whose officials they are.
        if actor == nil, let k = rest.firstIndex(where: { $0.lower == "in" }), let place = rest[safe: k + 1], place.isCapitalized,
           k > 0, rest[..<k].allSatisfy({ !$0.isCapitalized || $0.lower == "the" }) {
            let label = rest.filter { $0.lower != "the" }.map(\.text).joined(separator: " ")
            return Claimant(actor: nil, body: nil, organisation: label, specificity: 2, text: text)
        }
        if actor == nil {
            let head = rest.last?.lower ?? ""
            // "the office said": the claimant named before with that head noun.
            if anaphoric.contains(head) || rest.first?.lower == "the" && anaphoric.contains(head),
               let ref = previous.reversed().first(where: { ($0.body ?? $0.organisation ?? "").lowercased().contains(head) }) {
                return ref
            }
            // An organisation named as itself: every word capitalised.
            let content = rest.filter { !["the", "of", "for", "and"].contains($0.lower) }
            let orgWords: Set<String> = ["watch", "international", "committee", "organization", "organisation", "group", "council", "agency",
                                         "department", "office", "nations", "cross", "crescent", "institute", "union", "osce", "un", "icrc"]
            if !content.isEmpty, content.allSatisfy(\.isCapitalized),
               !hasPerson || content.count > 2 || content.contains(where: { orgWords.contains($0.lower) }),
               !content.contains(where: { ["President", "Minister", "Prime"].contains($0.text) }) {
                return Claimant(actor: nil, body: nil, organisation: content.map(\.text).joined(separator: " ")
                    .replacingOccurrences(of: " 's", with: "'s"), specificity: 2, text: text)
            }
            // "the office said" after a named office; a named body ("the prosecutor general's office") is itself.
            let named = body.map { b in canonical.contains { $0.name == b } } ?? false
            if anaphoric.contains(head), !named, let ref = previous.last, ref.actor != nil { return ref }
            if named, let ref = previous.last(where: { $0.actor != nil }) { actor = ref.actor; return Claimant(actor: actor, body: body, organisation: nil, specificity: specificity, text: text) }
            actor = fallback
        }
        // A body is a speaker: a capitalised name or a noun that speaks ("officials", "the governor"); a bare
        // adjective or fragment ("deadliest", "or White Helmets") is none.
        if let b = body {
            let words = b.split(separator: " ").map { String($0) }
            let speaks = words.contains { $0.first?.isUppercase == true } || words.contains { speakerNouns.contains($0.lowercased()) }
                || canonical.contains { $0.name == b }
            if !speaks || ["or", "and", "but"].contains(words.first?.lowercased() ?? "") { body = nil }
        }
        guard actor != nil || body != nil else { return nil }
        return Claimant(actor: actor, body: body, organisation: nil, specificity: body == nil ? 1 : specificity, text: text)
    }

    /// Nouns that name a speaker.
    static let speakerNouns: Set<String> = [
        "officials", "official", "authorities", "ministry", "minister", "police", "residents", "resident", "witnesses", "witness",
        "activists", "activist", "sources", "source", "rescuers", "medics", "doctors", "spokesman", "spokeswoman", "spokesperson",
        "governor", "mayor", "military", "army", "prosecutors", "prosecutor", "office", "service", "agency", "group", "president",
        "aide", "adviser", "advisor", "commander", "chief", "head", "ombudsman", "government", "administration", "statement",
        "media", "television", "tv", "observatory", "monitor", "correspondent", "journalists", "reporters", "officer", "leader",
        "leaders", "separatists", "rebels", "forces", "troops", "defence", "defense", "council", "committee", "department", "hospital",
    ]

    static func containsPhrase(_ text: String, _ phrase: String) -> Bool {
        (" " + text + " ").contains(" " + phrase + " ")
    }
}
