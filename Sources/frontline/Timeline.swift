import ArgumentParser
import FrontlineKit

struct Timeline: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Area per side for each dated snapshot, and the km² gained/lost since the previous one.",
        discussion: "Dates come from the file names (…YYYYMMDD… or …YYYY-MM-DD…). Example: frontline timeline ../shared/data/deepstate-ua")

    @Argument(help: "Snapshot files, or folders of them.")
    var inputs: [String]

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.csv, .json], command: "timeline")
        guard !inputs.isEmpty else { throw ValidationError("give snapshot files or a folder") }
    }

    func run() throws {
        try out.preflight(inputs: inputs)
        let files = try SnapshotTimeline.files(inputs)
        let rows = try SnapshotTimeline.rows(files, snapshotOptions: overlay.snapshot, diffOptions: overlay.diff)
        switch format {
        case .json: try out.emit(SnapshotTimeline.json(rows).jsonText + "\n", inputs: files.map(\.path))
        default: try out.emit(SnapshotTimeline.csv(rows), inputs: files.map(\.path))
        }
    }
}
