import Foundation
import Testing
import TestSupport

/// A change map zoomed to small changes carries an overview of the theatre country with the shown area outlined,
/// in a corner that no label covers; a map at the data's own window has none.
@Suite struct OverviewInsetTests {
    @Test func zoomedChangeMapsHaveAnOverview() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let a = dir.appendingPathComponent("1754251105.geojson").path, b = dir.appendingPathComponent("1754856000.geojson").path
        let zoomed = try CLI.run(["map", a, b, "--window", "changes"])
        #expect(zoomed.status == 0, "\(zoomed.stderr)")
        let doc = try XMLCheck(zoomed.stdout)
        #expect(doc.elements.contains { $0.attributes["id"] == "overview" })
        let paths = doc.attributes(of: "path").compactMap { $0["class"] }
        #expect(paths.contains("overview-land") && paths.contains("overview-focus") && paths.contains("overview-drawn"), "\(Set(paths))")
        // No place label starts inside the overview's frame.
        let frame = try #require(doc.attributes(of: "rect").first { $0["class"] == "overview-frame" })
        let x = try #require(Double(frame["x"] ?? "")), y = try #require(Double(frame["y"] ?? ""))
        let w = try #require(Double(frame["width"] ?? "")), h = try #require(Double(frame["height"] ?? ""))
        for t in doc.elements where t.name == "text" && (t.attributes["class"] ?? "").hasPrefix("label-") {
            guard let tx = Double(t.attributes["x"] ?? ""), let ty = Double(t.attributes["y"] ?? "") else { continue }
            #expect(!(tx > x && tx < x + w && ty > y && ty < y + h), "label \(t.text) inside the overview")
        }
        let whole = try CLI.run(["map", a, b, "--window", "data"])
        #expect(whole.status == 0 && !whole.stdout.contains("id=\"overview\""))
    }
}
