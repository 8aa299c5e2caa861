import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineIngest
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

    @Option(help: "Output format: json, geojson, table or csv (the resolved incidents in the ACLED-style columns of events).")
    var format: Format = .json

    @Option(help: "Dataset folder (default: the bundled geodata).")
    var data: String?

    @Flag(help: "Compare the report's control claims with the dataset's changes: the same change, a different date, or a claim the dataset does not have.")
    var compare = false

    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.json, .geojson, .table, .csv], command: "ingest")
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
        // A binary file read as text gives invented incidents: refuse what is not UTF-8 text.
        if text.unicodeScalars.contains(where: { $0.value == 0 || $0 == "\u{FFFD}" }) {
            throw FrontlineError.badInput(path: file, place: "", message: "not text: a news report must be UTF-8 text (this looks like a binary file)")
        }
        let dataset = try Dataset.load(root: try Dataset.locate(explicit: data))
        // Places the dataset lacks resolve through the world places of the countries the text names.
        let gazetteer = try ReportIngester.gazetteer(for: text, dataset: dataset.gazetteer, world: WorldGeography.beside(dataset))
        let result = ReportIngester(gazetteer: gazetteer)
            .ingest(text, reportDate: reportDate.flatMap(Day.init), fileName: file == "-" ? nil : (file as NSString).lastPathComponent)
        for w in result.warnings { warn(w) }
        if compare {
            let checks = try ReportIngester.compare(result.controlClaims, with: try dataset.timeline.history(), sides: dataset.timeline.sides)
            let inputs = file == "-" ? [] : [file]
            if format == .json {
                try out.emit(JSONValue.array(checks.map(\.json)).jsonText + "\n", inputs: inputs)
            } else {
                var text = checks.isEmpty ? "no control claims in the report\n" : ""
                for c in checks {
                    text += "\(c.verdict.rawValue.padding(toLength: 18, withPad: " ", startingAt: 0)) \(c.kind.rawValue) \(c.claimDate?.description ?? "undated")"
                        + " by \(c.claimant ?? "an unnamed claimant"): \(c.message)\n"
                }
                try out.emit(text, inputs: inputs)
            }
            return
        }
        let joiner = try IncidentJoiner(dataset: dataset)
        var joins: [String: JoinedIncident] = [:]
        for e in result.incidents where e.dateResolved { joins[e.incident.id] = try joiner.join(e.incident) }
        let inputs = file == "-" ? [] : [file]
        let resolved = result.incidents.compactMap { joins[$0.incident.id] }
        switch format {
        case .table, .csv:
            let undated = result.incidents.count - resolved.count
            if undated > 0 { warn("\(undated) incident(s) without a resolved date are left out of the \(format.rawValue); --format json keeps them") }
            if format == .csv { try out.emit(EventsCSV.text(resolved), inputs: inputs); return }
            var text = Events.table(resolved).rendered + "\(resolved.count) incident\(resolved.count == 1 ? "" : "s")\n"
            if !result.aggregates.isEmpty {
                text += "\naggregate claims (running totals, not incidents):\n"
                for a in result.aggregates {
                    let c = a.claim
                    text += "  \(c.date)  \(c.claimant ?? "?"): \(c.count.best) \(c.subject) \(c.measure)\(c.qualifier.map { " (\($0))" } ?? "")\n"
                }
            }
            if !result.controlClaims.isEmpty {
                text += "\ncontrol claims:\n"
                for c in result.controlClaims {
                    let places = c.places.map(\.name) + c.unnamedCount.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
                    text += "  \(c.date?.description ?? "undated")  \(c.kind.rawValue) of \(places.joined(separator: ", "))"
                        + "\(c.partial ? " (in part)" : "") by \(c.actor ?? "?"), claimed by \(c.claimant ?? "?")"
                        + (c.deniedBy.isEmpty ? "" : "; denied by \(c.deniedBy.joined(separator: ", "))") + "\n"
                }
            }
            for p in result.unresolvedPlaces { text += "unresolved place: \(p.name)\n" }
            for p in result.ambiguousPlaces { text += "ambiguous place: \(p.name) (\(p.candidates.joined(separator: ", ")))\n" }
            try out.emit(text, inputs: inputs)
        case .geojson:
            let features = result.incidents.compactMap { joins[$0.incident.id]?.feature }
            try out.emit(GeoJSONWriter(precision: 6).encode(FeatureCollection(features)), inputs: inputs)
        default:
            try out.emit(result.json(joins: joins.mapValues(\.joinJSON)).jsonText + "\n", inputs: inputs)
        }
    }
}
