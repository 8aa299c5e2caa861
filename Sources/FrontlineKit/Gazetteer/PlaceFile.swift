import Foundation
import GeoModel

/// A user's own gazetteer (`--places FILE`), in the shapes people have: a GeoNames dump (`cities500.txt`, the
/// tab-separated 19 columns without a header), a CSV with a name and lon/lat columns, or any vector file of named
/// points. It replaces the bundled world places.
public enum PlaceFile {
    static let nameColumns = ["name", "place", "settlement", "adm4_en", "name_en", "asciiname"]
    static let lonColumns = ["lon", "longitude", "lng", "x"]
    static let latColumns = ["lat", "latitude", "y"]

    /// The places of a file; errors name the file and the line or feature.
    public static func read(_ path: String) throws(FrontlineError) -> [Place] {
        let ext = (path as NSString).pathExtension.lowercased()
        if ext == "csv" { return try csv(path) }
        if ext == "txt" || ext == "tsv" { return try geoNames(path) }
        return try vector(path)
    }

    static func make(_ id: String, _ name: String, lon: Double, lat: Double, population: Int?, country: String?, region: String?,
                     alternates: [String] = [], geonameID: Int? = nil, source: String) -> Place {
        let pop = population ?? 0
        let rank = pop >= 1_000_000 ? 1 : pop >= 250_000 ? 2 : pop >= 50_000 ? 3 : 4
        let kind = pop >= 100_000 ? "city" : pop >= 10_000 ? "town" : "village"
        return Place(id: id, name: name, kind: kind, rank: rank, country: country.flatMap { $0.isEmpty ? nil : $0.uppercased() },
                     district: region.flatMap { $0.isEmpty ? nil : $0 }, position: Position(lon: lon, lat: lat), population: population,
                     populationSource: population == nil ? nil : source, geonameID: geonameID, altNames: alternates, coordSource: source)
    }

    /// A GeoNames dump: geonameid, name, asciiname, alternatenames, latitude, longitude, feature class, feature code,
    /// country code, cc2, admin1 … population … (populated places only, feature class P).
    static func geoNames(_ path: String) throws(FrontlineError) -> [Place] {
        let text = String(decoding: try FileIO.read(path), as: UTF8.self)
        var out: [Place] = []
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 15, let id = Int(f[0]), let lat = Double(f[4]), let lon = Double(f[5]), Position(lon: lon, lat: lat).isInRange else {
                throw .badInput(path: path, place: "line \(n + 1)", message: "not a GeoNames line (geonameid, name, asciiname, alternatenames, latitude, longitude, … tab-separated, 19 fields)")
            }
            guard f[6].isEmpty || f[6] == "P" else { continue }
            let alts = ([f[2]] + f[3].split(separator: ",").map(String.init)).filter { !$0.isEmpty && $0 != f[1] }
            out.append(make("gn:\(id)", f[1], lon: lon, lat: lat, population: Int(f[14]), country: f[8], region: f[10].isEmpty ? nil : "\(f[8]).\(f[10])",
                            alternates: alts, geonameID: id, source: "GeoNames (\((path as NSString).lastPathComponent))"))
        }
        if out.isEmpty { throw .badInput(path: path, place: "", message: "no populated places (feature class P)") }
        return out
    }

    /// A CSV with a header naming the name and lon/lat columns (population, country and region when present).
    static func csv(_ path: String) throws(FrontlineError) -> [Place] {
        var bytes = try FileIO.read(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lines = try IncidentCSV.records(bytes, path: path)
        guard let header = lines.first else { throw .badInput(path: path, place: "line 1", message: "empty file, expected a header") }
        func text(_ r: Range<Int>) -> String { String(decoding: bytes[r], as: UTF8.self).replacingOccurrences(of: "\"\"", with: "\"").trimmingCharacters(in: .whitespaces) }
        let names = IncidentCSV.fields(bytes, header).map { text($0).lowercased() }
        func column(_ options: [String]) -> Int? { names.firstIndex(where: options.contains) }
        guard let nm = column(nameColumns), let lo = column(lonColumns), let la = column(latColumns) else {
            throw .badInput(path: path, place: "line 1", message: "the header needs a name column (\(nameColumns.joined(separator: "/"))) and lon/lat columns (\(lonColumns.joined(separator: "/")), \(latColumns.joined(separator: "/")))")
        }
        let pop = column(["population", "pop"]), cc = column(["country", "country_code", "iso_a2", "adm0_pcode"]), reg = column(["region", "admin1", "adm1_en", "district"])
        let id = column(["id", "place_id", "geonameid", "pcode"])
        var out: [Place] = []
        for (n, line) in lines.enumerated().dropFirst() {
            let f = IncidentCSV.fields(bytes, line).map(text)
            guard f.count == names.count, let lon = Double(f[lo]), let lat = Double(f[la]), Position(lon: lon, lat: lat).isInRange, !f[nm].isEmpty else {
                throw .badInput(path: path, place: "line \(n + 1)", message: "expected \(names.count) fields with a name and a longitude/latitude in range")
            }
            out.append(make(id.map { "user:\(f[$0])" } ?? "user:\(n)", f[nm], lon: lon, lat: lat, population: pop.flatMap { Int(f[$0]) },
                            country: cc.map { f[$0] }, region: reg.map { f[$0] }, source: (path as NSString).lastPathComponent))
        }
        if out.isEmpty { throw .badInput(path: path, place: "", message: "no places") }
        return out
    }

    /// Named points of any vector file (GeoJSON, GeoPackage, KML, Shapefile …).
    static func vector(_ path: String) throws(FrontlineError) -> [Place] {
        let fc = try VectorFile.read(path)
        var out: [Place] = []
        for (i, f) in fc.features.enumerated() {
            guard case .point(let p)? = f.geometry else { continue }
            let lower = Dictionary(f.properties.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { a, _ in a })
            guard let name = nameColumns.lazy.compactMap({ lower[$0]?.stringValue }).first(where: { !$0.isEmpty }) else {
                throw .badInput(path: path, place: "features[\(i)].properties", message: "no place name (\(nameColumns.joined(separator: ", ")))")
            }
            let population = lower["population"].flatMap { $0.intValue ?? $0.stringValue.flatMap { Int($0) } }
            out.append(make("user:\(f.id.map { "\($0)" } ?? String(i))", name, lon: p.position.lon, lat: p.position.lat, population: population,
                            country: lower["country"]?.stringValue ?? lower["iso_a2"]?.stringValue, region: lower["region"]?.stringValue ?? lower["adm1_en"]?.stringValue,
                            source: (path as NSString).lastPathComponent))
        }
        if out.isEmpty { throw .badInput(path: path, place: "", message: "no named points") }
        return out
    }
}
