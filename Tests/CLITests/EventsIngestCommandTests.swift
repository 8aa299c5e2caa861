import Foundation
import TestSupport
import Testing

@Suite struct EventsCommandTests {
    @Test func tableListsIncidentsWithControllerAndDistance() throws {
        let r = try CLI.run(["events"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("date") == true && lines.first?.contains("front km") == true)
        let barda = try #require(lines.first { $0.hasPrefix("2020-10-27  Barda") })
        #expect(barda.contains("missile strike") && barda.contains("azerbaijan") && barda.hasSuffix("16.8"))
        #expect(lines.last?.hasSuffix("incidents") == true)
    }

    @Test func csvUsesACLEDNamesAndFilters() throws {
        let r = try CLI.run(["events", "--from", "2020-10-27", "--to", "2020-10-28", "--format", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\r\n").map(String.init)
        let header = try #require(rows.first).split(separator: ",").map(String.init)
        for col in ["event_date", "event_type", "location", "latitude", "longitude", "geo_precision", "fatalities", "wounded",
                    "claimant", "source", "controller", "distance_to_front_km"] {
            #expect(header.contains(col), "\(col)")
        }
        #expect(rows.count >= 3)
        #expect(rows.dropFirst().allSatisfy { $0.contains(",2020-10-27,") || $0.contains(",2020-10-28,") })
    }

    @Test func geojsonFeaturesHaveSnakeCaseProperties() throws {
        let r = try CLI.run(["events", "--format", "geojson"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let features = try #require(json["features"] as? [[String: Any]])
        #expect(!features.isEmpty)
        let props = try #require(features.first?["properties"] as? [String: Any])
        #expect(props["kind"] as? String == "incident")
        #expect(props.keys.allSatisfy { $0 == $0.lowercased() && !$0.contains("-") })
        #expect(props["distance_to_front_km"] is Double)
    }

    @Test func badDatesAreUsageErrors() throws {
        let r = try CLI.run(["events", "--from", "2020-02-30"])
        #expect(r.status == 64)
        #expect(r.stderr.contains("2020-02-30"))
        let order = try CLI.run(["events", "--from", "2020-11-01", "--to", "2020-10-01"])
        #expect(order.status == 64)
    }
}

@Suite struct IngestCommandTests {
    @Test func seedReportFromShared() throws {
        guard let shared = TestPaths.shared else { print("SKIP seedReportFromShared: ../shared is absent"); return }
        let seed = shared.appendingPathComponent("seed/barda-2020-10-27.txt")
        let r = try CLI.run(["ingest", seed.path])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["report_date"] as? String == "2020-10-27")
        let incidents = try #require(json["incidents"] as? [[String: Any]])
        #expect(incidents.count == 1)
        let i = try #require(incidents.first)
        #expect((i["place"] as? [String: Any])?["id"] as? String == "barda")
        #expect(i["type"] as? String == "missile strike" && i["attacker"] as? String == "armenian")
        #expect(((i["killed"] as? [String: Any])?["civilian"] as? [String: Any])?["best"] as? Int == 4)
        #expect(((i["wounded"] as? [String: Any])?["unknown"] as? [String: Any])?["best"] as? Int == 10)
        #expect(i["claimant"] as? String == "Azerbaijan: presidential aide Hikmet Hajiyev")
        let join = try #require(i["join"] as? [String: Any])
        #expect(join["controller"] as? String == "azerbaijan" && join["district"] as? String == "barda")
        #expect(abs((join["distance_to_front_km"] as? Double ?? 0) - 16.786) < 0.01)
        #expect((i["evidence"] as? [String: Any])?["claimant"] != nil)
        #expect((json["aggregates"] as? [Any])?.count == 6)
        #expect((json["unresolved_places"] as? [Any])?.isEmpty == true)
    }

    @Test func standardInputAndGeoJSON() throws {
        let text = "YEREVAN, Nov 2 (Reuters) - A drone struck a car near Berdzor on Thursday, killing a civilian driver, officials said, blaming Azerbaijani forces."
        let r = try CLI.run(["ingest", "-", "--report-date", "2020-11-02", "--format", "geojson"], stdin: text)
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let f = try #require((json["features"] as? [[String: Any]])?.first)
        let p = try #require(f["properties"] as? [String: Any])
        #expect(p["place_id"] as? String == "lachin" && p["date"] as? String == "2020-10-29" && p["type"] as? String == "drone strike")
        #expect(p["controller"] as? String == "armenian")
    }

    /// Another war's town resolves through the world places of the country the text names ("KHARKIV, Ukraine"),
    /// and the join to the Karabakh dataset says it is far outside it: no controller, no distance to its front.
    @Test func otherWarsResolveThroughTheWorldPlaces() throws {
        let r = try CLI.run(["ingest", TestPaths.fixture("reports/ukraine-kharkiv-other-war.txt").path, "--report-date", "2022-03-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((json["unresolved_places"] as? [[String: Any]])?.isEmpty == true)
        let i = try #require((json["incidents"] as? [[String: Any]])?.first)
        let place = try #require(i["place"] as? [String: Any])
        #expect(place["name"] as? String == "Kharkiv" && abs((place["lat"] as? Double ?? 0) - 49.98) < 0.05)
        let join = try #require(i["join"] as? [String: Any])
        #expect(join["controller"] is NSNull && join["distance_to_front_km"] is NSNull)
        #expect((join["note"] as? String)?.contains("outside the study area") == true)
    }

    @Test func errorsAreOneLine() throws {
        let dir = try CLI.tempDir()
        let missing = try CLI.run(["ingest", dir.appendingPathComponent("nope.txt").path])
        #expect(missing.status == 66 && missing.stderr.hasSuffix("nope.txt: cannot read: no such file\n"))
        let bad = try CLI.run(["ingest", "-", "--report-date", "27/10/2020"], stdin: "x")
        #expect(bad.status == 64)
        let out = dir.appendingPathComponent("out.json")
        try Data("{}".utf8).write(to: out)
        let exists = try CLI.run(["ingest", "-", "--report-date", "2020-10-27", "-o", out.path], stdin: "Shells hit Barda.")
        #expect(exists.status == 73 && exists.stderr.contains("--force"))
        let forced = try CLI.run(["ingest", "-", "--report-date", "2020-10-27", "-o", out.path, "--force"], stdin: "Shells hit Barda.")
        #expect(forced.status == 0)
        let written = try String(contentsOf: out, encoding: .utf8).replacingOccurrences(of: " ", with: "")
        #expect(written.contains("\"report_date\":\"2020-10-27\""))
    }
}
