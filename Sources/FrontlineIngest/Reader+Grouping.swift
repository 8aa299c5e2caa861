import FrontlineKit
/// Grouping sentence facts into incidents.
extension Reader {
    /// The place of a sentence that can locate an incident (unknown names only when the sentence is clearly an attack).
    func place(of f: SentenceFacts) -> PlaceMention? {
        let strong = f.type != nil || !f.incidentCasualties.isEmpty
        return f.places.first { p in
            switch p.resolution {
            case .found, .sameAsPrevious: true
            case .unresolved, .ambiguous: strong
            }
        }
    }

    func samePlace(_ d: Draft, _ p: PlaceMention) -> Bool {
        switch (d.place?.resolution, p.resolution) {
        case (.found(let a)?, .found(let b)): return a.id == b.id
        case (_, .sameAsPrevious): return true
        default: return d.place.map { $0.name.lowercased() == p.name.lowercased() } ?? false
        }
    }

    /// Adds a body sentence to the incident being told, or starts a new one.
    mutating func absorb(_ f: SentenceFacts, speaker: Claimant?) {
        let cas = f.incidentCasualties
        // A bare accusation ("Azerbaijan blamed Armenian forces.") only joins the incident being told.
        let isAccusation = (f.attacker?.confidence ?? 0) >= 0.9 && place(of: f) == nil && !drafts.isEmpty
        let isEvent = f.type != nil || !cas.isEmpty || (f.isAttack && place(of: f) != nil) || isAccusation
        guard isEvent else { return }
        let p = place(of: f)
        let eventDate = f.dates.first { $0.role == .event }
        var startNew = false
        if let p {
            if let cur = drafts.last {
                let ctx = cur.date?.0
                let newDay = eventDate?.resolve(reportDate: reportDate, context: ctx)?.0
                let dateDiffers = newDay != nil && cur.hasEventDate && newDay != cur.date?.0
                    || (eventDate.map { if case .fromContext = $0.expression { true } else { false } } ?? false)
                let typeDiffers = f.type.map { $0.0 != cur.type } ?? false && cur.type != nil
                startNew = !samePlace(cur, p) || dateDiffers || typeDiffers
            } else {
                startNew = true
            }
        } else if let cur = drafts.last, f.sentence.paragraph - cur.lastParagraph <= 1 {
            startNew = false
        } else if !cas.isEmpty && drafts.isEmpty {
            startNew = true
        } else {
            return
        }
        if startNew {
            var d = Draft(lastParagraph: f.sentence.paragraph, firstSentence: f.sentence.index)
            let prev = drafts.last
            if let p {
                d.place = p
                if case .sameAsPrevious = p.resolution { d.placeOverride = prev?.resolvedPlace; d.place?.name = prev?.place?.name ?? p.name }
                d.evidence["place"] = Evidence(sentence: f.sentence.text, text: p.text, confidence: p.confidence)
                note(p, f)
            }
            setDate(&d, f, previous: prev)
            if let (t, w) = f.type {
                d.type = t
                d.evidence["type"] = Evidence(sentence: f.sentence.text, text: w, confidence: 0.85)
            } else if let pt = prev?.type {
                d.type = pt
                d.evidence["type"] = Evidence(sentence: f.sentence.text, text: "as the incident before", confidence: 0.5)
            }
            drafts.append(d)
        }
        guard var d = drafts.popLast() else { return }
        d.lastParagraph = max(d.lastParagraph, f.sentence.paragraph)
        if d.place == nil, d.region == nil, let r = regionMention(f) { d.region = r }
        if d.date == nil { setDate(&d, f, previous: drafts.last) }
        if d.type == nil, let (t, w) = f.type {
            d.type = t
            d.evidence["type"] = Evidence(sentence: f.sentence.text, text: w, confidence: 0.8)
        }
        // The claimant is who gives the figures: the speaker of the figures' clause ("…, and the prosecutor general's
        // office said 14 civilians had been killed") outranks whoever spoke first.
        // A later source of figures of the same country that is more specific ("Azerbaijan" then "the prosecutor
        // general's office said 14 …") takes over; a speaker of the same sentence who gave no figure does not.
        let source = f.incidentCasualties.isEmpty ? nil : (figureSpeaker(f) ?? speaker)
        if let s = source {
            let moreSpecific = s.specificity > (d.claimant?.specificity ?? 0) && (s.actor == nil || s.actor?.name == d.claimant?.actor?.name)
            if !d.claimantFromFigures || moreSpecific {
                d.claimant = s
                d.claimantFromFigures = true
                d.evidence["claimant"] = Evidence(sentence: f.sentence.text, text: s.text + " (gives the figures)", confidence: 0.85)
            }
        } else if let s = speaker {
            addClaimant(&d, s, f)
        }
        if !d.attackerSet, let cue = f.attacker { setAttacker(&d, cue, speaker: speaker, f) }
        addCasualties(&d, f.casualties.filter { !f.isAggregate || $0.isAmong }, f, fromHeadline: false)
        drafts.append(d)
    }

    /// "in the disputed Nagorno-Karabakh region": a region named as where something happened, for an incident whose
    /// text names no town (the record then says the region, at region precision, with no coordinates).
    func regionMention(_ f: SentenceFacts) -> (name: String, text: String)? {
        let t = f.sentence.tokens
        for i in t.indices {
            guard let (a, n) = ActorLexicon.actor(in: t, at: i), a.isRegion, a.side != nil else { continue }
            var k = i - 1
            while k >= 0, ["the", "disputed", "breakaway", "mountainous", "separatist", "contested", "region", "of", "enclave"].contains(t[k].lower) { k -= 1 }
            guard k >= 0, ["in", "across", "inside", "throughout", "on"].contains(t[k].lower) else { continue }
            return (a.name, CasualtyRules.phrase(t, k, min(t.count, i + n + (["region", "enclave"].contains(t[safe: i + n]?.lower ?? "") ? 1 : 0))))
        }
        return nil
    }

    /// The speaker of a sentence's first casualty figure: the nearest attribution before it, else the first after it
    /// ("14 were killed, the ministry said").
    func figureSpeaker(_ f: SentenceFacts) -> Claimant? {
        guard let at = f.incidentCasualties.first?.start else { return nil }
        // A speaker inside a relative clause ("an attack that Azerbaijani prosecutors say killed 21") sources the
        // figure for the main speaker, who stays the claimant.
        let t = f.sentence.tokens
        let relative = f.attributions.contains { a in
            let from = a.position - a.np.count
            return a.position < at && ["that", "which"].contains(t[safe: from - 1]?.lower ?? "") && t[safe: from - 2]?.lower != "said"
        }
        if relative { return nil }
        let before = f.attributions.filter { $0.position < at }.max { $0.position < $1.position }
        let after = f.attributions.filter { $0.position > at }.min { $0.position < $1.position }
        for a in [before, after].compactMap({ $0 }) {
            if let c = Claimants.claimant(a.np, region: region, fallback: drafts.last?.claimant?.actor ?? datelineActor, previous: knownClaimants) { return c }
        }
        return nil
    }

    mutating func note(_ p: PlaceMention, _ f: SentenceFacts) {
        switch p.resolution {
        case .unresolved where !unresolved.contains(where: { $0.name == p.name }):
            unresolved.append(PlaceNote(name: p.name, text: p.text, sentence: f.sentence.text, candidates: []))
        case .ambiguous(let ps) where !ambiguous.contains(where: { $0.name == p.name }):
            ambiguous.append(PlaceNote(name: p.name, text: p.text, sentence: f.sentence.text, candidates: ps.map(\.id)))
        default: break
        }
    }

    /// The date: the sentence's event date, else when it was said, else the incident before's, else the report date.
    func setDate(_ d: inout Draft, _ f: SentenceFacts, previous: Draft?) {
        if let m = f.dates.first(where: { $0.role == .event }), let (day, prec) = m.resolve(reportDate: reportDate, context: previous?.date?.0) {
            d.date = (day, prec)
            d.hasEventDate = true
            d.dateText = m.text
            let conf: Double = switch m.expression {
            case .absolute: 0.95
            case .weekday, .offset: 0.85
            case .fromContext: 0.75
            default: 0.6
            }
            d.evidence["date"] = Evidence(sentence: f.sentence.text, text: m.text, confidence: conf)
        } else if let m = f.dates.first(where: { $0.role == .statement }), let (day, prec) = m.resolve(reportDate: reportDate) {
            d.date = (day, prec)
            d.dateText = m.text
            d.evidence["date"] = Evidence(sentence: f.sentence.text, text: m.text + " (when it was said)", confidence: 0.7)
        } else if let p = previous, let pd = p.date {
            d.date = pd
            d.dateText = p.dateText
            d.evidence["date"] = Evidence(sentence: f.sentence.text, text: (p.dateText ?? "") + " (as the incident before)", confidence: 0.6)
        }
    }

    func addClaimant(_ d: inout Draft, _ c: Claimant, _ f: SentenceFacts) {
        if let old = d.claimant {
            guard c.specificity > old.specificity, let a = c.actor, a.name == old.actor?.name else { return }
        }
        d.claimant = c
        // A speaker who gave no figure: a later sentence's source of the figures may still take the claim.
        d.claimantFromFigures = false
        d.evidence["claimant"] = Evidence(sentence: f.sentence.text, text: c.text, confidence: c.specificity >= 2 ? 0.85 : 0.75)
    }

    func setAttacker(_ d: inout Draft, _ cue: AttackerCue, speaker: Claimant?, _ f: SentenceFacts) {
        guard let actor = cue.actor ?? speaker?.actor ?? d.claimant?.actor else { return }
        d.attacker = actor
        d.attackerSet = true
        let note = actor.side == nil ? " (\(actor.name) is not a side of this dataset)" : ""
        d.evidence["attacker"] = Evidence(sentence: f.sentence.text, text: cue.text + note, confidence: cue.confidence)
    }

    /// Adds casualty figures. Within one sentence several groups add up; a later sentence only fills a measure still
    /// empty, or names the category of a figure already given ("four people" then "four civilians").
    func addCasualties(_ d: inout Draft, _ ms: [CasualtyMention], _ f: SentenceFacts, fromHeadline: Bool) {
        for m in ms where m.isAmong {
            let n = "\(m.noun.map { "a " + $0.lowercased() } ?? "one victim") among the \(m.measure == .wounded ? "wounded" : "dead") (not an extra victim)"
            if !d.notes.contains(n) { d.notes.append(n) }
        }
        let usable = ms.filter { !$0.isAmong && !$0.isIncrement && !$0.isDeathToll && $0.measure != nil }
        for measure in [CasualtyMeasure.killed, .wounded] {
            let group = usable.filter { $0.measure == measure }
            guard !group.isEmpty else { continue }
            var g = measure == .killed ? d.killed : d.wounded
            var added = CasualtyGroups()
            for m in group {
                let c = m.category ?? .unknown
                added[c] = added[c].map { $0 + m.count } ?? m.count
            }
            let key = measure.rawValue
            let vagueBefore = (measure == .killed ? d.vagueKilled : d.vagueWounded)
            let vagueNow = group.allSatisfy(\.isVague)
            // "wounded dozens more" then "40 others sustained injuries": the figure replaces the vague word.
            if vagueBefore, !vagueNow {
                g = CasualtyGroups()
                if measure == .killed { d.vagueKilled = false } else { d.vagueWounded = false }
            }
            if g.isEmpty {
                if measure == .killed { d.vagueKilled = vagueNow } else { d.vagueWounded = vagueNow }
                g = added
                d.evidence[key] = Evidence(sentence: f.sentence.text, text: group.map(\.text).joined(separator: "; "), confidence: fromHeadline ? 0.7 : 0.85)
            } else if let total = g.total, let newTotal = added.total, total.best == newTotal.best,
                      g.unknown != nil, g.civilian == nil, g.military == nil, added.unknown == nil {
                g = added
                d.evidence[key] = Evidence(sentence: f.sentence.text, text: group.map(\.text).joined(separator: "; ") + " (names the group of the same figure)", confidence: 0.8)
            }
            if measure == .killed { d.killed = g } else { d.wounded = g }
        }
    }

    /// The headline: fills an incident at its place (or the first one), or starts one when the body gave none.
    mutating func absorbHeadline(_ h: SentenceFacts) {
        let p = place(of: h)
        var idx = drafts.indices.first
        if let p { idx = drafts.firstIndex { samePlace($0, p) } ?? (drafts.count == 1 && drafts[0].place == nil ? 0 : nil) }
        let speaker = mainClaimant(h, fallback: datelineActor) ?? headlineSpeaker(h)
        if idx == nil {
            guard p != nil, h.type != nil || !h.incidentCasualties.isEmpty else { return }
            var d = Draft(lastParagraph: -1, firstSentence: 0)
            if let p { d.place = p; d.evidence["place"] = Evidence(sentence: h.sentence.text, text: p.text, confidence: p.confidence * 0.8); note(p, h) }
            setDate(&d, h, previous: nil)
            drafts.append(d)
            idx = drafts.count - 1
        }
        guard let i = idx, var d = drafts[safe: i] else { return }
        if d.place == nil, let p {
            d.place = p
            d.evidence["place"] = Evidence(sentence: h.sentence.text, text: p.text, confidence: p.confidence * 0.8)
            note(p, h)
        }
        if d.type == nil, let (t, w) = h.type { d.type = t; d.evidence["type"] = Evidence(sentence: h.sentence.text, text: w, confidence: 0.75) }
        if d.claimant == nil, let s = speaker { addClaimant(&d, s, h) }
        if !d.attackerSet, let cue = h.attacker { setAttacker(&d, cue, speaker: speaker, h) }
        addCasualties(&d, h.casualties, h, fromHeadline: true)
        drafts[i] = d
    }

    /// "Azerbaijan says …" / "Azerbaijan accuses Armenia …" at the start of a headline.
    func headlineSpeaker(_ h: SentenceFacts) -> Claimant? {
        let t = h.sentence.tokens
        guard let (a, n) = ActorLexicon.actor(in: t, at: 0), let v = t[safe: n]?.lower,
              ["says", "said", "accuses", "claims", "reports", "blames"].contains(v) else { return nil }
        return Claimant(actor: a, body: nil, organisation: nil, specificity: 1, text: a.name)
    }
}
