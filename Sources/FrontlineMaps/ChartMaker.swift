import ChartRender
import Foundation
import FrontlineKit
import MapRender

/// Timeline rows composed into charts: area held per side over time, and net change per period as bars.
public enum ChartMaker {
    /// The dated events of a dataset worth a rule on its chart: changes confirmed on their own date (agreements,
    /// handovers, confirmed captures), same-day ones joined.
    public static func annotations(_ source: DatasetSource) -> [ChartAnnotation] {
        var byDay: [Int: [String]] = [:]
        for c in source.dataset.timeline.changes where c.status(on: c.date) == .confirmed {
            let name = c.id.split(separator: "-").dropFirst(3).joined(separator: " ")
            byDay[c.date.ordinal, default: []].append(name.isEmpty ? c.id : name)
        }
        return byDay.sorted { $0.key < $1.key }.map { ChartAnnotation(day: $0.key, text: "\(Day(ordinal: $0.key).description): \($0.value.joined(separator: ", "))") }
    }

    /// A chart of timeline rows: one line per side, bars of the first side's net change.
    public static func spec(rows: [TimelineRow], title: String, subtitle: String?, label: (String) -> String,
                            annotations: [ChartAnnotation], attribution: String, width: Double, height: Double,
                            style: MapStyle = .standard) -> ChartSpec {
        ChartSpec(title: title, subtitle: subtitle, panels: [panel(rows, label: label, style: style, title: nil)], annotations: annotations,
                  attribution: attribution, width: width, height: height, style: style)
    }

    static func panel(_ rows: [TimelineRow], label: (String) -> String, style: MapStyle, title: String?) -> ChartPanel {
        var order: [String] = []
        for r in rows where !order.contains(r.side) { order.append(r.side) }
        let series = order.enumerated().map { i, side in
            ChartSeries(id: side, label: label(side) != side ? label(side) : SnapshotMap.label(Side(id: side, label: side)), color: style.colors(side: side, index: i).strong,
                        points: rows.filter { $0.side == side }.map { ChartPoint(day: $0.date.ordinal, value: $0.areaKm2) })
        }
        let first = series.first
        let bars = rows.filter { $0.side == first?.id }.compactMap { r in r.netKm2.map { ChartPoint(day: r.date.ordinal, value: $0) } }
        return ChartPanel(title: title, series: series, bars: bars, barsOf: first)
    }

    /// Small multiples: one panel per region, the km² of each side in it over time.
    public static func regionSpec(panels: [(region: String, rows: [TimelineRow])], title: String, subtitle: String?, label: (String) -> String,
                                  attribution: String, width: Double, height: Double, style: MapStyle = .standard) -> ChartSpec {
        ChartSpec(title: title, subtitle: subtitle,
                  panels: panels.map { p in
                      var panel = panel(p.rows, label: label, style: style, title: p.region)
                      panel.bars = []
                      return panel
                  },
                  attribution: attribution, width: width, height: height, style: style)
    }
}
