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

    @Test func joinAppendsTheSide() throws {
        let dir = try CLI.tempDir()
        let input = dir.appendingPathComponent("incidents.csv")
        try Data("id,date,lon,lat\nshusha-before,2020-11-01,46.7522,39.7467\nshusha-after,2020-11-10,46.7522,39.7467\n".utf8).write(to: input)
        let r = try CLI.run(["join", input.path, "--data", TestPaths.geodata.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "id,date,lon,lat,side\nshusha-before,2020-11-01,46.7522,39.7467,armenian\nshusha-after,2020-11-10,46.7522,39.7467,azerbaijan\n")
        let bad = try CLI.run(["join", dir.appendingPathComponent("missing.csv").path])
        #expect(bad.status == 66)
    }
}
