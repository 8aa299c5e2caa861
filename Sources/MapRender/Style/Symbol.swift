/// A hatching pattern: parallel (or crossed) lines over an optional background.
public struct Hatch: Hashable, Sendable {
    /// The pattern's element id (also used in CSS `url(#…)`).
    public var id: String
    public var color: String
    public var background: String?
    /// Degrees, counter-clockwise from horizontal lines.
    public var angle: Double
    /// Distance between lines, px.
    public var spacing: Double
    public var lineWidth: Double
    /// Adds lines at right angles (for "disputed").
    public var crossed: Bool

    public init(id: String, color: String, background: String? = nil, angle: Double = 45, spacing: Double = 6,
                lineWidth: Double = 1.2, crossed: Bool = false) {
        self.id = id; self.color = color; self.background = background; self.angle = angle
        self.spacing = spacing; self.lineWidth = lineWidth; self.crossed = crossed
    }
}

/// How an area is filled.
public enum Paint: Hashable, Sendable {
    case none
    case color(String, opacity: Double = 1)
    case hatch(Hatch)
}

/// What kind of thing a symbol draws, which decides its legend swatch.
public enum SymbolShape: Hashable, Sendable {
    case area
    case line
    /// A dot of this radius (px); markers may scale it.
    case point(radius: Double)
}

/// A drawing style with a CSS class and a legend entry: every feature is drawn with one.
public struct Symbol: Hashable, Sendable {
    /// The CSS class (lower-case, `[a-z0-9-]`), unique per style.
    public var className: String
    /// The legend text; nil keeps it out of the legend.
    public var legend: String?
    /// Legend position: lower first.
    public var legendOrder: Int
    public var shape: SymbolShape
    public var fill: Paint
    public var stroke: String?
    public var strokeWidth: Double
    public var dash: [Double]
    public var strokeOpacity: Double

    public init(className: String, legend: String?, legendOrder: Int, shape: SymbolShape, fill: Paint = .none,
                stroke: String? = nil, strokeWidth: Double = 1, dash: [Double] = [], strokeOpacity: Double = 1) {
        self.className = className; self.legend = legend; self.legendOrder = legendOrder; self.shape = shape
        self.fill = fill; self.stroke = stroke; self.strokeWidth = strokeWidth; self.dash = dash; self.strokeOpacity = strokeOpacity
    }

    /// The same symbol with another legend text (e.g. with km² figures).
    public func withLegend(_ text: String?) -> Symbol {
        var s = self
        s.legend = text
        return s
    }
}
