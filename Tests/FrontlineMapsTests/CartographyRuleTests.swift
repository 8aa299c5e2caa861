import Foundation
import FrontlineKit
import FrontlineMaps
import GeoModel
import MapRender
import Testing
import TestSupport

/// Rules of the drawn maps checked on the renderer's own tree (page coordinates, before serialisation): country
/// names stay in their own country and off the other side's land, and the earlier front line lies above the gains.
@Suite(.serialized) struct CartographyRuleTests {
    static let dataset: Dataset? = try? Dataset.load(root: TestPaths.geodata.path)

    func render(_ spec: MapSpec, _ options: MapOptions = MapOptions()) throws -> SVGElement {
        let projection = try PROJMapProjection(crs: options.crs, center: spec.window.center)
        let renderer = MapRenderer(style: options.style, page: MapPage(width: options.width, height: options.height))
        return try renderer.render(spec, projection: projection)
    }

    /// Every element of the tree, depth first.
    func elements(_ e: SVGElement) -> [SVGElement] {
        [e] + e.children.flatMap { n -> [SVGElement] in if case .element(let c) = n { return elements(c) } else { return [] } }
    }

    func attribute(_ e: SVGElement, _ key: String) -> SVGValue? { e.attributes.first { $0.key == key }?.value }
    func text(_ e: SVGElement, _ key: String) -> String? { if case .text(let t)? = attribute(e, key) { t } else { nil } }
    func number(_ e: SVGElement, _ key: String) -> Double? { if case .number(let n)? = attribute(e, key) { n } else { nil } }
    func path(_ e: SVGElement) -> PathData? { if case .path(let p)? = attribute(e, "d") { p } else { nil } }

    /// Even-odd inside test over every closed subpath.
    func inside(_ p: PlanePoint, _ d: PathData) -> Bool {
        var odd = false
        for s in d.subpaths where s.closed {
            var j = s.points.count - 1
            for i in s.points.indices {
                let a = s.points[i], b = s.points[j]
                if (a.y > p.y) != (b.y > p.y), p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x { odd.toggle() }
                j = i
            }
        }
        return odd
    }

    static let views: [(date: String, window: BoundingBox?)] = [
        ("2020-10-27", nil), ("2020-10-27", BoundingBox(west: 45.9, south: 38.9, east: 47.6, north: 40.5)),
        ("2020-12-01", nil), ("2020-12-01", BoundingBox(west: 45.9, south: 38.9, east: 47.6, north: 40.5)),
        ("2020-11-10", BoundingBox(west: 44.8, south: 38.6, east: 48.2, north: 41.4)),
        // Zoomed on the front: the trial's AZERBAIJAN across Armenian-held land.
        ("2020-10-27", BoundingBox(west: 46.3, south: 39.3, east: 47.3, north: 40.3)),
        ("2020-12-01", BoundingBox(west: 46.3, south: 39.3, east: 47.3, north: 40.3)),
    ]

    /// A country's name is drawn inside that country and never over land held by a side other than the dataset's
    /// default side (the trial found AZERBAIJAN across Armenian-held land and GEORGIA over Aghstafa).
    @Test(arguments: 0..<views.count) func countryNamesStayInTheirOwnEmptyArea(view: Int) throws {
        let dataset = try #require(Self.dataset)
        let (date, window) = Self.views[view]
        var options = MapOptions()
        options.window = window
        let spec = try StateMap.spec(dataset: dataset, history: try dataset.timeline.history(), date: try #require(Day(date)), options: options)
        let all = elements(try render(spec, options))
        let countries = Dictionary(all.compactMap { e -> (String, PathData)? in
            guard let id = text(e, "id"), id.hasPrefix("countries-"), let d = path(e) else { return nil }
            return (String(id.dropFirst("countries-".count)), d)
        }, uniquingKeysWith: { a, _ in a })
        let otherSides = all.filter { text($0, "class") == "side-armenian" }.compactMap(path)
        #expect(!otherSides.isEmpty, "the Armenian-held area is drawn on \(date)")
        let labels = all.filter { $0.name == "text" && text($0, "class") == "label-country" }
        #expect(!labels.isEmpty, "some country is named on \(date)")
        let size = MapStyle.standard.countryLabelSize
        for l in labels {
            let id = try #require(text(l, "id")), code = String(id.dropFirst("country-label-".count))
            guard case .text(let name)? = l.children.first else { Issue.record("label \(id) has no text"); continue }
            let x = try #require(number(l, "x")), baseline = try #require(number(l, "y"))
            let w = TextMetrics.width(name, size: size) * 1.2
            let country = try #require(countries[code], "no country path for \(id)")
            // A grid over the label's box, inset a little for the glyphs' side bearings.
            for fx in stride(from: 0.05, through: 0.95, by: 0.1) {
                for fy in [0.15, 0.5, 0.85] {
                    let p = PlanePoint(x: x - w / 2 + w * fx, y: baseline - size * 0.75 + size * 0.8 * fy)
                    #expect(inside(p, country), "\(name) on \(date) leaves its country at \(p)")
                    #expect(!otherSides.contains { inside(p, $0) }, "\(name) on \(date) lies over Armenian-held land at \(p)")
                }
            }
        }
    }

    /// On a change map the earlier front line (dotted) is drawn after every gain layer, so no gain outline hides it.
    @Test(arguments: [("2020-09-26", "2020-10-27"), ("2020-09-27", "2020-12-01"), ("2020-12-01", "2023-09-21")])
    func earlierFrontLineLiesAboveTheGains(from: String, to: String) throws {
        let dataset = try #require(Self.dataset)
        let spec = try ChangeMap.spec(dataset: dataset, history: try dataset.timeline.history(), from: try #require(Day(from)),
                                      to: try #require(Day(to)))
        let map = try #require(elements(try render(spec)).first { text($0, "id") == "map" })
        let order = map.children.compactMap { n -> String? in if case .element(let e) = n { text(e, "id") } else { nil } }
        let before = try #require(order.firstIndex(of: "layer-front-line-before"), "the earlier line is drawn: \(order)")
        let gains = order.indices.filter { order[$0].hasPrefix("layer-gain-") }
        #expect(!gains.isEmpty, "gains are drawn: \(order)")
        #expect(gains.allSatisfy { $0 < before }, "layers in order: \(order)")
    }
}
