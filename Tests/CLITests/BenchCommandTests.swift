import Foundation
import TestSupport
import Testing

/// `convert` and `join`, the commands the benchmarks time, on small inputs.
@Suite struct BenchCommandTests {
    @Test func convertWritesRFC7946() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("in.geojson")
        // A clockwise exterior, a crs member and 9 decimals: out come a counter-clockwise ring, no crs, 6 decimals.
        try Data("""
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
            "features":[{"type":"Feature","properties":{"n":1},"geometry":{"type":"Polygon",
            "coordinates":[[[30.123456789,48],[30.123456789,49],[31,49],[31,48],[30.123456789,48]]]}}]}
            """.utf8).write(to: input)
        let output = dir.appendingPathComponent("out.geojson")
        let r = try CLI.run(["convert", input.path, "-o", output.path, "--precision", "6"])
        #expect(r.status == 0, "\(r.stderr)")
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(!text.contains("crs"))
        #expect(text.contains("[[[30.123457,48],[31,48],[31,49],[30.123457,49],[30.123457,48]]]"))
        let again = try CLI.run(["convert", input.path, "-o", input.path, "--force"])
        #expect(again.status == 73, "an input is never overwritten")
    }

    /// A FeatureCollection file converted to a GeoJSON file is streamed feature by feature; its bytes must equal the
    /// whole-document path's (standard output), and a feature broken half-way must leave no file, not half of one.
    @Test func convertStreamsTheSameBytesAndLeavesNothingOnError() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("many.geojson")
        var features: [String] = []
        for i in 0..<3000 {
            let x = 30 + Double(i % 100) * 0.01, y = 48 + Double(i / 100) * 0.01
            features.append(#"{"type":"Feature","id":\#(i),"properties":{"n":\#(i),"s":"]}\"{"},"geometry":{"type":"Polygon","coordinates":[[[\#(x),\#(y)],[\#(x),\#(y + 0.005)],[\#(x + 0.005123456789),\#(y + 0.005)],[\#(x),\#(y)]]]}}"#)
        }
        func document(_ features: [String]) -> String {
            "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "],\"crs\":null}"
        }
        let text = document(features)
        try Data(text.utf8).write(to: input)
        let output = dir.appendingPathComponent("out.geojson")
        let streamed = try CLI.run(["convert", input.path, "-o", output.path, "--precision", "6"])
        #expect(streamed.status == 0, "\(streamed.stderr)")
        let whole = try CLI.run(["convert", input.path, "--precision", "6"])
        #expect(whole.status == 0)
        #expect(try String(contentsOf: output, encoding: .utf8) == whole.stdout)
        #expect(whole.stdout.hasPrefix(#"{"type":"FeatureCollection","features":["#))

        // Feature 2500 (line 2502 of the file) has a ring of three positions.
        var brokenFeatures = features
        brokenFeatures[2500] = #"{"type":"Feature","properties":{"s":"]}\"{"},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}"#
        let broken = document(brokenFeatures)
        let bad = dir.appendingPathComponent("broken.geojson")
        try Data(broken.utf8).write(to: bad)
        let target = dir.appendingPathComponent("never.geojson")
        let r = try CLI.run(["convert", bad.path, "-o", target.path])
        #expect(r.status == 65)
        #expect(r.stderr.contains("\(bad.path): features[2500].geometry.coordinates[0]: ring has 3 positions"), "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: target.path))
        // A syntax error far into the file is named by its line and column in the whole file.
        brokenFeatures = features
        brokenFeatures[2700] = brokenFeatures[2700].replacingOccurrences(of: "]]]}}", with: "],]]}}")
        try Data(document(brokenFeatures).utf8).write(to: bad)
        let syntax = try CLI.run(["convert", bad.path, "-o", target.path])
        #expect(syntax.status == 65)
        #expect(syntax.stderr.contains("\(bad.path): features[2700].geometry.coordinates (line 2702, column "), "\(syntax.stderr)")
        // The same message as the whole-document reader's (standard output is not streamed).
        let wholeError = try CLI.run(["convert", bad.path])
        #expect(wholeError.status == 65 && wholeError.stdout.isEmpty)
        #expect(wholeError.stderr == syntax.stderr)
        #expect(!FileManager.default.fileExists(atPath: target.path))
        let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "temporary files left: \(left)")
    }

    /// A real file read → written → read: GDAL's ogrinfo reads the output, exterior rings turn counter-clockwise,
    /// and the ellipsoidal area is unchanged.
    @Test func deepStateRoundTripIsReadByOgrinfo() throws {
        guard let file = TestPaths.deepStateFiles.first else {
            print("SKIP deepStateRoundTripIsReadByOgrinfo: ../shared/data/deepstate-ua is absent")
            return
        }
        let dir = try CLI.tempDir()
        let output = dir.appendingPathComponent("roundtrip.geojson")
        let r = try CLI.run(["convert", file.path, "-o", output.path])
        #expect(r.status == 0, "\(r.stderr)")
        let a = try CLI.run(["inspect", file.path, "--format", "json"]), b = try CLI.run(["inspect", output.path, "--format", "json"])
        let areaA = try #require((try JSONSerialization.jsonObject(with: Data(a.stdout.utf8)) as? [String: Any])?["total_area_km2"] as? Double)
        let areaB = try #require((try JSONSerialization.jsonObject(with: Data(b.stdout.utf8)) as? [String: Any])?["total_area_km2"] as? Double)
        #expect(abs(areaA - areaB) < 0.001)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: output)) as? [String: Any])
        let g = try #require(((o["features"] as? [[String: Any]])?.first)?["geometry"] as? [String: Any])
        let polys = try #require(g["coordinates"] as? [[[[Double]]]])
        for p in polys {
            guard let ring = p.first else { continue }
            var s = 0.0
            for k in 0..<(ring.count - 1) { s += ring[k][0] * ring[k + 1][1] - ring[k + 1][0] * ring[k][1] }
            #expect(s > 0, "exterior ring is counter-clockwise")
        }
        guard let (status, out) = try ogrinfoSummary(output) else {
            print("SKIP ogrinfo part: gdal-bin is not installed (make setup installs it)")
            return
        }
        #expect(status == 0 && out.contains("Feature Count: 1") && out.contains("Multi Polygon"), "\(out)")
    }

    @Test func joinAppendsTheSide() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("incidents.csv")
        try Data("id,date,lon,lat\nshusha-before,2020-11-01,46.7522,39.7467\nshusha-after,2020-11-10,46.7522,39.7467\n".utf8).write(to: input)
        let r = try CLI.run(["join", input.path, "--data", TestPaths.geodata.path])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0] == "id,date,lon,lat,side,status,distance_to_front_km,as_of")
        #expect(lines[1].hasPrefix("shusha-before,2020-11-01,46.7522,39.7467,armenian,confirmed,") && lines[1].hasSuffix(",2020-10-25"))
        #expect(lines[2].hasPrefix("shusha-after,2020-11-10,46.7522,39.7467,azerbaijan,confirmed,") && lines[2].hasSuffix(",2020-11-10"))
        let bad = try CLI.run(["join", dir.appendingPathComponent("missing.csv").path])
        #expect(bad.status == 66)
    }
}
