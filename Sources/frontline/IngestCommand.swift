import ArgumentParser
import Foundation
import FrontlineKit
import GeoModel

struct Ingest: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Extract incidents and aggregate claims from an English news report (rules only; no network).",
        discussion: """
            Dates are resolved against --report-date, else the dateline (year from the text or a YYYY-MM-DD in the \
            file name). Places go through the gazetteer; unknown or ambiguous names are listed, never guessed. \
            Resolved incidents are joined to control: controller, district and distance to the front (km).
            """
    )

    @Argument(help: "A text file, or - for standard input.")
    var file: String

    @Option(name: .customLong("report-date"), help: "The report's date (YYYY-MM-DD); relative dates count from it.")
    var reportDate: String?

    @Option(help: "Output format: json or geojson.")
    var format: Format = .json

    @Option(help: "Dataset folder (default: the bundled geodata).")
    var data: String?

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard [.json, .geojson].contains(format) else { throw ValidationError("ingest writes json or geojson, not \(format.rawValue)") }
        if let reportDate, Day(reportDate) == nil {
            throw ValidationError("--report-date \"\(reportDate)\" is not a valid date (expected YYYY-MM-DD, e.g. 2020-10-27)")
        }
    }

    func run() throws {
        try out.preflight(inputs: file == "-" ? [] : [file])
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            text = String(decoding: try FileIO.read(file), as: UTF8.self)
        }
        let dataset = try Dataset.load(root: try Dataset.locate(explicit: data))
        let result = ReportIngester(gazetteer: dataset.gazetteer)
            .ingest(text, reportDate: reportDate.flatMap(Day.init), fileName: file == "-" ? nil : (file as NSString).lastPathComponent)
        for w in result.warnings { warn(w) }
        let joiner = try IncidentJoiner(dataset: dataset)
        var joins: [String: JoinedIncident] = [:]
        for e in result.incidents where e.dateResolved { joins[e.incident.id] = try joiner.join(e.incident) }
        let inputs = file == "-" ? [] : [file]
        switch format {
        case .geojson:
            let features = result.incidents.compactMap { joins[$0.incident.id]?.feature }
            try out.emit(GeoJSONWriter(precision: 6).encode(FeatureCollection(features)), inputs: inputs)
        default:
            try out.emit(result.json(joins: joins.mapValues(\.joinJSON)).jsonText + "\n", inputs: inputs)
        }
    }
}
