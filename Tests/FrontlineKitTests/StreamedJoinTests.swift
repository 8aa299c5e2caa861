import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import TestSupport
import Testing

/// The streamed join (batches of the file, per-state work kept between batches) must write exactly what the whole-file
/// join writes, and name the same lines in its errors and warnings, whatever the batch boundaries cut through.
@Suite struct StreamedJoinTests {
    static let dataset: Dataset? = try? Dataset.load(root: TestPaths.geodata.path)

    /// About 300 KB of rows: quoted fields with commas, quotes and line breaks, bad dates, bad positions, CRLF lines.
    static func csv(rows: Int, extraFieldAt: Int? = nil) -> String {
        var rng = SplitMix64(seed: 2020_10_27)
        var text = "id,\"note, long\",date,lon,lat\r\n"
        let days = ["2020-09-27", "2020-10-27", "2020-11-10", "2021-06-01", "2023-09-20", "2023-10-01", "not a date", "1990-01-01"]
        for i in 0..<rows {
            let lon = 44.5 + Double(rng.next() % 40_000) / 10_000, lat = 38.5 + Double(rng.next() % 30_000) / 10_000
            let note: String
            switch i % 7 {
            case 0: note = "\"a note, with a comma\""
            case 1: note = "\"two\nlines and a \"\"quote\"\"\""
            case 2: note = ""
            default: note = "plain \(i)"
            }
            let day = days[Int(rng.next() % UInt64(days.count))]
            let position = i % 97 == 5 ? "x,\(lat)" : "\(lon),\(lat)"
            text += "r\(i),\(note),\(day),\(position)\(i == extraFieldAt ? ",extra" : "")\(i % 3 == 0 ? "\r\n" : "\n")"
        }
        return text
    }

    @Test func batchesWriteWhatTheWholeFileJoinWrites() throws {
        let d = try #require(Self.dataset)
        let source = try DatasetSource(dataset: d)
        let text = Self.csv(rows: 6000)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-join-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv")
        try Data(text.utf8).write(to: input)
        // The whole-file path.
        let table = try IncidentCSV.parse(Array(text.utf8), path: input.path)
        let whole = table.joined(columns: IncidentJoin.joinedColumns, values: try IncidentJoin.join(table.rows, source: source))
        let first = try #require(source.dates.first)
        for batch in [1 << 16, 100_000, 1 << 22] {
            let output = dir.appendingPathComponent("out-\(batch).csv")
            let summary = try IncidentCSV.joinFile(input.path, to: output.path, source: source, batchBytes: batch)
            #expect(Array(try Data(contentsOf: output)) == whole, "batch \(batch)")
            #expect(summary.rows == table.rows.count)
            #expect(summary.badCount == table.badLines.count)
            #expect(summary.badLines == Array(table.badLines.prefix(5)))
            #expect(summary.early == table.rows.filter { $0.day < first }.count)
        }
        #expect(text.utf8.count > 4 * (1 << 16), "the input spans several batches")
    }

    @Test func errorsNameTheLineOfTheFile() throws {
        let d = try #require(Self.dataset)
        let source = try DatasetSource(dataset: d)
        for text in [Self.csv(rows: 6000, extraFieldAt: 5000), Self.csv(rows: 6000) + "late,\"never closed,2020-10-27,46.7,39.8\n"] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-join-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in.csv")
        try Data(text.utf8).write(to: input)
        var expected = ""
        do { _ = try IncidentCSV.parse(Array(text.utf8), path: input.path) } catch { expected = "\(error)" }
        #expect(expected.contains("line "))
        let output = dir.appendingPathComponent("out.csv")
        var got = ""
        do { _ = try IncidentCSV.joinFile(input.path, to: output.path, source: source, batchBytes: 1 << 16) } catch { got = "\(error)" }
        #expect(got == expected)
        #expect(!FileManager.default.fileExists(atPath: output.path), "no half-written output")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["in.csv"], "no temporary file left")
        }
    }

    /// The pure-Swift nearest-segment search gives GEOS's distances.
    @Test func distanceIndexAgreesWithGEOS() throws {
        let d = try #require(Self.dataset)
        let history = try d.timeline.history()
        var rng = SplitMix64(seed: 44)
        for state in history.states.enumerated().filter({ $0.offset % 7 == 0 }).map(\.element) {
            let front = try state.frontLine(sides: d.timeline.sides)
            guard !front.isEmpty else { continue }
            let index = try DistanceIndex(front)
            let points = (0..<200).map { _ in Position(lon: 43 + Double(rng.next() % 60_000) / 10_000, lat: 38 + Double(rng.next() % 40_000) / 10_000) }
            let fast = try index.distancesKm(from: points)
            for (p, km) in zip(points.prefix(40), fast) {
                let exact = try Geodesy.distanceKm(from: p, to: front)
                #expect(abs(km - exact) <= max(0.01, 0.002 * exact), "\(p): \(km) vs \(exact)")
            }
        }
    }
}
