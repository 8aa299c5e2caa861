import GeoModel

extension Gazetteer {
    /// Loads `places.json` (see geodata/FORMAT.md).
    public static func load(_ path: String) throws(FrontlineError) -> Gazetteer {
        let root = try JSONFields(file: path, path: "", readJSONFile(path))
        var places: [Place] = []
        var ids = Set<String>()
        for (i, v) in try root.array("places").enumerated() {
            let f = try JSONFields(file: path, path: "places[\(i)]", v)
            let id = try f.string("id")
            guard ids.insert(id).inserted else { throw f.fail("id", "duplicate place id \"\(id)\"") }
            let lat = try f.number("lat"), lon = try f.number("lon")
            let pos = Position(lon: lon, lat: lat)
            guard pos.isInRange else { throw f.fail("lat", "coordinates (\(lat), \(lon)) are out of range") }
            var names: [String: String] = [:]
            if let n = f.object["names"]?.objectValue {
                for (k, v) in n { if let s = v.stringValue, !s.isEmpty { names[k] = s } }
            }
            places.append(Place(
                id: id, name: try f.string("name"), kind: try f.optionalString("kind") ?? "town",
                rank: try f.optionalInt("rank") ?? 3, country: try f.optionalString("country"),
                district: try f.optionalString("district"), position: pos, population: try f.optionalInt("population"),
                populationSource: try f.optionalString("population_source"), geonameID: try f.optionalInt("geonameid"),
                names: names, altNames: try f.strings("alt_names"), coordSource: try f.optionalString("coord_source")))
        }
        return Gazetteer(places)
    }
}

extension Place {
    /// The place as JSON (the same keys as places.json).
    public var json: JSONValue {
        var o = JSONObject()
        o["id"] = .string(id)
        o["name"] = .string(name)
        o["kind"] = .string(kind)
        o["rank"] = .number(Double(rank))
        o["country"] = country.map(JSONValue.string) ?? .null
        o["district"] = district.map(JSONValue.string) ?? .null
        o["lat"] = .number(position.lat)
        o["lon"] = .number(position.lon)
        o["geonameid"] = geonameID.map { .number(Double($0)) } ?? .null
        o["population"] = population.map { .number(Double($0)) } ?? .null
        o["population_source"] = populationSource.map(JSONValue.string) ?? .null
        o["names"] = .object(JSONObject(names.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        o["alt_names"] = .array(altNames.map(JSONValue.string))
        return .object(o)
    }
}
