import ChartRender
import Foundation
import MapRender
import Testing
import TestSupport

/// Charts drawn from a hand-made spec: the whole SVG against a golden file, and the marks a page script relies on.
@Suite struct ChartRendererTests {
    /// Two sides over six weeks with a gain, a loss and a dated event; two panels for the small-multiples layout.
    static func spec(panels: Int = 1) -> ChartSpec {
        let d0 = 20_000 // 2024-10-04
        let blue = ChartSeries(id: "blue", label: "Blue", color: "#4477aa",
                               points: [0, 7, 14, 21, 28, 35].enumerated().map { ChartPoint(day: d0 + $1, value: [1000, 1040, 1040, 1100, 1090, 1150][$0]) })
        let red = ChartSeries(id: "red", label: "Red <&> \"forces\"", color: "#ee7733",
                              points: [0, 7, 14, 21, 28, 35].enumerated().map { ChartPoint(day: d0 + $1, value: [2000, 1960, 1960, 1900, 1910, 1850][$0]) })
        let bars = [7, 14, 21, 28, 35].enumerated().map { ChartPoint(day: d0 + $1, value: [40, 0, 60, -10, 60][$0]) }
        let panel = ChartPanel(series: [blue, red], bars: bars, barsOf: blue)
        return ChartSpec(title: "Area held", subtitle: "weekly", panels: Array(repeating: panel, count: panels),
                         annotations: [ChartAnnotation(day: d0 + 21, text: "2024-10-25: ceasefire")], attribution: "Made with frontline.",
                         width: 900, height: 500, style: .standard)
    }

    @Test func singlePanelMatchesItsGoldenFile() throws {
        try Golden.check(ChartRenderer.svg(Self.spec()), name: "sample-chart.svg")
    }

    @Test func smallMultiplesMatchTheirGoldenFile() throws {
        try Golden.check(ChartRenderer.svg(Self.spec(panels: 4)), name: "sample-chart-4.svg")
    }

    /// Every panel says where its dates lie (the site's cursor), text is escaped, and style rules are scoped to the chart.
    @Test func panelsCarryTheirDateMappingAndStylesAreScoped() throws {
        let svg = ChartRenderer.svg(Self.spec(panels: 2))
        let doc = try XMLCheck(svg)
        let panels = doc.attributes(of: "g").filter { $0["class"] == "panel" }
        #expect(panels.count == 2)
        for p in panels {
            #expect(p["data-day0"] == "2024-10-04" && p["data-day1"] == "2024-11-08", "\(p)")
            let x0 = try #require(Double(p["data-x0"] ?? "")), x1 = try #require(Double(p["data-x1"] ?? ""))
            #expect(x1 > x0)
        }
        #expect(svg.contains("Red &lt;&amp;&gt; &quot;forces&quot;") || svg.contains("Red &lt;&amp;&gt; \"forces\""))
        let rules = svg.components(separatedBy: "<style>")[1].components(separatedBy: "</style>")[0]
            .split(separator: "\n").filter { $0.contains("{") }
        #expect(!rules.isEmpty && rules.allSatisfy { $0.hasPrefix(".frontline-chart ") || $0.hasPrefix("svg.frontline-chart") }, "\(rules)")
    }
}
