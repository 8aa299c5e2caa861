import FrontlineKit
import GeoModel

/// Reads English news reports into incident records and aggregate claims, with rules (no network, no model).
///
/// The text is split into a headline, a dateline and sentences; each sentence is read for dates, places, casualty
/// figures, attack type, attacker, speaker and denials; sentences are then grouped into incidents (a new place, date or
/// type starts a new one; placeless follow-ups join the incident being told), and the headline fills what the body left
/// open. Totals ("so far", "since the fighting began", "death toll") become aggregate claims, never incidents.
public struct ReportIngester: Sendable {
    /// The places names resolve through (see `gazetteer(for:dataset:world:)` for one that knows other wars).
    public let gazetteer: Gazetteer

    /// An ingester resolving places through `gazetteer`.
    public init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    /// Reads a report. `reportDate` wins over the dateline; `fileName` may carry a `YYYY-MM-DD` used as a last resort.
    public func ingest(_ text: String, reportDate given: Day? = nil, fileName: String? = nil) -> IngestResult {
        var reader = Reader(gazetteer: gazetteer)
        return reader.run(text, given: given, fileName: fileName)
    }

    /// A `YYYY-MM-DD` inside a file name ("barda-2020-10-27.txt").
    public static func date(inFileName name: String) -> Day? {
        let chars = Array(name)
        guard chars.count >= 10 else { return nil }
        for i in 0...(chars.count - 10) {
            if let d = Day(String(chars[i..<(i + 10)])) { return d }
        }
        return nil
    }
}

/// Facts read from one sentence, before grouping.
struct SentenceFacts {
    var sentence: Sentence
    var dates: [DateMention]
    var places: [PlaceMention]
    var casualties: [CasualtyMention]
    var isAggregate: Bool
    var runningPhrase: String?
    var type: (IncidentType, String)?
    var isAttack: Bool
    var attacker: AttackerCue?
    var attributions: [Attribution]
    var denial: (np: [Token], text: String)?
    var isAdmission: Bool
    var isBackground: Bool

    var incidentCasualties: [CasualtyMention] {
        isAggregate ? [] : casualties.filter { !$0.isIncrement && !$0.isAmong && !$0.isDeathToll && $0.measure != nil }
    }
}

/// An incident being assembled.
struct Draft {
    var lastParagraph: Int
    var firstSentence: Int
    var date: (Day, DatePrecision)?
    var hasEventDate = false
    var dateText: String?
    var place: PlaceMention?
    var placeOverride: Place?
    /// A region named where the text names no town ("in Nagorno-Karabakh").
    var region: (name: String, text: String)?
    var type: IncidentType?
    var attacker: Actor?
    var attackerSet = false
    var killed = CasualtyGroups()
    var wounded = CasualtyGroups()
    /// The figure so far is a vague word ("dozens"), which a figure given later replaces.
    var vagueKilled = false
    var vagueWounded = false
    var claimant: Claimant?
    /// The claimant was taken from the sentence that gave the figures.
    var claimantFromFigures = false
    var deniers: [Claimant] = []
    var admitted = false
    var notes: [String] = []
    var evidence: [String: Evidence] = [:]

    var resolvedPlace: Place? {
        if let placeOverride { return placeOverride }
        if case .found(let p) = place?.resolution { return p }
        return nil
    }
}

struct Reader {
    let gazetteer: Gazetteer
    var warnings: [String] = []
    var reportDate: Day?
    var region: Actor?
    var datelineActor: Actor?
    var knownClaimants: [Claimant] = []
    var drafts: [Draft] = []
    var unresolved: [PlaceNote] = []
    var ambiguous: [PlaceNote] = []

    init(gazetteer: Gazetteer) { self.gazetteer = gazetteer }

    mutating func run(_ text: String, given: Day?, fileName: String?) -> IngestResult {
        // 1. Headline, dateline, body sentences.
        var paragraphs = ReportText.paragraphs(text)
        // Page furniture before the body: time stamps, bylines, banners. Their dates rank below a dateline's.
        var stamps: [PageStamp] = []
        var sawHeadline = false
        var k = 0
        while k < min(paragraphs.count, 8) {
            if let (stamp, rest) = PageStamp.parse(paragraphs[k], beforeHeadline: !sawHeadline) {
                stamps.append(stamp)
                if rest.isEmpty { paragraphs.remove(at: k); continue }
                paragraphs[k] = rest
            }
            guard isHeadline(paragraphs[k]) else { break }
            sawHeadline = true
            k += 1
        }
        var headlines: [String] = []
        while let p = paragraphs.first, headlines.count < 4, isHeadline(p) {
            if !headlines.contains(p) { headlines.append(p) }
            paragraphs.removeFirst()
        }
        var dateline: Dateline?
        if let p = paragraphs.first, let d = Dateline.parse(p) {
            dateline = d
            paragraphs.removeFirst()
            if !d.rest.isEmpty { paragraphs.insert(d.rest, at: 0) }
        }
        datelineActor = dateline?.actor
        var sentences: [Sentence] = []
        for h in headlines.prefix(1) {
            sentences.append(Sentence(index: 0, paragraph: -1, text: h, tokens: ReportText.tokens(h), isHeadline: true))
        }
        for (pi, p) in paragraphs.enumerated() {
            for s in ReportText.sentences(p) {
                sentences.append(Sentence(index: sentences.count, paragraph: pi, text: s, tokens: ReportText.tokens(s), isHeadline: false))
            }
        }
        // 2. The report date.
        let (rd, dateSource) = resolveReportDate(given: given, dateline: dateline, stamps: stamps, fileName: fileName, sentences: sentences)
        reportDate = rd
        if rd == nil { warnings.append("no report date (pass --report-date): relative dates are left unresolved") }
        region = sentences.lazy.flatMap(\.tokens).compactMap { ActorLexicon.forms[$0.lower] }.first { $0.isRegion && $0.side != nil }
            ?? (dateline?.actor?.isRegion == true ? dateline?.actor : nil)
        // 3. Facts per sentence.
        let militaryContext = sentences.contains { s in s.tokens.contains { ["military", "army", "helicopter", "aircraft", "convoy"].contains($0.lower) } }
        var facts: [SentenceFacts] = sentences.map { self.facts(of: $0, militaryContext: militaryContext) }
        // A namesake settled once in the report ("the Ukrainian city of Pokrovsk") is the same place when the name
        // comes back without its country.
        var settled: [String: Place] = [:]
        for f in facts { for m in f.places { if case .found(let p) = m.resolution, settled[Gazetteer.key(m.name)] == nil { settled[Gazetteer.key(m.name)] = p } } }
        for i in facts.indices {
            for k in facts[i].places.indices {
                if case .ambiguous(let ps) = facts[i].places[k].resolution, let p = settled[Gazetteer.key(facts[i].places[k].name)],
                   ps.contains(where: { $0.id == p.id }) {
                    facts[i].places[k].resolution = .found(p)
                }
            }
        }
        let warStart = facts.flatMap { $0.dates }.filter { $0.role == .periodStart }
            .compactMap { $0.resolve(reportDate: rd)?.0 }.first
        // 4. Group body sentences into incidents.
        var denials: [SentenceFacts] = []
        var admissions: [(SentenceFacts, Int)] = []
        var negations: [SentenceFacts] = []
        for f in facts where !f.sentence.isHeadline {
            let speaker = mainClaimant(f, fallback: drafts.last?.claimant?.actor ?? datelineActor)
            if let speaker { knownClaimants.append(speaker) }
            if f.denial != nil {
                denials.append(f)
                // "… had killed 14 civilians, but Yerevan denied carrying out an attack": the claim is told too.
                if f.incidentCasualties.isEmpty || f.denial.map({ d in f.incidentCasualties.allSatisfy { $0.text.contains(d.text) } }) == true { continue }
                absorb(f, speaker: speaker)
                continue
            }
            if f.isAdmission { admissions.append((f, drafts.count - 1)); continue }
            if AttributionRules.hasNegation(f.sentence.tokens), let sp = speaker, let cur = drafts.last,
               sp.actor?.name != cur.claimant?.actor?.name {
                negations.append(f)
                continue
            }
            if f.isBackground { continue }
            absorb(f, speaker: speaker)
        }
        // 5. The headline fills what the body left open.
        if let h = facts.first(where: { $0.sentence.isHeadline }) { absorbHeadline(h) }
        // 6. Denials and admissions.
        for f in denials { applyDenial(f) }
        for f in negations { applyImplicitDenial(f) }
        for (f, idx) in admissions { applyAdmission(f, to: idx) }
        // 7. Records.
        let source = SourceRef(title: headlines.first ?? sentences.first(where: { !$0.isHeadline })?.text ?? "news report",
                               url: nil, date: rd?.description, publisher: dateline?.agency)
        let incidents = finish(source: source)
        let aggregates = aggregateClaims(facts, warStart: warStart, source: source)
        let claims = controlClaims(facts)
        if incidents.isEmpty && claims.isEmpty && aggregates.isEmpty {
            warnings.append("no incident, control claim or total found in the text")
        }
        var datelineText: String?
        if let d = dateline {
            datelineText = [d.city, d.actor?.name].compactMap { $0 }.joined(separator: ", ") + ", \(d.month)/\(d.day)" + (d.agency.map { " (\($0))" } ?? "")
        }
        return IngestResult(reportDate: rd, reportDateSource: dateSource,
                            headline: headlines.first, dateline: datelineText, incidents: incidents, aggregates: aggregates,
                            controlClaims: claims,
                            unresolvedPlaces: unresolved, ambiguousPlaces: ambiguous, warnings: warnings)
    }
}

extension ReportIngester {
    /// The ISO codes of the countries a text names as places, in order of first mention: by name ("in Ukraine",
    /// "Syria's north"), or by a demonym that qualifies a place ("the Ukrainian city of", "a Syrian village"). A
    /// demonym of an actor ("Russian forces", "Russian strikes") names no place: its country's towns are not taken.
    public static func countriesNamed(in text: String) -> [String] {
        var words: [String] = []
        var word = ""
        for c in text {
            if c.isLetter { word.append(c) } else { if !word.isEmpty { words.append(word.lowercased()); word = "" } }
        }
        if !word.isEmpty { words.append(word.lowercased()) }
        let placeNouns: Set<String> = ["city", "town", "village", "villages", "towns", "cities", "settlement", "region", "province", "oblast",
                                       "territory", "border", "capital", "port", "district", "governorate", "countryside", "north", "south",
                                       "east", "west", "northern", "southern", "eastern", "western", "frontline", "front"]
        var out: [String] = []
        for (i, w) in words.enumerated() {
            guard let a = ActorLexicon.forms[w], let iso = a.iso, !a.isRegion, !out.contains(iso) else { continue }
            let isName = a.name.lowercased() == w
            let qualifies = words[(i + 1)..<min(words.count, i + 3)].contains { placeNouns.contains($0) }
            if isName || qualifies { out.append(iso) }
        }
        return out
    }

    /// The gazetteer for one report: the dataset's places, then the world places of every other country the text
    /// names (Bakhmut, Avdiivka, Aleppo), each place once (by GeoNames id), none that shares a name with one of the
    /// dataset's. Namesakes stay ambiguous unless the
    /// sentence names the country (see `PlaceRules.resolve`).
    public static func gazetteer(for text: String, dataset: Gazetteer, world: WorldGeography?) throws(FrontlineError) -> Gazetteer {
        guard let world else { return dataset }
        let known = Set(dataset.places.compactMap(\.geonameID))
        let datasetCountries = Set(dataset.places.compactMap(\.country))
        var extra: [Place] = []
        for iso in countriesNamed(in: text) where !datasetCountries.contains(iso) {
            // The dataset's own places come first: a world namesake of one (Barda in Perm Krai) is left out.
            extra += try world.places(of: iso).filter { p in
                guard p.geonameID.map({ !known.contains($0) }) ?? true else { return false }
                if case .notFound = dataset.lookup(p.name) { return true }
                return false
            }
        }
        var gazetteer = extra.isEmpty ? dataset : Gazetteer(dataset.places + extra)
        // Names still unknown ("Kharkiv" in a text that never says "Ukraine") are looked up in every country. A name
        // found in one country is taken; among namesakes, those of a country the text names as a place, else a city that dwarfs the rest (20 times the population); otherwise all stay, and the name is
        // reported as ambiguous.
        let unknown = candidateNames(in: text).filter { if case .notFound = gazetteer.lookup($0) { true } else { false } }
        guard !unknown.isEmpty else { return gazetteer }
        // Only countries named as places count here: "Russian forces fired at Pokrovsk" must not pick Russia's Pokrovsk.
        let mentioned = Set(countriesNamed(in: text))
        let have = Set(gazetteer.places.compactMap(\.geonameID))
        var found: [Place] = []
        for (_, group) in Dictionary(grouping: try world.places(named: unknown), by: { Gazetteer.key($0.name) }) {
            let candidates = group.filter { p in p.geonameID.map { !have.contains($0) } ?? true }
            let local = candidates.filter { $0.country.map(mentioned.contains) ?? false }
            let byPopulation = candidates.sorted { ($0.population ?? 0) > ($1.population ?? 0) }
            if !local.isEmpty {
                found += local
            } else if byPopulation.count > 1, let top = byPopulation.first?.population, top >= 100_000,
                      top >= 20 * (byPopulation[1].population ?? 0) {
                found.append(byPopulation[0])
            } else {
                found += candidates
            }
        }
        if !found.isEmpty { gazetteer = Gazetteer(gazetteer.places + found) }
        return gazetteer
    }

    /// Capitalised words and runs of up to three of them: the names a text could use as places.
    static func candidateNames(in text: String) -> [String] {
        var out: [String] = []
        var seen = Set<String>()
        for p in ReportText.paragraphs(text) {
            let t = ReportText.tokens(p)
            var i = 0
            while i < t.count {
                guard t[i].isCapitalized, t[i].isWord, !PlaceRules.isExcluded(t[i]) else { i += 1; continue }
                var end = i + 1
                while end < min(t.count, i + 3), t[end].isCapitalized, t[end].isWord, !PlaceRules.isExcluded(t[end]) { end += 1 }
                for a in i..<end {
                    for b in (a + 1)...end {
                        let name = t[a..<b].map(\.text).joined(separator: " ")
                        if seen.insert(name).inserted { out.append(name) }
                    }
                }
                i = end
            }
        }
        return out
    }

}
