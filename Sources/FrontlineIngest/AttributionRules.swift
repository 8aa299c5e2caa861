import FrontlineKit
/// "X said", "according to X": who a sentence's statement comes from.
struct Attribution: Hashable, Sendable {
    var np: [Token]
    /// Index of the verb (or of "according").
    var position: Int
}

/// The side a sentence says attacked, and how it says so.
struct AttackerCue: Hashable, Sendable {
    /// nil for "its forces", resolved to the speaker's country.
    var actor: Actor?
    var text: String
    var confidence: Double
}

/// Claimants, attackers, denials and admissions.
enum AttributionRules {
    static let verbs: Set<String> = [
        "said", "says", "say", "wrote", "tweeted", "reported", "reports", "announced", "stated", "told", "added", "claimed",
        "claims", "alleged", "posted",
    ]
    static let boundaries: Set<String> = [
        ",", ";", ":", "—", "–", "-", "\"", "“", "”", "(", ")", "that", "and", "but", "while", "when", "as", "after", "because",
        "which", "who", "whom", "where", "if",
    ]
    static let skipBeforeVerb: Set<String> = [
        "on", "last", "week", "yesterday", "today", "separately", "also", "later", "earlier", "again", "has", "have", "had", "once",
        "previously", "repeatedly", ".", "had", "later", "then", "in",
    ]
    static let subjectEnd: Set<String> = [
        "has", "have", "had", "haven't", "hasn't", "is", "was", "were", "are", "did", "does", "didn't", "doesn't", "said", "says",
        "denied", "rejected", "will", "would", "could", "not",
    ]

    /// The attributions of a sentence, in order (negated ones, "did not say", left out).
    static func attributions(_ t: [Token]) -> [Attribution] {
        var out: [Attribution] = []
        for (v, tok) in t.enumerated() {
            if tok.lower == "according", t[safe: v + 1]?.lower == "to" {
                var np: [Token] = []
                var j = v + 2
                while let w = t[safe: j], w.text != ",", w.text != ".", w.text != ";", np.count < 10 { np.append(w); j += 1 }
                // Apposition: "…, Artak Beglaryan."
                if t[safe: j]?.text == ",", let n = t[safe: j + 1], n.isCapitalized, ActorLexicon.forms[n.lower] == nil {
                    var k = j + 1
                    var name: [Token] = []
                    while let w = t[safe: k], w.isCapitalized, w.isWord { name.append(w); k += 1 }
                    if !name.isEmpty, t[safe: k].map({ [".", ",", ";"].contains($0.text) }) ?? true { np.append(Token(",")); np += name }
                }
                if !np.isEmpty { out.append(Attribution(np: np, position: v)) }
                continue
            }
            guard verbs.contains(tok.lower) else { continue }
            if let p = t[safe: v - 1]?.lower, ["not", "n't", "didn't", "never", "to"].contains(p) { continue }
            if tok.lower == "claimed", t[safe: v + 1].map({ ["the", "responsibility", "victory", "control", "lives"].contains($0.lower) }) == true { continue }
            var j = v - 1
            while let w = t[safe: j], skipBeforeVerb.contains(w.lower) || DateRules.weekdays[w.lower] != nil || DateRules.months[w.lower] != nil
                || DateRules.dayNumber(w) != nil || DateRules.year(w) != nil || (w.text == "," && t[safe: j - 1].flatMap { DateRules.dayNumber($0) } != nil) {
                j -= 1
            }
            var np = collectBack(t, from: j)
            if np.isEmpty, t[safe: j]?.text == "," {
                // "…, the regional governor, Oleh Synehubov, said"
                let name = collectBack(t, from: j - 1)
                if !name.isEmpty, name.allSatisfy({ $0.isCapitalized }), t[safe: j - 1 - name.count]?.text == "," {
                    np = collectBack(t, from: j - 2 - name.count) + [Token(",")] + name
                } else {
                    np = name
                }
            } else if np.isEmpty, let b = t[safe: j]?.lower, ["but", "and"].contains(b) {
                // "Azerbaijani authorities haven't disclosed …, but say …": the sentence's subject.
                np = Array(t.prefix { !subjectEnd.contains($0.lower) && $0.text != "," }.prefix(8))
            }
            if !np.isEmpty { out.append(Attribution(np: np, position: v)) }
        }
        return out
    }

    static func collectBack(_ t: [Token], from j: Int) -> [Token] {
        var np: [Token] = []
        var k = j
        while let w = t[safe: k], !boundaries.contains(w.lower), np.count < 10 {
            np.insert(w, at: 0)
            k -= 1
        }
        return np
    }

    static let attackNouns: Set<String> = [
        "forces", "force", "troops", "army", "artillery", "missile", "missiles", "rocket", "rockets", "shelling", "shells",
        "drone", "drones", "strike", "strikes", "attack", "attacks", "fire", "jets", "warplanes", "aircraft", "soldiers", "units",
        "side", "gunfire", "bombardment", "military", "airstrike", "airstrikes", "mortar", "mortars", "servicemen", "snipers",
    ]
    static let attackVerbs: Set<String> = ["carried", "fired", "launched", "shelled", "struck", "attacked", "bombed", "hit", "targeted", "opened", "shot"]
    static let targetMarkers: Set<String> = ["on", "at", "against", "destroyed", "hit", "struck", "targeted", "toward", "towards", "downed", "of", "to", "shot"]

    /// The attacker a sentence names: "blaming Armenian forces", "fired by Armenian forces", "Azerbaijani shelling",
    /// "Armenia carried out", "its artillery" (the speaker's). A target ("destroyed an Armenian launcher") is not an attacker.
    static func attacker(_ t: [Token]) -> AttackerCue? {
        var best: AttackerCue?
        for i in t.indices {
            guard let (actor, n) = ActorLexicon.actor(in: t, at: i), !actor.isRegion || actor.side != nil else {
                if t[i].lower == "its" || t[i].lower == "their", let nx = t[safe: i + 1]?.lower, ["forces", "artillery", "army", "troops", "drones", "missiles", "military"].contains(nx),
                   let v = t[safe: i + 2]?.lower, v == "had" || v == "have" || attackVerbs.contains(v) || ["destroyed", "shot"].contains(t[safe: i + 3]?.lower ?? "") {
                    if best == nil || (best?.confidence ?? 0) < 0.7 { best = AttackerCue(actor: nil, text: "\(t[i].text) \(t[i + 1].text)", confidence: 0.7) }
                }
                continue
            }
            var k = i - 1
            while let w = t[safe: k]?.lower, ["the", "a", "an"].contains(w) { k -= 1 }
            let prev = t[safe: k]?.lower ?? ""
            var j = i + n
            if t[safe: j]?.text == "'s" { j += 1 }
            let next = t[safe: j]?.lower ?? ""
            let text = CasualtyRules.phrase(t, i, min(t.count, j + 1))
            var cue: AttackerCue?
            if ["blaming", "blamed", "blames", "accusing", "accused", "accuses", "accuse"].contains(prev) {
                cue = AttackerCue(actor: actor, text: CasualtyRules.phrase(t, k, min(t.count, j + 1)), confidence: 0.9)
            } else if prev == "by", attackNouns.contains(next) || next.isEmpty || !(t[safe: j]?.isWord ?? false) {
                cue = AttackerCue(actor: actor, text: "by " + text, confidence: 0.9)
            } else if attackNouns.contains(next) || (next == "air" && ["strike", "strikes", "raid", "raids", "force"].contains(t[safe: j + 1]?.lower ?? "")),
                      !targetMarkers.contains(prev) {
                cue = AttackerCue(actor: actor, text: text, confidence: 0.8)
            } else if attackVerbs.contains(next) || (["has", "had"].contains(next) && attackVerbs.contains(t[safe: j + 1]?.lower ?? "")) {
                cue = AttackerCue(actor: actor, text: text, confidence: 0.8)
            }
            if let c = cue, best == nil || c.confidence > (best?.confidence ?? 0) { best = c }
        }
        return best
    }

    static let denialVerbs: Set<String> = ["denied", "denies", "deny", "rejected", "rejects", "dismissed", "dismisses", "refuted", "refutes", "disputed"]
    static let denialObjects: Set<String> = [
        "claim", "claims", "accusation", "accusations", "allegation", "allegations", "report", "reports", "charge", "charges",
        "attack", "attacks", "both", "it", "that", "responsibility", "involvement", "this", "these", "such", "any", "statement",
        "statements", "information", "assertions", "strike", "strikes", "shelling", "reports",
    ]

    /// An explicit denial: the denier phrase, or nil.
    static func denial(_ t: [Token]) -> (np: [Token], text: String)? {
        for (v, tok) in t.enumerated() where denialVerbs.contains(tok.lower) {
            var objectOK = false
            var k = v + 1
            while let w = t[safe: k], k <= v + 4 {
                if denialObjects.contains(w.lower) || (w.lower.hasSuffix("ing") && w.lower.count > 5) { objectOK = true; break }
                if !["the", "a", "an", "his", "her", "its", "their", "all", "these", "those", "firing", "any"].contains(w.lower) { break }
                k += 1
            }
            guard objectOK else { continue }
            var j = v - 1
            while let w = t[safe: j], ["has", "have", "had", "also", "strongly", "categorically", "flatly", "swiftly", "quickly", "later", "since", "immediately"].contains(w.lower) { j -= 1 }
            let np = collectBack(t, from: j)
            guard !np.isEmpty else { continue }
            return (np, CasualtyRules.phrase(t, max(0, j - np.count + 1), min(t.count, k + 1)))
        }
        return nil
    }

    /// A speaker that negates the attack ("said no missile had been fired towards Barda").
    static func hasNegation(_ t: [Token]) -> Bool {
        t.contains { ["no", "not", "never", "n't", "didn't", "did't", "hadn't", "wasn't"].contains($0.lower) }
    }

    /// An admission: "its forces had shot the helicopter down by mistake", "admitted", "apologised".
    static func isAdmission(_ s: Sentence) -> Bool {
        s.has("by mistake") || s.has("admitted") || s.has("acknowledged") || s.has("apologised") || s.has("apologized")
            || s.has("took responsibility") || s.has("claimed responsibility") || s.has("accidentally")
    }
}
