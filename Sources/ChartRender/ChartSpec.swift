import MapRender

/// One line of a chart: a side's value over time (x = days since 1970).
public struct ChartSeries: Hashable, Sendable {
    /// The side id, used in the line's class (`series-<id>`) and its `data-side` attribute.
    public var id: String
    /// The side's name shown in the legend.
    public var label: String
    /// The line's CSS colour (and the colour of gains when the series is a panel's ``ChartPanel/barsOf``).
    public var color: String
    /// The values at each day, drawn as steps: a value holds until the next day given.
    public var points: [ChartPoint]
    /// Creates a series from its side id, legend label, colour and points.
    public init(id: String, label: String, color: String, points: [ChartPoint]) {
        self.id = id; self.label = label; self.color = color; self.points = points
    }
}

/// A point (or a bar) at a day.
public struct ChartPoint: Hashable, Sendable {
    /// The day, as days since 1970-01-01.
    public var day: Int
    /// The value on that day (for area series, km²).
    public var value: Double
    /// Creates a point from a day (days since 1970-01-01) and a value.
    public init(day: Int, value: Double) { self.day = day; self.value = value }
}

/// A dated event drawn as a labelled vertical rule.
public struct ChartAnnotation: Hashable, Sendable {
    /// The day of the event, as days since 1970-01-01.
    public var day: Int
    /// The label written beside the rule.
    public var text: String
    /// Creates an annotation from a day (days since 1970-01-01) and its label.
    public init(day: Int, text: String) { self.day = day; self.text = text }
}

/// One panel: lines of area held, and bars of the net change per period of one series.
public struct ChartPanel: Hashable, Sendable {
    /// The panel's heading, or nil for none.
    public var title: String?
    /// The lines of the panel, sharing one value axis.
    public var series: [ChartSeries]
    /// Net change per period (positive gains, negative losses), in the colour of `barsOf`.
    public var bars: [ChartPoint]
    /// The series the bars belong to: gains take its colour, losses are grey. No bars are drawn without it.
    public var barsOf: ChartSeries?
    /// The unit written on the value axis (km² by default).
    public var unit: String
    /// Creates a panel of lines, optionally with bars of net change per period for one series.
    public init(title: String? = nil, series: [ChartSeries], bars: [ChartPoint] = [], barsOf: ChartSeries? = nil, unit: String = "km²") {
        self.title = title; self.series = series; self.bars = bars; self.barsOf = barsOf; self.unit = unit
    }
}

/// Everything a chart shows: panels (one, or small multiples) on a shared date axis.
public struct ChartSpec: Sendable {
    /// The chart's title, across the top.
    public var title: String
    /// A line under the title, or nil.
    public var subtitle: String?
    /// The panels: one, or small multiples laid out in a grid of up to three columns.
    public var panels: [ChartPanel]
    /// Dated events drawn as labelled rules (only when the chart has a single panel).
    public var annotations: [ChartAnnotation]
    /// A credit line at the bottom left; empty for none.
    public var attribution: String
    /// The page width, in SVG pixels.
    public var width: Double
    /// The page height, in SVG pixels.
    public var height: Double
    /// The palette and type shared with the maps (`MapStyle`).
    public var style: MapStyle
    /// Creates a chart specification; the page is 1200 × 700 in the standard map style unless given.
    public init(title: String, subtitle: String? = nil, panels: [ChartPanel], annotations: [ChartAnnotation] = [], attribution: String = "",
                width: Double = 1200, height: Double = 700, style: MapStyle = .standard) {
        self.title = title; self.subtitle = subtitle; self.panels = panels; self.annotations = annotations
        self.attribution = attribution; self.width = width; self.height = height; self.style = style
    }
}
