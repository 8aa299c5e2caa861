import Foundation
import Testing
import TestSupport

/// Charts: structure (viewBox, classes, data-* on every mark), the dataset's events annotated, real rasters.
@Suite struct ChartTests {
    @Test func datasetChartHasStepsBarsAndTheDatedEvents() throws {
        let r = try CLI.run(["chart"])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = r.stdout
        #expect(svg.contains("viewBox=\"0 0 1200 700\""))
        let doc = try XMLCheck(svg)
        let series = doc.attributes(of: "path").filter { ($0["class"] ?? "").contains("series") }
        #expect(Set(series.compactMap { $0["data-side"] }) == ["azerbaijan", "armenian"])
        // The last value of each line is the state after the last change: Armenian forces hold nothing.
        let armenian = series.first { $0["data-side"] == "armenian" }
        #expect(armenian?["data-last_km2"].flatMap(Double.init) == 0)
        let bars = doc.attributes(of: "rect").filter { ($0["class"] ?? "").hasPrefix("bar") }
        #expect(!bars.isEmpty && bars.allSatisfy { $0["data-date"] != nil && $0["data-net_km2"] != nil })
        let annotated = Set(doc.attributes(of: "line").compactMap { $0["data-date"] })
        for d in ["2020-11-10", "2020-11-20", "2020-11-25", "2020-12-01", "2022-08-26", "2023-09-20"] { #expect(annotated.contains(d), "\(d)") }
        #expect(svg.contains("80,000"), "km² with thousands separators")
    }

    @Test func snapshotChartAndRasters() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let out = try CLI.tempDir().appendingPathComponent("c.png")
        let r = try CLI.run(["chart", dir.path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: out).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        let svg = try CLI.run(["chart", dir.path])
        #expect(svg.stdout.contains("data-side=\"occupied\"") && svg.stdout.contains("data-side=\"unknown\""))
        let bad = try CLI.run(["chart", dir.path, "-o", out.deletingLastPathComponent().appendingPathComponent("c.gif").path])
        #expect(bad.status == 64)
    }
}
