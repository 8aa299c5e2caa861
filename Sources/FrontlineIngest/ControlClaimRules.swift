import FrontlineKit
import GeoModel

/// What a control claim says happened to a place.
public enum ControlClaimKind: String, Sendable, Hashable, CaseIterable {
    /// A side says it (or another) took a place: "captured", "seized", "took control of".
    case capture
    /// The same, worded as freeing the side's own land: "liberated", "freed", "taken back".
    case liberation
    /// A place handed over under an agreement: "handed over", "handed back".
    case handover
    /// A side left a place: "withdrew from", "pulled out of", "rolled out of".
    case withdrawal
    /// A place surrounded: "encircled", "surrounded".
    case encirclement
}

/// A settlement a control claim names, resolved through the gazetteer when it can be.
public struct ClaimedPlace: Hashable, Sendable {
    /// The name as the text writes it, or the gazetteer's name when resolved.
    public var name: String
    /// The gazetteer id (`barda`, `gn:706483`), nil when the name is not known.
    public var id: String?
    /// Where it is, when resolved.
    public var position: Position?
}

/// A claim that territory changed hands, read from a report: who claims it, what kind of change, which places.
public struct ControlClaim: Hashable, Sendable {
    /// Capture, liberation, handover, withdrawal or encirclement, as the claimant words it.
    public var kind: ControlClaimKind
    /// `Who: body or person` of the claim, nil when the text does not say.
    public var claimant: String?
    /// The side that captures, liberates, hands over or withdraws (a dataset side id, else the party's id).
    public var actor: String?
    /// The receiving side of a handover, when named.
    public var to: String?
    /// When the change happened, by the text; nil when no date resolves.
    public var date: Day?
    /// The settlements named.
    public var places: [ClaimedPlace]
    /// Places counted but not named ("nine villages", "60 military posts"), by noun.
    public var unnamedCount: [String: Int]
    /// Who denies the claim.
    public var deniedBy: [String]
    /// True when only part of a place is claimed ("parts of the city").
    public var partial: Bool
    /// The sentence and words that gave the claim.
    public var evidence: Evidence

    /// The claim as JSON: `kind`, `claimant`, `actor`, `to`, `date`, `places` (`name`, `id`, `lon`, `lat`),
    /// `unnamed_count`, `denied_by`, `partial`, `evidence`.
    public var json: JSONValue {
        var o = JSONObject()
        o["kind"] = .string(kind.rawValue)
        o["claimant"] = claimant.map(JSONValue.string) ?? .null
        o["actor"] = actor.map(JSONValue.string) ?? .null
        o["to"] = to.map(JSONValue.string) ?? .null
        o["date"] = date.map { .string($0.description) } ?? .null
        o["places"] = .array(places.map { p in
            var q = JSONObject()
            q["name"] = .string(p.name)
            q["id"] = p.id.map(JSONValue.string) ?? .null
            if let pos = p.position { q["lon"] = .number(pos.lon); q["lat"] = .number(pos.lat) }
            return .object(q)
        })
        o["unnamed_count"] = unnamedCount.isEmpty ? .null
            : .object(JSONObject(unnamedCount.sorted { $0.key < $1.key }.map { ($0.key, JSONValue.number(Double($0.value))) }))
        o["denied_by"] = .array(deniedBy.map(JSONValue.string))
        o["partial"] = .bool(partial)
        o["evidence"] = evidence.json
        return .object(o)
    }
}

/// Capture, liberation, handover, withdrawal and encirclement claims: the verb, the places it governs, counted places,
/// the acting side; statements of intent ("will hand over") and background ("captured Bakhmut in May 2023") are not
/// claims.
enum ControlClaimRules {
    /// Verb forms (lower case, one or two tokens) and the kind they claim.
    static let verbs: [(words: [String], kind: ControlClaimKind)] = [
        (["handed", "over"], .handover), (["hand", "over"], .handover), (["handed", "back"], .handover), (["hand", "back"], .handover),
        (["handing", "over"], .handover), (["handover"], .handover), (["returned", "to"], .handover),
        (["taken", "back"], .liberation), (["took", "back"], .liberation), (["liberated"], .liberation), (["liberation"], .liberation),
        (["liberates"], .liberation), (["liberate"], .liberation), (["freed"], .liberation), (["recaptured"], .liberation),
        (["retook"], .liberation), (["retaken"], .liberation),
        (["captured"], .capture), (["captures"], .capture), (["capture"], .capture), (["seized"], .capture), (["seizes"], .capture),
        (["seize"], .capture), (["overran"], .capture), (["took", "control"], .capture), (["taken", "control"], .capture),
        (["taken", "full"], .capture), (["took", "full"], .capture), (["taken", "the"], .capture), (["took", "the"], .capture),
        (["under", "the", "control"], .capture), (["fully", "under"], .capture),
        (["withdrew"], .withdrawal), (["withdrawn"], .withdrawal), (["withdrawal"], .withdrawal), (["withdraws"], .withdrawal),
        (["pulled", "out"], .withdrawal), (["pulled", "back"], .withdrawal), (["retreated"], .withdrawal), (["rolled", "out"], .withdrawal),
        (["encircled"], .encirclement), (["encirclement"], .encirclement), (["surrounded"], .encirclement),
    ]
    /// Words before a verb that make it an intention, a condition or a threat, not a claim.
    static let irrealis: Set<String> = ["will", "would", "could", "might", "may", "to", "due", "plans", "planned", "promised", "avoid",
                                        "threat", "threatened", "if", "should", "must", "attempt", "attempting", "trying", "vowed"]
    static let countNouns: Set<String> = ["villages", "village", "settlements", "settlement", "towns", "town", "posts", "positions",
                                          "localities", "hamlets", "heights", "strongholds", "cities", "districts"]
    static let areaNouns: Set<String> = ["district", "districts", "region", "regions", "province", "provinces", "oblast", "governorate",
                                         "governorates", "rayon", "raion"]
    static let clauseEnd: Set<String> = [".", ";", "after", "which", "while", "but", "because", "since", "following", "where", "when"]

    struct Found {
        var kind: ControlClaimKind
        var verb: Int
        var verbText: String
        var passive: Bool
    }

    /// The claim verbs of a sentence.
    static func verbs(in t: [Token]) -> [Found] {
        var out: [Found] = []
        var i = 0
        while i < t.count {
            guard let v = verbs.first(where: { v in v.words.enumerated().allSatisfy { t[safe: i + $0.offset]?.lower == $0.element } }) else { i += 1; continue }
            // "taken the" only as "taken the city/town".
            if v.words.last == "the", !["city", "town", "village", "settlement"].contains(t[safe: i + 2]?.lower ?? "") { i += 1; continue }
            let before = (max(0, i - 3)..<i).map { t[$0].lower }
            if before.contains(where: { irrealis.contains($0) }) { i += v.words.count; continue }
            let passive = ["was", "were", "been", "be", "being", "is", "are"].contains(t[safe: i - 1]?.lower ?? "")
            out.append(Found(kind: v.kind, verb: i, verbText: v.words.joined(separator: " "), passive: passive))
            i += v.words.count
        }
        return out
    }

    /// Capitalised names in `range` that are settlements (not regions, not actors), with the range's counted places.
    static func places(_ t: [Token], _ range: Range<Int>, gazetteer: Gazetteer) -> (names: [(String, PlaceMention.Resolution)], counts: [String: Int], partial: Bool) {
        var names: [(String, PlaceMention.Resolution)] = []
        var counts: [String: Int] = [:]
        var partial = false
        var i = range.lowerBound
        while i < range.upperBound {
            let w = t[i].lower
            if ["parts", "part", "areas", "neighbourhoods", "neighborhoods", "outskirts"].contains(w) { partial = true }
            if let n = NumberWords.parse(t, at: i), !n.isArticle, !n.isOrdinal {
                var j = n.end
                var noun: [String] = []
                while j < min(range.upperBound, n.end + 3), !countNouns.contains(t[j].lower), t[j].isWord, !t[j].isCapitalized { noun.append(t[j].lower); j += 1 }
                if j < range.upperBound, countNouns.contains(t[j].lower) {
                    let key = (noun.suffix(1) + [t[j].lower]).joined(separator: " ")
                    let normal = key.hasSuffix("s") ? key : key + "s"
                    counts[normal, default: 0] += n.count.best
                    i = j + 1
                    continue
                }
            }
            guard t[i].isCapitalized, t[i].isWord, !PlaceRules.isExcluded(t[i]) else { i += 1; continue }
            var end = i + 1
            while end < range.upperBound, t[end].isCapitalized, t[end].isWord, !PlaceRules.isExcluded(t[end]) { end += 1 }
            // A coordinated list ending in a region noun ("Tartar, Jabrayil and Fuzulu regions") names areas, not
            // captured places.
            var k = end
            while k < range.upperBound, t[k].isCapitalized || [",", "and"].contains(t[k].lower) { k += 1 }
            let isArea = areaNouns.contains(t[safe: k]?.lower ?? "") || areaNouns.contains(t[safe: end]?.lower ?? "")
            if !isArea {
                let name = t[i..<end].map(\.text).joined(separator: " ")
                names.append((name, PlaceRules.resolve(name, gazetteer: gazetteer, sentence: t)))
            }
            i = end
        }
        // "Madagiz (Sugovushan)": two names of one place; the one the gazetteer knows stands for both.
        var out: [(String, PlaceMention.Resolution)] = []
        for (n, r) in names {
            if let last = out.last, case .unresolved = last.1, case .found = r, t.contains(where: { $0.text == "(" }) {
                let text = t.map(\.text).joined(separator: " ")
                if text.contains("\(last.0) ( \(n)") { out[out.count - 1] = (n, r); continue }
            }
            out.append((n, r))
        }
        return (out, counts, partial)
    }

    /// The acting side of a claim: the party named as the clause's subject before the verb ("Azerbaijan liberated",
    /// "Kyiv troops had withdrawn"), else after "by" ("under the control of the HTS-led fighters").
    static func actor(_ t: [Token], verb: Int, clauseStart: Int, clauseEnd: Int) -> Actor? {
        for k in stride(from: verb - 1, through: clauseStart, by: -1) {
            if let (a, _) = ActorLexicon.actor(in: t, at: k), !a.isRegion || a.side != nil { return a }
        }
        for k in verb..<clauseEnd {
            if let (a, _) = ActorLexicon.actor(in: t, at: k), !a.isRegion || a.side != nil,
               ["of", "by", "the"].contains(t[safe: k - 1]?.lower ?? "") { return a }
        }
        return nil
    }
}

extension Reader {
    /// The control claims of a report: body sentences first, then the headline (which confirms a body claim or adds
    /// one the body lacks). Claims of the same kind on the same places merge, keeping every claimant's denial.
    mutating func controlClaims(_ facts: [SentenceFacts]) -> [ControlClaim] {
        var claims: [ControlClaim] = []
        var lastPlace: ClaimedPlace?
        var previousSpeaker: Claimant?
        let ordered = facts.filter { !$0.sentence.isHeadline } + facts.filter(\.sentence.isHeadline)
        for f in ordered {
            let t = f.sentence.tokens
            let speaker = mainClaimant(f, fallback: datelineActor) ?? (f.sentence.isHeadline ? headlineSpeaker(f) : nil)
            defer { if let speaker { previousSpeaker = speaker } }
            // Tokens of the speakers' own phrases ("Al Jazeera's Resul Serdar said") are never claimed places.
            var speakerTokens = Set<Int>()
            for a in f.attributions {
                // Only a phrase standing right before its verb ("…, and say" takes the sentence's subject instead).
                let from = a.position - a.np.count
                guard from >= 0, t[from..<a.position].map(\.text) == a.np.map(\.text) else { continue }
                for k in from..<a.position { speakerTokens.insert(k) }
            }
            let background = ["erupted", "began", "since", "during which", "in recent months", "for weeks", "by then", "at the time", "back then"].contains { f.sentence.lowerText.contains(" \($0) ") }
            for v in ControlClaimRules.verbs(in: t) {
                var start = v.verb
                while start > 0, !ControlClaimRules.clauseEnd.contains(t[start - 1].lower) { start -= 1 }
                var end = v.verb + v.verbText.split(separator: " ").count
                while end < t.count, !ControlClaimRules.clauseEnd.contains(t[end].lower) { end += 1 }
                // "since they captured …", "during which Baku liberated …", "captured Bakhmut in May 2023": history.
                if background || (start > 0 && ["since", "which"].contains(t[start - 1].lower)) || Self.isPastPeriod(t, start..<end) { continue }
                let subjectSide = v.passive || v.verbText.hasPrefix("under") || v.verbText == "fully under"
                let range = subjectSide ? start..<v.verb : (v.verb + v.verbText.split(separator: " ").count)..<end
                var (names, counts, partial) = ControlClaimRules.places(t, range, gazetteer: gazetteer)
                if subjectSide { counts.merge(ControlClaimRules.places(t, v.verb..<end, gazetteer: gazetteer).counts) { max($0, $1) } }
                names.removeAll { n in
                    guard let at = t.firstIndex(where: { $0.text == n.0.split(separator: " ").first.map(String.init) }) else { return false }
                    return speakerTokens.contains(at) || DateRules.expression(t, at: at) != nil
                }
                let window = Set(t[range].map(\.lower))
                var places: [ClaimedPlace] = []
                for (name, resolution) in names {
                    switch resolution {
                    case .found(let p): places.append(ClaimedPlace(name: name, id: p.id, position: p.position))
                    default:
                        places.append(ClaimedPlace(name: name, id: nil, position: nil))
                        if !unresolved.contains(where: { $0.name == name }) {
                            unresolved.append(PlaceNote(name: name, text: name, sentence: f.sentence.text, candidates: []))
                        }
                    }
                }
                // One place under two names ("Madagiz (Sugovushan)"): kept once, by the gazetteer's own name if written.
                var byKey: [String: Int] = [:]
                var unique: [ClaimedPlace] = []
                for p in places {
                    let key = p.id ?? Gazetteer.key(p.name)
                    if let at = byKey[key] {
                        if let id = p.id, let known = gazetteer.place(id: id), Gazetteer.key(known.name) == Gazetteer.key(p.name) { unique[at].name = p.name }
                    } else {
                        byKey[key] = unique.count
                        unique.append(p)
                    }
                }
                places = unique
                // A place a speaker only names as where something was dropped from ("rolled out of helicopters over
                // the Sakhur … areas") is no claim: areas are not settlements.
                if v.kind == .withdrawal, window.contains("helicopters") || window.contains("aircraft") || window.contains("planes") { continue }
                // "the city", "the territory", "it": the place last named.
                // Only the verb's own object: "taken the city", "liberation of the city", "rolled out of the territory".
                let object = (subjectSide ? Array(t[range].suffix(6)) : Array(t[range].prefix(4))).map(\.lower)
                let anaphor = zip(object, object.dropFirst()).contains { $0.0 == "the" && ["city", "town", "village", "territory", "district", "settlement"].contains($0.1) }
                    || (!subjectSide && object.first == "it")
                if places.isEmpty, counts.isEmpty, anaphor, let p = lastPlace ?? sentencePlace(f, before: v.verb) {
                    places = [p]
                }
                if let p = places.last { lastPlace = p }
                guard !places.isEmpty || !counts.isEmpty else { continue }
                var actor = ControlClaimRules.actor(t, verb: v.verb, clauseStart: start, clauseEnd: end)
                if actor == nil, (start..<v.verb).contains(where: { ["its", "our", "his", "their"].contains(t[$0].lower) }) { actor = speaker?.actor }
                let denied = AttributionRules.denial(Array(t[..<v.verb])).flatMap { Claimants.claimant($0.np, region: region, fallback: nil, previous: knownClaimants) }
                // The claimant is the speaker whose verb governs the claim: the nearest attribution before it.
                let governing = f.attributions.filter { $0.position < v.verb }.max { $0.position < $1.position }
                    .flatMap { Claimants.claimant($0.np, region: region, fallback: datelineActor, previous: knownClaimants) }
                var claimant = governing ?? speaker ?? previousSpeaker
                if let d = denied, claimant?.label == d.label { claimant = nil }
                let event = f.dates.first { $0.role == .event }?.resolve(reportDate: reportDate)?.0
                let said = f.dates.first { $0.role == .statement }?.resolve(reportDate: reportDate)?.0
                let claim = ControlClaim(
                    kind: v.kind, claimant: claimant?.label, actor: actor?.id, to: nil, date: event ?? said ?? reportDate,
                    places: places, unnamedCount: counts, deniedBy: denied.map { [$0.label] } ?? [], partial: partial,
                    evidence: Evidence(sentence: f.sentence.text, text: CasualtyRules.phrase(t, start, end), confidence: claimant == nil ? 0.6 : 0.8))
                // "The liberated districts are Karkhulu, …": the places of the claim before.
                if t[safe: v.verb - 1]?.lower == "the", let i = claims.lastIndex(where: { $0.kind == v.kind }) {
                    let named = claim.places.filter { p in !claims[i].places.contains { $0.name == p.name } }
                    claims[i].places += named
                    for (noun, n) in claims[i].unnamedCount { let left = n - named.count; claims[i].unnamedCount[noun] = left > 0 ? left : nil }
                    continue
                }
                if let i = claims.firstIndex(where: { c in c.kind == claim.kind && !c.places.isEmpty && c.places.contains { p in claim.places.contains { $0.name == p.name } } }) {
                    claims[i].deniedBy += claim.deniedBy.filter { !claims[i].deniedBy.contains($0) }
                    if claims[i].claimant == nil { claims[i].claimant = claim.claimant }
                    if claims[i].actor == nil { claims[i].actor = claim.actor }
                    claims[i].places += claim.places.filter { p in !claims[i].places.contains { $0.name == p.name } }
                    continue
                }
                if f.sentence.isHeadline, !claims.isEmpty, claim.places.isEmpty { continue }
                claims.append(claim)
            }
            if let p = f.places.last(where: { if case .found = $0.resolution { true } else { false } }), case .found(let place) = p.resolution {
                lastPlace = ClaimedPlace(name: place.name, id: place.id, position: place.position)
            }
        }
        return claims
    }

    /// The last resolved place a sentence names before a position.
    func sentencePlace(_ f: SentenceFacts, before i: Int) -> ClaimedPlace? {
        for p in f.places.reversed() where p.start < i {
            if case .found(let place) = p.resolution { return ClaimedPlace(name: place.name, id: place.id, position: place.position) }
        }
        return nil
    }

    /// "in May 2023", "in February", "eight years ago": a period before the report, so a change told as history.
    static func isPastPeriod(_ t: [Token], _ r: Range<Int>) -> Bool {
        for k in r {
            let w = t[k].lower
            if w == "ago" { return true }
            if w == "in", let m = t[safe: k + 1], DateRules.months[m.lower] != nil, DateRules.dayNumber(t[safe: k + 2]) == nil { return true }
            if w == "in", DateRules.year(t[safe: k + 1]) != nil { return true }
        }
        return false
    }
}
