/// Where the title, the map, the legend panel and the attribution go on the page.
///
/// The legend has its own panel, so it never hides data: beside the map on wide pages, below it on pages
/// taller than wide or narrower than 800 px (where a side panel would take half the width).
struct PageLayout {
    var header: Rect
    var map: Rect
    var panel: Rect
    var footer: Rect
    var attributionLines: [String]
    var attributionLineHeight: Double
    /// The title, shrunk (down to 80 %) and then wrapped to fit the page width.
    var titleLines: [String]
    var titleSize: Double
    /// True when the legend sits below the map.
    var legendBelow: Bool

    /// Pages narrower than this put the legend below the map.
    static let sidePanelMinWidth = 800.0

    static func wantsLegendBelow(_ page: MapPage) -> Bool {
        page.height > page.width || page.width < sidePanelMinWidth
    }

    /// `legendHeight` measures the legend for a panel width (used when it goes below the map).
    init(page: MapPage, style: MapStyle, spec: MapSpec, legendHeight: (Double) -> Double = { _ in 0 }) {
        let m = 14.0
        let avail = page.width - 2 * m
        var size = style.titleSize
        while size > style.titleSize * 0.8 && TextMetrics.width(spec.title, size: size, bold: true) > avail { size -= 0.5 }
        titleSize = size
        titleLines = TextMetrics.width(spec.title, size: size, bold: true) <= avail
            ? [spec.title] : TextMetrics.wrap(spec.title, size: size * 1.08, maxWidth: avail)
        let titleH = size + Double(titleLines.count - 1) * size * 1.2
        let headerH = m + titleH + (spec.subtitle == nil ? 8 : style.subtitleSize + 14)
        attributionLineHeight = style.smallTextSize * 1.35
        attributionLines = TextMetrics.wrap(spec.attribution, size: style.smallTextSize, maxWidth: avail)
        let footerH = Double(attributionLines.count) * attributionLineHeight + m
        header = Rect(x: m, y: m, width: avail, height: headerH - m)
        legendBelow = PageLayout.wantsLegendBelow(page)
        if legendBelow {
            let body = page.height - headerH - footerH - 8
            let panelH = min(max(legendHeight(avail) + MapRenderer.scaleBarRoom, 90), body * 0.45)
            map = Rect(x: m, y: headerH, width: avail, height: body - panelH - 10)
            panel = Rect(x: m, y: map.maxY + 10, width: avail, height: panelH)
            footer = Rect(x: m, y: panel.maxY + 6, width: avail, height: footerH)
        } else {
            let panelW = max(190, min(320, page.width * 0.25))
            map = Rect(x: m, y: headerH, width: avail - panelW - 14, height: page.height - headerH - footerH - 8)
            panel = Rect(x: map.maxX + 14, y: headerH, width: panelW, height: map.height)
            footer = Rect(x: m, y: map.maxY + 6, width: avail, height: footerH)
        }
    }
}
