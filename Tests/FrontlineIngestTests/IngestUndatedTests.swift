import FrontlineIngest
import FrontlineKit
import TestSupport
import Testing

/// A report whose dateline has no year, read without a report date: nothing is dropped, nothing is guessed.
@Suite struct IngestUndatedTests {
    static let report = """
        Armenia says Azerbaijani drone strike kills two soldiers near Martakert

        YEREVAN, Oct 14 (Reuters) - Armenia's defence ministry said on Wednesday that an Azerbaijani drone struck a military \
        position near Martakert overnight, killing two soldiers and wounding five others.

        Azerbaijan's defence ministry rejected the claim as "disinformation".

        Nagorno-Karabakh says 532 of its servicemen have been killed since fighting erupted on Sept. 27.
        """

    @Test func keepsUndatedRecordsWithoutGuessingTheDate() throws {
        let g = try #require(IngestFixtures.fixtureGazetteer)
        let r = ReportIngester(gazetteer: g).ingest(Self.report)
        #expect(r.reportDate == nil)
        let i = try #require(r.incidents.first)
        #expect(!i.dateResolved && i.incident.place?.id == "martakert" && i.incident.type == .droneStrike)
        #expect(i.incident.killed.military?.best == 2 && i.incident.wounded.military?.best == 5)
        #expect(i.incident.deniedBy.contains { $0.hasPrefix("Azerbaijan") })
        let json = r.json()
        #expect(json["incidents"]?.arrayValue?.first?["date"] == .null)
        let agg = try #require(r.aggregates.first)
        #expect(!agg.dateResolved && agg.claim.count.best == 532 && agg.claim.subject == "troops")
        #expect(r.warnings.contains { $0.contains("--report-date") })
        // With the report date the same records are dated.
        let dated = ReportIngester(gazetteer: g).ingest(Self.report, reportDate: Day("2020-10-14"))
        #expect(dated.incidents.first?.dateResolved == true && dated.incidents.first?.incident.date == Day("2020-10-14"))
    }
}
