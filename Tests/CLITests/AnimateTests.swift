import Foundation
import Testing
import TestSupport

/// Time-lapses: one frame per tick plus the held last frame, counted by ffprobe; the animated SVG needs nothing.
@Suite struct AnimateTests {
    @Test func gifHasOneFramePerTickPlusTheHold() throws {
        guard let ffprobe = ["/usr/bin/ffprobe", "/usr/local/bin/ffprobe"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: ffmpeg is not installed (make setup installs it)")
            return
        }
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let out = try CLI.tempDir().appendingPathComponent("a.gif")
        let r = try CLI.run(["animate", dir.path, "--every", "1d", "--fps", "2", "--hold-last", "1", "--width", "640", "--height", "480", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        // 2025-08-03 … 2025-08-10 daily: 8 ticks, and 2 held frames (1 s at 2 fps).
        let probe = try runTool(ffprobe, ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames,width,height", "-of", "csv=p=0", out.path])
        #expect(probe.status == 0)
        let fields = probe.output.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ",")
        #expect(fields == ["640", "480", "10"], "\(probe.output)")
        #expect(r.stderr.contains("8 frames (+2 held)"))
    }

    @Test func animatedSVGCarriesEveryFrame() throws {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        let out = try CLI.tempDir().appendingPathComponent("a.svg")
        let r = try CLI.run(["animate", dir.path, "--every", "7d", "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: out, encoding: .utf8)
        #expect(svg.contains("data-frames=\"2\""))
        #expect(svg.components(separatedBy: "class=\"anim-frame\"").count == 3)
        #expect(svg.contains("data-date=\"2025-08-03\"") && svg.contains("data-date=\"2025-08-10\""))
        _ = try XMLCheck(svg)
        let bad = try CLI.run(["animate", dir.path, "-o", out.deletingLastPathComponent().appendingPathComponent("a.avi").path])
        #expect(bad.status == 64)
    }
}
