import Foundation
import Testing
import TestSupport

/// The world geography layers answering for another war's archive: regions, settlements, places.
@Suite struct GeographyTests {
    static let archive = TestPaths.repo.deletingLastPathComponent().appendingPathComponent("shared/data/deepstate-ua")
    var present: Bool {
        if FileManager.default.fileExists(atPath: GeographyTests.archive.path) { return true }
        print("skipped: ../shared/data/deepstate-ua is absent")
        return false
    }

    /// DeepStateMap's own per-oblast shares of 2026-01-02, against the snapshot nearest 2026-01-01.
    @Test func perOblastSharesMatchDeepStatesPublishedFigures() throws {
        guard present else { return }
        let r = try CLI.run(["control", "--snapshots", GeographyTests.archive.path, "--date", "2026-01-01", "--by", "region", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let rows = o["rows"] as! [[String: Any]]
        func pct(_ name: String) -> Double { rows.first { ($0["region"] as! String) == name && ($0["side"] as! String) == "occupied" }?["pct_of_region"] as? Double ?? 0 }
        let published: [(String, Double)] = [("Luhans'k", 99.6), ("Donets'k", 78.1), ("Zaporizhzhya", 74.8), ("Kherson", 72.0),
                                             ("Kharkiv", 4.7), ("Sumy", 1.0), ("Dnipropetrovs'k", 0.6), ("UA (all regions)", 19.24)]
        for (name, p) in published { #expect(abs(pct(name) - p) <= 1.5, "\(name): \(pct(name)) vs DeepState \(p)") }
        for row in rows { #expect(row["region"] != nil && row["side"] != nil && row["area_km2"] != nil && row["pct_of_region"] != nil) }
    }

    @Test func aWeeklyDiffNamesTheTownsThatChangedHands() throws {
        guard present else { return }
        let r = try CLI.run(["diff", "--snapshots", GeographyTests.archive.path, "--from", "2024-09-25", "--to", "2024-10-02", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let s = o["settlements"] as! [[String: Any]]
        let vuhledar = s.first { ($0["name"] as? String) == "Vuhledar" }
        #expect(vuhledar?["region"] as? String == "UA-donets-k")
        #expect(vuhledar?["to_side"] as? String == "occupied" && vuhledar?["from_side"] as? String == "other")
        #expect(vuhledar?["date"] as? String == "2024-10-02")
        let table = try CLI.run(["diff", "--snapshots", GeographyTests.archive.path, "--from", "2024-09-25", "--to", "2024-10-02"])
        #expect(table.stdout.contains("between the snapshots of 2024-09-25 and 2024-10-02") && table.stdout.contains("Donets'k"))
        let byRegion = try CLI.run(["diff", "--snapshots", GeographyTests.archive.path, "--from", "2024-09-25", "--to", "2024-10-02", "--by", "region", "--format", "csv"])
        #expect(byRegion.stdout.hasPrefix("from,to,region_id,region,side,gained_km2,lost_km2,net_km2\n"))
        #expect(byRegion.stdout.contains("UA-donets-k,Donets'k,occupied,"))
    }

    @Test func namesResolveThroughTheTheatreNeverAGuess() throws {
        guard present else { return }
        let r = try CLI.run(["locate", "Pokrovsk", "--snapshots", GeographyTests.archive.path, "--date", "2024-12-01", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(o["region"] as? String == "UA-donets-k" && abs((o["lat"] as! Double) - 48.28) < 0.01)
        #expect(r.stderr.contains("taking the one in UA"))
        let other = try CLI.run(["locate", "Pokrovsk", "--snapshots", GeographyTests.archive.path, "--date", "2024-12-01", "--country", "RU"])
        #expect(other.status == 0 && other.stdout.contains("outside UA"))
        let unknown = try CLI.run(["locate", "Nowhereville", "--snapshots", GeographyTests.archive.path, "--date", "2024-12-01"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown place"))
    }

    @Test func settlementChangesAndPanel() throws {
        let dataset = try CLI.run(["settlements", "--changes", "--format", "json"])
        #expect(dataset.status == 0, "\(dataset.stderr)")
        let rows = try JSONSerialization.jsonObject(with: Data(dataset.stdout.utf8)) as! [[String: String]]
        let shusha = rows.first { $0["place_id"] == "shusha" }
        #expect(shusha?["from_side"] == "armenian" && shusha?["to_side"] == "azerbaijan" && shusha?["date"] == "2020-11-08")
        let panel = try CLI.run(["settlements", "--every", "1m", "--from", "2020-09-01", "--to", "2020-12-01", "--region", "shusha"])
        let lines = panel.stdout.split(separator: "\n").dropFirst().filter { $0.contains(",shusha,Shusha,") }
        #expect(lines.map { $0.split(separator: ",").last.map(String.init) ?? "" } == ["armenian", "armenian", "armenian", "azerbaijan"])
        guard present else { return }
        let ua = try CLI.run(["settlements", GeographyTests.archive.path, "--changes", "--region", "UA-donets-k", "--min-population", "10000"])
        #expect(ua.status == 0, "\(ua.stderr)")
        #expect(ua.stdout.contains(",Vuhledar,UA-donets-k,") && ua.stdout.contains(",other,occupied,2024-10-02,2024-09-25"))
    }

    @Test func userRegionsReplaceTheBundledOnes() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let regions = try CLI.tempDir().appendingPathComponent("adm1.geojson")
        let west = #"{"type":"Feature","properties":{"ADM1_EN":"West","ADM1_PCODE":"X01"},"geometry":{"type":"Polygon","coordinates":[[[36,46],[37.1,46],[37.1,48],[36,48],[36,46]]]}}"#
        let east = #"{"type":"Feature","properties":{"ADM1_EN":"East","ADM1_PCODE":"X02"},"geometry":{"type":"Polygon","coordinates":[[[37.1,46],[39,46],[39,48],[37.1,48],[37.1,46]]]}}"#
        try (#"{"type":"FeatureCollection","features":["# + west + "," + east + "]}").write(to: regions, atomically: true, encoding: .utf8)
        let r = try CLI.run(["control", "--snapshots", dir.path, "--date", "2025-08-03", "--by", "region", "--regions", regions.path, "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains(",X01,West,occupied,") && r.stdout.contains(",X02,East,occupied,") && r.stdout.contains(",X01,West,unknown,"))
    }
}
