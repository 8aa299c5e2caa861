import ArgumentParser
import FrontlineKit

struct Locate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who held a place on a date: controller, status, district, distance to the front, nearest places.")

    @Argument(help: ArgumentHelp("A place name or id, or LAT,LON (e.g. 40.3758,47.1262).", valueName: "PLACE|LAT,LON"))
    var place: String

    @OptionGroup var dateOption: DateOption

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.table, .json], command: "locate")
    }

    func run() throws {
        try out.preflight(inputs: [])
        let day = try dateOption.day()
        let dataset = try dataOptions.load()
        let history = try dataset.timeline.history()
        let r = try dataset.locate(place, on: day, history: history)
        switch format {
        case .json:
            try out.emit(r.json(sideLabel: dataset.timeline.label(of:)).jsonText + "\n")
        default:
            var text = "place:       \(r.name) (\(String(format: "%.5f", r.position.lat)), \(String(format: "%.5f", r.position.lon)))\n"
            text += "date:        \(r.date)\n"
            text += "controller:  \(r.control.side.map { "\($0) — \(dataset.timeline.label(of: $0))" } ?? "outside the study area")\n"
            text += "status:      \(r.control.status.rawValue)"
            if let c = r.control.change {
                text += " (change \(c.id) of \(c.date), recorded \(c.status.rawValue)\(c.claimant.map { ", claimed by \($0)" } ?? "")\(c.disputedBy.map { ", disputed by \($0)" } ?? "")\(c.confirmedOn.map { "; confirmed from \($0)" } ?? "")\(c.confirmedBy.map { " by the \($0)" } ?? ""))"
            }
            text += "\n"
            if !r.control.zones.isEmpty { text += "zones:       \(r.control.zones.map { dataset.timeline.zoneLabels[$0.zone] ?? $0.zone }.joined(separator: ", "))\n" }
            text += "district:    \(r.district.map { "\($0.name) (\($0.id))" } ?? "—")\n"
            text += "to front:    \(r.distanceToFrontKm.map { "\(fmt($0, 1)) km" } ?? "no front line on this date")\n"
            text += "nearest:     \(r.nearest.map { "\($0.place.name) \(fmt($0.km, 1)) km" }.joined(separator: ", "))\n"
            if let c = r.control.change, let s = c.sources.first { text += "source:      \(s.citation)\n" }
            try out.emit(text)
        }
    }
}

import Foundation
