import Foundation
import Testing
import TestSupport

/// The user's own places (`--places FILE` in the shapes people have), `places --country`, and `--lang`.
@Suite struct UserGeographyTests {
    @Test func ownPlacesReplaceTheWorldPlaces() throws {
        let dir = try CLI.tempDir()
        let csv = dir.appendingPathComponent("towns.csv")
        try "name,lon,lat,population,country\nTestville,37.18,48.28,5000,UA\n\"Comma, Town\",36.5,48.5,,UA\n".write(to: csv, atomically: true, encoding: .utf8)
        let list = try CLI.run(["places", "--places", csv.path])
        #expect(list.status == 0 && list.stdout.contains("Testville") && list.stdout.contains("Comma, Town"), "\(list.stderr)")
        // A GeoNames dump line (19 tab-separated fields), and a GeoJSON of named points.
        let gn = dir.appendingPathComponent("cities.txt")
        let fields = ["704422", "Pokrovsk", "Pokrovsk", "Krasnoarmeysk,Покровськ", "48.28198", "37.18207", "P", "PPLA2", "UA", "", "14", "", "", "",
                      "60127", "", "180", "Europe/Kyiv", "2024-01-01"]
        try (fields.joined(separator: "\t") + "\n").write(to: gn, atomically: true, encoding: .utf8)
        let g = try CLI.run(["places", "Krasnoarmeysk", "--places", gn.path, "--format", "json"])
        #expect(g.status == 0 && g.stdout.contains("\"Pokrovsk\""), "\(g.stderr)")
        let pts = dir.appendingPathComponent("pts.geojson")
        try #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"NAME":"Pointtown","population":900},"geometry":{"type":"Point","coordinates":[37.0,48.0]}}]}"#
            .write(to: pts, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["places", "Pointtown", "--places", pts.path]).stdout.contains("Pointtown"))

        guard let folder = TestPaths.deepStateFiles.first?.deletingLastPathComponent() else {
            print("skipped: ../shared/data/deepstate-ua is not present"); return
        }
        // locate by a name only the user's file knows, and a map that draws the user's towns.
        let l = try CLI.run(["locate", "Testville", "--snapshots", folder.path, "--date", "2025-11-10", "--places", csv.path, "--format", "json"])
        #expect(l.status == 0 && l.stdout.contains("\"name\":\"Testville\""), "\(l.stderr)")
        let m = try CLI.run(["map", "--snapshots", folder.path, "--date", "2025-11-10", "--places", csv.path])
        #expect(m.status == 0 && m.stdout.contains(">Testville<"), "\(m.stderr)")
    }

    @Test func brokenPlaceFilesAreErrorsNeverSkipped() throws {
        let dir = try CLI.tempDir()
        let bad = dir.appendingPathComponent("bad.csv")
        try "town,x\nA,1\n".write(to: bad, atomically: true, encoding: .utf8)
        let r = try CLI.run(["map", "--date", "2020-10-27", "--places", bad.path])
        #expect(r.status == 65 && r.stderr.contains("bad.csv: line 1"), "\(r.stderr)")
        let row = dir.appendingPathComponent("row.csv")
        try "name,lon,lat\nOk,37,48\nBroken,370,48\n".write(to: row, atomically: true, encoding: .utf8)
        let r2 = try CLI.run(["places", "--places", row.path])
        #expect(r2.status == 65 && r2.stderr.contains("row.csv: line 3"), "\(r2.stderr)")
        let gn = dir.appendingPathComponent("g.txt")
        try "not\ta\tgeonames\tline\n".write(to: gn, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["places", "--places", gn.path]).status == 65)
    }

    @Test func placesOfACountryFromTheWorldGazetteer() throws {
        let r = try CLI.run(["places", "Pokrovsk", "--country", "UA", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [[String: Any]])
        #expect(rows.contains { $0["name"] as? String == "Pokrovsk" && ($0["population"] as? Int ?? 0) > 50_000 })
        let unknown = try CLI.run(["places", "Pokrovsk", "--country", "QQ"])
        #expect(unknown.status == 64 && unknown.stderr.contains("--country QQ"), "\(unknown.stderr)")
    }

    @Test func languageOfPlaceNames() throws {
        let az = try CLI.run(["locate", "Shusha", "--date", "2020-10-27", "--lang", "az"])
        #expect(az.status == 0 && az.stdout.hasPrefix("place:       Şuşa"), "\(az.stdout)\(az.stderr)")
        let map = try CLI.run(["map", "--date", "2020-10-27", "--lang", "hy"])
        #expect(map.status == 0 && map.stdout.contains(">Շուշի<"))
        let none = try CLI.run(["places", "Barda", "--lang", "fr"])
        #expect(none.status == 0 && none.stderr.contains("no place of the gazetteer has a name in fr"))
        #expect(try CLI.run(["places", "--lang", "x1"]).status == 64)
    }
}
