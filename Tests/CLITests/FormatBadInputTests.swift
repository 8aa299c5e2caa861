import Foundation
import Testing
import TestSupport

/// Bad input in the new formats and sources: one line naming the file (and place), the right exit code, and no
/// output left behind.
@Suite struct FormatBadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var make: @Sendable (URL) throws -> [String]   // writes the input into a folder, returns the arguments
        var status: Int32
        var says: [String]
        var description: String { name }
    }

    static func feature(_ coords: String, props: String = "{}") -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":\#(props),"geometry":{"type":"Polygon","coordinates":\#(coords)}}]}"#
    }

    static let cases: [Case] = [
        Case(name: "truncated GeoPackage", make: { d in
            let full = d.appendingPathComponent("full.gpkg")
            _ = try CLI.run(["export", "--date", "2020-10-27", "--layers", "control", "-o", full.path])
            let bytes = try Data(contentsOf: full)
            try bytes.prefix(bytes.count / 3).write(to: d.appendingPathComponent("t-2020-01-01.gpkg"))
            return ["timeline", d.appendingPathComponent("t-2020-01-01.gpkg").path]
        }, status: 66, says: ["t-2020-01-01.gpkg: cannot read"]),
        Case(name: "KML with no placemarks", make: { d in
            try #"<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>x</name></Document></kml>"#.write(to: d.appendingPathComponent("e-2020-01-01.kml"), atomically: true, encoding: .utf8)
            return ["timeline", d.appendingPathComponent("e-2020-01-01.kml").path]
        }, status: 65, says: ["e-2020-01-01.kml", "nothing to read"]),
        Case(name: "Web Mercator metres in GeoJSON", make: { d in
            try feature("[[[4100000,6000000],[4200000,6000000],[4200000,6100000],[4100000,6000000]]]").write(to: d.appendingPathComponent("m-2020-01-01.geojson"), atomically: true, encoding: .utf8)
            return ["timeline", d.appendingPathComponent("m-2020-01-01.geojson").path]
        }, status: 65, says: ["features[0].geometry.coordinates[0][0]", "EPSG:3857"]),
        Case(name: "Web Mercator metres in a GeoPackage that says WGS84", make: { d in
            let src = d.appendingPathComponent("src.json")
            try feature("[[[4100000,6000000],[4200000,6000000],[4200000,6100000],[4100000,6000000]]]").write(to: src, atomically: true, encoding: .utf8)
            let dst = d.appendingPathComponent("m-2020-01-01.gpkg")
            _ = try runTool("/usr/bin/ogr2ogr", ["-f", "GPKG", dst.path, src.path, "-a_srs", "EPSG:4326"])
            return ["timeline", dst.path]
        }, status: 65, says: ["feature 0", "EPSG:3857"]),
        Case(name: "duplicate dates in an archive", make: { d in
            let poly = feature("[[[37,47],[38,47],[38,48],[37,47]]]")
            try poly.write(to: d.appendingPathComponent("a-2024-07-08.geojson"), atomically: true, encoding: .utf8)
            try poly.write(to: d.appendingPathComponent("b-20240708.geojson"), atomically: true, encoding: .utf8)
            return ["timeline", d.path]
        }, status: 65, says: ["two snapshots for 2024-07-08", "a-2024-07-08.geojson", "b-20240708.geojson"]),
        Case(name: "a multi-layer GeoPackage without --layer", make: { d in
            let f = d.appendingPathComponent("k.gpkg")
            _ = try CLI.run(["export", "--date", "2020-10-27", "-o", f.path])
            return ["inspect", f.path]
        }, status: 64, says: ["choose one with --layer NAME", "control"]),
        Case(name: "an unknown layer", make: { d in
            let f = d.appendingPathComponent("k.gpkg")
            _ = try CLI.run(["export", "--date", "2020-10-27", "-o", f.path])
            return ["inspect", f.path, "--layer", "nosuch"]
        }, status: 64, says: ["no layer \"nosuch\""]),
        Case(name: "a sides file that is not JSON", make: { d in
            try "{rules:".write(to: d.appendingPathComponent("sides.json"), atomically: true, encoding: .utf8)
            try feature("[[[37,47],[38,47],[38,48],[37,47]]]").write(to: d.appendingPathComponent("x-2020-01-01.geojson"), atomically: true, encoding: .utf8)
            return ["timeline", d.appendingPathComponent("x-2020-01-01.geojson").path, "--sides", d.appendingPathComponent("sides.json").path]
        }, status: 65, says: ["sides.json: line 1"]),
        Case(name: "a value no side rule matches", make: { d in
            try #"{"property":"kind","rules":[{"equals":"a","side":"red"}]}"#.write(to: d.appendingPathComponent("sides.json"), atomically: true, encoding: .utf8)
            try feature("[[[37,47],[38,47],[38,48],[37,47]]]", props: #"{"kind":"b"}"#).write(to: d.appendingPathComponent("x-2020-01-01.geojson"), atomically: true, encoding: .utf8)
            return ["timeline", d.appendingPathComponent("x-2020-01-01.geojson").path, "--sides", d.appendingPathComponent("sides.json").path]
        }, status: 65, says: ["features[0].properties.kind", "\"b\" matches no rule"]),
        Case(name: "an undated single file", make: { d in
            try feature("[[[37,47],[38,47],[38,48],[37,47]]]").write(to: d.appendingPathComponent("undated.geojson"), atomically: true, encoding: .utf8)
            return ["timeline", d.appendingPathComponent("undated.geojson").path]
        }, status: 65, says: ["undated.geojson", "give --date D"]),
        Case(name: "a glob that matches nothing", make: { d in ["timeline", d.appendingPathComponent("*.gpkg").path] }, status: 66, says: ["no file matches the pattern"]),
        Case(name: "a date outside a multi-date file", make: { d in
            try feature("[[[37,47],[38,47],[38,48],[37,47]]]", props: #"{"date":"2024-01-01"}"#).write(to: d.appendingPathComponent("a.geojson"), atomically: true, encoding: .utf8)
            return ["control", "--snapshots", d.appendingPathComponent("a.geojson").path, "--date", "2023-12-31"]
        }, status: 64, says: ["2023-12-31 is before", "2024-01-01"]),
    ]

    @Test(arguments: cases) func oneLineAndTheRightExitCode(c: Case) throws {
        let dir = try CLI.tempDir()
        let args = try c.make(dir)
        let out = try CLI.tempDir().appendingPathComponent("out.csv")
        let r = try CLI.run(args + ["-o", out.path])
        #expect(r.status == c.status, "\(c): \(r.status) \(r.stderr)")
        let errors = r.stderr.split(separator: "\n").filter { $0.hasPrefix("frontline: error:") }
        #expect(errors.count == 1, "\(c): \(r.stderr)")
        for s in c.says { #expect(r.stderr.contains(s), "\(c): \(r.stderr) lacks \(s)") }
        #expect(!FileManager.default.fileExists(atPath: out.path), "\(c): output left behind")
    }
}
