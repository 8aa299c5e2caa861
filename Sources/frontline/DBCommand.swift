import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineStore

/// `--db URL`: the PostGIS database (a libpq connection string or URI; default `$FRONTLINE_DB`).
struct DBOptions: ParsableArguments {
    init() {}
    init(db: String?) { self.db = db }

    @Option(help: ArgumentHelp("The PostGIS database: a libpq connection string or URI (default: $FRONTLINE_DB; empty: the PG* environment).", valueName: "URL"))
    var db: String?

    func url() throws -> String {
        if let db { return db }
        if let env = ProcessInfo.processInfo.environment["FRONTLINE_DB"] { return env }
        throw ValidationError("give --db URL (or set FRONTLINE_DB)")
    }
}

struct DB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "db",
        abstract: "Load sources into PostGIS and manage them: init, load, list, drop.",
        discussion: """
            frontline db init --db postgresql://localhost/war
            frontline db load ../shared/data/deepstate-ua --source deepstate-weekly --db …
            frontline timeline --db … --source deepstate-weekly
            """,
        subcommands: [DBInit.self, DBLoad.self, DBList.self, DBDrop.self])
}

struct DBInit: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Create the frontline schema (versioned; idempotent).")
    @OptionGroup var dbOptions: DBOptions
    func run() throws {
        let store = try Store(url: try dbOptions.url())
        try store.initialise()
        FileHandle.standardError.write(Data("frontline: schema version \(Store.schemaVersion) ready\n".utf8))
    }
}

struct DBLoad: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load a source in one transaction: the dataset (no inputs), a snapshot archive (any format, raw DeepState), or an event CSV (ACLED, UCDP).",
        discussion: "Idempotent by (source, date): an unchanged file checksum is skipped, a changed one replaced. A failure leaves the database as it was.")

    @Argument(help: "Snapshot files, folders or globs, or one event .csv (default: the dataset).")
    var inputs: [String] = []

    // --db and --source (the name the source is stored under; default the folder or file name, `dataset` for
    // the dataset) come with the snapshot options.
    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let source = overlay.source
        let store = try Store(url: try DBOptions(db: overlay.db).url())
        let started = Date()
        let report: Store.LoadReport
        if inputs.count == 1, inputs[0].lowercased().hasSuffix(".csv") {
            let name = source ?? ((inputs[0] as NSString).lastPathComponent as NSString).deletingPathExtension
            report = try store.load(events: inputs[0], as: name)
        } else if inputs.isEmpty && overlay.snapshots.isEmpty {
            report = try store.load(dataset: try DatasetSource(dataset: try dataOptions.load()), as: source ?? "dataset")
        } else {
            let archive = try overlay.archive(files: inputs)
            let first = inputs.first ?? overlay.snapshots.first ?? "snapshots"
            let name = source ?? ((first as NSString).standardizingPath as NSString).lastPathComponent
            let progress = Progress(total: archive.entries.count, what: "snapshots")
            report = try store.load(archive: archive, as: name) { done, _ in progress.update(done) }
            if let s = try? archive.snapshot(at: 0) { announce(s, profileGiven: overlay.profile != nil || overlay.sides != nil, warnings: false) }
        }
        let secs = Date().timeIntervalSince(started)
        FileHandle.standardError.write(Data("frontline: source \(report.source): \(report.loaded) loaded, \(report.replaced) replaced, \(report.unchanged) unchanged, \(report.rows) rows, in \(String(format: "%.1f", secs)) s\n".utf8))
    }
}

struct DBList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "The sources in the database, with their dates and rows.")
    @OptionGroup var dbOptions: DBOptions
    func run() throws {
        let store = try Store(url: try dbOptions.url())
        var t = Table(["source", "kind", "dates", "first", "last", "rows"], rightAligned: [2, 5])
        for s in try store.list() { t.add([s.name, s.kind, String(s.dates), s.first ?? "", s.last ?? "", String(s.rows)]) }
        print(t.rendered, terminator: "")
    }
}

struct DBDrop: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "drop", abstract: "Remove one source (--source NAME), or every frontline table (--all).")
    @Option(help: ArgumentHelp("The source to remove.", valueName: "NAME"))
    var source: String?
    @Flag(help: "Drop every frontline table.")
    var all = false
    @OptionGroup var dbOptions: DBOptions
    func validate() throws {
        guard (source != nil) != all else { throw ValidationError("give --source NAME or --all") }
    }
    func run() throws {
        let store = try Store(url: try dbOptions.url())
        try store.drop(source: all ? nil : source)
    }
}
