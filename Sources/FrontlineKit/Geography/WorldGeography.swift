import Foundation
import GeoModel
import GeoOps

/// An administrative region (oblast, rayon, governorate) of the world layers or a user's `--regions` file.
public struct Region: Sendable, Hashable {
    /// The region's id (the layer's `region_id`, or a dataset district's id).
    public var id: String
    /// The region's name (its id when the layer gives none).
    public var name: String
    /// The region's country code (e.g. `UA`), when known.
    public var country: String?
    /// The region's area, in WGS84 lon/lat.
    public var geometry: Geometry
    /// Creates a region from its id, name, country code and area.
    public init(id: String, name: String, country: String?, geometry: Geometry) {
        self.id = id; self.name = name; self.country = country; self.geometry = geometry
    }
}

/// The world geography layers of `geodata/world/` (format `frontline-world-geo/1`): GeoNames places and Natural
/// Earth admin-1 regions per country, land borders and rivers in 10° tiles. Only what a window needs is read.
public struct WorldGeography: Sendable {
    /// The folder holding the layers and their `index.json`.
    public let root: String
    struct CountryEntry: Sendable { var bbox: BoundingBox; var regions: String?; var places: String? }
    struct TileEntry: Sendable { var bbox: BoundingBox; var file: String }
    let countries: [String: CountryEntry]
    let tiles: [String: [TileEntry]]
    /// Places that replace the bundled GeoNames ones (`--places FILE`); a place without a country serves every country.
    public var userPlaces: [Place]?

    /// Opens the layers in `root` (the folder holding `index.json`).
    public init(root: String) throws(FrontlineError) {
        self.root = root
        let path = (root as NSString).appendingPathComponent("index.json")
        let bytes = try FileIO.read(path)
        let index: JSONValue
        do { index = try JSONValue.parse(bytes) } catch { throw .badInput(path: path, place: "", message: error.message) }
        guard index["format"]?.stringValue?.hasPrefix("frontline-world-geo/") == true else {
            throw .badInput(path: path, place: "format", message: "not a frontline world geography index")
        }
        func box(_ v: JSONValue?) -> BoundingBox? {
            guard let a = v?.arrayValue?.compactMap(\.numberValue), a.count == 4 else { return nil }
            return BoundingBox(west: a[0], south: a[1], east: a[2], north: a[3])
        }
        var cs: [String: CountryEntry] = [:]
        for (k, v) in index["countries"]?.objectValue ?? JSONObject() {
            guard let b = box(v["bbox"]) else { continue }
            cs[k] = CountryEntry(bbox: b, regions: v["files"]?["regions"]?.stringValue, places: v["files"]?["places"]?.stringValue)
        }
        var ts: [String: [TileEntry]] = [:]
        for (kind, v) in index["tiles"]?.objectValue ?? JSONObject() {
            for (_, t) in v.objectValue ?? JSONObject() {
                if let b = box(t["bbox"]), let f = t["file"]?.stringValue { ts[kind, default: []].append(TileEntry(bbox: b, file: f)) }
            }
        }
        countries = cs
        tiles = ts
    }

    /// The world layers beside a dataset (`<dataset>/world`), when present.
    public static func beside(_ dataset: Dataset) -> WorldGeography? {
        guard var world = try? WorldGeography(root: (dataset.root as NSString).appendingPathComponent("world")) else { return nil }
        world.userPlaces = dataset.userPlaces
        return world
    }

    /// The countries whose bounding box meets a window.
    public func countryCodes(meeting window: BoundingBox) -> [String] {
        countries.filter { $0.key != "XX" && $0.value.bbox.intersects(window) }.map(\.key).sorted()
    }

    /// The regions of a country.
    public func regions(of country: String) throws(FrontlineError) -> [Region] {
        guard let f = countries[country]?.regions else { return [] }
        let path = (root as NSString).appendingPathComponent(f)
        let fc = try GeoJSONFile.read(path)
        return fc.features.compactMap { feat in
            guard let g = feat.geometry, let id = feat.properties["region_id"]?.stringValue else { return nil }
            return Region(id: id, name: feat.properties["name"]?.stringValue ?? id, country: country, geometry: g)
        }
    }

    /// The places of a country, most populous first, as gazetteer places (`gn:<geonameid>` ids; the region as
    /// `district`; rank 1–4 by population).
    public func places(of country: String) throws(FrontlineError) -> [Place] {
        if let userPlaces { return userPlaces.filter { $0.country == nil || $0.country == country } }
        guard let f = countries[country]?.places else { return [] }
        let path = (root as NSString).appendingPathComponent(f)
        let text = String(decoding: try FileIO.read(path), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func col(_ n: String) -> Int? { header.firstIndex(of: n) }
        guard let gid = col("geonameid"), let nm = col("name"), let la = col("lat"), let lo = col("lon"), let pop = col("population") else {
            throw .badInput(path: path, place: "line 1", message: "expected geonameid, name, lat, lon, population columns")
        }
        let ascii = col("asciiname"), a1 = col("admin1"), reg = col("region_id"), alt = col("alternates")
        // A region id left empty is implied by the admin-1 code (see geodata/world/README.md).
        var byA1: [String: String] = [:]
        if a1 != nil, let rf = countries[country]?.regions {
            var counts: [String: [String]] = [:]
            let fc = try GeoJSONFile.read((root as NSString).appendingPathComponent(rf))
            for feat in fc.features {
                if let code = feat.properties["gn_a1_code"]?.stringValue, let id = feat.properties["region_id"]?.stringValue { counts[code, default: []].append(id) }
            }
            for (k, v) in counts where v.count == 1 { byA1[k] = v[0] }
        }
        var out: [Place] = []
        out.reserveCapacity(lines.count)
        for (n, line) in lines.enumerated() {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == header.count, let id = Int(f[gid]), let lat = Double(f[la]), let lon = Double(f[lo]) else {
                throw .badInput(path: path, place: "line \(n + 2)", message: "expected \(header.count) tab-separated fields with numeric id, lat, lon")
            }
            let population = Int(f[pop]) ?? 0
            var region = reg.map { f[$0] } ?? ""
            if region.isEmpty, let a1 { region = byA1["\(country).\(f[a1])"] ?? "" }
            var alts = alt.map { f[$0].split(separator: "|").map(String.init) } ?? []
            if let ascii, !f[ascii].isEmpty { alts.insert(f[ascii], at: 0) }
            let rank = population >= 1_000_000 ? 1 : population >= 250_000 ? 2 : population >= 50_000 ? 3 : 4
            let kind = population >= 100_000 ? "city" : population >= 10_000 ? "town" : "village"
            out.append(Place(id: "gn:\(id)", name: f[nm], kind: kind, rank: rank, country: country, district: region.isEmpty ? nil : region,
                             position: Position(lon: lon, lat: lat), population: population, populationSource: "GeoNames",
                             geonameID: id, altNames: alts, coordSource: "GeoNames"))
        }
        return out
    }

    /// The places of any country whose name or alternate name folds to one of `names` (see `Gazetteer.key`), for a
    /// name a text uses without naming its country. Each country's file is read only when its text contains a name.
    public func places(named names: [String]) throws(FrontlineError) -> [Place] {
        let keys = Set(names.map(Gazetteer.key).filter { $0.count >= 3 })
        guard !keys.isEmpty else { return [] }
        if let userPlaces { return userPlaces.filter { p in p.allNames.contains { keys.contains(Gazetteer.key($0)) } } }
        // A byte scan of each file's tab- and bar-separated fields (ASCII folded to lower case) against the names.
        let needles = Set(names.filter { $0.count >= 3 }.map { Array($0.lowercased().utf8) })
        var out: [Place] = []
        for (iso, entry) in countries.sorted(by: { $0.key < $1.key }) {
            guard let f = entry.places else { continue }
            let bytes = try FileIO.read((root as NSString).appendingPathComponent(f))
            var field: [UInt8] = []
            field.reserveCapacity(64)
            var hit = false
            for b in bytes {
                if b == 9 || b == 10 || b == 124 {
                    if needles.contains(field) { hit = true; break }
                    field.removeAll(keepingCapacity: true)
                } else {
                    field.append(b >= 65 && b <= 90 ? b + 32 : b)
                }
            }
            guard hit else { continue }
            out += try places(of: iso).filter { p in p.allNames.contains { keys.contains(Gazetteer.key($0)) } }
        }
        return out
    }

    /// Places of every country meeting a window, inside it.
    public func places(in window: BoundingBox) throws(FrontlineError) -> [Place] {
        if let userPlaces { return userPlaces.filter { window.contains($0.position) } }
        var out: [Place] = []
        for c in countryCodes(meeting: window) {
            out += try places(of: c).filter { window.contains($0.position) }
        }
        return out
    }

    /// Line features (`rivers` or `borders`) of the tiles meeting a window.
    public func lines(_ kind: String, in window: BoundingBox) throws(FrontlineError) -> [Feature] {
        var out: [Feature] = []
        for t in tiles[kind] ?? [] where t.bbox.intersects(window) {
            out += try GeoJSONFile.read((root as NSString).appendingPathComponent(t.file)).features
        }
        return out
    }
}
