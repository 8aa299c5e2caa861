import Foundation
import Testing
import TestSupport

/// ingest resolves places the dataset lacks through the world places of the countries the text names, settles
/// namesakes by the country that qualifies the place, keeps that answer for the report, and never guesses.
@Suite struct IngestWorldPlacesTests {
    func places(_ text: String) throws -> (incidents: [(String, Double?, Double?)], ambiguous: [String]) {
        let r = try CLI.run(["ingest", "-", "--format", "json"], stdin: text)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let incidents = (o["incidents"] as? [[String: Any]] ?? []).compactMap { i -> (String, Double?, Double?)? in
            guard let p = i["place"] as? [String: Any], let n = p["name"] as? String else { return nil }
            return (n, p["lat"] as? Double, p["lon"] as? Double)
        }
        let ambiguous = (o["ambiguous_places"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        return (incidents, ambiguous)
    }

    @Test func namesakesAreSettledByTheQualifiedCountryForTheWholeReport() throws {
        let text = """
            KYIV, 24 June 2024 — Russian strikes on the eastern Ukrainian city of Pokrovsk killed four people on Monday, the governor said.
            On Tuesday Russian forces fired two missiles at Pokrovsk, killing one civilian, he said.
            """
        let r = try places(text)
        #expect(r.ambiguous.isEmpty, "\(r)")
        #expect(!r.incidents.isEmpty && r.incidents.allSatisfy { $0.0 == "Pokrovsk" && abs(($0.1 ?? 0) - 48.28) < 0.05 && abs(($0.2 ?? 0) - 37.18) < 0.05 }, "\(r)")
    }

    /// "Russian forces" names an actor, not a place: Russia's towns are not searched (Pokrovsk of Yakutia would be
    /// picked), and with no country named as a place the town's namesakes stay ambiguous, reported, never guessed.
    @Test func anActorsCountryNamesNoPlace() throws {
        let r = try CLI.run(["ingest", "-", "--format", "json"], stdin: "MOSCOW, 24 June 2024 — Russian forces fired at Pokrovsk on Monday, killing two civilians, officials said.\n")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let reported = ((o["unresolved_places"] as? [[String: Any]]) ?? []) + ((o["ambiguous_places"] as? [[String: Any]]) ?? [])
        #expect(reported.contains { $0["name"] as? String == "Pokrovsk" }, "\(r.stdout)")
        let placed = ((o["incidents"] as? [[String: Any]]) ?? []).compactMap { $0["place"] as? [String: Any] }.compactMap { $0["lat"] as? Double }
        #expect(placed.allSatisfy { abs($0 - 48.28) < 0.05 }, "a Pokrovsk outside Ukraine was guessed: \(r.stdout)")
        let p = try places("KYIV, 24 June 2024 — Russian forces fired at Pokrovsk on Monday, killing two civilians, Ukraine's army said.\n")
        #expect(p.incidents.contains { $0.0 == "Pokrovsk" && abs(($0.1 ?? 0) - 48.28) < 0.05 }, "\(p)")
    }

    /// "Nagorno-Karabakh's capital Stepanakert": the region is no place, the capital is (it was dropped in silence).
    @Test func aCapitalNamedAfterItsRegion() throws {
        let r = try places("STEPANAKERT, 6 November 2020 — Shelling hit Nagorno-Karabakh's capital Stepanakert on Friday, killing two civilians, the region's ombudsman said.\n")
        #expect(r.incidents.map(\.0) == ["Stepanakert"], "\(r)")
    }

    @Test(arguments: [("ua-pokrovsk-2024-06-24-kyivpost", "Pokrovsk", 48.28, 37.18), ("sy-aleppo-barrel-bombs-2013-12-16-bbc", "Aleppo", 36.20, 37.16)])
    func realReportsOfOtherWars(name: String, place: String, lat: Double, lon: Double) throws {
        let text = try String(contentsOf: TestPaths.fixture("reports-real/\(name).txt"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# ") }.joined(separator: "\n")
        let r = try places(text)
        #expect(r.incidents.contains { $0.0 == place && abs(($0.1 ?? 0) - lat) < 0.05 && abs(($0.2 ?? 0) - lon) < 0.05 }, "\(r)")
    }
}
