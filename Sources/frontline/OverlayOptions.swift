import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineStore

/// The source a command answers from: the bundled dataset (default, `--data DIR`), or a snapshot archive
/// (`--snapshots DIR|FILE|GLOB`, or files given positionally), read with these options. Chosen once, here.
struct OverlayOptions: ParsableArguments {
    @Option(name: .long, parsing: .singleValue, help: ArgumentHelp("A snapshot archive instead of the dataset: a folder, a file (one date, or many dates by a date property), or a glob; repeatable. Any format GDAL reads.", valueName: "SOURCE"))
    var snapshots: [String] = []

    @Option(help: ArgumentHelp("A PostGIS database as the source (a libpq connection string or URI), with --source NAME.", valueName: "URL"))
    var db: String?

    @Option(help: ArgumentHelp("With --db: the source stored in the database (see frontline db list).", valueName: "NAME"))
    var source: String?

    @Option(help: ArgumentHelp("Read snapshots with a bundled profile (deepstate; detected from DeepStateMap's class names when not given).", valueName: "NAME"))
    var profile: String?

    @Option(help: ArgumentHelp("A JSON mapping from property values or regular expressions to side ids, with drop rules (see the README).", valueName: "FILE"))
    var sides: String?

    @Option(help: ArgumentHelp("The property naming each feature's side; default: side/controller/control/status, else one side (occupied).", valueName: "NAME"))
    var sideProperty: String?

    @Option(help: ArgumentHelp("The property holding each feature's date in a multi-date file (default: date).", valueName: "NAME"))
    var dateProperty: String?

    @Option(help: ArgumentHelp("The layer to read from a multi-layer file (GeoPackage, KML).", valueName: "NAME"))
    var layer: String?

    @Option(help: ArgumentHelp("Snap coordinates to a grid of this many metres before overlay, 0–10000 (0 = off).", valueName: "METRES"))
    var grid: Double = 1

    @Option(help: ArgumentHelp("Drop change pieces narrower on average than this many metres (≥ 0), or smaller than --min-area, as slivers.", valueName: "METRES"))
    var sliverWidth: Double = ControlDiff.Options.standard.sliverWidthMetres

    @Option(help: ArgumentHelp("Drop change pieces smaller than this many km² (≥ 0) as slivers.", valueName: "KM2"))
    var minArea: Double = ControlDiff.Options.standard.minAreaKm2

    func validate() throws {
        guard grid >= 0, grid <= 10_000 else { throw ValidationError("--grid must be between 0 and 10000 metres") }
        guard sliverWidth >= 0, minArea >= 0 else { throw ValidationError("--sliver-width and --min-area must not be negative") }
        if let profile, SideRules.profile(named: profile) == nil { throw ValidationError("unknown --profile \(profile) (profiles: deepstate)") }
        if profile != nil && sides != nil { throw ValidationError("give --profile or --sides, not both") }
        if sideProperty != nil && (profile != nil || sides != nil) { throw ValidationError("--side-property cannot be combined with --profile or --sides (they name their property)") }
        if source != nil && db == nil { throw ValidationError("--source names a source stored in PostGIS: give --db URL too") }
    }

    /// The side rules given by `--profile` or `--sides`.
    func rules() throws -> SideRules? {
        if let profile { return SideRules.profile(named: profile) }
        if let sides { return try SideRules.load(sides) }
        return nil
    }

    /// Snapshot reading options; `date` dates a single undated file.
    func snapshotOptions(date: Day? = nil) throws -> Snapshot.Options {
        Snapshot.Options(sideProperty: sideProperty, rules: try rules(), detectProfile: true, gridMetres: grid,
                         dateProperty: dateProperty, date: date, layer: layer)
    }

    var diff: ControlDiff.Options { ControlDiff.Options(sliverWidthMetres: sliverWidth, minAreaKm2: minArea) }

    /// True when the command answers from snapshots (files or PostGIS) rather than the dataset.
    func usesSnapshots(files: [String] = []) -> Bool { !snapshots.isEmpty || !files.isEmpty || db != nil }

    /// The snapshot source of `--snapshots`/files or `--db`, for commands that draw or locate in snapshots (they
    /// may also read `--data` for the world layers).
    func snapshotSource(files: [String] = [], date: Day? = nil) throws -> SnapshotSource {
        if let db {
            guard files.isEmpty, snapshots.isEmpty else { throw ValidationError("--db cannot be combined with files or --snapshots") }
            guard let source else { throw ValidationError("with --db give --source NAME (frontline db list shows them)") }
            return try PostGISSource(store: try Store(url: db), source: source)
        }
        guard usesSnapshots(files: files) else { throw ValidationError("give --snapshots SOURCE or --db URL --source NAME") }
        return try archive(files: files, date: date)
    }

    /// Opens the snapshot archive of `--snapshots` plus positional files, announcing what was detected on stderr.
    func archive(files: [String] = [], date: Day? = nil) throws -> SnapshotArchive {
        let archive = try SnapshotArchive.open(snapshots + files, options: try snapshotOptions(date: date))
        for n in archive.notes { note(n) }
        return archive
    }

    /// The source: the archive when snapshots are given, else the dataset.
    func source(data: DataOptions, files: [String] = [], date: Day? = nil) throws -> ControlSource {
        if let db {
            guard files.isEmpty, snapshots.isEmpty, data.data == nil else { throw ValidationError("--db cannot be combined with files, --snapshots or --data") }
            guard let source else { throw ValidationError("with --db give --source NAME (frontline db list shows them)") }
            return try PostGISSource(store: try Store(url: db), source: source)
        }
        if usesSnapshots(files: files) {
            guard data.data == nil else { throw ValidationError("--data cannot be combined with snapshots") }
            return try archive(files: files, date: date)
        }
        return try DatasetSource(dataset: try data.load())
    }
}

/// Reports what a snapshot told us when read: the profile detected, warnings.
func announce(_ snapshot: Snapshot, profileGiven: Bool, warnings: Bool = true) {
    if let r = snapshot.rules, !profileGiven, r.name == "deepstate" {
        note("\(snapshot.label): read as a DeepStateMap export (profile deepstate: occupied + ORDLO + Crimea + Tuzla = occupied; unknown status apart; liberated areas and points are not areas)")
    }
    if warnings { for w in snapshot.warnings { warn(w) } }
}

func note(_ message: String) {
    FileHandle.standardError.write(Data("frontline: note: \(message)\n".utf8))
}
