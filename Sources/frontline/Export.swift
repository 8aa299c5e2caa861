import ArgumentParser
import FrontlineKit
import GeoModel

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the state on a date (control, zones, front, places, districts, incidents) as RFC 7946 GeoJSON, or a GIS file by the extension of -o (.gpkg, .fgb, .kml, .kmz, .shp, .csv, .geojsonl): one layer per frontline layer.")

    @OptionGroup var dateOption: DateOption

    @Option(help: "Decimal places in coordinates (6 ≈ 0.1 m).")
    var precision: Int = 6

    @Option(help: ArgumentHelp("Comma-separated layers: \(ExportLayer.allCases.map(\.rawValue).joined(separator: ",")).", valueName: "LIST"))
    var layers: String = ExportLayer.allCases.map(\.rawValue).joined(separator: ",")

    @Flag(help: "Write a bbox on the collection and every feature.")
    var bbox = false

    @Option(help: ArgumentHelp("Incidents to include: day (that day's, as on the map; default), to-date (all up to the date) or none.", valueName: "WHICH"))
    var incidents: String = "day"

    @Option(help: ArgumentHelp("Write -o with this GDAL driver (GPKG, FlatGeobuf, KML, KMZ, ESRI Shapefile, CSV, GeoJSONSeq).", valueName: "NAME"))
    var driver: String?

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func parsedLayers() throws -> Set<ExportLayer> {
        var set = Set<ExportLayer>()
        for name in layers.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !name.isEmpty {
            guard let l = ExportLayer(rawValue: name) else {
                throw ValidationError("unknown layer \"\(name)\"; choose from \(ExportLayer.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            set.insert(l)
        }
        if set.isEmpty { throw ValidationError("--layers names no layer") }
        return set
    }

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be between 0 and 15") }
        _ = try parsedLayers()
        guard ["day", "to-date", "none"].contains(incidents) else { throw ValidationError("--incidents must be day, to-date or none (got \(incidents))") }
    }

    func run() throws {
        let gis = try out.gisFormat(driver: driver, textExtensions: [])
        try out.preflight(inputs: [])
        let day = try dateOption.day()
        if overlay.usesSnapshots() || overlay.db != nil {
            // A snapshot source: its sides as control areas and its front, as of the snapshot that answers.
            let source = try overlay.source(data: dataOptions, date: day)
            let asOf = try source.state(on: day)
            if let n = asOf.note { note(n) }
            let countries = ((try dataOptions.context()).flatMap { try? $0.layer("world").features } ?? [])
            let fc = try SnapshotExport.features(asOf, label: source.label(of:), countries: countries, layers: Set(try parsedLayers().map(\.rawValue)))
            let meta = JSONObject([("name", .string("\(source.name) — \(day)")), ("date", .string(day.description)), ("as_of", .string(asOf.asOf.description))])
            if let gis { try out.emitLayers(fc, kind: gis, precision: precision); return }
            try out.emit(GeoJSONWriter(precision: precision, includeBBox: bbox).encode(fc, foreignMembers: meta))
            return
        }
        let dataset = try dataOptions.load()
        let history = try dataset.timeline.history()
        let fc = try ControlExport.features(dataset: dataset, history: history, date: day, layers: try parsedLayers(),
                                            incidents: incidents == "none" ? [] : try dataset.incidentFeatures(from: incidents == "day" ? day : nil, to: day, history: history))
        let meta = JSONObject([("name", .string("\(dataset.name) — \(day)")), ("date", .string(day.description))])
        if let gis {
            try out.emitLayers(fc, kind: gis, precision: precision)
            return
        }
        try out.emit(GeoJSONWriter(precision: precision, includeBBox: bbox).encode(fc, foreignMembers: meta))
    }
}

/// Incident features for an export on `date`: the incidents up to that date, joined to control on their own dates.
func exportIncidents(dataset: Dataset, history: ControlHistory, date: Day) throws -> [Feature] {
    try dataset.incidentFeatures(to: date, history: history)
}

import Foundation
