import Foundation
import TestSupport
import Testing

/// The dataset commands, run as a user would: the built binary, from a folder outside the repository.
@Suite struct DatasetCommandTests {
    func json(_ args: [String]) throws -> Any {
        let r = try CLI.run(args)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        return try JSONSerialization.jsonObject(with: Data(r.stdout.utf8))
    }

    @Test func validatePassesOnBundledData() throws {
        let r = try CLI.run(["validate"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("ok: no problems found"))
    }

    @Test func locateBardaOnTheDayOfTheSeedReport() throws {
        let o = try #require(try json(["locate", "Barda", "--date", "2020-10-27", "--format", "json"]) as? [String: Any])
        let place = try #require(o["place"] as? [String: Any])
        #expect(place["name"] as? String == "Barda")
        #expect(abs((place["lat"] as? Double ?? 0) - 40.37577) < 1e-6)
        #expect(o["date"] as? String == "2020-10-27")
        #expect(o["controller"] as? String == "azerbaijan")
        #expect(o["status"] as? String == "confirmed")
        #expect(o["district"] as? String == "barda")
        let d = try #require(o["distance_to_front_km"] as? Double)
        #expect(d > 5 && d < 40)
    }

    @Test func locateByCoordinatesAndErrors() throws {
        let o = try #require(try json(["locate", "39.8177,46.7528", "--date", "2021-01-01", "--format", "json"]) as? [String: Any])
        #expect(o["controller"] as? String == "armenian")
        #expect((o["zones"] as? [String])?.contains("russian_peacekeeping") == true)
        let bad = try CLI.run(["locate", "Barda", "--date", "2020-02-30"])
        #expect(bad.status == 64 && bad.stderr.contains("2020-02-30") && bad.stderr.split(separator: "\n").count == 1)
        let unknown = try CLI.run(["locate", "Kharkiv", "--date", "2020-10-27"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown place \"Kharkiv\""))
        let early = try CLI.run(["locate", "Barda", "--date", "1990-01-01"])
        #expect(early.status == 64 && early.stderr.contains("1990-01-01 is before") && early.stderr.contains("1994-05-12 to 2023-09-20"))
    }

    @Test func controlAreasJSON() throws {
        let o = try #require(try json(["control", "--date", "2021-01-01", "--format", "json"]) as? [String: Any])
        let sides = try #require(o["sides"] as? [[String: Any]])
        let arm = try #require(sides.first { $0["side"] as? String == "armenian" }?["area_km2"] as? Double)
        #expect(arm > 2_500 && arm < 4_500)
        let zones = try #require(o["zones"] as? [[String: Any]])
        #expect(zones.contains { $0["zone"] as? String == "lachin_corridor" })
    }

    @Test func diffJSONConservesArea() throws {
        let o = try #require(try json(["diff", "--from", "2020-09-26", "--to", "2020-12-02", "--format", "json"]) as? [String: Any])
        #expect(o["from"] as? String == "2020-09-26" && o["to"] as? String == "2020-12-02")
        let sides = try #require(o["sides"] as? [[String: Any]])
        let gained = sides.reduce(0.0) { $0 + ($1["gained_km2"] as? Double ?? 0) }
        let lost = sides.reduce(0.0) { $0 + ($1["lost_km2"] as? Double ?? 0) }
        #expect(gained > 7_000 && abs(gained - lost) / gained < 1e-4)
        let changes = try #require(o["changes"] as? [[String: Any]])
        #expect(changes.allSatisfy { $0["from_side"] as? String == "armenian" && $0["to_side"] as? String == "azerbaijan" })
        let settlements = try #require(o["settlements"] as? [[String: Any]])
        #expect(settlements.contains { $0["name"] as? String == "Shusha" && $0["date"] as? String == "2020-11-08" })
    }

    @Test func exportIsReadByOgrinfoWithRFC7946Winding() throws {
        let dir = try CLI.tempDir()
        let file = dir.appendingPathComponent("karabakh-2020-10-27.geojson")
        let r = try CLI.run(["export", "--date", "2020-10-27", "-o", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(o["crs"] == nil)
        let features = try #require(o["features"] as? [[String: Any]])
        let ids = features.compactMap { $0["id"] as? String }
        #expect(Set(ids).count == features.count)
        #expect(ids.contains("control/armenian/confirmed") && ids.contains("place/barda"))
        // Exterior rings counter-clockwise, holes clockwise (shoelace on lon/lat).
        for f in features {
            guard let g = f["geometry"] as? [String: Any], let type = g["type"] as? String else { continue }
            let polys: [[[[Double]]]]
            if type == "Polygon" { polys = [g["coordinates"] as? [[[Double]]] ?? []] }
            else if type == "MultiPolygon" { polys = g["coordinates"] as? [[[[Double]]]] ?? [] } else { continue }
            for p in polys {
                for (i, ring) in p.enumerated() {
                    var a = 0.0
                    for k in 0..<(ring.count - 1) { a += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] }
                    #expect(i == 0 ? a > 0 : a < 0, "\(f["id"] ?? "") ring \(i)")
                }
            }
        }
        // A second write to the same path without --force is refused and leaves the file as it was.
        let again = try CLI.run(["export", "--date", "2020-10-28", "-o", file.path])
        #expect(again.status == 73 && again.stderr.contains("--force"))
        guard let (status, out) = try ogrinfoSummary(file) else {
            print("SKIP ogrinfo check: gdal-bin is not installed (make setup installs it)")
            return
        }
        #expect(status == 0, "\(out)")
        #expect(out.contains("Feature Count: \(features.count)"))
    }

    @Test func placesSearch() throws {
        let a = try #require(try json(["places", "Şuşa", "--format", "json"]) as? [[String: Any]])
        #expect(a.first?["id"] as? String == "shusha")
        let none = try CLI.run(["places", "Kharkiv"])
        #expect(none.status == 64)
    }

    @Test func worksWithDataFlagAndEnvironment() throws {
        let r1 = try CLI.run(["control", "--date", "2021-01-01", "--data", TestPaths.geodata.path])
        #expect(r1.status == 0)
        let r2 = try CLI.run(["control", "--date", "2021-01-01"], environment: ["FRONTLINE_DATA": "/nonexistent"])
        #expect(r2.status == 66 && r2.stderr.contains("FRONTLINE_DATA"))
    }
}
