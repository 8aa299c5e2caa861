import Foundation
import GeoModel

/// Why a map could not be drawn.
public enum MapRenderError: Error, Hashable, Sendable, CustomStringConvertible {
    /// No point of the window's edges projects, so nothing can be fitted to the page.
    case windowNotProjectable(BoundingBox)
    /// The page is smaller than 480 × 360 px, too small for a map with a legend.
    case pageTooSmall(width: Double, height: Double)

    /// A one-line message naming the window or the page size.
    public var description: String {
        switch self {
        case .windowNotProjectable(let b): "the map window \(b.array) cannot be projected"
        case .pageTooSmall(let w, let h): "a \(Int(w))×\(Int(h)) px page is too small for a map with a legend (at least 480×360)"
        }
    }
}

/// Draws a `MapSpec` as an SVG tree: page layout, projected and clipped layers, places with non-overlapping
/// labels, legend, scale bar, title and attribution.
public struct MapRenderer: Sendable {
    /// The colours, lines and type the map is drawn with.
    public var style: MapStyle
    /// The page size, coordinate precision and simplification tolerance.
    public var page: MapPage

    /// Creates a renderer; by default the standard style on a 1200 × 900 page.
    public init(style: MapStyle = .standard, page: MapPage = MapPage()) {
        self.style = style
        self.page = page
    }

    /// The SVG document as text.
    public func svg(_ spec: MapSpec, projection: some MapProjection) throws(MapRenderError) -> String {
        SVGWriter(precision: page.precision).string(try render(spec, projection: projection))
    }

    /// The SVG document tree.
    public func render(_ spec: MapSpec, projection: some MapProjection) throws(MapRenderError) -> SVGElement {
        guard page.width >= 480, page.height >= 360 else { throw .pageTooSmall(width: page.width, height: page.height) }
        // The legend's likely symbols, to size a legend below the map before the layers are drawn.
        var likely: [Symbol] = []
        for s in spec.layers.filter({ !$0.features.isEmpty }).map(\.symbol) + spec.places.map(\.symbol) + spec.markers.map(\.symbol)
        where s.legend != nil && !likely.contains(s) { likely.append(s) }
        likely.sort { $0.legendOrder < $1.legendOrder }
        let layout = PageLayout(page: page, style: style, spec: spec) { width in
            legend(likely, notes: spec.legendNotes, in: Rect(x: 0, y: 0, width: width, height: 1e6), columns: 2).1
        }
        let columns = layout.legendBelow ? 2 : 1
        guard let transform = ViewTransform.fit(window: spec.window, projection: projection, into: layout.map) else {
            throw .windowNotProjectable(spec.window)
        }
        let screen = ScreenGeometry(projection: projection, transform: transform, clip: layout.map.inset(by: -3),
                                    tolerance: page.tolerance)
        var ids = IDRegistry()
        var used: [Symbol] = []
        func use(_ s: Symbol) { if !used.contains(s) { used.append(s) } }

        // Layers.
        var mapGroup = SVGElement.group(id: "map")
        mapGroup.set("clip-path", .text("url(#map-clip)"))
        mapGroup.append(.rect(layout.map, class: "background"))
        var areaPaths: [String: PathData] = [:]
        for layer in spec.layers {
            var g = SVGElement.group(id: ids.make("layer-" + layer.id), class: "layer")
            for f in layer.features {
                let d = screen.path(f.geometry)
                if d.isEmpty { continue }
                var e = SVGElement("path", [("id", .text(ids.make(layer.id + "-" + f.id))), ("class", .text(layer.symbol.className))])
                for field in f.data { e.set("data-" + field.name, .text(field.value)) }
                e.set("d", .path(d))
                if let t = f.title { e.children = [.element(SVGElement("title", children: [.text(t)]))] }
                g.append(e)
            }
            if !g.children.isEmpty {
                mapGroup.append(g)
                use(layer.symbol)
            }
        }
        for a in spec.areaLabels { areaPaths[a.id] = screen.path(a.geometry) }

        // Markers first (they must stay visible), then places by priority, then area labels; never under the overview.
        var placer = LabelPlacer(bounds: layout.map.inset(by: 2))
        let inset = spec.overview.flatMap { overviewGroup($0, projection: projection, main: transform, in: layout.map) }
        if let inset { placer.reserveMarker(inset.frame.inset(by: -2)) }
        var markerGroup = SVGElement.group(id: "markers")
        var labelGroup = SVGElement.group(id: "labels")
        var pendingMarkerLabels: [(MapMarker, PlanePoint, Double)] = []
        for m in spec.markers.sorted(by: { $0.magnitude > $1.magnitude }) {
            guard let p = screen.point(m.position), layout.map.contains(p) else { continue }
            let r = style.markerRadius(magnitude: m.magnitude)
            var e = SVGElement("circle", [("id", .text(ids.make("marker-" + m.id))), ("class", .text(m.symbol.className)),
                                          ("cx", .number(p.x)), ("cy", .number(p.y)), ("r", .number(r))])
            for field in m.data { e.set("data-" + field.name, .text(field.value)) }
            if let t = m.title { e.children = [.element(SVGElement("title", children: [.text(t)]))] }
            markerGroup.append(e)
            placer.reserveMarker(Rect(x: p.x - r, y: p.y - r, width: 2 * r, height: 2 * r))
            pendingMarkerLabels.append((m, p, r))
            use(m.symbol)
        }

        var placeGroup = SVGElement.group(id: "places")
        let ordered = spec.places.enumerated().sorted { a, b in
            (a.element.emphasized ? 0 : 1, a.element.rank, a.offset) < (b.element.emphasized ? 0 : 1, b.element.rank, b.offset)
        }.map(\.element)
        // Emphasized dots are reserved up front so ordinary labels cannot cover them.
        for p in ordered where p.emphasized {
            guard let q = screen.point(p.position), layout.map.contains(q) else { continue }
            placer.reserveDot(dotBox(q, p.symbol))
        }
        for p in ordered {
            guard let q = screen.point(p.position), layout.map.inset(by: 2).contains(q) else { continue }
            let r = radius(p.symbol)
            let dot = dotBox(q, p.symbol)
            // A town under a marker keeps its dot; its label goes outside the marker.
            let under = pendingMarkerLabels.filter { hypot($0.1.x - q.x, $0.1.y - q.y) < $0.2 }
            let gap = under.map { $0.2 + hypot($0.1.x - q.x, $0.1.y - q.y) }.max() ?? r
            if !p.emphasized && !placer.isFreeForDot(dot) { continue }
            let size = labelSize(rank: p.rank)
            let w = TextMetrics.width(p.name, size: size, bold: p.rank == 1 || p.emphasized)
            var candidates = LabelCandidate.around(q, radius: gap, width: w, size: size)
            var chosen = placer.place(candidates.map(\.box))
            if chosen == nil && !p.emphasized { continue }
            if chosen == nil {
                // A settlement that changed hands is always labelled: further out, then over other dots, then
                // over whatever is there (lower-ranked labels come later and give way).
                let wider = [1.9, 3.2].flatMap { LabelCandidate.around(q, radius: gap * $0 + 3, width: w, size: size) }
                if let i = placer.place(wider.map(\.box)) {
                    candidates = wider; chosen = i
                } else {
                    let all = candidates + wider
                    chosen = placer.placeOverDots(all.map(\.box)) ?? placer.force(all.map(\.box))
                    candidates = all
                }
            }
            if !p.emphasized { placer.reserveDot(dot) }
            var e = SVGElement("circle", [("id", .text(ids.make("place-" + p.id))), ("class", .text(p.symbol.className)),
                                          ("cx", .number(q.x)), ("cy", .number(q.y)), ("r", .number(r))])
            e.set("data-name", .text(p.name))
            for field in p.data { e.set("data-" + field.name, .text(field.value)) }
            if let t = p.title { e.children = [.element(SVGElement("title", children: [.text(t)]))] }
            placeGroup.append(e)
            use(p.symbol)
            if let i = chosen, candidates.indices.contains(i) {
                let c = candidates[i]
                var cls = "label-\(max(1, min(4, p.rank)))"
                if p.emphasized { cls += " label-changed" }
                var t = SVGElement.text(p.name, x: c.x, y: c.baseline, class: cls, anchor: c.anchor)
                t.attributes.insert((key: "id", value: .text(ids.make("label-" + p.id))), at: 0)
                labelGroup.append(t)
            }
        }
        for (m, p, r) in pendingMarkerLabels {
            guard let text = m.label else { continue }
            let size = style.labelSizes.last ?? 10
            let w = TextMetrics.width(text, size: size)
            let candidates = LabelCandidate.around(p, radius: r, width: w, size: size)
            if let i = placer.place(candidates.map(\.box)), candidates.indices.contains(i) {
                let c = candidates[i]
                labelGroup.append(.text(text, x: c.x, y: c.baseline, class: "label-4", anchor: c.anchor))
            }
        }
        for a in spec.areaLabels {
            guard let path = areaPaths[a.id] else { continue }
            let size = a.kind == .country ? style.countryLabelSize : style.districtLabelSize
            let w = TextMetrics.width(a.text, size: size) * (a.kind == .country ? 1.25 : 1.05)
            // The widest inside run first; other rows when places already took it (countries only: a district
            // label off its centre would read as another district's).
            for (pt, room) in InteriorPoint.candidates(path, limit: a.kind == .country ? 10 : 1) where w < room * 0.95 {
                let box = Rect(x: pt.x - w / 2, y: pt.y - size * 0.55, width: w, height: size * 1.1)
                guard InteriorPoint.fits(path, box), placer.place([box]) != nil else { continue }
                var t = SVGElement.text(a.text, x: pt.x, y: pt.y + size * 0.35, class: "label-\(a.kind.rawValue)", anchor: "middle")
                t.attributes.insert((key: "id", value: .text(ids.make("\(a.kind.rawValue)-label-" + a.id))), at: 0)
                labelGroup.append(t)
                break
            }
        }
        mapGroup.append(markerGroup)
        mapGroup.append(placeGroup)
        if let inset { mapGroup.append(inset.group) }

        // Furniture.
        var root = SVGElement("svg", [
            ("xmlns", .text("http://www.w3.org/2000/svg")),
            ("width", .number(page.width)), ("height", .number(page.height)),
            ("viewBox", .text("0 0 \(SVGWriter(precision: page.precision).number(page.width)) \(SVGWriter(precision: page.precision).number(page.height))")),
            ("role", .text("img")), ("aria-labelledby", .text("map-title")),
        ])
        root.append(SVGElement("title", [("id", .text("map-title"))], children: [.text(spec.subtitle.map { "\(spec.title) — \($0)" } ?? spec.title)]))
        if let d = spec.description { root.append(SVGElement("desc", children: [.text(d)])) }
        let legendSymbols = used.filter { $0.legend != nil }.enumerated()
            .sorted { ($0.element.legendOrder, $0.offset) < ($1.element.legendOrder, $1.offset) }.map(\.element)
        var defs = SVGElement("defs")
        defs.children.append(.element(SVGElement("style", children: [.css(style.css(symbols: used) + (inset == nil ? "" : Self.overviewCSS))])))
        var clip = SVGElement("clipPath", [("id", .text("map-clip"))])
        clip.append(.rect(layout.map))
        defs.append(clip)
        var seenPatterns = Set<String>()
        for s in used { if case .hatch(let h) = s.fill, seenPatterns.insert(h.id).inserted { defs.append(pattern(h)) } }
        root.append(defs)
        root.append(.rect(Rect(x: 0, y: 0, width: page.width, height: page.height), class: "page"))
        root.append(mapGroup)
        root.append(labelGroup)
        root.append(.rect(layout.map, class: "frame"))
        root.append(titleBlock(spec, layout))
        root.append(fittedLegend(legendSymbols, notes: spec.legendNotes, in: layout.panel, columns: columns))
        if let k = LocalScale.planeUnitsPerMetre(projection, at: spec.window.center),
           let bar = ScaleBar.choose(pixelsPerKm: k * transform.scale * 1000, maxPixels: min(170, layout.panel.width - 40)) {
            var g = SVGElement.group(id: "scale-bar")
            g.set("data-km", .text(ScaleBar.label(bar.kilometres)))
            for e in bar.elements(origin: PlanePoint(x: layout.panel.x + 8, y: layout.panel.maxY - 34)) { g.append(e) }
            g.append(.text("Scale true at the map centre", x: layout.panel.x, y: layout.panel.maxY - 40, class: "legend-note"))
            root.append(g)
        }
        var attribution = SVGElement.group(id: "attribution")
        for (i, line) in layout.attributionLines.enumerated() {
            attribution.append(.text(line, x: layout.footer.x, y: layout.footer.y + style.smallTextSize + Double(i) * layout.attributionLineHeight,
                                     class: "attribution"))
        }
        root.append(attribution)
        return root
    }

    func radius(_ s: Symbol) -> Double {
        if case .point(let r) = s.shape { return r }
        return 2.5
    }

    func dotBox(_ q: PlanePoint, _ s: Symbol) -> Rect {
        let r = radius(s) + s.strokeWidth / 2
        return Rect(x: q.x - r, y: q.y - r, width: 2 * r, height: 2 * r)
    }

    func labelSize(rank: Int) -> Double {
        let sizes = style.labelSizes
        guard !sizes.isEmpty else { return 11 }
        return sizes[max(0, min(sizes.count - 1, rank - 1))]
    }

    func pattern(_ h: Hatch) -> SVGElement {
        let s = h.spacing
        var p = SVGElement("pattern", [("id", .text(h.id)), ("patternUnits", .text("userSpaceOnUse")),
                                       ("width", .number(s)), ("height", .number(s)),
                                       ("patternTransform", .text("rotate(\(Int(h.angle.rounded())))"))])
        if let bg = h.background { p.append(SVGElement("rect", [("width", .number(s)), ("height", .number(s)), ("fill", .text(bg))])) }
        let origin = PlanePoint(x: 0, y: 0)
        var lines = [PathData.segment(origin, PlanePoint(x: 0, y: s))]
        if h.crossed { lines.append(.segment(origin, PlanePoint(x: s, y: 0))) }
        for d in lines {
            p.append(SVGElement("path", [("d", .path(d)), ("stroke", .text(h.color)), ("stroke-width", .number(h.lineWidth))]))
        }
        return p
    }

    func titleBlock(_ spec: MapSpec, _ layout: PageLayout) -> SVGElement {
        var g = SVGElement.group(id: "title-block")
        let size = layout.titleSize
        for (i, line) in layout.titleLines.enumerated() {
            var t = SVGElement.text(line, x: layout.header.x, y: layout.header.y + size + Double(i) * size * 1.2, class: "title")
            if size != style.titleSize { t.set("style", .text("font-size:\(SVGWriter(precision: 1).number(size))px")) }
            g.append(t)
        }
        let titleBottom = layout.header.y + size + Double(layout.titleLines.count - 1) * size * 1.2
        if let s = spec.subtitle {
            g.append(.text(s, x: layout.header.x, y: titleBottom + style.subtitleSize + 6, class: "subtitle"))
        }
        return g
    }

    /// Room kept under the legend for the scale bar.
    static let scaleBarRoom = 52.0

    /// The legend at full size when it fits above the scale bar, else shrunk (down to 60 %), else without its notes.
    func fittedLegend(_ symbols: [Symbol], notes: [String], in panel: Rect, columns: Int = 1) -> SVGElement {
        let room = panel.height - MapRenderer.scaleBarRoom
        for ns in [notes, []] {
            for f in [1.0, 0.9, 0.8, 0.7, 0.6] {
                let inner = Rect(x: panel.x, y: panel.y, width: panel.width / f, height: room / f)
                let (g, height) = legend(symbols, notes: ns, in: inner, columns: columns)
                guard height <= inner.height || (f == 0.6 && ns.isEmpty) else { continue }
                if f == 1 { return g }
                var scaled = g
                let w = SVGWriter(precision: 3)
                scaled.set("transform", .text("translate(\(w.number(panel.x)) \(w.number(panel.y))) scale(\(w.number(f))) translate(\(w.number(-panel.x)) \(w.number(-panel.y)))"))
                return scaled
            }
        }
        return legend(symbols, notes: [], in: panel, columns: columns).0
    }

    /// The legend drawn from the top of `panel`, and its height.
    /// The legend drawn from the top of `panel` in `columns` columns (items split evenly, notes below across
    /// the whole width), and its height.
    func legend(_ symbols: [Symbol], notes: [String], in panel: Rect, columns: Int) -> (SVGElement, Double) {
        var g = SVGElement.group(id: "legend")
        var y = panel.y + style.legendTextSize + 2
        g.append(.text("Legend", x: panel.x, y: y, class: "legend-heading"))
        y += 10
        let items = symbols.filter { $0.legend != nil }
        let n = max(1, min(columns, items.count))
        let gap = 18.0
        let colW = (panel.width - gap * Double(n - 1)) / Double(n)
        let perColumn = (items.count + n - 1) / n
        var bottom = y
        for c in 0..<n {
            let col = Rect(x: panel.x + Double(c) * (colW + gap), y: y, width: colW, height: panel.height)
            let part = Array(items.dropFirst(c * perColumn).prefix(perColumn))
            bottom = max(bottom, legendItems(part, in: col, into: &g))
        }
        y = bottom
        if !notes.isEmpty { y += 4 }
        for note in notes {
            for line in TextMetrics.wrap(note, size: style.smallTextSize + 0.5, maxWidth: panel.width) {
                y += (style.smallTextSize + 0.5) * 1.3
                g.append(.text(line, x: panel.x, y: y, class: "legend-note"))
            }
            y += 3
        }
        return (g, y - panel.y)
    }

    /// Legend items from the top of `panel`; returns the y below the last.
    func legendItems(_ symbols: [Symbol], in panel: Rect, into g: inout SVGElement) -> Double {
        var y = panel.y
        let swatchW = 24.0, swatchH = 14.0
        let textX = panel.x + swatchW + 8
        let lineH = style.legendTextSize * 1.3
        for s in symbols {
            guard let text = s.legend else { continue }
            let lines = TextMetrics.wrap(text, size: style.legendTextSize, maxWidth: panel.maxX - textX)
            let blockH = max(swatchH, Double(lines.count) * lineH)
            var item = SVGElement.group(class: "legend-item")
            item.set("data-symbol", .text(s.className))
            let top = y + (blockH - swatchH) / 2
            switch s.shape {
            case .area:
                item.append(.rect(Rect(x: panel.x, y: top, width: swatchW, height: swatchH), class: s.className))
            case .line:
                let d = PathData.segment(PlanePoint(x: panel.x + 1, y: top + swatchH / 2), PlanePoint(x: panel.x + swatchW - 1, y: top + swatchH / 2))
                item.append(SVGElement("path", [("class", .text(s.className)), ("d", .path(d))]))
            case .point(let r):
                let rr = s.className == "incident" ? style.markerRadius(magnitude: 10) : r
                item.append(SVGElement("circle", [("class", .text(s.className)), ("cx", .number(panel.x + swatchW / 2)),
                                                  ("cy", .number(top + swatchH / 2)), ("r", .number(min(rr, swatchH / 2 + 1)))]))
            }
            let firstBaseline = y + (blockH - Double(lines.count) * lineH) / 2 + style.legendTextSize * 0.95
            for (i, line) in lines.enumerated() {
                item.append(.text(line, x: textX, y: firstBaseline + Double(i) * lineH, class: "legend-text"))
            }
            g.append(item)
            y += blockH + 7
        }
        return y
    }
}

extension PathData {
    /// A single straight segment.
    static func segment(_ a: PlanePoint, _ b: PlanePoint) -> PathData {
        var d = PathData()
        d.line([a, b])
        return d
    }
}

/// Unique, valid XML ids from data ids.
struct IDRegistry {
    var seen: [String: Int] = [:]

    mutating func make(_ raw: String) -> String {
        var s = String(raw.unicodeScalars.map { u -> Character in
            let c = Character(u)
            return (c.isASCII && (c.isLetter || c.isNumber)) || c == "-" || c == "_" || c == "." ? c : "_"
        })
        if s.isEmpty || !(s.first?.isLetter ?? false) { s = "f-" + s }
        let n = seen[s, default: 0]
        seen[s] = n + 1
        return n == 0 ? s : "\(s)-\(n + 1)"
    }
}

extension MapRenderer {
    static let overviewCSS = """

        .overview-frame{fill:#ffffff;stroke:#666666;stroke-width:.8}
        .overview-land{fill:#f3f1ec;stroke:#6d6b66;stroke-width:.6}
        .overview-drawn{fill:#e7a59a;stroke:none}
        .overview-outline{fill:none;stroke:#6d6b66;stroke-width:.6}
        .overview-focus{fill:none;stroke:#1a1a1a;stroke-width:1.6}
        """

    /// The overview inset in the map's lower-left corner: about a quarter of the map's width, its height by the
    /// projected shape of the overview's window; nil when the window does not project.
    func overviewGroup(_ o: MapOverview, projection: some MapProjection, main: ViewTransform, in map: Rect) -> (group: SVGElement, frame: Rect)? {
        guard let unit = ViewTransform.fit(window: o.window, projection: projection, into: Rect(x: 0, y: 0, width: 1000, height: 1000)) else { return nil }
        // The window's projected aspect, from where its corners land in a unit fit.
        let corners = [Position(lon: o.window.west, lat: o.window.south), Position(lon: o.window.east, lat: o.window.north),
                       Position(lon: o.window.west, lat: o.window.north), Position(lon: o.window.east, lat: o.window.south)]
        let pts = corners.compactMap { projection.forward($0).map(unit.apply) }
        guard pts.count == 4 else { return nil }
        let w = (pts.map(\.x).max()! - pts.map(\.x).min()!), h = (pts.map(\.y).max()! - pts.map(\.y).min()!)
        guard w > 0, h > 0 else { return nil }
        let width = max(110, min(220, map.width * 0.24)), height = min(map.height * 0.4, width * h / w)
        let frame = Rect(x: map.x + 8, y: map.maxY - height - 8, width: height < width * h / w ? height * w / h : width, height: height)
        guard let t = ViewTransform.fit(window: o.window, projection: projection, into: frame.inset(by: 4)) else { return nil }
        let screen = ScreenGeometry(projection: projection, transform: t, clip: frame, tolerance: 0.6)
        var g = SVGElement.group(id: "overview", class: "overview")
        g.append(.rect(frame, class: "overview-frame"))
        for (cls, geoms) in [("overview-land", o.land), ("overview-drawn", o.drawn), ("overview-outline", o.land)] {
            for geom in geoms {
                let d = screen.path(geom)
                if !d.isEmpty { g.append(SVGElement("path", [("class", .text(cls)), ("d", .path(d))])) }
            }
        }
        // What the main map shows: its frame taken back to the projection plane (both share the projection) and
        // into the overview.
        let corners2 = [PlanePoint(x: map.x, y: map.y), PlanePoint(x: map.maxX, y: map.y), PlanePoint(x: map.maxX, y: map.maxY), PlanePoint(x: map.x, y: map.maxY)]
            .map { p in t.apply(PlanePoint(x: (p.x - main.translateX) / main.scale, y: -(p.y - main.translateY) / main.scale)) }
        var focus = PathData()
        focus.ring(corners2)
        g.append(SVGElement("path", [("class", .text("overview-focus")), ("d", .path(focus))]))
        g.children.insert(.element(SVGElement("title", children: [.text("Where the map lies")])), at: 0)
        return (g, frame)
    }
}
