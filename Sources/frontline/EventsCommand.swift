import ArgumentParser
import Foundation
import FrontlineKit
import GeoModel

struct Events: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the dataset's incidents joined to control: controller, district and distance to the front.",
        discussion: "CSV columns follow ACLED's names where they exist (event_date, event_type, location, latitude, longitude, geo_precision, fatalities)."
    )

    @Option(help: "First date (YYYY-MM-DD), inclusive.")
    var from: String?

    @Option(help: "Last date (YYYY-MM-DD), inclusive.")
    var to: String?

    @Option(help: "Output format: table, csv, geojson or json.")
    var format: Format = .table

    @Option(help: "Dataset folder (default: the bundled geodata).")
    var data: String?

    @OptionGroup var out: OutputOptions

    func validate() throws {
        for (name, v) in [("--from", from), ("--to", to)] {
            if let v, Day(v) == nil { throw ValidationError("\(name) \"\(v)\" is not a valid date (expected YYYY-MM-DD, e.g. 2020-10-27)") }
        }
        if let f = from.flatMap(Day.init), let t = to.flatMap(Day.init), f > t {
            throw ValidationError("--from \(f) is after --to \(t)")
        }
    }

    func run() throws {
        let gis = try out.gisFormat(textExtensions: ["", "txt", "csv", "json", "geojson"])
        // -o x.geojson without --format writes GeoJSON, not the table under that name.
        var format = self.format
        if format == .table, let o = out.output, (o as NSString).pathExtension.lowercased() == "geojson" { format = .geojson }
        try out.preflight()
        let dataset = try Dataset.load(root: try Dataset.locate(explicit: data))
        let incidents = try dataset.loadIncidents().incidents(from: from.flatMap(Day.init), to: to.flatMap(Day.init))
        let rows = try IncidentJoiner(dataset: dataset).join(incidents)
        if let gis {
            try out.emitLayers(FeatureCollection(rows.map(\.feature)), kind: gis, precision: 6)
            return
        }
        switch format {
        case .csv:
            try out.emit(EventsCSV.text(rows))
        case .geojson:
            try out.emit(GeoJSONWriter(precision: 6).encode(FeatureCollection(rows.map(\.feature))))
        case .json:
            try out.emit(JSONValue.array(rows.map(\.json)).jsonText + "\n")
        case .table:
            try out.emit(Events.table(rows).rendered + "\(rows.count) incidents\n")
        }
    }

    /// Joined incidents as a table for people (also `ingest --format table`).
    static func table(_ rows: [JoinedIncident]) -> Table {
        var t = Table(["date", "place", "type", "attacker", "killed", "wounded", "claimant", "controller", "district", "front km"],
                      rightAligned: [4, 5, 9])
        for j in rows {
            let i = j.incident
            t.add([i.date.description, i.place?.name ?? "?", i.type.rawValue, i.attacker ?? "", count(i.killed), count(i.wounded),
                   short(i.claimant ?? ""), j.controller ?? "—", j.districtID ?? "", j.distanceToFrontKm.map { fmt($0, 1) } ?? "—"])
        }
        return t
    }

    /// Total best count, with the civilian/military split when stated: "7 (5 civ, 2 mil)".
    static func count(_ g: CasualtyGroups) -> String {
        guard let total = g.total else { return "" }
        var parts: [String] = []
        if let c = g.civilian { parts.append("\(c.best) civ") }
        if let m = g.military { parts.append("\(m.best) mil") }
        return parts.isEmpty ? "\(total.best)" : "\(total.best) (\(parts.joined(separator: ", ")))"
    }

    static func short(_ s: String) -> String { s.count > 40 ? String(s.prefix(39)) + "…" : s }
}
