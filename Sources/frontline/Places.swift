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

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard format != .csv else { throw ValidationError("places writes table, json or geojson") }
    }

    func run() throws {
        try out.preflight(inputs: [])
        let dataset = try dataOptions.load()
        let found = dataset.gazetteer.search(query ?? "")
        if found.isEmpty, let query { throw FrontlineError.badArgument("no place matches \"\(query)\"") }
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
