/// A hatching pattern: parallel (or crossed) lines over an optional background.
public struct Hatch: Hashable, Sendable {
    /// The pattern's element id (also used in CSS `url(#…)`).
    public var id: String
    /// The lines' CSS colour.
    public var color: String
    /// A colour under the lines, or nil to let what is beneath show through.
    public var background: String?
    /// Degrees, counter-clockwise from horizontal lines.
    public var angle: Double
    /// Distance between lines, px.
    public var spacing: Double
    /// The width of each line, px.
    public var lineWidth: Double
    /// Adds lines at right angles (for "disputed").
    public var crossed: Bool

    /// Creates a hatching pattern; by default single lines at 45°, 6 px apart and 1.2 px wide, without background.
    public init(id: String, color: String, background: String? = nil, angle: Double = 45, spacing: Double = 6,
                lineWidth: Double = 1.2, crossed: Bool = false) {
        self.id = id; self.color = color; self.background = background; self.angle = angle
        self.spacing = spacing; self.lineWidth = lineWidth; self.crossed = crossed
    }
}

/// How an area is filled.
public enum Paint: Hashable, Sendable {
    /// No fill.
    case none
    /// A flat CSS colour, with an opacity from 0 to 1.
    case color(String, opacity: Double = 1)
    /// A hatching pattern, defined once in the document's `<defs>`.
    case hatch(Hatch)
}

/// What kind of thing a symbol draws, which decides its legend swatch.
public enum SymbolShape: Hashable, Sendable {
    /// A filled area (polygons); its legend swatch is a box.
    case area
    /// A stroked line; its legend swatch is a short line.
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
    /// What the symbol draws, which decides its legend swatch.
    public var shape: SymbolShape
    /// How areas and dots are filled.
    public var fill: Paint
    /// The outline or line colour, or nil for no stroke.
    public var stroke: String?
    /// The stroke width, px.
    public var strokeWidth: Double
    /// The dash pattern, px (`stroke-dasharray`); empty for a solid stroke.
    public var dash: [Double]
    /// The stroke's opacity, 0 to 1.
    public var strokeOpacity: Double

    /// Creates a symbol; by default unfilled, unstroked, with a 1 px stroke width when a stroke is given.
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
