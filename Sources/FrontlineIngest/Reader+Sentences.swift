import FrontlineKit
/// Reading the report's frame (headline, report date) and the facts of each sentence.
extension Reader {
    /// A short first line with no closing period: a headline.
    func isHeadline(_ p: String) -> Bool {
        guard let last = p.last, !".!?\"”".contains(last) else { return false }
        let words = p.split(separator: " ").count
        return words <= 25 && Dateline.parse(p) == nil
    }

    /// The report date: given, else the dateline's day with a year from the text or file name, else the file name.
    mutating func resolveReportDate(given: Day?, dateline: Dateline?, stamps: [PageStamp], fileName: String?, sentences: [Sentence]) -> (Day?, String) {
        // The article's own stamp outranks an "Updated" one, and both a banner with the day the page was read.
        let stamp = stamps.enumerated().min { ($0.element.kind, $0.offset) < ($1.element.kind, $1.offset) }?.element
        if let stamp, given == nil, stamps.contains(where: { $0.kind == stamp.kind && $0.day != stamp.day }) {
            warnings.append("the page prints different dates (\(stamps.map { $0.day.description }.joined(separator: ", "))); the report date is \(stamp.day), from \"\(stamp.text)\"")
        }
        let kind = dateline?.kind ?? "dateline"
        if let given {
            if let d = dateline {
                let c = given.components
                if c.month == d.month && c.day == d.day { return (given, kind) }
                warnings.append("the \(kind) says \(d.month)/\(d.day) but the report date given is \(given); using \(given)")
            }
            return (given, "given")
        }
        let fromFile = fileName.flatMap(ReportIngester.date(inFileName:))
        if let d = dateline {
            if let y = d.year, let day = Day(year: y, month: d.month, day: d.day) { return (day, kind) }
            let year = fromFile?.components.year ?? stamp?.day.components.year ?? firstYear(sentences)
            if let y = year, let day = Day(year: y, month: d.month, day: d.day) { return (day, kind) }
        }
        if let stamp { return (stamp.day, stamp.kind == .banner ? "banner" : "header") }
        if let f = fromFile { return (f, "file name") }
        for s in sentences {
            for m in DateRules.mentions(in: s.tokens) {
                if case .absolute(_, _, .some) = m.expression, let (d, _) = m.resolve(reportDate: nil) { return (d, "text") }
            }
        }
        return (nil, "none")
    }

    func firstYear(_ sentences: [Sentence]) -> Int? {
        for s in sentences {
            for m in DateRules.mentions(in: s.tokens) { if case .absolute(_, _, let y?) = m.expression { return y } }
        }
        return nil
    }

    static let backgroundCues = [
        "ceasefire", "cease-fire", "truce", "talks", "negotiations", "has involved", "several times", "for weeks", "in recent days",
        "earlier", "began", "erupted", "until", "ended in", "was meant", "agreed", "since", "has come under", "have come under",
    ]

    /// Reads dates, places, casualties, type, attacker, speakers and denials of one sentence.
    func facts(of s: Sentence, militaryContext: Bool) -> SentenceFacts {
        let t = s.tokens
        let casualties = CasualtyRules.mentions(in: t, militaryContext: militaryContext)
        let (isAggregate, running) = aggregateCue(s)
        let type = IncidentTypeRules.type(s)
        var f = SentenceFacts(
            sentence: s, dates: DateRules.mentions(in: t), places: PlaceRules.mentions(in: t, gazetteer: gazetteer),
            casualties: casualties, isAggregate: isAggregate, runningPhrase: running, type: type,
            isAttack: IncidentTypeRules.isAttack(s), attacker: AttributionRules.attacker(t),
            attributions: AttributionRules.attributions(t), denial: AttributionRules.denial(t),
            isAdmission: AttributionRules.isAdmission(s), isBackground: false)
        // A title-case headline capitalises every word: only names the gazetteer knows are places there.
        if s.isHeadline {
            f.places.removeAll { p in if case .unresolved = p.resolution { true } else { false } }
        }
        let lower = s.lowerText
        let hasCue = Self.backgroundCues.contains { lower.contains(" \($0) ") }
        f.isBackground = hasCue && f.incidentCasualties.isEmpty
        return f
    }

    /// Whether a sentence states totals, and its running-total phrase ("so far", "since the fighting began").
    func aggregateCue(_ s: Sentence) -> (Bool, String?) {
        let t = s.tokens.map(\.lower)
        var running: String?
        if s.has("so far") { running = "so far" } else if s.has("to date") { running = "to date" }
        else if s.has("in total") { running = "in total" } else if s.has("overall") { running = "overall" }
        if running == nil, let i = t.firstIndex(of: "since") {
            // "since the fighting began", "since the start of the war", "since Sept. 27"
            let window = Array(t[(i + 1)..<min(t.count, i + 7)])
            if let v = window.firstIndex(where: { DateRules.startWords.contains($0) && $0 != "since" }) {
                running = (["since"] + window[0...v]).joined(separator: " ")
            } else if window.first == "the", let w = window[safe: 1], ["start", "beginning", "outbreak"].contains(w) {
                running = (["since"] + window.prefix(while: { $0 != "," && $0 != "." })).joined(separator: " ")
            } else if let m = DateRules.mentions(in: s.tokens).first(where: { $0.start == i + 1 }) {
                running = "since " + m.text
            }
        }
        if running == nil {
            for (i, w) in t.enumerated() where ["fighting", "war", "conflict", "clashes", "hostilities"].contains(w) {
                if let a = t[safe: i + 1], ["has", "have"].contains(a), let v = t[safe: i + 2], ["killed", "wounded", "claimed"].contains(v) {
                    running = "since the fighting began"
                }
            }
        }
        let toll = s.has("death toll") || s.has("casualty toll") || s.has("a total of") || s.has("combined")
        return (running != nil || toll, running)
    }

    /// The first speaker of a sentence, as a claimant.
    func mainClaimant(_ f: SentenceFacts, fallback: Actor?) -> Claimant? {
        for a in f.attributions {
            if let c = Claimants.claimant(a.np, region: region, fallback: fallback, previous: knownClaimants) { return c }
        }
        return nil
    }
}
