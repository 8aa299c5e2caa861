import Foundation
import GeoModel
import MapRender
import Testing
import TestSupport

@Suite struct MapRendererTests {
    let renderer = MapRenderer(page: MapPage(width: 800, height: 600))
    var svg: String { get throws { try renderer.svg(SampleMap.spec, projection: EquirectangularProjection(standardParallel: 39.75)) } }

    @Test func matchesGoldenFile() throws {
        try Golden.check(try svg, name: "sample-map.svg")
    }

    @Test func isWellFormedXMLWithViewBox() throws {
        let doc = try XMLCheck(try svg)
        #expect(doc.root == "svg")
        #expect(doc.attributes(of: "svg").first?["viewBox"] == "0 0 800 600")
        #expect(doc.duplicateIDs.isEmpty)
    }

    @Test func featuresCarryIDClassAndData() throws {
        let doc = try XMLCheck(try svg)
        let paths = doc.attributes(of: "path").filter { $0["data-side"] != nil }
        #expect(paths.count == 2)
        for p in paths {
            #expect(p["id"] != nil)
            #expect(p["class"]?.hasPrefix("side-") == true)
            #expect(p["data-date"] == "2020-10-27")
            #expect(p["data-area_km2"] != nil)
        }
    }

    @Test func escapesDataText() throws {
        let text = try svg
        #expect(text.contains("Alpha &lt;&amp;&gt; &quot;quoted&quot;") || text.contains("Alpha &lt;&amp;&gt; \"quoted\""))
        #expect(!text.contains("<&>"))
        #expect(text.contains("Claimed by \"A\" &amp; &lt;B&gt;"))
        #expect(SVGWriter.escape("a\u{0}b\u{1B}c", attribute: true) == "abc")
        #expect(SVGWriter.escape("x\"y'", attribute: true) == "x&quot;y&apos;")
    }

    @Test func legendCoversEverySymbolDrawn() throws {
        let doc = try XMLCheck(try svg)
        let legendClasses = Set(doc.attributes(of: "g").compactMap { $0["data-symbol"] })
        let drawn = Set(doc.attributes(of: "path").compactMap { $0["class"] } + doc.attributes(of: "circle").compactMap { $0["class"] })
            .filter { !$0.isEmpty }
        #expect(drawn.isSubset(of: legendClasses), "not in the legend: \(drawn.subtracting(legendClasses))")
    }

    @Test func dropsOffPagePlacesAndOverlappingLabels() throws {
        let doc = try XMLCheck(try svg)
        let ids = Set(doc.attributes(of: "circle").compactMap { $0["id"] })
        #expect(!ids.contains("place-far"))
        #expect(ids.contains("place-a"))
        // "b" sits 2 km from "a": its dot would touch a's label or dot, so it is dropped rather than overlapped.
        #expect(!ids.contains("place-b"))
        #expect(ids.contains("place-c"))
    }

    @Test func rendersThroughRsvg() throws {
        guard let rsvg = Rsvg.path else {
            print("skipped: rsvg-convert is not installed (apt-get install librsvg2-bin)")
            return
        }
        let png = try Rsvg.render(try svg, using: rsvg)
        #expect(png.count > 1000)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func rendersInChromium() throws {
        guard let chromium = Chromium.path else {
            print("skipped: headless Chromium is not installed (apt-get install chromium-headless-shell)")
            return
        }
        let png = try Chromium.screenshot(try svg, using: chromium, width: 600, height: 450)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
        // A blank page compresses to a few hundred bytes; a drawn map does not.
        #expect(png.count > 5000, "\(png.count) bytes")
    }
}
