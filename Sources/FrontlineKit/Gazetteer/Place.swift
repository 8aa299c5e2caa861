import GeoModel

/// A named place of the gazetteer.
public struct Place: Hashable, Sendable {
    public var id: String
    public var name: String
    /// `capital`, `city`, `town` or `village`.
    public var kind: String
    /// 1 (most important) … 4: label priority on maps.
    public var rank: Int
    public var country: String?
    /// A district id, or nil outside the study area.
    public var district: String?
    public var position: Position
    public var population: Int?
    public var populationSource: String?
    public var geonameID: Int?
    /// Names by language code (en, az, hy, ru).
    public var names: [String: String]
    public var altNames: [String]
    public var coordSource: String?

    /// Every name the place is known by: the English name, the names by language, the alternates.
    public var allNames: [String] {
        var seen = Set<String>()
        return ([name] + names.keys.sorted().compactMap { names[$0] } + altNames).filter { seen.insert($0).inserted }
    }

    public init(id: String, name: String, kind: String = "town", rank: Int = 3, country: String? = nil, district: String? = nil,
                position: Position, population: Int? = nil, populationSource: String? = nil, geonameID: Int? = nil,
                names: [String: String] = [:], altNames: [String] = [], coordSource: String? = nil) {
        self.id = id; self.name = name; self.kind = kind; self.rank = rank; self.country = country; self.district = district
        self.position = position; self.population = population; self.populationSource = populationSource
        self.geonameID = geonameID; self.names = names; self.altNames = altNames; self.coordSource = coordSource
    }
}
