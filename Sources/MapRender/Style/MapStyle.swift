import Foundation

/// Every colour, line, pattern and text size of the maps, in one place (documented in README "Map styles").
///
/// Side colours come from Paul Tol's colour-blind-safe schemes: blue and orange stay apart for every common
/// colour-vision deficiency, fills are pale tints so lines and labels stay legible, and gains are hatched in the
/// full-strength colour of the side that gained.
public struct MapStyle: Sendable {
    /// A side's pale area fill and its strong colour (hatching, highlighted dots).
    public struct SideColors: Hashable, Sendable {
        /// The pale tint that fills the side's area.
        public var fill: String
        /// The full-strength colour for its hatching, outlines and highlighted dots.
        public var strong: String
        /// Creates a side's colours from its fill tint and strong colour (CSS colours).
        public init(fill: String, strong: String) { self.fill = fill; self.strong = strong }
    }

    /// The CSS font stack of all text.
    public var fontFamily = "'Noto Sans', 'DejaVu Sans', 'Helvetica Neue', Arial, sans-serif"
    /// The page colour, behind the map frame, legend and titles.
    public var page = "#ffffff"
    /// The map frame behind all layers (land beyond the data).
    public var background = "#ecebe7"
    /// The colour of text, the front line and dot outlines.
    public var ink = "#1a1a1a"
    /// The colour of secondary text: subtitles, notes, attribution.
    public var mutedInk = "#555555"
    /// Known sides; others take `extraSides` in order.
    public var sides: [String: SideColors] = [
        "azerbaijan": SideColors(fill: "#bcd2ea", strong: "#4477aa"),
        "armenian": SideColors(fill: "#f7c49e", strong: "#ee7733"),
        "occupied": SideColors(fill: "#f2aca0", strong: "#cc3311"),
        "other": SideColors(fill: "#e4e7ea", strong: "#777777"),
    ]
    /// Spare colours for sides not in `sides`, taken by the side's position among the map's sides.
    public var extraSides: [SideColors] = [
        SideColors(fill: "#a9dcc9", strong: "#117733"),
        SideColors(fill: "#dcb8d6", strong: "#aa3377"),
        SideColors(fill: "#ece0a6", strong: "#999933"),
        SideColors(fill: "#b6e3f2", strong: "#33bbee"),
    ]
    /// The purple that outlines and hatches zones.
    public var zoneColor = "#6a3d9a"
    /// Label text sizes by place rank 1…4 (px).
    public var labelSizes = [13.5, 12, 11, 10]
    /// The text size of district labels (px).
    public var districtLabelSize = 9.5
    /// The text size of country labels (px).
    public var countryLabelSize = 13.0
    /// The text size of the title (px).
    public var titleSize = 21.0
    /// The text size of the subtitle (px).
    public var subtitleSize = 12.5
    /// The text size of legend entries (px); the legend heading is 1 px larger.
    public var legendTextSize = 11.5
    /// The text size of the scale bar and attribution (px).
    public var smallTextSize = 9.5

    /// Creates the standard style, to be adjusted property by property.
    public init() {}

    /// The default style.
    public static let standard = MapStyle()

    /// The colours of a side; unknown sides take the spare colours by their position among the map's sides.
    public func colors(side: String, index: Int) -> SideColors {
        if let c = sides[side] { return c }
        guard !extraSides.isEmpty else { return SideColors(fill: "#dddddd", strong: "#777777") }
        return extraSides[index % extraSides.count]
    }

    /// A safe CSS class fragment from an id.
    public static func token(_ id: String) -> String {
        let s = id.lowercased().unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" }
        return String(s)
    }

    // MARK: Symbols, in legend order

    /// The area a side holds: its pale fill, with a hairline of the same colour.
    ///
    /// - Parameters:
    ///   - side: The side id (its colours, and the class `side-<id>`).
    ///   - label: The legend text.
    ///   - index: The side's position among the map's sides (its legend order, and spare colours for unknown sides).
    public func sideArea(_ side: String, label: String, index: Int) -> Symbol {
        let c = colors(side: side, index: index)
        // A hairline of the fill colour hides the slivers left between independently simplified neighbours.
        return Symbol(className: "side-\(MapStyle.token(side))", legend: label, legendOrder: 10 + index, shape: .area,
                      fill: .color(c.fill), stroke: c.fill, strokeWidth: 0.6)
    }

    /// Ground a side claims but that is not confirmed: sparse hatching in the side's strong colour.
    public func claimed(by side: String, label: String, index: Int) -> Symbol {
        let c = colors(side: side, index: index)
        return Symbol(className: "claimed-\(MapStyle.token(side))", legend: label, legendOrder: 20 + index, shape: .area,
                      fill: .hatch(Hatch(id: "hatch-claimed-\(MapStyle.token(side))", color: c.strong, angle: 45, spacing: 5, lineWidth: 1)))
    }

    /// Ground whose capture by a side is disputed: crossed hatching in the side's strong colour.
    public func disputed(by side: String, label: String, index: Int) -> Symbol {
        let c = colors(side: side, index: index)
        return Symbol(className: "disputed-\(MapStyle.token(side))", legend: label, legendOrder: 30 + index, shape: .area,
                      fill: .hatch(Hatch(id: "hatch-disputed-\(MapStyle.token(side))", color: c.strong, angle: 45, spacing: 6, lineWidth: 0.9, crossed: true)))
    }

    /// Ground a side gained over a period: dense hatching in its strong colour over its fill, outlined.
    public func gain(by side: String, label: String, index: Int) -> Symbol {
        let c = colors(side: side, index: index)
        return Symbol(className: "gain-\(MapStyle.token(side))", legend: label, legendOrder: 40 + index, shape: .area,
                      fill: .hatch(Hatch(id: "hatch-gain-\(MapStyle.token(side))", color: c.strong, background: c.fill,
                                         angle: 45, spacing: 5.5, lineWidth: 2.2)),
                      stroke: c.strong, strokeWidth: 0.9)
    }

    /// A gain of one kind: `confirmed` (dense hatching, solid outline), `claimed` (sparse, dashed),
    /// `disputed` (crossed, dashed), `handover` (level lines, thin solid outline) or `zone` (a zone that moved,
    /// in the zone purple). Any other kind draws as confirmed.
    public func gain(by side: String, kind: String, label: String, index: Int) -> Symbol {
        let c = colors(side: side, index: index)
        let t = MapStyle.token(side), order = 40 + index * 6
        switch kind {
        case "claimed":
            return Symbol(className: "gain-claimed-\(t)", legend: label, legendOrder: order + 1, shape: .area,
                          fill: .hatch(Hatch(id: "hatch-gain-claimed-\(t)", color: c.strong, background: c.fill, angle: 45, spacing: 8, lineWidth: 1.3)),
                          stroke: c.strong, strokeWidth: 0.9, dash: [4, 2.5])
        case "disputed":
            return Symbol(className: "gain-disputed-\(t)", legend: label, legendOrder: order + 2, shape: .area,
                          fill: .hatch(Hatch(id: "hatch-gain-disputed-\(t)", color: c.strong, background: c.fill, angle: 45, spacing: 7, lineWidth: 1, crossed: true)),
                          stroke: c.strong, strokeWidth: 0.9, dash: [1.5, 2])
        case "handover":
            return Symbol(className: "gain-handover-\(t)", legend: label, legendOrder: order + 3, shape: .area,
                          fill: .hatch(Hatch(id: "hatch-gain-handover-\(t)", color: c.strong, background: c.fill, angle: 0, spacing: 5, lineWidth: 1.4)),
                          stroke: c.strong, strokeWidth: 0.7)
        case "zone":
            return Symbol(className: "zone-move-\(t)", legend: label, legendOrder: order + 4, shape: .area,
                          fill: .hatch(Hatch(id: "hatch-zone-move-\(t)", color: zoneColor, background: c.fill, angle: -45, spacing: 4, lineWidth: 1.4)),
                          stroke: zoneColor, strokeWidth: 1.2)
        default:
            var sym = gain(by: side, label: label, index: index)
            sym.legendOrder = order
            return sym
        }
    }

    /// Zones are outlined in one purple and told apart by their hatching; both stay sparse so the control
    /// colour underneath still reads.
    public func zone(_ id: String, label: String, index: Int) -> Symbol {
        let crossed = index % 2 == 1
        return Symbol(className: "zone-\(MapStyle.token(id))", legend: label, legendOrder: 50 + index, shape: .area,
                      fill: .hatch(Hatch(id: "hatch-zone-\(MapStyle.token(id))", color: zoneColor, angle: crossed ? 45 : -45,
                                         spacing: crossed ? 9 : 6, lineWidth: crossed ? 0.6 : 0.9, crossed: crossed)),
                      stroke: zoneColor, strokeWidth: 1.4, dash: crossed ? [5, 2] : [])
    }

    /// The front line: a solid line in ink.
    public var frontLine: Symbol {
        Symbol(className: "front-line", legend: "Front line", legendOrder: 60, shape: .line, stroke: ink, strokeWidth: 1.8)
    }

    /// The earlier front line on a change map.
    public var previousFrontLine: Symbol {
        Symbol(className: "front-line-before", legend: "Earlier front line", legendOrder: 61, shape: .line,
               stroke: "#555555", strokeWidth: 1.2, dash: [2, 2.5])
    }

    /// The boundary of the former Nagorno-Karabakh Autonomous Oblast (1991): a dashed dark line.
    public var formerOblast: Symbol {
        Symbol(className: "nkao", legend: "Former NKAO (1991)", legendOrder: 65, shape: .line, stroke: "#222222", strokeWidth: 1.3, dash: [6, 3])
    }

    /// International borders: a grey dash-dot line.
    public var border: Symbol {
        Symbol(className: "border", legend: "International border", legendOrder: 70, shape: .line,
               stroke: "#4d4d4d", strokeWidth: 1.2, dash: [7, 2, 1.5, 2])
    }

    /// Rivers: a blue line.
    public var river: Symbol {
        Symbol(className: "river", legend: "River", legendOrder: 75, shape: .line, stroke: "#3b7fc4", strokeWidth: 1.3)
    }

    /// District boundaries: a thin grey line.
    public var district: Symbol {
        Symbol(className: "district", legend: "District boundary", legendOrder: 80, shape: .line, stroke: "#8c8c8c", strokeWidth: 0.5)
    }

    /// Unstroked: the data is cut at the window, so outlines would draw the cut; borders have their own layer.
    public var country: Symbol {
        Symbol(className: "country", legend: "Neighbouring country", legendOrder: 90, shape: .area, fill: .color("#ecebe7"))
    }

    /// Land on world maps (snapshots from anywhere): countries outlined, since the sea is the page background.
    public var land: Symbol {
        Symbol(className: "land", legend: "Country (Natural Earth, simplified)", legendOrder: 90, shape: .area, fill: .color("#f3f2ee"),
               stroke: "#a9a7a0", strokeWidth: 0.6)
    }

    /// The sea behind world maps.
    public var sea = "#dde7ee"

    /// A town: a small white dot outlined in ink.
    public var place: Symbol {
        Symbol(className: "place", legend: "Town", legendOrder: 100, shape: .point(radius: 2.6), fill: .color("#ffffff"),
               stroke: ink, strokeWidth: 1.1)
    }

    /// A capital: a larger white dot with a heavier outline.
    public var capital: Symbol {
        Symbol(className: "capital", legend: "Capital", legendOrder: 99, shape: .point(radius: 3.6), fill: .color("#ffffff"),
               stroke: ink, strokeWidth: 1.6)
    }

    /// A settlement that changed hands, in the colour of its new side.
    public func changedPlace(to side: String, label: String, index: Int) -> Symbol {
        let c = colors(side: side, index: index)
        return Symbol(className: "changed-\(MapStyle.token(side))", legend: label, legendOrder: 95 + index,
                      shape: .point(radius: 4), fill: .color(c.strong), stroke: ink, strokeWidth: 1.2)
    }

    /// An incident: a yellow circle outlined in dark red, its area proportional to killed + wounded.
    public var incident: Symbol {
        Symbol(className: "incident", legend: "Incident (circle area ∝ killed + wounded)", legendOrder: 98,
               shape: .point(radius: 4), fill: .color("#ffd23f", opacity: 0.9), stroke: "#7a0000", strokeWidth: 1.4)
    }

    /// Marker radius for a casualty count: area proportional to the count, with a visible minimum.
    public func markerRadius(magnitude: Double) -> Double {
        max(3.5, min(24, 2.2 * max(0, magnitude).squareRoot() + 2.5))
    }

    // MARK: CSS

    /// The style sheet for the symbols used plus the text classes.
    public func css(symbols: [Symbol]) -> String {
        var rules: [String] = []
        func n(_ v: Double) -> String {
            let s = String(format: "%.2f", v)
            var t = s
            while t.hasSuffix("0") { t.removeLast() }
            if t.hasSuffix(".") { t.removeLast() }
            return t
        }
        rules.append("svg{font-family:\(fontFamily)}")
        rules.append(".page{fill:\(page)}")
        rules.append(".frame{fill:none;stroke:#666666;stroke-width:.8}")
        rules.append(".background{fill:\(background)}")
        for s in symbols {
            var decl: [String] = []
            switch s.fill {
            case .none: decl.append("fill:none")
            case .color(let c, let o):
                decl.append("fill:\(c)")
                if o < 1 { decl.append("fill-opacity:\(n(o))") }
            case .hatch(let h): decl.append("fill:url(#\(h.id))")
            }
            if s.shape == .area { decl.append("fill-rule:evenodd") }
            if let st = s.stroke {
                decl.append("stroke:\(st)")
                decl.append("stroke-width:\(n(s.strokeWidth))")
                if !s.dash.isEmpty { decl.append("stroke-dasharray:\(s.dash.map(n).joined(separator: " "))") }
                if s.strokeOpacity < 1 { decl.append("stroke-opacity:\(n(s.strokeOpacity))") }
                decl.append("stroke-linejoin:round")
                if s.shape == .line { decl.append("stroke-linecap:round") }
            } else {
                decl.append("stroke:none")
            }
            rules.append(".\(s.className){\(decl.joined(separator: ";"))}")
        }
        let halo = "paint-order:stroke;stroke:#ffffff;stroke-opacity:.85;stroke-linejoin:round"
        for (i, size) in labelSizes.enumerated() {
            let weight = i == 0 ? ";font-weight:bold" : ""
            rules.append(".label-\(i + 1){font-size:\(n(size))px;fill:\(ink);stroke-width:3px;\(halo)\(weight)}")
        }
        rules.append(".label-changed{font-weight:bold}")
        rules.append(".label-district{font-size:\(n(districtLabelSize))px;font-style:italic;fill:#6b6b6b;letter-spacing:.04em;stroke-width:2.4px;\(halo)}")
        rules.append(".label-country{font-size:\(n(countryLabelSize))px;fill:#8a8a8a;letter-spacing:.2em;font-weight:bold}")
        rules.append(".title{font-size:\(n(titleSize))px;font-weight:bold;fill:\(ink)}")
        rules.append(".subtitle{font-size:\(n(subtitleSize))px;fill:\(mutedInk)}")
        rules.append(".legend-heading{font-size:\(n(legendTextSize + 1))px;font-weight:bold;fill:\(ink)}")
        rules.append(".legend-text{font-size:\(n(legendTextSize))px;fill:\(ink)}")
        rules.append(".legend-note{font-size:\(n(smallTextSize + 0.5))px;fill:\(mutedInk)}")
        rules.append(".scale-bar-dark{fill:\(ink)}.scale-bar-light{fill:#ffffff;stroke:\(ink);stroke-width:.8}")
        rules.append(".scale-text{font-size:\(n(smallTextSize))px;fill:\(ink)}")
        rules.append(".attribution{font-size:\(n(smallTextSize))px;fill:\(mutedInk)}")
        return rules.joined(separator: "\n")
    }
}
