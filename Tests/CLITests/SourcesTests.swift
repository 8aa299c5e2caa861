import Foundation
import Testing
import TestSupport

/// Synthetic files in the shape of DeepStateMap's raw exports (DeepState publishes no licence: none of its files is
/// used). Squares of 0.2° at 47–48° N, so every expected area is a sum of cells that `inspect` measures alone.
enum DeepStateFixture {
    static let nbsp = "\u{00A0}"

    /// A square ring [[lon, lat, 0], …] (counter-clockwise), with z = 0 as DeepState writes.
    static func square(_ lon: Double, _ lat: Double, _ size: Double = 0.2) -> String {
        let r = [(lon, lat), (lon + size, lat), (lon + size, lat + size), (lon, lat + size), (lon, lat)]
        return "[[" + r.map { "[\($0.0),\($0.1),0]" }.joined(separator: ",") + "]]"
    }

    static func polygon(_ name: String, _ ring: String) -> String {
        #"{"type":"Feature","properties":{"name":"\#(name)"},"geometry":{"type":"Polygon","coordinates":\#(ring)}}"#
    }

    static func point(_ name: String, _ lon: Double, _ lat: Double) -> String {
        #"{"type":"Feature","properties":{"name":"\#(name)"},"geometry":{"type":"Point","coordinates":[\#(lon),\#(lat),0]}}"#
    }

    /// The features of the raw export: occupied (two overlapping squares = one 0.2×0.3 rectangle), ORDLO, Crimea,
    /// Tuzla, unknown, liberated, a GeometryCollection of occupied, points, satirical areas. `moved` shifts one edge.
    static func features(moved: Bool) -> [String] {
        var f: [String] = []
        f.append(polygon("Окупована територія ///\(nbsp)Occupied/// geoJSON.status.occupied\\n", square(37.0, 47.0)))
        f.append(polygon("Окупована територія /// Occupied /// geoJSON.status.occupied", square(37.0, 47.1)))   // overlaps the first by half
        f.append(polygon("ОРДЛО /// ORDLO /// geoJSON.territories.ordlo", square(37.4, 47.0)))
        f.append(polygon("Крим /// Crimea /// geoJSON.territories.crimea", square(37.8, 47.0, moved ? 0.3 : 0.2)))
        f.append(polygon("Тузла /// Tuzla ///geoJSON.territories.tuzla", square(38.2, 47.6, 0.05)))
        f.append(polygon("Під питанням /// Unknown status /// geoJSON.status.unknown", square(36.6, 47.0)))
        f.append(polygon("Звільнено /// Liberated /// geoJSON.status.dismissed", square(36.2, 47.0)))
        f.append(#"{"type":"Feature","properties":{"name":"Окуповано /// Occupied /// geoJSON.status.occupied"},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Polygon","coordinates":\#(square(37.0, 47.6))},{"type":"Point","coordinates":[37.1,47.7,0]}]}}"#)
        for (key, lon, lat) in [("karelia", 33.0, 63.0), ("prussia", 21.0, 54.6), ("kuril", 147.0, 45.0)] {
            f.append(polygon("Сатира /// Satire /// geoJSON.territories.\(key)", square(lon, lat)))
        }
        for i in 0..<5 { f.append(point("Корабель /// Ship /// geoJSON.icons.ship", 36.0 + Double(i) * 0.1, 46.5)) }
        return f
    }

    /// Writes the two raw files (2025-08-03 as the history endpoint's wrapper, 2025-08-10 bare) into `dir`.
    static func writeRaw(into dir: URL) throws {
        let a = #"{"id":1754251105,"datetime":"2025-08-03T19:58:25Z","map":{"type":"FeatureCollection","features":["# + features(moved: false).joined(separator: ",") + "]}}"
        try a.write(to: dir.appendingPathComponent("1754251105.geojson"), atomically: true, encoding: .utf8)
        let b = #"{"type":"FeatureCollection","features":["# + features(moved: true).joined(separator: ",") + "]}"
        try b.write(to: dir.appendingPathComponent("1754856000.geojson"), atomically: true, encoding: .utf8)
    }

    /// A file of the expected occupied cells alone (no overlaps), for `inspect` to measure independently.
    static func expectedOccupied(moved: Bool) -> String {
        let cells = [polygon("a", "[[[37.0,47.0,0],[37.2,47.0,0],[37.2,47.3,0],[37.0,47.3,0],[37.0,47.0,0]]]"),
                     polygon("b", square(37.4, 47.0)), polygon("c", square(37.8, 47.0, moved ? 0.3 : 0.2)),
                     polygon("d", square(38.2, 47.6, 0.05)), polygon("e", square(37.0, 47.6))]
        return #"{"type":"FeatureCollection","features":["# + cells.joined(separator: ",") + "]}"
    }
}

@Suite struct SourcesTests {
    func inspectArea(_ geojson: String) throws -> Double {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("x.geojson")
        try geojson.write(to: f, atomically: true, encoding: .utf8)
        let r = try CLI.run(["inspect", f.path, "--format", "json"])
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        return o["total_area_km2"] as? Double ?? (o["area_km2"] as? Double ?? -1)
    }

    func csvRows(_ text: String) -> [[String]] {
        text.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    @Test func rawDeepStateTimelineReadsTheClasses() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let r = try CLI.run(["timeline", dir.path, "--grid", "0"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        // Dates from the wrapper / epoch names; occupied = occupied + ORDLO + Crimea + Tuzla, unknown apart.
        #expect(rows.map { $0[0] } == ["2025-08-03", "2025-08-03", "2025-08-10", "2025-08-10"])
        #expect(rows.map { $0[2] } == ["occupied", "unknown", "occupied", "unknown"])
        let occupied0 = try inspectArea(DeepStateFixture.expectedOccupied(moved: false))
        let occupied1 = try inspectArea(DeepStateFixture.expectedOccupied(moved: true))
        #expect(abs(Double(rows[0][3])! - occupied0) < 0.01, "\(rows[0]) vs \(occupied0)")
        #expect(abs(Double(rows[2][3])! - occupied1) < 0.01)
        // Gained = the moved Crimea edges. Split edges along a parallel are other geodesics than the whole edge,
        // so the piece and the difference of the wholes differ by about 0.1 km² here.
        #expect(abs(Double(rows[2][4])! - (occupied1 - occupied0)) < 1e-3 * (occupied1 - occupied0))
        let unknown = try inspectArea(#"{"type":"FeatureCollection","features":["# + DeepStateFixture.polygon("u", DeepStateFixture.square(36.6, 47.0)) + "]}")
        #expect(abs(Double(rows[1][3])! - unknown) < 0.01)
        // The profile is announced; satirical areas are dropped with one warning naming them.
        #expect(r.stderr.contains("DeepStateMap export"))
        let satire = r.stderr.split(separator: "\n").filter { $0.contains("satirical") }
        #expect(satire.count == 2 && satire[0].contains("karelia") && satire[0].contains("prussia") && satire[0].contains("kuril"))
    }

    @Test func overlappingSidesAreCountedOnceAndSelfDiffIsZero() throws {
        let dir = try CLI.tempDir()
        let a = DeepStateFixture.square(37.0, 47.0), b = DeepStateFixture.square(37.1, 47.0)
        let doc = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"side":"red"},"geometry":{"type":"Polygon","coordinates":\#(a)}},{"type":"Feature","properties":{"side":"blue"},"geometry":{"type":"Polygon","coordinates":\#(b)}}]}"#
        let f = dir.appendingPathComponent("s-2024-01-01.geojson")
        try doc.write(to: f, atomically: true, encoding: .utf8)
        let r = try CLI.run(["diff", f.path, f.path, "--format", "json"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("red and blue overlap by") && r.stderr.contains("contested"))
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        let sides = o["sides"] as! [[String: Any]]
        #expect(Set(sides.map { $0["side"] as! String }) == ["red", "blue", "contested"])
        for s in sides { #expect((s["gained_km2"] as! Double) == 0 && (s["lost_km2"] as! Double) == 0) }
    }

    @Test func numericSideValuesAreTakenAsText() throws {
        let dir = try CLI.tempDir()
        let doc = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"side":1},"geometry":{"type":"Polygon","coordinates":\#(DeepStateFixture.square(37, 47))}},{"type":"Feature","properties":{"side":2},"geometry":{"type":"Polygon","coordinates":\#(DeepStateFixture.square(38, 47))}}]}"#
        let f = dir.appendingPathComponent("n-2024-01-01.geojson")
        try doc.write(to: f, atomically: true, encoding: .utf8)
        let r = try CLI.run(["timeline", f.path])
        #expect(r.status == 0)
        #expect(csvRows(r.stdout).map { $0[2] } == ["1", "2"])
        let obj = #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"side":{"x":1}},"geometry":{"type":"Polygon","coordinates":\#(DeepStateFixture.square(37, 47))}}]}"#
        try obj.write(to: f, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["timeline", f.path])
        #expect(bad.status == 65 && bad.stderr.contains("features[0].properties.side"))
    }

    @Test func sidesMappingFileAndErrors() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let mapping = dir.appendingPathComponent("sides.json")
        try #"{"property":"name","rules":[{"match":"ordlo|crimea","side":"occupied"},{"match":".","drop":true,"reason":"rest","warn":false}]}"#.write(to: mapping, atomically: true, encoding: .utf8)
        let r = try CLI.run(["timeline", dir.appendingPathComponent("1754251105.geojson").path, "--sides", mapping.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.count == 1 && rows[0][2] == "occupied")
        try #"{"property":"name","rules":[{"match":"(","side":"x"}]}"#.write(to: mapping, atomically: true, encoding: .utf8)
        let bad = try CLI.run(["timeline", dir.path, "--sides", mapping.path])
        #expect(bad.status == 65 && bad.stderr.contains("rules[0].match"))
    }

    /// A broken mapping file is an error on every path (two-file diff and map too), never silently ignored; and
    /// locate and map with --db answer from the database (here: a refused server), never from the dataset.
    @Test func brokenSidesAndUnsupportedDatabaseAreErrors() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let mapping = try CLI.tempDir().appendingPathComponent("sides.json")
        try "{not json".write(to: mapping, atomically: true, encoding: .utf8)
        let a = dir.appendingPathComponent("1754251105.geojson").path, b = dir.appendingPathComponent("1754856000.geojson").path
        for args in [["diff", a, b], ["map", a, b]] {
            let r = try CLI.run(args + ["--sides", mapping.path])
            #expect(r.status == 65 && r.stderr.contains("sides.json"), "\(args): \(r.stderr)")
        }
        for args in [["locate", "40.3,47.1", "--date", "2020-10-27"], ["map", "--date", "2020-10-27"]] {
            let r = try CLI.run(args + ["--db", "postgresql://127.0.0.1:1/x", "--source", "s"])
            #expect(r.status == 69 && r.stderr.contains("cannot connect to the database"), "\(args): \(r.stderr)")
        }
    }

    @Test func snapshotArchiveErrorsAndRange() throws {
        let empty = try CLI.tempDir()
        let r = try CLI.run(["timeline", empty.path])
        #expect(r.status == 65 && r.stderr.contains("holds no snapshot files"))
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let early = try CLI.run(["control", "--date", "2025-01-01", "--snapshots", dir.path])
        #expect(early.status == 64 && early.stderr.contains("2025-08-03 to 2025-08-10"))
        let asOf = try CLI.run(["control", "--date", "2025-08-05", "--snapshots", dir.path])
        #expect(asOf.status == 0 && asOf.stdout.contains("as of the snapshot of 2025-08-03"))
        // One undated file in a dated archive is named.
        try #"{"type":"FeatureCollection","features":[\#(DeepStateFixture.polygon("x", DeepStateFixture.square(30, 50)))]}"#.write(to: dir.appendingPathComponent("undated.geojson"), atomically: true, encoding: .utf8)
        let undated = try CLI.run(["timeline", dir.path])
        #expect(undated.status == 65 && undated.stderr.contains("undated.geojson") && undated.stderr.contains("dated archive"))
    }

    @Test func multiDateSingleFileArchive() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("archive.geojson")
        let feats = [("2024-01-01", 0.2), ("2024-01-08", 0.3)].enumerated().map { i, d in
            #"{"type":"Feature","properties":{"id":\#(i),"date":"\#(d.0)"},"geometry":{"type":"Polygon","coordinates":\#(DeepStateFixture.square(37, 47, d.1))}}"#
        }
        try (#"{"type":"FeatureCollection","features":["# + feats.joined(separator: ",") + "]}").write(to: f, atomically: true, encoding: .utf8)
        let r = try CLI.run(["timeline", f.path])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout)
        #expect(rows.map { $0[0] } == ["2024-01-01", "2024-01-08"])
        #expect(Double(rows[1][4])! > 0)
    }

    /// `timeline` with no inputs is the dataset; `--every` resamples to ticks, each taking the latest state on or
    /// before it, its change measured since the previous tick's state.
    @Test func timelineResamplesTheDataset() throws {
        let all = try CLI.run(["timeline"])
        #expect(all.status == 0)
        let dates = Set(csvRows(all.stdout).map { $0[0] })
        #expect(dates.contains("1994-05-12") && dates.contains("2020-11-10") && dates.contains("2023-09-20"))
        let r = try CLI.run(["timeline", "--every", "1m", "--from", "2020-10-01", "--to", "2020-12-01"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = csvRows(r.stdout).filter { $0[2] == "azerbaijan" }
        #expect(rows.map { $0[0] } == ["2020-10-01", "2020-11-01", "2020-12-01"])
        #expect(rows.map { $0[8] } == ["1994-05-12", "2020-10-25", "2020-12-01"])
        for i in 1..<rows.count {
            #expect(abs((Double(rows[i][3])! - Double(rows[i - 1][3])!) - Double(rows[i][6])!) < 0.01, "\(rows[i])")
        }
        let bad = try CLI.run(["timeline", "--every", "2y"])
        #expect(bad.status == 64 && bad.stderr.contains("--every 2y"))
    }

    @Test func exportRoundTripsThroughEveryGISFormat() throws {
        let dir = try CLI.tempDir()
        let g = try CLI.run(["export", "--date", "2020-10-27", "--layers", "control", "-o", dir.appendingPathComponent("k.geojson").path])
        #expect(g.status == 0)
        let reference = try CLI.run(["inspect", dir.appendingPathComponent("k.geojson").path, "--format", "json"])
        let refArea = (try JSONSerialization.jsonObject(with: Data(reference.stdout.utf8)) as! [String: Any])["total_area_km2"] as! Double
        for ext in ["gpkg", "fgb", "kml", "shp", "geojsonl", "csv"] {
            let out = dir.appendingPathComponent("k.\(ext)")
            let r = try CLI.run(["export", "--date", "2020-10-27", "--layers", "control", "-o", out.path])
            #expect(r.status == 0, "\(ext): \(r.stderr)")
            if let info = try ogrinfoSummary(out) { #expect(info.status == 0, "ogrinfo \(ext): \(info.output)") }
            let back = try CLI.run(["inspect", out.path, "--format", "json"])
            #expect(back.status == 0, "\(ext): \(back.stderr)")
            let area = (try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [String: Any])["total_area_km2"] as! Double
            #expect(abs(area - refArea) / refArea < 1e-6, "\(ext): \(area) vs \(refArea)")
        }
        let full = try CLI.run(["export", "--date", "2020-10-27", "-o", dir.appendingPathComponent("all.gpkg").path])
        #expect(full.status == 0)
        if let info = try ogrinfoSummary(dir.appendingPathComponent("all.gpkg")) {
            for layer in ["control", "front", "place", "district", "incident"] { #expect(info.output.contains("Layer name: \(layer)\n"), "\(layer) in \(info.output)") }
        }
        let unknown = try CLI.run(["export", "--date", "2020-10-27", "-o", dir.appendingPathComponent("k.xyz").path])
        #expect(unknown.status == 64 && unknown.stderr.contains(".gpkg") && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("k.xyz").path))
    }

    @Test func exportOfASnapshotSource() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let out = try CLI.tempDir().appendingPathComponent("s.gpkg")
        let r = try CLI.run(["export", "--snapshots", dir.path, "--date", "2025-08-05", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        if let info = try ogrinfoSummary(out) {
            #expect(info.output.contains("Layer name: control\n") && info.output.contains("Feature Count: 2"))
        }
        let g = try CLI.run(["export", "--snapshots", dir.path, "--date", "2025-08-05", "--layers", "control"])
        let o = try JSONSerialization.jsonObject(with: Data(g.stdout.utf8)) as! [String: Any]
        #expect(o["as_of"] as? String == "2025-08-03")
        let ids = (o["features"] as! [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(ids == ["control/occupied", "control/unknown"])
    }

    @Test func mapWritesRealRasters() throws {
        let dir = try CLI.tempDir()
        for ext in ["png", "pdf"] {
            let out = dir.appendingPathComponent("m.\(ext)")
            let r = try CLI.run(["map", "--date", "2020-10-27", "-o", out.path])
            #expect(r.status == 0, "\(r.stderr)")
            let head = try Data(contentsOf: out).prefix(4)
            #expect(head == (ext == "png" ? Data([0x89, 0x50, 0x4E, 0x47]) : Data("%PDF".utf8)))
        }
        let bad = try CLI.run(["map", "--date", "2020-10-27", "-o", dir.appendingPathComponent("m.jpg").path])
        #expect(bad.status == 64)
    }

    @Test func joinRecognisesACLEDAndReadsStdin() throws {
        let csv = "event_id_cnty,event_date,latitude,longitude\nAZE1,2020-10-27,40.37577,47.12619\nAZE2,not a date,40.3,47.1\nAZE3,27 October 2020,39.8177,46.7528\n"
        let r = try CLI.run(["join", "-"], stdin: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "event_id_cnty,event_date,latitude,longitude,side,status,distance_to_front_km,as_of")
        #expect(lines[1].hasPrefix("AZE1,2020-10-27,40.37577,47.12619,azerbaijan,confirmed,16.7"))
        #expect(lines[2] == "AZE2,not a date,40.3,47.1,,,,")
        #expect(lines[3].contains(",armenian,"))
        #expect(r.stderr.contains("1 row with a bad date or position") && r.stderr.contains("line 3"))
        let quote = try CLI.run(["join", "-"], stdin: "date,lon,lat,note\n2020-10-27,47.1,40.3,\"open\n")
        #expect(quote.status == 65 && quote.stderr.contains("unterminated quote") && quote.stderr.contains("line 2"))
    }

    @Test func eventsAndJoinWriteGISFiles() throws {
        let dir = try CLI.tempDir()
        let ev = dir.appendingPathComponent("events.gpkg")
        let e = try CLI.run(["events", "-o", ev.path])
        #expect(e.status == 0, "\(e.stderr)")
        if let info = try ogrinfoSummary(ev) { #expect(info.output.contains("Layer name: incident\n")) }
        let csv = dir.appendingPathComponent("in.csv")
        try "event_date,latitude,longitude,note\n2020-10-27,40.37577,47.12619,\"a, b\"\nbad,1,2,x\n".write(to: csv, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("joined.gpkg")
        let j = try CLI.run(["join", csv.path, "-o", out.path])
        #expect(j.status == 0, "\(j.stderr)")
        let back = try CLI.run(["convert", out.path])
        let o = try JSONSerialization.jsonObject(with: Data(back.stdout.utf8)) as! [String: Any]
        let props = (o["features"] as! [[String: Any]]).map { $0["properties"] as! [String: Any] }
        #expect(props.count == 2 && props[0]["side"] as? String == "azerbaijan" && props[0]["note"] as? String == "a, b")
        let gj = try CLI.run(["join", csv.path, "-o", dir.appendingPathComponent("j.geojson").path])
        #expect(gj.status == 0)
        #expect(try String(contentsOf: dir.appendingPathComponent("j.geojson"), encoding: .utf8).hasPrefix("{\"type\":\"FeatureCollection\""))
    }

    @Test func locateOnTheWeeklyArchive() throws {
        let archive = TestPaths.repo.deletingLastPathComponent().appendingPathComponent("shared/data/deepstate-ua")
        guard FileManager.default.fileExists(atPath: archive.path) else {
            print("skipped: ../shared/data/deepstate-ua is absent")
            return
        }
        let r = try CLI.run(["locate", "48.2853,37.1758", "--snapshots", archive.path, "--date", "2024-12-01", "--format", "json"])
        #expect(r.status == 0, "\(r.stderr)")
        let o = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as! [String: Any]
        #expect(o["as_of"] as? String == "2024-11-27")
        #expect(o["side"] as? String == "other")
        #expect(o["theatre"] as? String == "UA")
        let km = o["distance_to_front_km"] as! Double
        #expect(km > 1 && km < 40)
        let diff = try CLI.run(["diff", "--snapshots", archive.path, "--from", "2024-09-25", "--to", "2024-10-02", "-o", try CLI.tempDir().appendingPathComponent("w.gpkg").path])
        #expect(diff.status == 0, "\(diff.stderr)")
    }
}
