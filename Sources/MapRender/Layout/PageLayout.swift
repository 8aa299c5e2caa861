/// Where the title, the map, the legend panel and the attribution go on the page.
///
/// The legend has its own panel beside the map, so it never hides data.
struct PageLayout {
    var header: Rect
    var map: Rect
    var panel: Rect
    var footer: Rect
    var attributionLines: [String]
    var attributionLineHeight: Double

    init(page: MapPage, style: MapStyle, spec: MapSpec) {
        let m = 14.0
        let headerH = m + style.titleSize + (spec.subtitle == nil ? 8 : style.subtitleSize + 14)
        attributionLineHeight = style.smallTextSize * 1.35
        attributionLines = TextMetrics.wrap(spec.attribution, size: style.smallTextSize, maxWidth: page.width - 2 * m)
        let footerH = Double(attributionLines.count) * attributionLineHeight + m
        let panelW = max(190, min(320, page.width * 0.25))
        header = Rect(x: m, y: m, width: page.width - 2 * m, height: headerH - m)
        map = Rect(x: m, y: headerH, width: page.width - 2 * m - panelW - 14, height: page.height - headerH - footerH - 8)
        panel = Rect(x: map.maxX + 14, y: headerH, width: panelW, height: map.height)
        footer = Rect(x: m, y: map.maxY + 6, width: page.width - 2 * m, height: footerH)
    }
}
