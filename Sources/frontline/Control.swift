import Foundation
import ArgumentParser
import FrontlineKit

struct Control: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Area held by each side (and each zone) on a date, km² on the WGS84 ellipsoid, from the dataset or a snapshot archive.")

    @OptionGroup var dateOption: DateOption

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.table, .json, .csv], command: "control")
    }

    func run() throws {
        try out.preflight(inputs: [])
        let day = try dateOption.day()
        let summary: ControlSummary
        let source = try overlay.source(data: dataOptions)
        let asOf = try source.state(on: day)
        if let n = asOf.note { note(n) }
        if let ds = source as? DatasetSource {
            summary = try ControlSummary(state: asOf.state, timeline: ds.dataset.timeline)
        } else {
            summary = ControlSummary(asOf: asOf, label: source.label(of:))
            if let a = source as? SnapshotArchive, let s = try? a.snapshot(at: a.index(on: day)) { announce(s, profileGiven: overlay.profile != nil || overlay.sides != nil) }
        }
        switch format {
        case .json:
            var j = summary.json
            if case .object(var o) = j { o["as_of"] = .string(asOf.asOf.description); o["answered_by"] = .string(asOf.description); j = .object(o) }
            try out.emit(j.jsonText + "\n")
        case .csv:
            var lines = ["date,as_of,kind,id,label,area_km2,unconfirmed_km2"]
            for s in summary.sides { lines.append(CSV.row([day.description, asOf.asOf.description, "side", s.side, s.label, String(format: "%.3f", s.areaKm2), String(format: "%.3f", summary.unconfirmedKm2[s.side] ?? 0)])) }
            for z in summary.zones { lines.append(CSV.row([day.description, asOf.asOf.description, "zone", z.zone, z.label, String(format: "%.3f", z.areaKm2), ""])) }
            try out.emit(lines.joined(separator: "\n") + "\n")
        default:
            var t = Table(["side", "label", "area km²", "of which claimed/disputed km²"], rightAligned: [2, 3])
            for s in summary.sides { t.add([s.side, s.label, fmt(s.areaKm2), fmt(summary.unconfirmedKm2[s.side] ?? 0)]) }
            for z in summary.zones { t.add(["zone: \(z.zone)", z.label, fmt(z.areaKm2), ""]) }
            try out.emit("control on \(day), as of \(asOf.description)\n" + t.rendered)
        }
    }
}
