import ArgumentParser
import FrontlineKit

/// Options for overlaying independently drawn snapshots.
struct OverlayOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The property naming each feature's side; default: side/controller/control/status, else one side (occupied).", valueName: "NAME"))
    var sideProperty: String?

    @Option(help: ArgumentHelp("Snap coordinates to a grid of this many metres before overlay (0 = off).", valueName: "METRES"))
    var grid: Double = 1

    @Option(help: ArgumentHelp("Drop change pieces narrower on average than this many metres, or smaller than --min-area, as slivers.", valueName: "METRES"))
    var sliverWidth: Double = 30

    @Option(help: ArgumentHelp("Drop change pieces smaller than this many km² as slivers.", valueName: "KM2"))
    var minArea: Double = 0.005

    func validate() throws {
        guard grid >= 0, grid <= 10_000 else { throw ValidationError("--grid must be between 0 and 10000 metres") }
        guard sliverWidth >= 0, minArea >= 0 else { throw ValidationError("--sliver-width and --min-area must not be negative") }
    }

    var snapshot: Snapshot.Options { Snapshot.Options(sideProperty: sideProperty, gridMetres: grid) }
    var diff: ControlDiff.Options { ControlDiff.Options(sliverWidthMetres: sliverWidth, minAreaKm2: minArea) }
}
