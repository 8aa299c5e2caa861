import Foundation
import MapRender

/// Draws a `ChartSpec` as SVG through MapRender's node tree and writer: a real date axis, km² with thousands
/// separators, the maps' palette and type, classes and `data-*` attributes on every mark.
public enum ChartRenderer {
    /// Renders a chart as a standalone SVG document.
    ///
    /// - Parameters:
    ///   - spec: The panels, annotations, title and page size to draw.
    ///   - precision: The decimals kept in coordinates (0–6; the writer clamps it).
    /// - Returns: The SVG text, its CSS scoped to the `frontline-chart` class so it can sit inline beside a map.
    public static func svg(_ spec: ChartSpec, precision: Int = 1) -> String {
        SVGWriter(precision: precision).string(document(spec))
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Year, month, day of a days-since-1970 ordinal (proleptic Gregorian).
    static func ymd(_ ordinal: Int) -> (Int, Int, Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    static func ordinal(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// Date ticks for a span: years, quarters, months, or weeks, about 5–10 of them.
    static func dateTicks(_ lo: Int, _ hi: Int) -> [(Int, String)] {
        let span = Double(hi - lo)
        var out: [(Int, String)] = []
        let (y0, m0, _) = ymd(lo), (y1, _, _) = ymd(hi)
        if span > 365 * 4 {
            let step = max(1, Int((span / 365 / 8).rounded(.up)))
            var y = y0 + 1
            while y <= y1 { out.append((ordinal(y, 1, 1), String(y))); y += step }
        } else if span > 120 {
            let stepMonths = span > 365 * 2 ? 6 : span > 365 ? 3 : 1
            var y = y0, m = m0 + 1
            if m > 12 { m = 1; y += 1 }
            while ordinal(y, m, 1) <= hi {
                if (m - 1) % stepMonths == 0 { out.append((ordinal(y, m, 1), m == 1 ? "\(months[0]) \(y)" : months[m - 1])) }
                m += 1
                if m > 12 { m = 1; y += 1 }
            }
        } else {
            let step = span > 60 ? 14 : span > 21 ? 7 : max(1, Int(span / 6))
            var d = lo
            while d <= hi { let (y, m, dd) = ymd(d); out.append((d, "\(dd) \(months[m - 1])\(m == 1 && dd <= step ? " \(y)" : "")")); d += step }
        }
        return out
    }

    /// A round step for a value axis with about `n` ticks.
    static func niceStep(_ range: Double, _ n: Double = 5) -> Double {
        guard range > 0 else { return 1 }
        let raw = range / n, mag = pow(10, floor(log10(raw)))
        let f = raw / mag
        return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag
    }

    static func km2(_ v: Double) -> String {
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.usesGroupingSeparator = true
        f.maximumFractionDigits = abs(v) < 10 && v != v.rounded() ? 1 : 0
        f.locale = Locale(identifier: "en_US_POSIX")
        return f.string(from: NSNumber(value: v)) ?? String(v)
    }

    /// One rule a line, each selector prefixed with the chart's root class (`svg` itself becomes `svg.frontline-chart`).
    static func scoped(_ css: String) -> String {
        css.split(separator: "\n").map { line -> String in
            guard let brace = line.firstIndex(of: "{") else { return String(line) }
            let selectors = line[..<brace].split(separator: ",").map { sel -> String in
                let t = sel.trimmingCharacters(in: .whitespaces)
                return t == "svg" ? "svg.frontline-chart" : ".frontline-chart \(t)"
            }
            return selectors.joined(separator: ",") + line[brace...]
        }.joined(separator: "\n")
    }

    static func document(_ spec: ChartSpec) -> SVGElement {
        let st = spec.style
        let W = spec.width, H = spec.height
        var root = SVGElement("svg", [("xmlns", .text("http://www.w3.org/2000/svg")), ("viewBox", .text("0 0 \(Int(W)) \(Int(H))")),
                                      ("width", .number(W)), ("height", .number(H)), ("class", .text("frontline-chart"))])
        // Every rule is scoped to the chart: inline in a page beside a map (the site), a style sheet applies to the
        // whole document, and the map's .title or .attribution must not take the chart's sizes.
        root.children.append(.element(SVGElement("style", children: [.css(scoped("""
            svg{font-family:\(st.fontFamily)}
            .title{font-size:\(st.titleSize)px;font-weight:bold;fill:\(st.ink)}
            .subtitle{font-size:\(st.subtitleSize)px;fill:\(st.mutedInk)}
            .axis text,.tick{font-size:11px;fill:\(st.mutedInk)}
            .grid{stroke:#e3e3e3;stroke-width:1}
            .axis-line{stroke:#888;stroke-width:1}
            .series{fill:none;stroke-width:2.2;stroke-linejoin:round}
            .bar{stroke:none}
            .zero{stroke:#888;stroke-width:1}
            .annotation{stroke:#999;stroke-width:1;stroke-dasharray:3 3}
            .annotation-text{font-size:10.5px;fill:#444;paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}
            .panel-title{font-size:13px;font-weight:bold;fill:\(st.ink)}
            .legend text{font-size:\(st.legendTextSize)px;fill:\(st.ink)}
            .unit{font-size:11px;fill:\(st.mutedInk)}
            .attribution{font-size:\(st.smallTextSize)px;fill:\(st.mutedInk)}
            """))])))
        root.append(SVGElement("rect", [("class", .text("page")), ("x", .number(0)), ("y", .number(0)), ("width", .number(W)), ("height", .number(H)), ("fill", .text(st.page))]))
        root.append(.text(spec.title, x: 20, y: 34, class: "title"))
        if let s = spec.subtitle { root.append(.text(s, x: 20, y: 54, class: "subtitle")) }
        let all = spec.panels.flatMap { $0.series.flatMap(\.points) + $0.bars }
        guard let lo = all.map(\.day).min(), var hi = all.map(\.day).max() else { return root }
        if hi == lo { hi = lo + 1 }
        let top = spec.subtitle == nil ? 70.0 : 84.0, bottom = H - 34
        let cols = spec.panels.count == 1 ? 1 : spec.panels.count <= 4 ? 2 : 3
        let rows = Int((Double(spec.panels.count) / Double(cols)).rounded(.up))
        let cellW = (W - 40) / Double(cols), cellH = (bottom - top) / Double(rows)
        for (pi, panel) in spec.panels.enumerated() {
            let cx = 20 + Double(pi % cols) * cellW, cy = top + Double(pi / cols) * cellH
            root.append(drawPanel(panel, index: pi, frame: Rect(x: cx, y: cy, width: cellW, height: cellH), lo: lo, hi: hi,
                                  annotations: spec.panels.count == 1 ? spec.annotations : [], style: st, single: spec.panels.count == 1))
        }
        if !spec.attribution.isEmpty { root.append(.text(spec.attribution, x: 20, y: H - 12, class: "attribution")) }
        return root
    }

    static func drawPanel(_ p: ChartPanel, index: Int, frame f: Rect, lo: Int, hi: Int, annotations: [ChartAnnotation],
                          style st: MapStyle, single: Bool) -> SVGElement {
        var g = SVGElement.group(id: "panel-\(index)", class: "panel")
        let left = f.x + (single ? 78 : 64), right = f.x + f.width - (single ? 20 : 14)
        var y0 = f.y + (p.title == nil ? 30 : 44)
        if let t = p.title { g.append(.text(t, x: f.x + 8, y: f.y + 22, class: "panel-title")) }
        let hasBars = !p.bars.isEmpty
        let lineBottom = hasBars ? y0 + (f.height - (y0 - f.y) - 40) * 0.66 : f.y + f.height - 40
        func x(_ d: Int) -> Double { left + (right - left) * Double(d - lo) / Double(hi - lo) }
        // Legend across the top of the panel.
        var lx = left
        for s in p.series where single || p.series.count > 1 {
            var item = SVGElement.group(class: "legend")
            item.append(SVGElement("line", [("x1", .number(lx)), ("y1", .number(y0 - 12)), ("x2", .number(lx + 22)), ("y2", .number(y0 - 12)),
                                            ("stroke", .text(s.color)), ("stroke-width", .number(3))]))
            item.append(.text(s.label, x: lx + 28, y: y0 - 8, class: "legend-text"))
            g.append(item)
            lx += 40 + TextMetrics.width(s.label, size: st.legendTextSize) + 14
        }
        y0 += 6
        // Value axis of the lines.
        let values = p.series.flatMap(\.points).map(\.value)
        var vmin = values.min() ?? 0, vmax = values.max() ?? 1
        // A flat or nearly flat line keeps a readable range (never ticks that round to the same label).
        let minRange = max(10, 0.02 * max(abs(vmax), abs(vmin)))
        if vmax - vmin < minRange { let mid = (vmax + vmin) / 2; vmin = mid - minRange / 2; vmax = mid + minRange / 2 }
        let pad = (vmax - vmin) * 0.08
        vmin = max(vmin >= 0 ? 0 : vmin, vmin - pad); vmax += pad
        if vmin > 0 && vmin < (vmax - vmin) * 0.5 { vmin = 0 }
        let step = niceStep(vmax - vmin)
        func y(_ v: Double) -> Double { lineBottom - (lineBottom - y0) * (v - vmin) / (vmax - vmin) }
        var axis = SVGElement.group(class: "axis")
        var v = (vmin / step).rounded(.up) * step
        while v <= vmax {
            axis.append(SVGElement("line", [("class", .text("grid")), ("x1", .number(left)), ("y1", .number(y(v))), ("x2", .number(right)), ("y2", .number(y(v)))]))
            axis.append(.text(km2(v), x: left - 6, y: y(v) + 4, class: "tick", anchor: "end"))
            v += step
        }
        axis.append(.text(p.unit, x: left - 6, y: y0 - 2, class: "unit", anchor: "end"))
        // The date axis, under the bars (or the lines).
        let axisY = hasBars ? f.y + f.height - 40 : lineBottom
        axis.append(SVGElement("line", [("class", .text("axis-line")), ("x1", .number(left)), ("y1", .number(axisY)), ("x2", .number(right)), ("y2", .number(axisY))]))
        for (d, label) in dateTicks(lo, hi) {
            axis.append(SVGElement("line", [("class", .text("axis-line")), ("x1", .number(x(d))), ("y1", .number(axisY)), ("x2", .number(x(d))), ("y2", .number(axisY + 5))]))
            axis.append(.text(label, x: x(d), y: axisY + 18, class: "tick", anchor: "middle"))
        }
        g.append(axis)
        // The plot's date mapping, for pages that draw a cursor or pick a date by clicking (the site).
        for (k, v) in [("data-x0", SVGValue.number(left)), ("data-x1", .number(right)), ("data-day0", .text(iso(lo))), ("data-day1", .text(iso(hi))),
                       ("data-y0", .number(y0 - 6)), ("data-y1", .number(axisY))] { g.set(k, v) }
        // Annotations: a rule at each date; labels of rules closer than 16 px share one line, and lines are
        // stacked downwards, right-aligned when they would run off the panel.
        var clusters: [[ChartAnnotation]] = []
        for a in annotations.sorted(by: { $0.day < $1.day }) where a.day >= lo && a.day <= hi {
            if let last = clusters.last?.last, x(a.day) - x(last.day) < 16 { clusters[clusters.count - 1].append(a) } else { clusters.append([a]) }
        }
        var lineNo = 0
        for c in clusters {
            for a in c {
                var rule = SVGElement("line", [("class", .text("annotation")), ("x1", .number(x(a.day))), ("y1", .number(y0 + Double(lineNo) * 13 + 2)),
                                               ("x2", .number(x(a.day))), ("y2", .number(axisY))])
                rule.set("data-date", .text(ChartRenderer.iso(a.day)))
                g.append(rule)
            }
            for a in c {
                let ax = x(c[0].day)
                let w = TextMetrics.width(a.text, size: 10.5)
                let fits = ax + 3 + w < right
                var t = SVGElement.text(a.text, x: fits ? ax + 3 : ax - 3, y: y0 + Double(lineNo) * 13 + 10, class: "annotation-text", anchor: fits ? nil : "end")
                t.set("data-date", .text(ChartRenderer.iso(a.day)))
                g.append(t)
                lineNo += 1
            }
        }
        // Lines.
        for s in p.series {
            // Steps: a state holds until the next date, so the line is flat between dates and jumps on them.
            var path = PathData()
            var pts: [PlanePoint] = []
            for pt in s.points.sorted(by: { $0.day < $1.day }) {
                if let last = pts.last { pts.append(PlanePoint(x: x(pt.day), y: last.y)) }
                pts.append(PlanePoint(x: x(pt.day), y: y(pt.value)))
            }
            path.line(pts)
            var e = SVGElement("path", [("class", .text("series series-\(s.id)")), ("d", .path(path)), ("stroke", .text(s.color))])
            e.set("data-side", .text(s.id))
            if let last = s.points.max(by: { $0.day < $1.day }) { e.set("data-last_km2", .number(last.value)) }
            g.append(e)
        }
        // Bars of net change per period.
        if hasBars, let of = p.barsOf {
            let bTop = lineBottom + 26, bBottom = axisY - 4
            let m = max(p.bars.map { abs($0.value) }.max() ?? 1, 1e-9)
            let zero = (bTop + bBottom) / 2
            let bstep = niceStep(m, 2)
            var bars = SVGElement.group(id: "bars", class: "bars")
            bars.set("data-side", .text(of.id))
            bars.append(.text("net change per period, \(p.unit)", x: left, y: bTop - 8, class: "unit"))
            bars.append(SVGElement("line", [("class", .text("zero")), ("x1", .number(left)), ("y1", .number(zero)), ("x2", .number(right)), ("y2", .number(zero))]))
            bars.append(.text("+" + km2(bstep), x: left - 6, y: zero - (bBottom - bTop) / 2 * bstep / m + 4, class: "tick", anchor: "end"))
            bars.append(.text("−" + km2(bstep), x: left - 6, y: zero + (bBottom - bTop) / 2 * bstep / m + 4, class: "tick", anchor: "end"))
            let sorted = p.bars.sorted { $0.day < $1.day }
            let gaps = zip(sorted, sorted.dropFirst()).map { x($1.day) - x($0.day) }
            let width = max(1.2, min(24, (gaps.min() ?? 20) * 0.8))
            for b in sorted where b.value != 0 {
                let h = (bBottom - bTop) / 2 * abs(b.value) / m
                var r = SVGElement("rect", [("class", .text(b.value > 0 ? "bar gain" : "bar loss")), ("x", .number(x(b.day) - width / 2)),
                                            ("y", .number(b.value > 0 ? zero - h : zero)), ("width", .number(width)), ("height", .number(max(0.5, h))),
                                            ("fill", .text(b.value > 0 ? of.color : "#999999"))])
                r.set("data-date", .text(iso(b.day)))
                r.set("data-net_km2", .number(b.value))
                bars.append(r)
            }
            g.append(bars)
        }
        return g
    }

    static func iso(_ d: Int) -> String {
        let (y, m, dd) = ymd(d)
        return String(format: "%04d-%02d-%02d", y, m, dd)
    }
}
