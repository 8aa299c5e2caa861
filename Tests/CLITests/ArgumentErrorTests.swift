import Foundation
import Testing

/// Every argument error is one line `frontline: error: …` (plus an optional `hint:` line), exit 64, and the first
/// mistake is the one named.
@Suite struct ArgumentErrorTests {
    struct Case: CustomStringConvertible, Sendable {
        var args: [String]
        var says: [String]
        var description: String { args.joined(separator: " ") }
    }

    static let cases: [Case] = [
        Case(args: ["map", "--date", "2020-10-27", "--titel", "Karabakh"], says: ["unknown option --titel", "did you mean --title?"]),
        Case(args: ["diff", "--from", "2020-09-26", "--to", "2020-12-02", "--formt", "json"], says: ["unknown option --formt", "did you mean --format?"]),
        Case(args: ["map", "--date", "2020-10-27", "--width", "-5"], says: ["--width must be 480–20000"]),
        Case(args: ["control", "--date", "2020-10-27", "--format", "geojson"], says: ["control writes --format table, json or csv, not geojson"]),
        Case(args: ["timeline", "--format", "geojson"], says: ["timeline writes --format csv, json or table"]),
        Case(args: ["locate"], says: ["Missing expected argument"]),
        Case(args: ["control", "--date", "2020-13-40"], says: ["2020-13-40"]),
        Case(args: ["control", "--date", "1990-01-01"], says: ["1990-01-01 is before", "1994-05-12"]),
        Case(args: ["export", "--date", "2020-10-27", "--incidents", "all"], says: ["--incidents must be day, to-date or none"]),
        Case(args: ["timeline", "--profile", "nosuch"], says: ["unknown --profile nosuch"]),
    ]

    @Test(arguments: cases) func oneLineExit64(c: Case) throws {
        let r = try CLI.run(c.args)
        #expect(r.status == 64, "\(c): \(r.status) \(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("frontline: error: ") == true, "\(c): \(r.stderr)")
        #expect(lines.count == 1 || (lines.count == 2 && lines[1].hasPrefix("hint: ")), "\(c): \(r.stderr)")
        for s in c.says { #expect(r.stderr.contains(s), "\(c): \(r.stderr) lacks \(s)") }
        #expect(r.stdout.isEmpty)
    }

    @Test func helpListsOnlyTheCommandsFormats() throws {
        let r = try CLI.run(["control", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Output format: table, json or csv"))
        #expect(!r.stdout.contains("(values:"))
    }

    @Test func afterTheLastChangeANoteSaysSo() throws {
        let r = try CLI.run(["control", "--date", "2030-01-01"])
        #expect(r.status == 0)
        #expect(r.stderr.contains("no change recorded after"))
    }

    @Test func outsideTheStudyAreaNothingElseIsClaimed() throws {
        let r = try CLI.run(["locate", "48.6,37.8", "--date", "2025-08-03"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("outside the study area"))
        #expect(!r.stdout.contains("status:") && !r.stdout.contains("nearest:") && !r.stdout.contains("Qazakh"))
    }
}
