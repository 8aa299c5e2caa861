import Foundation
import TestSupport
import Testing

/// Text from data and reports never reaches output as markup: SVG, GeoJSON and JSON all escape it.
@Suite struct EscapingTests {
    static let hostile = "<script>alert(\"x\")</script> & 'q' שלום 😀"

    @Test func snapshotSideNamesAreEscapedInSVGAndGeoJSON() throws {
        let dir = try CLI.tempDir()
        let side = Self.hostile.replacingOccurrences(of: "\"", with: "\\\"")
        let file = dir.appendingPathComponent("front-2024-01-01.geojson")
        try Data("""
            {"type":"FeatureCollection","features":[
            {"type":"Feature","id":"<b>&","properties":{"side":"\(side)"},"geometry":{"type":"Polygon","coordinates":[[[30,48],[31,48],[31,49],[30,49],[30,48]]]}},
            {"type":"Feature","properties":{"side":"blue"},"geometry":{"type":"Polygon","coordinates":[[[31,48],[32,48],[32,49],[31,49],[31,48]]]}}]}
            """.utf8).write(to: file)
        let svgPath = dir.appendingPathComponent("map.svg")
        let m = try CLI.run(["map", file.path, "-o", svgPath.path])
        #expect(m.status == 0, "\(m.stderr)")
        let svg = try String(contentsOf: svgPath, encoding: .utf8)
        #expect(!svg.contains("<script"))
        #expect(svg.contains("&lt;script&gt;") && svg.contains("&amp;"))
        #expect(svg.contains("שלום") && svg.contains("😀"))
        // Well-formed XML despite the text, and the text reads back unchanged.
        let xml = try XMLCheck(svg)
        #expect(xml.text.contains { $0.contains(Self.hostile) } || xml.elements.contains { $0.attributes.values.contains { $0.contains(Self.hostile) } })

        let b = dir.appendingPathComponent("front-2024-01-08.geojson")
        try FileManager.default.copyItem(at: file, to: b)
        let d = try CLI.run(["diff", file.path, b.path, "--format", "geojson"])
        #expect(d.status == 0, "\(d.stderr)")
        let j = try CLI.run(["diff", file.path, b.path, "--format", "json"])
        for out in [d.stdout, j.stdout] {
            #expect(!out.contains("<script") && !out.contains("&"))
            let parsed = try JSONSerialization.jsonObject(with: Data(out.utf8))
            #expect(parsed is [String: Any])
        }
        #expect(j.stdout.contains("\\u003cscript\\u003e"))
    }

    @Test func reportTextIsEscapedInIngestJSON() throws {
        let r = try CLI.run(["ingest", "-", "--report-date", "2020-10-27", "--format", "json"],
                            stdin: "Azerbaijan says a missile killed two civilians in Barda. \(Self.hostile)\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stdout.contains("<script"))
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect((o["incidents"] as? [Any])?.isEmpty == false)
    }

    @Test func everyGeoJSONOutputIsReadByOgrinfo() throws {
        let dir = try CLI.tempDir()
        let outputs: [(String, [String])] = [
            ("diff.geojson", ["diff", "--from", "2020-09-27", "--to", "2020-12-01", "--format", "geojson"]),
            ("places.geojson", ["places", "--format", "geojson"]),
            ("events.geojson", ["events", "--format", "geojson"]),
        ]
        for (name, args) in outputs {
            let path = dir.appendingPathComponent(name)
            let r = try CLI.run(args + ["-o", path.path])
            #expect(r.status == 0, "\(args): \(r.stderr)")
            guard let (status, out) = try ogrinfoSummary(path) else {
                print("SKIP ogrinfo checks: gdal-bin is not installed")
                return
            }
            #expect(status == 0 && out.contains("Feature Count:"), "\(name): \(out)")
        }
    }
}
