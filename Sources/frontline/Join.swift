import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineStore
import GeoModel

struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who held each dated position of an event CSV on its date: every input row and column, plus side, status, distance_to_front_km and as_of.",
        discussion: """
            Recognised without flags: date/lon/lat, ACLED (event_date, longitude, latitude), UCDP GED (date_start, \
            longitude, latitude) and frontline's own events CSV. Rows with a bad date or position keep their place with \
            empty joined columns (one warning counts them). - reads standard input.
            frontline join acled.csv --snapshots ../shared/data/deepstate-ua -o joined.csv
            """)

    @Argument(help: "A CSV of dated positions, or - for standard input.")
    var input: String

    @Option(help: ArgumentHelp("The column holding the date.", valueName: "NAME"))
    var dateColumn: String?

    @Option(help: ArgumentHelp("The column holding the longitude.", valueName: "NAME"))
    var lonColumn: String?

    @Option(help: ArgumentHelp("The column holding the latitude.", valueName: "NAME"))
    var latColumn: String?

    @Flag(help: "Leave the distance_to_front_km column empty (faster on millions of rows).")
    var noDistance = false

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        let inputs = input == "-" ? [] : [input]
        // A GeoJSON or GIS name gets points with every column; text names get the CSV.
        let ext = (out.output.map { ($0 as NSString).pathExtension.lowercased() }) ?? ""
        let gis: VectorFile.OutputKind? = ext == "geojson" || ext == "json" ? .geoJSON : try out.gisFormat(textExtensions: ["", "txt", "csv", "tsv"])
        try out.preflight(inputs: inputs)
        if gis == nil, let file = out.file, input != "-" {
            // A CSV file to a CSV file: in batches, so memory stays flat in the number of rows.
            let source = try overlay.source(data: dataOptions)
            if !(source is PostGISSource) {
                let countries = ((try dataOptions.context()).flatMap { try? $0.layer("world").features } ?? [])
                let summary = try IncidentCSV.joinFile(input, to: file, source: source, countries: countries, distances: !noDistance,
                                                       dateColumn: dateColumn, lonColumn: lonColumn, latColumn: latColumn, force: out.force)
                if summary.badCount > 0 {
                    let shown = summary.badLines.map(String.init).joined(separator: ", ")
                    warn("\(input): \(summary.badCount) row\(summary.badCount == 1 ? "" : "s") with a bad date or position kept with empty joined columns (line\(summary.badCount == 1 ? "" : "s") \(shown)\(summary.badCount > 5 ? ", …" : ""))")
                }
                if summary.early > 0, let first = source.dates.first {
                    warn("\(summary.early) row\(summary.early == 1 ? "" : "s") dated before \(source.name)'s first date \(first): joined columns left empty")
                }
                return
            }
        }
        let table = try IncidentCSV.parse(try FileIO.read(input), path: input, dateColumn: dateColumn, lonColumn: lonColumn, latColumn: latColumn)
        if !table.badLines.isEmpty {
            let shown = table.badLines.prefix(5).map(String.init).joined(separator: ", ")
            warn("\(input): \(table.badLines.count) row\(table.badLines.count == 1 ? "" : "s") with a bad date or position kept with empty joined columns (line\(table.badLines.count == 1 ? "" : "s") \(shown)\(table.badLines.count > 5 ? ", …" : ""))")
        }
        let source = try overlay.source(data: dataOptions)
        let countries = ((try dataOptions.context()).flatMap { try? $0.layer("world").features } ?? [])
        if let first = source.dates.first {
            let early = table.rows.filter { $0.day < first }.count
            if early > 0 { warn("\(early) row\(early == 1 ? "" : "s") dated before \(source.name)'s first date \(first): joined columns left empty") }
        }
        let values: [[String]]
        if let pg = source as? PostGISSource {
            values = try pg.join(table.rows, countries: countries, distances: !noDistance)
        } else {
            values = try IncidentJoin.join(table.rows, source: source, countries: countries, distances: !noDistance)
        }
        if let gis {
            try out.emitLayers(FeatureCollection(table.features(columns: IncidentJoin.joinedColumns, values: values)), kind: gis, precision: 6, inputs: inputs)
            return
        }
        try out.emit(table.joined(columns: IncidentJoin.joinedColumns, values: values), inputs: inputs)
    }
}
