import FrontlineKit
/// Denials, admissions, and the final records.
extension Reader {
    /// Incidents a sentence speaks of: those whose place it names, else all.
    func targets(of f: SentenceFacts) -> [Int] {
        let named = drafts.indices.filter { i in
            let d = drafts[i]
            return f.places.contains { p in samePlace(d, p) && p.resolution != .sameAsPrevious }
        }
        return named.isEmpty ? Array(drafts.indices) : named
    }

    /// "Armenia's defence ministry has denied both attacks": the denier, on the incidents it is accused of.
    mutating func applyDenial(_ f: SentenceFacts) {
        guard let (np, text) = f.denial, let denier = Claimants.claimant(np, region: region, fallback: nil, previous: knownClaimants) else { return }
        for i in targets(of: f) { deny(i, denier, f, text: text, confidence: 0.85) }
    }

    mutating func deny(_ i: Int, _ denier: Claimant, _ f: SentenceFacts, text: String, confidence: Double) {
        guard var d = drafts[safe: i] else { return }
        let side = denier.actor?.side
        // A claimant does not deny its own claim; a denier is the accused.
        if let side, d.claimant?.actor?.side == side { return }
        // Attacks are denied by the accused; a capture by the side said to have lost the place.
        if d.type != .capture, d.attackerSet, let a = d.attacker, a.name != denier.actor?.name, a.side == nil || a.side != side { return }
        if !d.attackerSet, let a = denier.actor, a.side != nil {
            d.attacker = a
            d.attackerSet = true
            d.evidence["attacker"] = Evidence(sentence: f.sentence.text, text: "\(denier.label) denies it (the accused side)", confidence: 0.6)
        }
        if let j = d.deniers.firstIndex(where: { $0.actor != nil && $0.actor?.name == denier.actor?.name }) {
            if denier.specificity > d.deniers[j].specificity { d.deniers[j] = denier }
        } else if !d.deniers.contains(denier) {
            d.deniers.append(denier)
        }
        d.evidence["denied_by"] = Evidence(sentence: f.sentence.text, text: text, confidence: confidence)
        drafts[i] = d
    }

    /// "A spokeswoman for the Armenian defence ministry said no missile had been fired towards Barda": a denial when the
    /// accused side negates this attack (its place or weapon); "says it is not targeting civilians" is not one.
    mutating func applyImplicitDenial(_ f: SentenceFacts) {
        guard let a = f.attributions.first,
              let speaker = Claimants.claimant(a.np, region: region, fallback: nil, previous: knownClaimants),
              let actor = speaker.actor else { return }
        let words = Set(f.sentence.tokens.map(\.lower))
        for i in drafts.indices {
            let d = drafts[i]
            guard d.attacker?.name == actor.name || (d.attacker?.side != nil && d.attacker?.side == actor.side) else { continue }
            let placeNamed = d.place.map { p in f.places.contains { samePlace(d, $0) } || words.contains(p.name.lowercased()) } ?? false
            let weapon = d.type.map { t in IncidentTypeRules.ordered.first { $0.0 == t }?.1.contains { words.contains($0) } ?? false } ?? false
            guard placeNamed || weapon else { continue }
            deny(i, speaker, f, text: f.sentence.text, confidence: 0.6)
        }
    }

    /// "its forces had shot the helicopter down by mistake": the speaker's side attacked, and says so.
    mutating func applyAdmission(_ f: SentenceFacts, to i: Int) {
        guard var d = drafts[safe: i] else { return }
        let speaker = f.attributions.first.flatMap { Claimants.claimant($0.np, region: region, fallback: nil, previous: knownClaimants) }
        guard let actor = speaker?.actor ?? f.sentence.tokens.lazy.compactMap({ ActorLexicon.forms[$0.lower] }).first else { return }
        d.attacker = actor
        d.attackerSet = true
        d.admitted = true
        d.deniers.removeAll { $0.actor?.name == actor.name }
        d.evidence["attacker"] = Evidence(sentence: f.sentence.text, text: "\(actor.name) admits it", confidence: 0.9)
        d.evidence["status"] = Evidence(sentence: f.sentence.text, text: "admitted by the attacker", confidence: 0.85)
        drafts[i] = d
    }

    /// The incident records, with ids unique within the report.
    func finish(source: SourceRef) -> [ExtractedIncident] {
        var out: [ExtractedIncident] = []
        var ids = Set<String>()
        for d in drafts {
            // Without a year or a report date the record is still kept, marked undated, never dropped.
            let resolved = d.date ?? reportDate.map { ($0, DatePrecision.day) }
            let (day, precision) = resolved ?? (Day(ordinal: 0), DatePrecision.day)
            var evidence = d.evidence
            if resolved == nil {
                evidence["date"] = Evidence(sentence: evidence["date"]?.sentence ?? "", text: "unresolved: the text gives no year and no report date is known (pass --report-date)", confidence: 0)
            } else if d.date == nil {
                evidence["date"] = Evidence(sentence: "", text: "the report date (the text gives none)", confidence: 0.3)
            }
            var place: IncidentPlace?
            if let p = d.place {
                if let r = d.resolvedPlace {
                    place = IncidentPlace(id: r.id, name: r.name, position: r.position, precision: p.precision, detail: p.text)
                } else {
                    place = IncidentPlace(id: nil, name: p.name, position: nil, precision: nil, detail: p.text)
                }
            }
            if place == nil, let r = d.region {
                place = IncidentPlace(id: nil, name: r.name, position: nil, precision: 3, detail: r.text)
                evidence["place"] = Evidence(sentence: "", text: r.text + " (a region: the text names no town)", confidence: 0.6)
            }
            let type = d.type ?? .other
            let status: ChangeStatus = !d.deniers.isEmpty ? .disputed : d.admitted ? .confirmed : .claimed
            if evidence["status"] == nil {
                evidence["status"] = Evidence(sentence: evidence["denied_by"]?.sentence ?? "", text: status == .disputed ? "denied" : "one side's claim, not denied in the text", confidence: 0.7)
            }
            if !d.notes.isEmpty { evidence["notes"] = Evidence(sentence: "", text: d.notes.joined(separator: "; "), confidence: 0.8) }
            let base = "\(resolved == nil ? "undated" : day.description)-\(Self.slug(place?.id ?? place?.name ?? "unplaced"))-\(Self.slug(type.rawValue))"
            var id = base
            var n = 2
            while ids.contains(id) { id = "\(base)-\(n)"; n += 1 }
            ids.insert(id)
            let incident = Incident(
                id: id, date: day, datePrecision: precision, place: place, type: type, attacker: d.attacker?.id,
                killed: d.killed, wounded: d.wounded, claimant: d.claimant?.label, sources: [source],
                deniedBy: d.deniers.map(\.label), status: status, notes: d.notes.isEmpty ? nil : d.notes.joined(separator: "; "))
            out.append(ExtractedIncident(incident: incident, dateText: d.dateText, placeText: d.place?.text, evidence: evidence,
                                         dateResolved: resolved != nil))
        }
        return out
    }

    /// Totals, each with its claimant, statement date and the period it covers.
    func aggregateClaims(_ facts: [SentenceFacts], warStart: Day?, source: SourceRef) -> [ExtractedAggregate] {
        var out: [ExtractedAggregate] = []
        var seen = Set<String>()
        var previous: [Claimant] = []
        for f in facts where !f.sentence.isHeadline {
            let speaker = f.attributions.lazy.compactMap {
                Claimants.claimant($0.np, region: region, fallback: datelineActor, previous: previous)
            }.first
            if let speaker { previous.append(speaker) }
            guard f.isAggregate else { continue }
            let said = f.dates.first { $0.role == .statement }.flatMap { $0.resolve(reportDate: reportDate) }
            // Kept even when undated (no year, no report date): marked, never dropped.
            let resolved = said ?? reportDate.map { ($0, DatePrecision.day) }
            let (day, precision) = resolved ?? (Day(ordinal: 0), DatePrecision.day)
            let explicitStart = f.dates.first { $0.role == .periodStart }.flatMap { $0.resolve(reportDate: reportDate)?.0 }
            for m in f.casualties where !m.isIncrement && !m.isAmong {
                guard let measure = m.measure else { continue }
                let subject = switch m.category ?? .unknown {
                case .civilian: "civilians"
                case .military: "troops"
                case .unknown: "people"
                }
                let key = "\(speaker?.label ?? "")|\(subject)|\(measure.rawValue)|\(m.count.best)"
                guard seen.insert(key).inserted else { continue }
                let id = "\(resolved == nil ? "undated" : day.description)-\(Self.slug(speaker?.actor?.name ?? speaker?.label ?? "unattributed"))-\(subject)-\(measure.rawValue)"
                var uid = id
                var n = 2
                while out.contains(where: { $0.claim.id == uid }) { uid = "\(id)-\(n)"; n += 1 }
                let claim = AggregateClaim(
                    id: uid, date: day, datePrecision: precision, claimant: speaker?.label, sideReporting: speaker?.actor?.side,
                    subject: subject, measure: measure.rawValue, count: m.count, qualifier: m.qualifier ?? f.runningPhrase,
                    periodFrom: f.runningPhrase != nil ? (explicitStart ?? warStart) : nil, sources: [source], quote: f.sentence.text)
                out.append(ExtractedAggregate(claim: claim, evidence: Evidence(sentence: f.sentence.text, text: m.text, confidence: 0.8),
                                              dateResolved: resolved != nil))
            }
        }
        return out
    }

    /// An ASCII id part: "Xankəndi" → "xankandi", "missile strike" → "missile-strike".
    static func slug(_ s: String) -> String {
        let parts = s.split { !$0.isLetter && !$0.isNumber }.map { Gazetteer.key(String($0)).filter { $0.isASCII } }.filter { !$0.isEmpty }
        return parts.isEmpty ? "x" : parts.joined(separator: "-")
    }
}
