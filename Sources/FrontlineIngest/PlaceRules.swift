import FrontlineKit
/// A place named in a sentence, in a locative phrase.
struct PlaceMention: Hashable, Sendable {
    enum Resolution: Hashable, Sendable {
        case found(Place)
        case ambiguous([Place])
        case unresolved
        /// "a village in the same district": the previous incident's place, less precisely.
        case sameAsPrevious
    }
    var name: String
    /// The phrase as written ("the town of Barda", "a village in its Barda district").
    var text: String
    /// ACLED geo precision implied by the phrase.
    var precision: Int
    var resolution: Resolution
    /// How strong the locative pattern is (0…1).
    var confidence: Double
    var start: Int
}

/// Places in locative phrases ("the town of X", "near X", "X district", "in central X"), resolved through the
/// gazetteer; names it does not know are reported, never forced onto a known place.
enum PlaceRules {
    static let settlementNouns: Set<String> = ["town", "city", "village", "settlement", "capital", "hamlet", "township", "outskirts", "centre", "center"]
    static let districtNouns: Set<String> = ["district", "rayon", "raion", "municipality"]
    static let regionNouns: Set<String> = ["region", "province", "oblast", "area", "governorate"]
    static let nearWords: Set<String> = ["near", "outside", "around", "nearby", "beyond"]
    static let atWords: Set<String> = [
        "in", "on", "at", "into", "towards", "toward", "hit", "struck", "shelled", "targeted", "bombed", "bombarded", "attacked",
        "over", "across", "inside", "hitting", "striking", "shelling", "targeting", "against",
    ]
    static let fillers: Set<String> = [
        "the", "its", "their", "a", "an", "central", "northern", "southern", "eastern", "western", "north", "south", "east", "west",
        "downtown", "besieged", "frontline", "front-line", "embattled", "residential", "nearby", "second", "largest", "third",
        "main", "industrial", "historic", "regional", "of", "city", "town", "village", "capital", "'s", "azerbaijani", "armenian", "karabakh",
    ]

    /// Place mentions of a sentence, in order.
    static func mentions(in t: [Token], gazetteer: Gazetteer) -> [PlaceMention] {
        var out: [PlaceMention] = []
        let lower = " " + t.map(\.lower).joined(separator: " ") + " "
        for noun in ["district", "region", "area", "town", "city", "village"] where lower.contains(" the same \(noun) ") {
            let precision = districtNouns.contains(noun) ? 2 : regionNouns.contains(noun) ? 3 : 1
            let start = t.firstIndex { $0.lower == "same" } ?? 0
            let from = max(0, start - 3)
            out.append(PlaceMention(name: "the same \(noun)", text: CasualtyRules.phrase(t, from, min(t.count, start + 2)),
                                    precision: precision, resolution: .sameAsPrevious, confidence: 0.7, start: start))
        }
        var i = 1  // a capitalised first word is just the start of the sentence
        while i < t.count {
            guard t[i].isCapitalized, t[i].isWord, !isExcluded(t[i]) else { i += 1; continue }
            var end = i + 1
            while end < min(t.count, i + 3), t[end].isCapitalized, t[end].isWord, !isExcluded(t[end]) { end += 1 }
            let name = t[i..<end].map(\.text).joined(separator: " ")
            let after = t[safe: end]?.lower ?? ""
            // Walk back over fillers to the word that makes this a location.
            var k = i - 1
            var sawSettlement = false
            while k >= 0, fillers.contains(t[k].lower) || ActorLexicon.forms[t[k].lower] != nil {
                if settlementNouns.contains(t[k].lower) { sawSettlement = true }
                k -= 1
            }
            let lead = t[safe: k]?.lower ?? ""
            let lead2 = t[safe: k - 1]?.lower ?? ""
            var precision: Int?
            var confidence = 0.85
            var from = k
            if districtNouns.contains(after) { precision = 2; confidence = 0.9 }
            else if regionNouns.contains(after) { precision = 3; confidence = 0.85 }
            if settlementNouns.contains(t[safe: i - 1]?.lower ?? "") || (t[safe: i - 1]?.lower == "of" && settlementNouns.contains(t[safe: i - 2]?.lower ?? "")) {
                sawSettlement = true
            }
            // "the district of Aghdam", "the region of Kharkiv".
            if t[safe: i - 1]?.lower == "of", let n = t[safe: i - 2]?.lower, districtNouns.contains(n) || regionNouns.contains(n) {
                precision = districtNouns.contains(n) ? 2 : 3
                confidence = 0.9
            }
            if nearWords.contains(lead) || (lead == "to" && lead2 == "close") || (lead == "from" && lead2 == "far") {
                precision = 2; confidence = 0.9
                if lead == "to" || lead == "from" { from = k - 1 }
            } else if precision == nil {
                if sawSettlement, t[safe: i - 1]?.lower == "of" {
                    precision = (t[safe: i - 2]?.lower == "outskirts") ? 2 : 1; confidence = 0.95
                } else if atWords.contains(lead) {
                    precision = 1; confidence = sawSettlement ? 0.95 : 0.8
                } else if ["village", "town"].contains(after), atWords.contains(t[safe: i - 1]?.lower ?? "") {
                    precision = 1
                }
            }
            // "a village in its Barda district": part of a district.
            if precision == 2, districtNouns.contains(after), lead == "in",
               (max(0, k - 3)..<max(0, k)).contains(where: { settlementNouns.contains(t[$0].lower) }) {
                from = max(0, k - 2)
            }
            guard let p = precision else { i = end; continue }
            let textEnd = (districtNouns.contains(after) || regionNouns.contains(after)) ? end + 1 : end
            let text = CasualtyRules.phrase(t, max(0, from), min(t.count, textEnd))
            out.append(PlaceMention(name: name, text: text, precision: p, resolution: resolve(name, gazetteer: gazetteer, sentence: t),
                                    confidence: confidence, start: i))
            i = end
        }
        return out.sorted { $0.start < $1.start }
    }

    /// Country and region names, demonyms, months, media: never places here.
    static func isExcluded(_ t: Token) -> Bool {
        ActorLexicon.forms[t.lower] != nil || ActorLexicon.notPlaces.contains(t.lower) || t.lower == "'s"
            || DateRules.weekdays[t.lower] != nil || DateRules.months[t.lower] != nil || commonNouns.contains(t.lower)
            || t.text.count > 1 && t.text == t.text.uppercased() && t.text.count <= 5 && t.text.allSatisfy(\.isLetter)
            || isCompoundAdjective(t.lower)
    }

    /// "Armenian-controlled", "ISIL-held", "Russian-occupied", "Turkish-backed", "HTS-led": adjectives, never places.
    static func isCompoundAdjective(_ w: String) -> Bool {
        guard let dash = w.lastIndex(of: "-") else { return false }
        let suffix = w[w.index(after: dash)...]
        return ["controlled", "held", "occupied", "backed", "led", "based", "run", "allied", "aligned", "affiliated", "linked",
                "speaking", "made", "supplied", "brokered", "administered"].contains(String(suffix))
    }

    /// Words that title-case headlines capitalise ("Missile Attack", "Drone Strike"): never a place name's words.
    static let commonNouns: Set<String> = [
        "missile", "missiles", "attack", "attacks", "strike", "strikes", "shelling", "drone", "drones", "rocket", "rockets", "bomb",
        "bombs", "bombing", "airstrike", "airstrikes", "forces", "troops", "army", "ministry", "killed", "kills", "wounds", "says",
        "said", "civilians", "civilian", "people", "dead", "toll", "war", "offensive", "city", "town", "village", "region", "breaking",
        "update", "updated", "live", "photo", "video", "watch", "news", "east", "west", "north", "south", "president", "governor",
        "oblast", "province", "district", "governorate", "raion", "rayon", "frontline", "front",
    ]

    /// Gazetteer lookup of a name; among homonyms, one whose country the sentence names as a location wins.
    static func resolve(_ name: String, gazetteer: Gazetteer, sentence t: [Token]) -> PlaceMention.Resolution {
        var match = gazetteer.lookup(name)
        if case .notFound = match, name.contains(" "), let first = name.split(separator: " ").first {
            let m = gazetteer.lookup(String(first))
            if case .found = m { match = m }
        }
        switch match {
        case .found(let p): return .found(p)
        case .notFound: return .unresolved
        case .ambiguous(let ps):
            var isos = Set<String>()
            for (i, tok) in t.enumerated() {
                guard let a = ActorLexicon.forms[tok.lower], let iso = a.iso, a.name == tok.text || tok.lower == a.name.lowercased() else { continue }
                let prev = t[safe: i - 1]?.lower ?? ""
                if ["in", "of", "inside", "within"].contains(prev) || t[safe: i + 1]?.lower == "'s" { isos.insert(iso) }
            }
            let picked = ps.filter { p in p.country.map { isos.contains($0) } ?? false }
            if picked.count == 1, let p = picked.first { return .found(p) }
            // "the eastern Ukrainian city of Pokrovsk": a country form that qualifies a settlement noun just before the
            // place settles namesakes ("Russian forces fired at Pokrovsk" names the attacker, not the place's country).
            let first = name.split(separator: " ").first.map { $0.lowercased() } ?? ""
            let nouns: Set<String> = ["city", "town", "village", "settlement", "locality", "hamlet", "port", "capital"]
            if let at = t.firstIndex(where: { $0.lower == first }),
               let noun = t[max(0, at - 3)..<at].lastIndex(where: { nouns.contains($0.lower) }),
               let iso = t[max(0, noun - 3)..<noun].reversed().compactMap({ ActorLexicon.forms[$0.lower]?.iso }).first {
                let local = ps.filter { $0.country == iso }
                if local.count == 1, let p = local.first { return .found(p) }
            }
            return .ambiguous(ps)
        }
    }
}
