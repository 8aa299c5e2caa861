import Foundation
import Testing
import TestSupport

/// `-` is standard input or standard output everywhere a file is read or written, and ingest writes the formats
/// a reader of its output expects (a table for people, the events CSV for programs).
@Suite struct StandardStreamsTests {
    @Test(arguments: [
        ["control", "--date", "2020-10-27"],
        ["control", "--date", "2020-10-27", "--format", "csv"],
        ["diff", "--from", "2020-09-27", "--to", "2020-12-01", "--format", "geojson"],
        ["export", "--date", "2020-10-27"],
        ["timeline"],
        ["map", "--date", "2020-10-27"],
        ["chart"],
        ["events", "--format", "csv"],
        ["places", "Barda"],
    ])
    func dashIsStandardOutput(args: [String]) throws {
        let dir = try CLI.tempDir()
        let r = try CLI.run(args + ["-o", "-"], in: dir)
        #expect(r.status == 0, "\(args): \(r.stderr)")
        #expect(!r.stdout.isEmpty, "\(args) wrote nothing to standard output")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("-").path), "\(args) wrote a file named -")
        // The same bytes as without -o.
        let plain = try CLI.run(args, in: dir)
        #expect(plain.stdout == r.stdout, "\(args)")
    }

    @Test func dashIsStandardInput() throws {
        let geojson = try String(contentsOf: TestPaths.fixture("geojson/two-cells.geojson"), encoding: .utf8)
        let inspect = try CLI.run(["inspect", "-"], stdin: geojson)
        #expect(inspect.status == 0 && inspect.stdout.contains("features:    2"), "\(inspect.stderr)")
        let convert = try CLI.run(["convert", "-", "-o", "-"], stdin: geojson)
        #expect(convert.status == 0 && convert.stdout.hasPrefix("{\"type\":\"FeatureCollection\""), "\(convert.stderr)")
        let join = try CLI.run(["join", "-"], stdin: "event_date,latitude,longitude\n2020-10-27,40.37577,47.12619\n")
        #expect(join.status == 0 && join.stdout.contains("azerbaijan"), "\(join.stderr)")
        // Broken input on standard input is named as such.
        let bad = try CLI.run(["inspect", "-"], stdin: "{\"type\":")
        #expect(bad.status == 65 && bad.stderr.hasPrefix("frontline: error: -: "), "\(bad.stderr)")
    }

    @Test func animateToStandardOutputIsTheAnimatedSVG() throws {
        let r = try CLI.run(["animate", "--from", "2020-11-01", "--to", "2020-11-15", "--every", "7d", "--width", "480", "--height", "360", "-o", "-"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("<svg") && r.stdout.contains("class=\"anim-frame\""))
    }

    @Test func ingestWritesATableAndTheEventsCSV() throws {
        let report = "BAKU, 27 October 2020 — Azerbaijan says a missile killed two civilians and wounded five in Barda on Tuesday, presidential aide Hikmet Hajiyev said.\n"
        let table = try CLI.run(["ingest", "-", "--format", "table"], stdin: report)
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("date ") == true && table.stdout.contains("Barda") && table.stdout.contains("1 incident"), "\(table.stdout)")
        let csv = try CLI.run(["ingest", "-", "--format", "csv"], stdin: report)
        #expect(csv.status == 0, "\(csv.stderr)")
        let rows = csv.stdout.split(whereSeparator: \.isNewline)
        #expect(rows.count == 2 && rows[0].hasPrefix("event_id_cnty,event_date,"), "\(csv.stdout)")
        #expect(rows[1].contains(",2020-10-27,") && rows[1].contains(",Barda,") && rows[1].contains(",azerbaijan,"), "\(csv.stdout)")
        let bad = try CLI.run(["ingest", "-", "--format", "nope"], stdin: report)
        #expect(bad.status == 64)
    }
}
