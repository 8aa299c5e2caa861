import Foundation
import FrontlineKit
import GeoModel
import MapRender

/// Time-lapse frames: one map per tick, all at one fixed window, each with its date stamp, the area counters
/// and the period's gains highlighted. Frames are drawn in parallel on every core.
public enum Animation {
    /// One frame's SVG and what it shows.
    public struct Frame: Sendable {
        /// The date the frame stands for (its date stamp).
        public var tick: Day
        /// The date of the state drawn: the source's latest date on or before ``Animation/Frame/tick``.
        public var asOf: Day
        /// The frame's map, as SVG text.
        public var svg: String
    }

    /// The frames of a source at `ticks` (ascending). The window is `options.window`, else the dataset's, else the
    /// extent of everything drawn at the first and last ticks.
    public static func frames(_ source: ControlSource, ticks: [Day], context: Dataset?, options: MapOptions,
                              diffOptions: ControlDiff.Options = ControlDiff.Options()) throws(FrontlineError) -> [Frame] {
        guard let first = ticks.first, let last = ticks.last else { return [] }
        var opts = options
        opts.windowMode = "data"
        if opts.window == nil { opts.window = try window(source, first: first, last: last) }
        opts.previousFront = false
        let fixed = opts
        let pairs = ticks.enumerated().map { (i, t) in (previous: i == 0 ? nil : ticks[i - 1], tick: t) }
        // Each snapshot is read once (in parallel), not once per frame that shows it.
        var loaded: [Int: Snapshot] = [:]
        if let archive = source as? SnapshotArchive {
            let needed = Array(Set(try ticks.map { (t) throws(FrontlineError) -> Int in try archive.index(on: t) })).sorted()
            let snaps = try Parallel.map(needed) { (i) throws(FrontlineError) -> Snapshot in try archive.read(at: i) }
            for (i, s) in zip(needed, snaps) { loaded[i] = s }
        }
        let cache = loaded
        return try Parallel.map(pairs) { (p) throws(FrontlineError) -> Frame in
            let asOf = try source.state(on: p.tick)
            var frameOptions = fixed
            frameOptions.title = fixed.title.map { "\($0) — \(MapText.date(p.tick))" } ?? MapText.date(p.tick)
            let spec: MapSpec
            if let ds = source as? DatasetSource {
                if let prev = p.previous {
                    spec = try ChangeMap.spec(dataset: ds.dataset, history: ds.history, from: prev, to: p.tick, options: frameOptions)
                } else {
                    spec = try StateMap.spec(dataset: ds.dataset, history: ds.history, date: p.tick, options: frameOptions)
                }
            } else if let snapshots = source as? SnapshotSource {
                // An archive's snapshots were read above, once each; another source (PostGIS) answers per day.
                func snapshot(_ day: Day) throws(FrontlineError) -> Snapshot {
                    if let archive = source as? SnapshotArchive {
                        let i = try archive.index(on: day)
                        if let c = cache[i] { return c }
                        return try archive.read(at: i)
                    }
                    return try snapshots.snapshot(on: day)
                }
                let b = try snapshot(p.tick)
                if let prev = p.previous {
                    let a = try snapshot(prev)
                    let (diff, sides) = try ControlDiff.between(a, b, options: diffOptions)
                    spec = try SnapshotMap.changeSpec(a, b, diff: diff, sides: sides, context: context, options: frameOptions)
                } else {
                    spec = try SnapshotMap.spec(b, context: context, options: frameOptions)
                }
            } else {
                throw .badArgument("animate needs the dataset or a snapshot archive")
            }
            var s = spec
            s.subtitle = "as of \(asOf.description)"
            return Frame(tick: p.tick, asOf: asOf.asOf, svg: try MapMaker.svg(s, options: frameOptions))
        }
    }

    /// One window for every frame of a time series: the dataset's, else the extent of everything drawn at the first
    /// and last days, with a margin.
    public static func window(_ source: ControlSource, first: Day, last: Day) throws(FrontlineError) -> BoundingBox? {
        if let ds = source as? DatasetSource { return ds.dataset.window }
        let a = try source.state(on: first), b = try source.state(on: last)
        let boxes = (a.sides.compactMap { a.state.areas[$0.id] } + b.sides.compactMap { b.state.areas[$0.id] }).compactMap { BoundingBox(geometry: $0) }
        return boxes.union()?.expanded(by: 0.08)
    }

    /// One animated SVG of the frames: each frame shown in turn (SMIL, discrete), the last held `holdLast` seconds.
    public static func animatedSVG(_ frames: [Frame], fps: Double, holdLast: Double, width: Double, height: Double) -> String {
        let n = frames.count
        let frameDur = 1 / fps
        let total = Double(n) * frameDur + holdLast
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" class=\"frontline-animation\" data-frames=\"\(n)\">\n"
        for (i, f) in frames.enumerated() {
            let start = Double(i) * frameDur / total
            let end = i == n - 1 ? 1.0 : Double(i + 1) * frameDur / total
            var inner = f.svg
            if let r = inner.range(of: "<svg") { inner = String(inner[r.lowerBound...]) }
            // The frame's own document, nested; shown only during its slot of the loop.
            let keyTimes = [0, start, end, 1].map { String(format: "%.5f", min(1, max(0, $0))) }
            let values = i == 0 ? "visible;visible;hidden;hidden" : "hidden;visible;hidden;hidden"
            out += "<g class=\"anim-frame\" data-date=\"\(f.tick)\" visibility=\"\(i == 0 ? "visible" : "hidden")\">"
            out += "<animate attributeName=\"visibility\" dur=\"\(String(format: "%.3f", total))s\" repeatCount=\"indefinite\" calcMode=\"discrete\" keyTimes=\"\(keyTimes.joined(separator: ";"))\" values=\"\(i == n - 1 ? "hidden;visible;visible;visible" : values)\"/>"
            out += inner + "</g>\n"
        }
        return out + "</svg>\n"
    }
}
