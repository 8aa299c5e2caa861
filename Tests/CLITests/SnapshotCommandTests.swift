import Foundation
import TestSupport
import Testing

@Suite struct SnapshotCommandTests {
    func write(_ name: String, _ text: String, in dir: URL) throws -> URL {
        let u = dir.appendingPathComponent(name)
        try Data(text.utf8).write(to: u)
        return u
    }

    static func square(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> String {
        "[[[\(w),\(s)],[\(e),\(s)],[\(e),\(n)],[\(w),\(n)],[\(w),\(s)]]]"
    }

    @Test func diffsTwoSidedSnapshotsAndConserves() throws {
        let dir = try CLI.tempDir()
        let a = try write("front-2024-01-01.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"side":"red"},"geometry":{"type":"Polygon","coordinates":\(Self.square(30, 48, 31, 49))}},
            {"type":"Feature","properties":{"side":"blue"},"geometry":{"type":"Polygon","coordinates":\(Self.square(31, 48, 32, 49))}}]}
            """, in: dir)
        let b = try write("front-2024-01-08.geojson", """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"side":"red"},"geometry":{"type":"Polygon","coordinates":\(Self.square(30, 48, 31.5, 49))}},
            {"type":"Feature","properties":{"side":"blue"},"geometry":{"type":"Polygon","coordinates":\(Self.square(31.5, 48, 32, 49))}}]}
            """, in: dir)
        let r = try CLI.run(["diff", a.path, b.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let sides = try #require(o["sides"] as? [[String: Any]])
        let red = try #require(sides.first { $0["side"] as? String == "red" })
        let blue = try #require(sides.first { $0["side"] as? String == "blue" })
        // pyproj 3.7.2 Geod(ellps="WGS84"): box(31, 48, 31.5, 49) = 4108.848 km²
        #expect(abs((red["gained_km2"] as? Double ?? 0) - 4108.848) < 0.01)
        #expect(abs((blue["lost_km2"] as? Double ?? 0) - (red["gained_km2"] as? Double ?? 0)) < 0.01)
        #expect(o["from"] as? String == "2024-01-01" && o["to"] as? String == "2024-01-08")
    }

    @Test func repairsInvalidInputWithAWarning() throws {
        let dir = try CLI.tempDir()
        let a = try write("a.geojson", #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}"#, in: dir)
        let b = try write("b.geojson", #"{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[2,0],[2,2],[0,2],[0,0]]]}}"#, in: dir)
        let r = try CLI.run(["diff", a.path, b.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("invalid geometry repaired (Self-intersection"))
    }

    @Test func timelineOverDeepStateAddsUp() throws {
        guard !TestPaths.deepStateFiles.isEmpty, let dir = TestPaths.shared?.appendingPathComponent("data/deepstate-ua") else {
            print("SKIP timelineOverDeepStateAddsUp: ../shared/data/deepstate-ua is absent")
            return
        }
        let r = try CLI.run(["timeline", dir.path, "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let rows = try #require(doc["rows"] as? [[String: Any]])
        #expect(rows.count == TestPaths.deepStateFiles.count)
        // The weekly files have gaps against their own cadence (2024-08-12 → 2024-08-21, among others).
        let gaps = try #require(doc["gaps"] as? [[String: Any]])
        #expect(doc["cadence_days"] as? Double == 7)
        #expect(gaps.contains { $0["from"] as? String == "2024-08-12" && $0["to"] as? String == "2024-08-21" && $0["days"] as? Double == 9 })
        #expect(r.stderr.contains("gap in") && r.stderr.contains("2024-08-12 → 2024-08-21"))
        #expect(rows.allSatisfy { $0["side"] as? String == "occupied" })
        // Week over week: area(t) − area(t−1) = gained − lost, up to the dropped slivers.
        for i in 1..<rows.count {
            let a0 = rows[i - 1]["area_km2"] as? Double ?? 0, a1 = rows[i]["area_km2"] as? Double ?? 0
            let net = rows[i]["net_km2"] as? Double ?? 0, sliver = rows[i]["dropped_sliver_km2"] as? Double ?? 0
            #expect(abs((a1 - a0) - net) <= sliver + 0.01, "\(rows[i]["date"] ?? "")")
        }
        let dates = rows.compactMap { $0["date"] as? String }
        #expect(dates == dates.sorted() && dates.first == "2024-07-08")
    }

    @Test func timelineTakesDatesFromNamesOrProperties() throws {
        let dir = try CLI.tempDir()
        _ = try write("week-2024-01-01.geojson", """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":\(Self.square(30, 48, 31, 49))}}
            """, in: dir)
        _ = try write("latest.geojson", """
            {"type":"Feature","properties":{"date":"2024-01-08"},"geometry":{"type":"Polygon","coordinates":\(Self.square(30, 48, 31.5, 49))}}
            """, in: dir)
        let r = try CLI.run(["timeline", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines[1].hasPrefix("2024-01-01,week-2024-01-01.geojson") && lines[2].hasPrefix("2024-01-08,latest.geojson"))
        _ = try write("undated.geojson", """
            {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":\(Self.square(30, 48, 31, 49))}}
            """, in: dir)
        let bad = try CLI.run(["timeline", dir.path])
        #expect(bad.status == 65 && bad.stderr.contains("undated.geojson: no date in the file name"))
    }

    @Test func usageErrors() throws {
        let r = try CLI.run(["diff", "--from", "2020-01-01"])
        #expect(r.status == 64)
        let r2 = try CLI.run(["diff", "a.geojson", "--from", "2020-01-01", "--to", "2020-02-01"])
        #expect(r2.status == 64)
        let r3 = try CLI.run(["timeline", "/nonexistent-dir"])
        #expect(r3.status == 66)
    }
}
