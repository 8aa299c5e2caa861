import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineMaps

struct SiteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "A self-contained static web page of a source: date slider and play button, the map of each date, the area chart with a cursor, places' side and distance to the front, that day's incidents (one index.html; no network).",
        discussion: """
            The date is in the URL hash (index.html#2020-10-27), so links can be shared.
            frontline site -o karabakh-site
            frontline site ../shared/data/deepstate-ua -o ua-site
            """)

    @Argument(help: "Snapshot files, folders or globs (default: the dataset).")
    var inputs: [String] = []

    @Option(help: "The first date, YYYY-MM-DD (default: the source's first date).")
    var from: String?

    @Option(help: "The last date, YYYY-MM-DD (default: the source's last date).")
    var to: String?

    @Option(help: "The page title (default: the source's name).")
    var title: String?

    @Option(help: "Map width in px, 480–4000.")
    var width: Double = 1000

    @Option(help: "Map height in px, 360–4000.")
    var height: Double = 750

    @Option(help: ArgumentHelp("The lon/lat window W,S,E,N of every map (default: the dataset's window, or the extent of the data).", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(help: "A credit line for the data source (the DeepState profile fills in \"DeepStateMap.Live\").")
    var credit: String?

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions

    @Option(name: .shortAndLong, help: ArgumentHelp("The folder to write index.html into (created when missing).", valueName: "DIR"))
    var output: String?

    @Flag(help: "Replace an existing index.html in the folder.")
    var force = false

    func validate() throws {
        guard (480...4000).contains(width), (360...4000).contains(height) else { throw ValidationError("--width must be 480–4000 and --height 360–4000 px") }
        guard let output, !output.isEmpty, output != "-" else { throw ValidationError("give -o DIR: the folder the page is written into") }
    }

    func run() throws {
        let started = Date()
        let dir = URL(fileURLWithPath: output!).standardizedFileURL
        let index = dir.appendingPathComponent("index.html").path
        var isDir: ObjCBool = false
        let existed = FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir)
        if existed && !isDir.boolValue { throw FrontlineError.cannotWrite(path: dir.path, reason: "it is a file, not a folder") }
        if !existed {
            let parent = dir.deletingLastPathComponent().path
            guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDir), isDir.boolValue else {
                throw FrontlineError.cannotWrite(path: dir.path, reason: "folder \(parent) does not exist")
            }
        } else {
            _ = try FileIO.preflight(index, force: force, inputs: inputs)
        }
        let d1 = try from.map { try parseDay($0, flag: "--from") }, d2 = try to.map { try parseDay($0, flag: "--to") }
        if let d1, let d2, d1 > d2 { throw FrontlineError.badArgument("--from \(d1) is after --to \(d2)") }
        let source = try overlay.source(data: dataOptions, files: inputs)
        var map = MapOptions(width: width, height: height, window: try bbox.map(MapOptions.parseBBox), precision: 1)
        map.credit = credit
        let context = try dataOptions.context()
        let page = try Site.page(source, context: context, options: Site.Options(map: map, from: d1, to: d2, title: title, diff: overlay.diff))
        // The folder is made only now, when there is a page to put in it.
        if !existed {
            do { try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: false) } catch {
                throw FrontlineError.cannotWrite(path: dir.path, reason: "\(error.localizedDescription)")
            }
        }
        do {
            try FileIO.writeAtomically(Array(page.html.utf8), to: index, force: force, inputs: inputs)
        } catch {
            if !existed { try? FileManager.default.removeItem(at: dir) }
            throw error
        }
        let kib = page.html.utf8.count / 1024
        FileHandle.standardError.write(Data("frontline: site of \(page.dates.count) dates (\(page.dates[0]) to \(page.dates[page.dates.count - 1])) → \(index), \(kib) KiB, \(page.fragments) distinct map lines, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s\n".utf8))
    }
}
