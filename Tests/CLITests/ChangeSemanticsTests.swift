import Foundation
import TestSupport
import Testing

/// Issue 15: diffs and change maps say what happened (claimed, disputed, handed over, zone moved), and the
/// maps keep their labels, titles and legends readable.
@Suite struct ChangeSemanticsTests {
    func diff(_ from: String, _ to: String) throws -> [String: Any] {
        let r = try CLI.run(["diff", "--from", from, "--to", to, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
    }

    @Test func wartimeGainsAreClaimsNotConfirmedGains() throws {
        let o = try diff("2020-09-26", "2020-10-27")
        let changes = try #require(o["changes"] as? [[String: Any]])
        let types = Set(changes.compactMap { $0["change_type"] as? String })
        #expect(types == ["claimed", "disputed"], "\(types)")
        let settlements = try #require(o["settlements"] as? [[String: Any]])
        #expect(settlements.contains { $0["name"] as? String == "Hadrut" && $0["change_type"] as? String == "disputed" })
    }

    @Test func handoversAreHandoversAndCarryEveryDate() throws {
        let o = try diff("2020-09-26", "2020-12-02")
        let changes = try #require(o["changes"] as? [[String: Any]])
        let handed = changes.filter { $0["change_type"] as? String == "handover" }
        #expect(!handed.isEmpty)
        #expect(handed.allSatisfy { ($0["agreement"] as? String)?.contains("2020-11-10") == true })
        let settlements = try #require(o["settlements"] as? [[String: Any]])
        for town in ["Aghdam", "Kalbajar"] {
            #expect(settlements.contains { $0["name"] as? String == town && $0["change_type"] as? String == "handover" }, "\(town)")
        }
        // A merged piece lists every change and date in it.
        #expect(changes.contains { ($0["change_ids"] as? [String] ?? []).count > 1 && ($0["change_dates"] as? [String] ?? []).count > 1 })
    }

    @Test func theCorridorMoveIsAZoneChangeAndNoSliverRowsRemain() throws {
        let o = try diff("2020-12-01", "2022-08-27")
        let changes = try #require(o["changes"] as? [[String: Any]])
        #expect(changes.allSatisfy { ($0["area_km2"] as? Double ?? 0) >= 0.005 }, "no 0.00 km² rows")
        let zone = changes.filter { $0["change_type"] as? String == "zone" }
        #expect(zone.contains { $0["to_side"] as? String == "armenian" && $0["zone"] as? String == "lachin_corridor" })
        let sides = try #require(o["sides"] as? [[String: Any]])
        let arm = try #require(sides.first { $0["side"] as? String == "armenian" })
        #expect(arm["gained_km2"] as? Double == 0, "the corridor move is not a gain of control")
        // Lachin town, Zabukh and Sus changed hands under the statement when the corridor moved.
        let settlements = try #require(o["settlements"] as? [[String: Any]])
        #expect(settlements.contains { $0["name"] as? String == "Lachin" && $0["change_type"] as? String == "handover" })
        let events = try #require(o["zone_events"] as? [[String: Any]])
        #expect(events.contains { $0["zone"] as? String == "lachin_corridor" && $0["event"] as? String == "redrawn" })
        let table = try CLI.run(["diff", "--from", "2020-12-01", "--to", "2022-08-27"])
        #expect(table.stdout.contains("zone changes") && !table.stdout.contains(" 0.00 "))
    }

    @Test func locateGivesTheLinePrecisionAndNamesTheClaim() throws {
        let r = try CLI.run(["locate", "Hadrut", "--date", "2020-10-10"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("to front:") })
        #expect(line.contains(" ± ") && line.contains("2020-10-09-hadrut"), "\(line)")
        #expect(line.contains("disputed claim") && line.contains("Azerbaijan"), "\(line)")
    }

    @Test func narrowChangeMapKeepsTitleLegendAndChangedLabels() throws {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("c.svg")
        let r = try CLI.run(["map", "--from", "2020-09-26", "--to", "2023-09-21", "--width", "600", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: file, encoding: .utf8)
        let doc = try XMLCheck(svg)
        // Stepanakert changed hands, so it is labelled even among crowded dots.
        #expect(doc.attributes(of: "text").contains { $0["id"] == "label-stepanakert" })
        // The title fits 600 px: it is shrunk or wrapped, never cut (estimated width ≤ page width − margins).
        let titles = doc.attributes(of: "text").filter { $0["class"] == "title" }
        #expect(!titles.isEmpty)
        let titleText = doc.elements.filter { $0.attributes["class"] == "title" }.map(\.text).joined(separator: " ")
        #expect(titleText == "Changes of control, 26 September 2020 – 21 September 2023", "\(titleText)")
        // The legend sits below the map on a page narrower than 800 px: its heading is lower than the map frame's top half.
        let heading = try #require(doc.attributes(of: "text").first { $0["class"] == "legend-heading" })
        let frame = try #require(doc.attributes(of: "rect").first { $0["class"] == "frame" })
        let frameBottom = (Double(frame["y"] ?? "") ?? 0) + (Double(frame["height"] ?? "") ?? 0)
        #expect((Double(heading["y"] ?? "") ?? 0) > frameBottom, "legend below the map")
        #expect((Double(heading["x"] ?? "") ?? 999) < 30, "legend starts at the left margin")
        // The attribution never doubles its punctuation.
        #expect(!svg.contains(".. Made with frontline") && !svg.contains(";;"))
    }
}
