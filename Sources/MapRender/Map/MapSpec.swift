import GeoModel

/// A `data-*` attribute of a drawn feature (name without the `data-` prefix, e.g. `area_km2`).
public struct DataField: Hashable, Sendable {
    /// The attribute name without the `data-` prefix.
    public var name: String
    /// The attribute value, as text.
    public var value: String
    /// Creates a field from a name (without `data-`) and a value.
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// One drawn feature: a geometry with an id, data attributes and an optional tooltip.
public struct MapFeature: Hashable, Sendable {
    /// The feature's id, made into the element id `<layer>-<id>` (kept unique in the document).
    public var id: String
    /// The geometry, in WGS84 lon/lat.
    public var geometry: Geometry
    /// The `data-*` attributes written on the feature's element.
    public var data: [DataField]
    /// Shown as the SVG `<title>` (a tooltip in browsers).
    public var title: String?
    /// Creates a feature from an id, a geometry, and optionally data attributes and a tooltip.
    public init(id: String, geometry: Geometry, data: [DataField] = [], title: String? = nil) {
        self.id = id; self.geometry = geometry; self.data = data; self.title = title
    }
}

/// Features drawn with one symbol, as one `<g>`.
public struct MapLayer: Hashable, Sendable {
    /// The layer's id, written as the group's id `layer-<id>` and prefixed to its features' ids.
    public var id: String
    /// How every feature of the layer is drawn, and its legend entry.
    public var symbol: Symbol
    /// The features, drawn in order.
    public var features: [MapFeature]
    /// Creates a layer of features drawn with one symbol.
    public init(id: String, symbol: Symbol, features: [MapFeature]) { self.id = id; self.symbol = symbol; self.features = features }
}

/// A place drawn as a dot with a label placed without overlaps.
public struct MapPlace: Hashable, Sendable {
    /// The place's id, written as the dot's id `place-<id>` (and its label's, `label-<id>`).
    public var id: String
    /// The label text.
    public var name: String
    /// Where the dot goes, in WGS84 lon/lat.
    public var position: Position
    /// 1 (most important) … 4; decides the label size and placement order.
    public var rank: Int
    /// Placed before everything of its rank and never dropped for lack of room unless off the map.
    public var emphasized: Bool
    /// How the dot is drawn (a point symbol), and its legend entry.
    public var symbol: Symbol
    /// The `data-*` attributes written on the dot.
    public var data: [DataField]
    /// Shown as the dot's SVG `<title>` (a tooltip in browsers).
    public var title: String?
    /// Creates a place to draw; `rank` runs from 1 (most important) to 4.
    public init(id: String, name: String, position: Position, rank: Int, emphasized: Bool = false, symbol: Symbol,
                data: [DataField] = [], title: String? = nil) {
        self.id = id; self.name = name; self.position = position; self.rank = rank; self.emphasized = emphasized
        self.symbol = symbol; self.data = data; self.title = title
    }
}

/// A proportional point marker (an incident), sized by `magnitude`.
public struct MapMarker: Hashable, Sendable {
    /// The marker's id, written as the circle's id `marker-<id>`.
    public var id: String
    /// Where the marker goes, in WGS84 lon/lat.
    public var position: Position
    /// The count the circle's area stands for (for incidents, killed + wounded); see `MapStyle.markerRadius(magnitude:)`.
    public var magnitude: Double
    /// How the circle is drawn, and its legend entry.
    public var symbol: Symbol
    /// The `data-*` attributes written on the circle.
    public var data: [DataField]
    /// Shown as the circle's SVG `<title>` (a tooltip in browsers).
    public var title: String?
    /// A short label drawn beside the marker when there is room.
    public var label: String?
    /// Creates a proportional marker at a position.
    public init(id: String, position: Position, magnitude: Double, symbol: Symbol, data: [DataField] = [], title: String? = nil, label: String? = nil) {
        self.id = id; self.position = position; self.magnitude = magnitude; self.symbol = symbol; self.data = data
        self.title = title; self.label = label
    }
}

/// A label for an area (a country, a district), set at an inner point of its geometry when there is room.
public struct AreaLabel: Hashable, Sendable {
    /// Decides the text style (`label-country`, `label-district`).
    public enum Kind: String, Hashable, Sendable { case country, district }
    /// The label's id, written into the text element's id (`district-label-<id>`, `country-label-<id>`).
    public var id: String
    /// The text to set.
    public var text: String
    /// The area labelled, in WGS84 lon/lat; the label goes at an inner point wide enough for the text.
    public var geometry: Geometry
    /// The kind of area, which decides the text style.
    public var kind: Kind
    /// Creates a label for an area; a district's by default.
    public init(id: String, text: String, geometry: Geometry, kind: Kind = .district) {
        self.id = id; self.text = text; self.geometry = geometry; self.kind = kind
    }
}

/// A small overview in a corner of a zoomed map: where its window lies in the country.
public struct MapOverview: Hashable, Sendable {
    /// The lon/lat extent the overview shows (the country, with a margin).
    public var window: BoundingBox
    /// The country's land, outlined.
    public var land: [Geometry]
    /// What the source draws (the occupied area), filled lightly. The area the main map shows is outlined.
    public var drawn: [Geometry]
    /// Creates an overview of a window, with the land outlined and what the source draws filled.
    public init(window: BoundingBox, land: [Geometry], drawn: [Geometry]) {
        self.window = window; self.land = land; self.drawn = drawn
    }
}

/// Everything a map shows, in lon/lat, before projection: what the composition layer hands the renderer.
public struct MapSpec: Hashable, Sendable {
    /// The map's title, across the top.
    public var title: String
    /// A line under the title, or nil.
    public var subtitle: String?
    /// The lon/lat window fitted to the page.
    public var window: BoundingBox
    /// Drawn bottom to top.
    public var layers: [MapLayer]
    /// The places drawn as dots with labels, over the layers.
    public var places: [MapPlace]
    /// Proportional markers (incidents), drawn over the layers; labels avoid them.
    public var markers: [MapMarker]
    /// Labels of countries and districts, set where there is room.
    public var areaLabels: [AreaLabel]
    /// Lines of text under the legend (figures, notes).
    public var legendNotes: [String]
    /// The attribution paragraph (wrapped to the page width).
    public var attribution: String
    /// Written to `<desc>`.
    public var description: String?
    /// An overview inset (zoomed change maps of another war).
    public var overview: MapOverview?

    /// Creates a map specification; only the title and the window are required.
    public init(title: String, subtitle: String? = nil, window: BoundingBox, layers: [MapLayer] = [], places: [MapPlace] = [],
                markers: [MapMarker] = [], areaLabels: [AreaLabel] = [], legendNotes: [String] = [], attribution: String = "",
                description: String? = nil, overview: MapOverview? = nil) {
        self.title = title; self.subtitle = subtitle; self.window = window; self.layers = layers; self.places = places
        self.markers = markers; self.areaLabels = areaLabels; self.legendNotes = legendNotes; self.attribution = attribution
        self.description = description; self.overview = overview
    }
}

/// Page size and output settings.
public struct MapPage: Hashable, Sendable {
    /// The page width, in SVG pixels (at least 480 to draw).
    public var width: Double
    /// The page height, in SVG pixels (at least 360 to draw).
    public var height: Double
    /// Decimal places of every coordinate written.
    public var precision: Int
    /// Simplification tolerance in pixels.
    public var tolerance: Double
    /// Creates page settings; by default 1200 × 900 px, one decimal, and a 0.45 px tolerance.
    public init(width: Double = 1200, height: Double = 900, precision: Int = 1, tolerance: Double = 0.45) {
        self.width = width; self.height = height; self.precision = precision; self.tolerance = tolerance
    }
}
