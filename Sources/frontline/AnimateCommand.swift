import ArgumentParser
import Foundation
import FrontlineKit
import FrontlineMaps
import GeoModel

struct AnimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "animate",
        abstract: "A time-lapse of control: one map per tick at one fixed window, with a date stamp, area counters and the period's gains (GIF, MP4, WebM through ffmpeg, or an animated SVG).",
        discussion: """
            frontline animate ../shared/data/deepstate-ua --every 7d -o ua.gif
            frontline animate --from 2020-09-27 --to 2020-12-01 --every 1d -o karabakh.mp4
            """)

    @Argument(help: "Snapshot files, folders or globs (default: the dataset).")
    var inputs: [String] = []

    @Option(help: "The first tick, YYYY-MM-DD (default: the first date; for the dataset 2020-09-26).")
    var from: String?

    @Option(help: "The last tick, YYYY-MM-DD (default: the last date).")
    var to: String?

    @Option(help: ArgumentHelp("One frame per tick: Nd, Nw or Nm (default 7d).", valueName: "STEP"))
    var every: String = "7d"

    @Option(help: "Frames per second, 0.1–60.")
    var fps: Double = 4

    @Option(help: "Seconds the last frame is held, 0–60.")
    var holdLast: Double = 2

    @Option(help: "Frame width in px, 480–4000.")
    var width: Double = 1200

    @Option(help: "Frame height in px, 360–4000.")
    var height: Double = 900

    @Option(help: ArgumentHelp("The lon/lat window W,S,E,N (default: the dataset's window, or the extent of the data).", valueName: "W,S,E,N"))
    var bbox: String?

    @Option(help: "A title before each frame's date.")
    var title: String?

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (0.1...60).contains(fps) else { throw ValidationError("--fps must be between 0.1 and 60") }
        guard (0...60).contains(holdLast) else { throw ValidationError("--hold-last must be between 0 and 60 seconds") }
        guard (480...4000).contains(width), (360...4000).contains(height) else { throw ValidationError("--width must be 480–4000 and --height 360–4000 px") }
        guard out.output != nil else { throw ValidationError("give -o FILE (.gif, .mp4, .webm or .svg)") }
    }

    func run() throws {
        let output = out.output!
        // Standard output takes the animated SVG (a video needs a file name to say its format).
        let ext = output == "-" ? "svg" : (output as NSString).pathExtension.lowercased()
        guard ["gif", "mp4", "webm", "svg"].contains(ext) else { throw FrontlineError.badArgument("animate writes .gif, .mp4, .webm or .svg, not .\(ext)") }
        let ffmpeg = ["/usr/bin/ffmpeg", "/usr/local/bin/ffmpeg"].first { FileManager.default.isExecutableFile(atPath: $0) }
        if ext != "svg" && ffmpeg == nil {
            throw FrontlineError.cannotWrite(path: output, reason: "writing .\(ext) needs ffmpeg (Debian package ffmpeg; `make setup` installs it); write .svg instead")
        }
        let step = try Every(every)
        try out.preflight(inputs: inputs)
        let source = try overlay.source(data: dataOptions, files: inputs)
        var lo = try from.map { try parseDay($0, flag: "--from") } ?? source.dates.first!
        if from == nil, let ds = source as? DatasetSource, let c = ds.dataset.timeline.changes.first?.date { lo = c.adding(days: -7) }
        let hi = try to.map { try parseDay($0, flag: "--to") } ?? source.dates.last!
        try source.checkDay(lo)
        guard lo < hi else { throw FrontlineError.badArgument("--from \(lo) must be before --to \(hi)") }
        var ticks = step.ticks(from: lo, to: hi)
        if ticks.last != hi, let last = ticks.last, last < hi { ticks.append(hi) }
        var options = MapOptions(width: width, height: height, window: try bbox.map(MapOptions.parseBBox), title: title, precision: 1)
        options.windowMode = "data"
        let context = try dataOptions.context()
        let started = Date()
        let progress = Progress(total: ticks.count, what: "frames")
        let frames = try Animation.frames(source, ticks: ticks, context: context, options: options, diffOptions: overlay.diff)
        progress.update(ticks.count / 2)
        if ext == "svg" {
            try out.emit(Animation.animatedSVG(frames, fps: fps, holdLast: holdLast, width: width, height: height))
            progress.finish("\(frames.count) frames → \(output) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            return
        }
        // PNG frames through rsvg-convert (in parallel), then one ffmpeg run.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-frames-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let indexed = Array(frames.enumerated()).map { (i: $0.offset, svg: $0.element.svg) }
        let done = Counter()
        let half = ticks.count / 2
        _ = try Parallel.map(indexed) { (f) throws(FrontlineError) -> Int in
            let png: [UInt8]
            do { png = try Raster.convert(svg: f.svg, to: "png") } catch let e as FrontlineError { throw e } catch { throw .cannotWrite(path: output, reason: "\(error)") }
            let path = dir.appendingPathComponent(String(format: "frame%05d.png", f.i))
            guard FileManager.default.createFile(atPath: path.path, contents: Data(png)) else { throw .cannotWrite(path: path.path, reason: "cannot write a frame") }
            progress.update(half + done.increment() / 2)
            return f.i
        }
        // Hold the last frame by repeating it.
        let holdFrames = Int((holdLast * fps).rounded())
        for k in 0..<holdFrames {
            let src = dir.appendingPathComponent(String(format: "frame%05d.png", frames.count - 1))
            try FileManager.default.copyItem(at: src, to: dir.appendingPathComponent(String(format: "frame%05d.png", frames.count + k)))
        }
        let tmpOut = dir.appendingPathComponent("out.\(ext)")
        var args = ["-hide_banner", "-loglevel", "error", "-y", "-framerate", String(fps), "-i", dir.appendingPathComponent("frame%05d.png").path]
        switch ext {
        case "gif": args += ["-filter_complex", "[0:v]split[a][b];[a]palettegen=stats_mode=diff[p];[b][p]paletteuse=dither=bayer:bayer_scale=4", "-loop", "0"]
        case "mp4": args += ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-vf", "pad=ceil(iw/2)*2:ceil(ih/2)*2", "-movflags", "+faststart"]
        default: args += ["-c:v", "libvpx-vp9", "-b:v", "0", "-crf", "34", "-row-mt", "1"]
        }
        args.append(tmpOut.path)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: ffmpeg!)
        p.arguments = args
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        guard p.terminationStatus == 0, let data = try? Data(contentsOf: tmpOut) else {
            throw FrontlineError.cannotWrite(path: output, reason: "ffmpeg failed (exit \(p.terminationStatus)): \(errText.split(whereSeparator: \.isNewline).first ?? "")")
        }
        try out.emit([UInt8](data), inputs: inputs)
        progress.finish("\(frames.count) frames (+\(holdFrames) held) → \(output), \(data.count / 1024) KiB, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

/// A thread-safe counter for progress from parallel work.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func increment() -> Int { lock.lock(); defer { lock.unlock() }; n += 1; return n }
}

/// A progress bar on stderr when it is a terminal (frames done/total, ETA); one line at the end otherwise.
final class Progress: @unchecked Sendable {
    let total: Int
    let what: String
    let start = Date()
    let tty = isatty(2) != 0
    private let lock = NSLock()
    init(total: Int, what: String) { self.total = total; self.what = what }

    func update(_ done: Int) {
        guard tty, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let f = Double(min(done, total)) / Double(total)
        let elapsed = Date().timeIntervalSince(start)
        let eta = f > 0 ? elapsed * (1 - f) / f : 0
        let bar = String(repeating: "█", count: Int(f * 30)) + String(repeating: "·", count: 30 - Int(f * 30))
        FileHandle.standardError.write(Data("\r\(bar) \(min(done, total))/\(total) \(what), ETA \(Int(eta)) s ".utf8))
    }

    func finish(_ message: String) {
        if tty { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        FileHandle.standardError.write(Data("frontline: \(message)\n".utf8))
    }
}
