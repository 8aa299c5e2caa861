import ArgumentParser
import FrontlineKit

struct Control: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Area held by each side (and each zone) on a date, km² on the WGS84 ellipsoid.")

    @OptionGroup var dateOption: DateOption

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.table, .json], command: "control")
    }

    func run() throws {
        try out.preflight(inputs: [])
        let day = try dateOption.day()
        let dataset = try dataOptions.load()
        let state = try dataset.timeline.history().state(on: day)
        let summary = try ControlSummary(state: state, timeline: dataset.timeline)
        switch format {
        case .json:
            try out.emit(summary.json.jsonText + "\n")
        default:
            var t = Table(["side", "label", "area km²", "of which claimed/disputed km²"], rightAligned: [2, 3])
            for s in summary.sides { t.add([s.side, s.label, fmt(s.areaKm2), fmt(summary.unconfirmedKm2[s.side] ?? 0)]) }
            for z in summary.zones { t.add(["zone: \(z.zone)", z.label, fmt(z.areaKm2), ""]) }
            try out.emit("control on \(day)\n" + t.rendered)
        }
    }
}
