import Foundation
import TestSupport
import Testing

@Suite struct InspectCommandTests {
    @Test func inspectsFixtureAsJSON() throws {
        let r = try CLI.run(["inspect", TestPaths.fixture("geojson/two-cells.geojson").path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(json["feature_count"] as? Int == 2)
        #expect(json["invalid_count"] as? Int == 1)
        let features = try #require(json["features"] as? [[String: Any]])
        // pyproj 3.7.2 Geod(ellps="WGS84") area of the 46–47°E, 39–40°N cell: 9549.469 km²
        #expect(abs((features[0]["area_km2"] as? Double ?? 0) - 9549.469) < 0.01)
        #expect((features[1]["invalid_reason"] as? String)?.hasPrefix("Self-intersection") == true)
    }

    @Test func inspectsEveryDeepStateFile() throws {
        let files = TestPaths.deepStateFiles
        guard !files.isEmpty else {
            print("SKIP inspectsEveryDeepStateFile: ../shared/data/deepstate-ua is absent")
            return
        }
        for f in files {
            let r = try CLI.run(["inspect", f.path, "--format", "json"])
            #expect(r.status == 0, "\(f.lastPathComponent): \(r.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
            let area = json?["total_area_km2"] as? Double ?? 0
            // Russian-held Ukraine 2024–25: roughly 108–115 thousand km².
            #expect(area > 100_000 && area < 120_000, "\(f.lastPathComponent): \(area)")
        }
    }

    @Test func badFileGivesOneLineErrorAndExitCode() throws {
        let dir = try CLI.tempDir()
        let bad = dir.appendingPathComponent("bad.geojson")
        try Data(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}"#.utf8).write(to: bad)
        let r = try CLI.run(["inspect", bad.path])
        #expect(r.status == 65)
        #expect(r.stderr == "frontline: error: \(bad.path): features[0].geometry.coordinates[0]: ring has 3 positions, needs at least 4\n")
        let missing = try CLI.run(["inspect", dir.appendingPathComponent("nope.geojson").path])
        #expect(missing.status == 66)
        #expect(missing.stderr.hasSuffix("nope.geojson: cannot read: no such file\n"))
    }

    @Test func versionAndHelp() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0 && v.stdout.hasPrefix("0."))
        let h = try CLI.run(["--help"])
        #expect(h.stdout.contains("inspect"))
    }
}
