import MapRender

/// One line of a chart: a side's value over time (x = days since 1970).
public struct ChartSeries: Hashable, Sendable {
    public var id: String
    public var label: String
    public var color: String
    public var points: [ChartPoint]
    public init(id: String, label: String, color: String, points: [ChartPoint]) {
        self.id = id; self.label = label; self.color = color; self.points = points
    }
}

/// A point (or a bar) at a day.
public struct ChartPoint: Hashable, Sendable {
    public var day: Int
    public var value: Double
    public init(day: Int, value: Double) { self.day = day; self.value = value }
}

/// A dated event drawn as a labelled vertical rule.
public struct ChartAnnotation: Hashable, Sendable {
    public var day: Int
    public var text: String
    public init(day: Int, text: String) { self.day = day; self.text = text }
}

/// One panel: lines of area held, and bars of the net change per period of one series.
public struct ChartPanel: Hashable, Sendable {
    public var title: String?
    public var series: [ChartSeries]
    /// Net change per period (positive gains, negative losses), in the colour of `barsOf`.
    public var bars: [ChartPoint]
    public var barsOf: ChartSeries?
    public var unit: String
    public init(title: String? = nil, series: [ChartSeries], bars: [ChartPoint] = [], barsOf: ChartSeries? = nil, unit: String = "km²") {
        self.title = title; self.series = series; self.bars = bars; self.barsOf = barsOf; self.unit = unit
    }
}

/// Everything a chart shows: panels (one, or small multiples) on a shared date axis.
public struct ChartSpec: Sendable {
    public var title: String
    public var subtitle: String?
    public var panels: [ChartPanel]
    public var annotations: [ChartAnnotation]
    public var attribution: String
    public var width: Double
    public var height: Double
    public var style: MapStyle
    public init(title: String, subtitle: String? = nil, panels: [ChartPanel], annotations: [ChartAnnotation] = [], attribution: String = "",
                width: Double = 1200, height: Double = 700, style: MapStyle = .standard) {
        self.title = title; self.subtitle = subtitle; self.panels = panels; self.annotations = annotations
        self.attribution = attribution; self.width = width; self.height = height; self.style = style
    }
}
