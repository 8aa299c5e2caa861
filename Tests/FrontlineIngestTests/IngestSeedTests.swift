import Foundation
import FrontlineIngest
import FrontlineKit
import TestSupport
import Testing

/// The user's example, ../shared/seed/barda-2020-10-27.txt (skipped, with a printed message, when ../shared is absent).
@Suite struct IngestSeedTests {
    var gazetteer: Gazetteer? { IngestFixtures.dataset?.gazetteer ?? IngestFixtures.fixtureGazetteer }

    @Test func seedGivesExactlyOneIncident() throws {
        guard let text = IngestFixtures.seed("seedGivesExactlyOneIncident"), let g = gazetteer else { return }
        // No --report-date: the date comes from the file name, as `frontline ingest …/barda-2020-10-27.txt` does.
        let r = ReportIngester(gazetteer: g).ingest(text, fileName: "barda-2020-10-27.txt")
        #expect(r.reportDate?.description == "2020-10-27")
        #expect(r.headline == "Azerbaijan says four civilians killed in Armenian missile attack")
        #expect(r.incidents.count == 1)
        let e = try #require(r.incidents.first)
        let i = e.incident
        #expect(i.date.description == "2020-10-27" && i.datePrecision == .day)
        #expect(i.place?.id == "barda")
        #expect(i.place?.precision == 1)  // "the town of Barda"
        #expect(i.type == .missileStrike)
        #expect(i.attacker == "armenian")
        // Four killed, the toddler among them (not a fifth), civilians per the headline; ten wounded, unqualified.
        #expect(i.killed == CasualtyGroups(civilian: CasualtyCount(exactly: 4)))
        #expect(i.wounded == CasualtyGroups(unknown: CasualtyCount(exactly: 10)))
        #expect(i.notes?.contains("toddler") == true)
        #expect(i.claimant == "Azerbaijan: presidential aide Hikmet Hajiyev")
        #expect(i.deniedBy.isEmpty && i.status == .claimed)
        for field in ["date", "place", "type", "attacker", "killed", "wounded", "claimant"] {
            let ev = try #require(e.evidence[field], "\(field)")
            #expect(ev.confidence > 0 && ev.confidence <= 1)
            #expect(text.contains(ev.sentence), "\(field): \(ev.sentence)")
        }
        #expect(e.evidence["claimant"]?.sentence.hasPrefix("Azerbaijani presidential aide Hikmet Hajiyev said on Twitter") == true)
    }

    @Test func seedAggregatesAreKeptApart() throws {
        guard let text = IngestFixtures.seed("seedAggregatesAreKeptApart"), let g = gazetteer else { return }
        let r = ReportIngester(gazetteer: g).ingest(text, reportDate: Day(year: 2020, month: 10, day: 27))
        let a = r.aggregates.map(\.claim)
        func find(_ subject: String, _ measure: String, _ n: Int) -> AggregateClaim? {
            a.first { $0.subject == subject && $0.measure == measure && $0.count.best == n }
        }
        let troops = try #require(find("troops", "killed", 1009))
        #expect(troops.claimant == "Nagorno-Karabakh: officials" && troops.sideReporting == "armenian")
        #expect(troops.qualifier == "so far" && troops.periodFrom?.description == "2020-09-27")
        #expect(find("civilians", "killed", 39) != nil)
        #expect(find("civilians", "wounded", 122) != nil)
        let az = try #require(find("civilians", "killed", 65))
        #expect(az.claimant == "Azerbaijan: authorities" && az.sideReporting == "azerbaijan")
        let nearly = try #require(find("civilians", "wounded", 300))
        #expect(nearly.qualifier == "nearly" && nearly.count.low == nil && nearly.count.high == 300)
        let putin = try #require(find("people", "killed", 5000))
        #expect(putin.claimant == "Russia: President Vladimir Putin" && putin.sideReporting == nil)
        #expect(putin.datePrecision == .week && putin.date.description == "2020-10-19")  // "said last week"
        #expect(a.count == 6)
        // No incident carries a total.
        #expect(r.incidents.allSatisfy { ($0.incident.killed.total?.best ?? 0) < 100 })
    }

    @Test func seedInventsNoPlaces() throws {
        guard let text = IngestFixtures.seed("seedInventsNoPlaces"), let g = gazetteer else { return }
        let r = ReportIngester(gazetteer: g).ingest(text, reportDate: Day(year: 2020, month: 10, day: 27))
        #expect(r.unresolvedPlaces.isEmpty, "\(r.unresolvedPlaces.map(\.name))")
        #expect(r.ambiguousPlaces.isEmpty)
        #expect(r.incidents.compactMap(\.incident.place?.id) == ["barda"])
    }
}
