import Foundation
import Testing
import TestSupport

@Suite struct MapCommandTests {
    @Test func drawsTheStateMapFromAnotherDirectory() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["map", "--date", "2020-10-27", "-o", "map.svg"], in: dir)
        #expect(r.status == 0, "\(r.stderr)")
        let svg = try String(contentsOf: dir.appendingPathComponent("map.svg"), encoding: .utf8)
        let doc = try XMLCheck(svg)
        #expect(doc.root == "svg")
        #expect(svg.utf8.count < 250_000)
        #expect(doc.text.contains("Control on 27 October 2020"))
        // The output exists now: without --force it is kept and the command fails in one line.
        let again = try CLI.run(["map", "--date", "2020-10-27", "-o", "map.svg"], in: dir)
        #expect(again.status == 73 && again.stderr.split(separator: "\n").count == 1)
    }

    @Test func changeMapWithOptionsToStdout() throws {
        let r = try CLI.run(["map", "--from", "2020-09-27", "--to", "2020-12-01", "--width", "800", "--height", "600",
                             "--crs", "stere", "--title", "Autumn <2020> & after"])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try XMLCheck(r.stdout)
        #expect(doc.attributes(of: "svg").first?["viewBox"] == "0 0 800 600")
        #expect(doc.text.contains("Autumn <2020> & after"))
    }

    @Test(arguments: [
        (["map"], 64),
        (["map", "--date", "2020-10-27", "--from", "2020-09-27", "--to", "2020-12-01"], 64),
        (["map", "--date", "2020-13-01"], 64),
        (["map", "--from", "2020-12-01", "--to", "2020-09-27"], 64),
        (["map", "--date", "2020-10-27", "--bbox", "48,41,44,38"], 64),
        (["map", "--date", "2020-10-27", "--crs", "+proj=nonsense"], 64),
        (["map", "--date", "2020-10-27", "--width", "10"], 64),
        (["map", "/nonexistent.geojson"], 66),
    ])
    func rejectsBadArguments(args: [String], status: Int) throws {
        let r = try CLI.run(args)
        #expect(r.status == Int32(status), "\(args): \(r.stderr)")
        #expect(r.stdout.isEmpty)
    }

    @Test func mapsDeepStateSnapshots() throws {
        let files = TestPaths.deepStateFiles
        guard files.count >= 2, let first = files.first, let last = files.last else {
            print("skipped: ../shared/data/deepstate-ua is not present")
            return
        }
        let r = try CLI.run(["map", first.path, last.path])
        #expect(r.status == 0, "\(r.stderr)")
        let doc = try XMLCheck(r.stdout)
        #expect(doc.attributes(of: "path").contains { $0["class"] == "gain-occupied" && $0["data-area_km2"] != nil })
    }
}
