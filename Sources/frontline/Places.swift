import ArgumentParser
import FrontlineKit
import GeoModel

struct Places: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the gazetteer (case- and accent-insensitive, alternate spellings).")

    @Argument(help: "A name or part of one; all places when omitted.")
    var query: String?

    @Option(help: "Output format: table, json or geojson.")
    var format: Format = .table

    @Option(help: ArgumentHelp("Search the world places of this country (ISO code, e.g. UA) instead of the dataset's gazetteer.", valueName: "CC"))
    var country: String?

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard format != .csv else { throw ValidationError("places writes table, json or geojson") }
    }

    func run() throws {
        try out.preflight(inputs: [])
        let dataset = try dataOptions.load()
        // The dataset's own gazetteer, or the world's places (of --country, or the user's --places file).
        var gazetteer = dataset.gazetteer
        var scope = "the dataset's gazetteer"
        if country != nil || dataOptions.places != nil {
            guard let world = WorldGeography.beside(dataset) else { throw FrontlineError.badArgument("the world layers (geodata/world) are missing") }
            let code = country?.uppercased()
            if let code, dataOptions.places == nil, world.countryCodes(meeting: BoundingBox(west: -180, south: -90, east: 180, north: 90)).contains(code) == false {
                throw FrontlineError.badArgument("--country \(code) is not a country of the world layers (ISO 3166-1 alpha-2, e.g. UA)")
            }
            let places = try code.map { try world.places(of: $0) } ?? (world.userPlaces ?? [])
            gazetteer = Gazetteer(places)
            scope = dataOptions.places.map { "the places of \($0)" } ?? "the world places of \(code ?? "")"
        }
        let found = gazetteer.search(query ?? "")
        if found.isEmpty, let query { throw FrontlineError.badArgument("no place in \(scope) matches \"\(query)\"") }
        switch format {
        case .json:
            try out.emit(JSONValue.array(found.map(\.json)).jsonText + "\n")
        case .geojson:
            let fc = FeatureCollection(found.map { p in
                var props = p.json.objectValue ?? JSONObject()
                props["lat"] = nil; props["lon"] = nil
                return Feature(id: .string(p.id), geometry: .point(Point(p.position)), properties: props)
            })
            try out.emit(GeoJSONWriter(precision: 6).encode(fc))
        default:
            var t = Table(["id", "name", "kind", "district", "lat", "lon", "population", "also known as"], rightAligned: [4, 5, 6])
            for p in found {
                t.add([p.id, p.name, p.kind, p.district ?? (p.country ?? ""), String(format: "%.5f", p.position.lat),
                       String(format: "%.5f", p.position.lon), p.population.map { fmt(Double($0), 0) } ?? "",
                       p.allNames.filter { $0 != p.name }.prefix(5).joined(separator: ", ")])
            }
            try out.emit(t.rendered)
        }
    }
}

import Foundation
