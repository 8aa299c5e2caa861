import GeoModel

/// A `data-*` attribute of a drawn feature (name without the `data-` prefix, e.g. `area_km2`).
public struct DataField: Hashable, Sendable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) { self.name = name; self.value = value }
}

/// One drawn feature: a geometry with an id, data attributes and an optional tooltip.
public struct MapFeature: Hashable, Sendable {
    public var id: String
    public var geometry: Geometry
    public var data: [DataField]
    /// Shown as the SVG `<title>` (a tooltip in browsers).
    public var title: String?
    public init(id: String, geometry: Geometry, data: [DataField] = [], title: String? = nil) {
        self.id = id; self.geometry = geometry; self.data = data; self.title = title
    }
}

/// Features drawn with one symbol, as one `<g>`.
public struct MapLayer: Hashable, Sendable {
    public var id: String
    public var symbol: Symbol
    public var features: [MapFeature]
    public init(id: String, symbol: Symbol, features: [MapFeature]) { self.id = id; self.symbol = symbol; self.features = features }
}

/// A place drawn as a dot with a label placed without overlaps.
public struct MapPlace: Hashable, Sendable {
    public var id: String
    public var name: String
    public var position: Position
    /// 1 (most important) … 4; decides the label size and placement order.
    public var rank: Int
    /// Placed before everything of its rank and never dropped for lack of room unless off the map.
    public var emphasized: Bool
    public var symbol: Symbol
    public var data: [DataField]
    public var title: String?
    public init(id: String, name: String, position: Position, rank: Int, emphasized: Bool = false, symbol: Symbol,
                data: [DataField] = [], title: String? = nil) {
        self.id = id; self.name = name; self.position = position; self.rank = rank; self.emphasized = emphasized
        self.symbol = symbol; self.data = data; self.title = title
    }
}

/// A proportional point marker (an incident), sized by `magnitude`.
public struct MapMarker: Hashable, Sendable {
    public var id: String
    public var position: Position
    public var magnitude: Double
    public var symbol: Symbol
    public var data: [DataField]
    public var title: String?
    /// A short label drawn beside the marker when there is room.
    public var label: String?
    public init(id: String, position: Position, magnitude: Double, symbol: Symbol, data: [DataField] = [], title: String? = nil, label: String? = nil) {
        self.id = id; self.position = position; self.magnitude = magnitude; self.symbol = symbol; self.data = data
        self.title = title; self.label = label
    }
}

/// A label for an area (a country, a district), set at an inner point of its geometry when there is room.
public struct AreaLabel: Hashable, Sendable {
    /// Decides the text style (`label-country`, `label-district`).
    public enum Kind: String, Hashable, Sendable { case country, district }
    public var id: String
    public var text: String
    public var geometry: Geometry
    public var kind: Kind
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
    public init(window: BoundingBox, land: [Geometry], drawn: [Geometry]) {
        self.window = window; self.land = land; self.drawn = drawn
    }
}

/// Everything a map shows, in lon/lat, before projection: what the composition layer hands the renderer.
public struct MapSpec: Hashable, Sendable {
    public var title: String
    public var subtitle: String?
    /// The lon/lat window fitted to the page.
    public var window: BoundingBox
    /// Drawn bottom to top.
    public var layers: [MapLayer]
    public var places: [MapPlace]
    public var markers: [MapMarker]
    public var areaLabels: [AreaLabel]
    /// Lines of text under the legend (figures, notes).
    public var legendNotes: [String]
    /// The attribution paragraph (wrapped to the page width).
    public var attribution: String
    /// Written to `<desc>`.
    public var description: String?
    /// An overview inset (zoomed change maps of another war).
    public var overview: MapOverview?

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
    public var width: Double
    public var height: Double
    /// Decimal places of every coordinate written.
    public var precision: Int
    /// Simplification tolerance in pixels.
    public var tolerance: Double
    public init(width: Double = 1200, height: Double = 900, precision: Int = 1, tolerance: Double = 0.45) {
        self.width = width; self.height = height; self.precision = precision; self.tolerance = tolerance
    }
}
