import GeoModel

/// A named place of the gazetteer.
public struct Place: Hashable, Sendable {
    /// The place's id, unique in its gazetteer.
    public var id: String
    /// The English name.
    public var name: String
    /// `capital`, `city`, `town` or `village`.
    public var kind: String
    /// 1 (most important) … 4: label priority on maps.
    public var rank: Int
    /// The ISO 3166-1 alpha-2 country code (e.g. `AZ`), when known.
    public var country: String?
    /// A district id, or nil outside the study area.
    public var district: String?
    /// Where the place is, in WGS84 lon/lat.
    public var position: Position
    /// The population, when known.
    public var population: Int?
    /// Where the population figure comes from.
    public var populationSource: String?
    /// The GeoNames id, when the place is matched to one.
    public var geonameID: Int?
    /// Names by language code (en, az, hy, ru).
    public var names: [String: String]
    /// Alternate names and spellings, searched by lookups.
    public var altNames: [String]
    /// Where the coordinates come from.
    public var coordSource: String?

    /// Every name the place is known by: the English name, the names by language, the alternates.
    public var allNames: [String] {
        var seen = Set<String>()
        return ([name] + names.keys.sorted().compactMap { names[$0] } + altNames).filter { seen.insert($0).inserted }
    }

    /// Creates a place; by default a town of rank 3 with no country, district or other names.
    public init(id: String, name: String, kind: String = "town", rank: Int = 3, country: String? = nil, district: String? = nil,
                position: Position, population: Int? = nil, populationSource: String? = nil, geonameID: Int? = nil,
                names: [String: String] = [:], altNames: [String] = [], coordSource: String? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.rank = rank; self.country = country; self.district = district
        self.position = position; self.population = population; self.populationSource = populationSource
        self.geonameID = geonameID; self.names = names; self.altNames = altNames; self.coordSource = coordSource
    }
}
