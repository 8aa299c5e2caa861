import Foundation
import FrontlineIngest
import FrontlineKit
import TestSupport
import Testing

/// Every report in Tests/Fixtures/reports against its expected.json, with the test gazetteer and the bundled one.
@Suite struct IngestReportFixtureTests {
    @Test func fixturesExist() {
        #expect(IngestFixtures.reports.count >= 12)
        #expect(IngestFixtures.fixtureGazetteer != nil)
    }

    @Test(arguments: IngestFixtures.reports.map(\.0))
    func report(_ name: String) throws {
        guard let (_, text, exp) = IngestFixtures.reports.first(where: { $0.0 == name }) else { Issue.record("no fixture \(name)"); return }
        for (label, gazetteer) in IngestFixtures.gazetteers {
            check(name, label, text, exp, gazetteer)
        }
    }

    func check(_ name: String, _ label: String, _ text: String, _ exp: [String: Any], _ gazetteer: Gazetteer) {
        let ctx = "\(name) [\(label) gazetteer]"
        var incidentsExp = exp["incidents"] as? [[String: Any]] ?? []
        var unresolvedExp = exp["unresolved_places"] as? [String] ?? []
        let ambiguousExp = exp["ambiguous_places"] as? [String] ?? []
        for id in exp["requires_places"] as? [String] ?? [] where gazetteer.place(id: id) == nil {
            // The README's rule: a place the gazetteer lacks is unresolved, never matched elsewhere.
            guard let i = incidentsExp.firstIndex(where: { $0["place"] as? String == id }),
                  let placeText = incidentsExp[i]["place_text"] as? String, let name = placeText.split(separator: " ").last else {
                print("SKIP \(ctx): gazetteer has no \(id)"); return
            }
            incidentsExp[i]["place"] = NSNull()
            incidentsExp[i]["place_precision"] = NSNull()
            unresolvedExp.append(String(name))
        }
        for n in ambiguousExp {
            if case .ambiguous = gazetteer.lookup(n) {} else { print("SKIP \(ctx): \(n) is not ambiguous in this gazetteer"); return }
        }
        let reportDate = (exp["report_date"] as? String).flatMap(Day.init)
        let r = ReportIngester(gazetteer: gazetteer).ingest(text, reportDate: reportDate)
        #expect(r.reportDate == reportDate, "\(ctx)")
        if let src = exp["report_date_source"] as? String { #expect(r.reportDateSource == src, "\(ctx): date source") }
        #expect(r.incidents.count == incidentsExp.count, "\(ctx): incidents \(r.incidents.map(\.incident.id))")
        for (e, g) in zip(incidentsExp, r.incidents) {
            let i = g.incident
            #expect(i.date.description == e["date"] as? String, "\(ctx): date")
            #expect(i.place?.id == e["place"] as? String, "\(ctx): place \(String(describing: i.place))")
            if let p = e["place_precision"] as? Int { #expect(i.place?.precision == p, "\(ctx): place precision") }
            #expect(i.type.rawValue == e["type"] as? String, "\(ctx): type")
            #expect(i.attacker == e["attacker"] as? String, "\(ctx): attacker")
            for (key, groups) in [("killed", i.killed), ("wounded", i.wounded)] {
                let eg = e[key] as? [String: Any] ?? [:]
                for c in CasualtyCategory.allCases {
                    #expect(groups[c]?.best == eg[c.rawValue] as? Int, "\(ctx): \(key).\(c.rawValue)")
                }
            }
            #expect(IngestFixtures.claimantMatches(expected: e["claimant"] as? String, got: i.claimant), "\(ctx): claimant \(i.claimant ?? "nil")")
            let denied = e["denied_by"] as? [String] ?? []
            #expect(i.deniedBy.count == denied.count, "\(ctx): denied_by \(i.deniedBy)")
            for (a, b) in zip(denied, i.deniedBy) { #expect(IngestFixtures.claimantMatches(expected: a, got: b), "\(ctx): denier \(b)") }
            // Every stated field carries its sentence and a confidence.
            for field in ["date", "type", "claimant"] {
                #expect(g.evidence[field].map { $0.confidence > 0 && $0.confidence <= 1 } == true, "\(ctx): evidence for \(field)")
            }
            if i.place != nil { #expect(g.evidence["place"]?.sentence.isEmpty == false, "\(ctx): place evidence") }
        }
        let aggExp = exp["aggregates"] as? [[String: Any]] ?? []
        #expect(r.aggregates.count == aggExp.count, "\(ctx): aggregates \(r.aggregates.map { "\($0.claim.subject) \($0.claim.count.best)" })")
        for (e, g) in zip(aggExp, r.aggregates.map(\.claim)) {
            #expect(g.subject == e["subject"] as? String, "\(ctx): aggregate subject")
            #expect(g.measure == e["measure"] as? String, "\(ctx): aggregate measure")
            #expect(g.count.best == e["count"] as? Int, "\(ctx): aggregate count")
            #expect(g.qualifier == e["qualifier"] as? String, "\(ctx): aggregate qualifier")
            #expect(g.date.description == e["date"] as? String, "\(ctx): aggregate date")
            #expect(g.datePrecision.rawValue == e["date_precision"] as? String, "\(ctx): aggregate date precision")
            #expect(g.periodFrom?.description == e["period_from"] as? String, "\(ctx): aggregate period_from")
            #expect(IngestFixtures.claimantMatches(expected: e["claimant"] as? String, got: g.claimant), "\(ctx): aggregate claimant \(g.claimant ?? "nil")")
        }
        #expect(r.unresolvedPlaces.map(\.name) == unresolvedExp, "\(ctx): unresolved")
        #expect(r.ambiguousPlaces.map(\.name) == ambiguousExp, "\(ctx): ambiguous")
    }
}
