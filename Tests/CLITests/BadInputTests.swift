import Foundation
import TestSupport
import Testing

/// Broken and hostile inputs: each gives a one-line error naming the file and the place, a documented exit
/// code, no output file, and never a crash.
@Suite struct BadInputTests {
    struct Case: CustomStringConvertible, Sendable {
        var file: String
        var status: Int32
        var message: String
        var description: String { file }
    }

    static let geojsonCases: [Case] = [
        Case(file: "truncated.geojson", status: 65, message: "features[0].geometry.coordinates (line 1, column 122): expected a number, found end of file"),
        Case(file: "not-json.geojson", status: 65, message: "line 1, column 1: expected a GeoJSON object, found 'h'"),
        Case(file: "empty.geojson", status: 65, message: "file is empty, expected a GeoJSON object"),
        Case(file: "html.geojson", status: 65, message: "expected a GeoJSON object, found '<'"),
        Case(file: "null-root.geojson", status: 65, message: "expected a GeoJSON object, found 'n'"),
        Case(file: "binary-junk.geojson", status: 65, message: "line 1, column 1: expected a GeoJSON object, found byte 0x0"),
        Case(file: "features-not-array.geojson", status: 65, message: "features (line 1, column 40): expected an array of features"),
        Case(file: "feature-without-geometry.geojson", status: 65, message: "features[0]: Feature has no \"geometry\" member"),
        Case(file: "feature-type-wrong.geojson", status: 65, message: "features[0]: expected \"type\": \"Feature\", found \"Point\""),
        Case(file: "type-not-string.geojson", status: 65, message: "type (line 1, column 9): \"type\" must be a string"),
        Case(file: "unknown-geometry-type.geojson", status: 65, message: "features[0].geometry: unknown geometry type \"Circle\""),
        Case(file: "missing-coordinates.geojson", status: 65, message: "features[0].geometry: Polygon has no \"coordinates\""),
        Case(file: "coordinates-string.geojson", status: 65, message: "coordinates (line 1, column 31): expected an array of coordinates"),
        Case(file: "ring-3-positions.geojson", status: 65, message: "features[1].geometry.coordinates[0]: ring has 3 positions, needs at least 4"),
        Case(file: "unclosed-ring.geojson", status: 65, message: "coordinates[0]: ring is not closed"),
        Case(file: "line-one-position.geojson", status: 65, message: "coordinates: line has 1 position, needs at least 2"),
        Case(file: "position-one-number.geojson", status: 65, message: "position has 1 number, needs at least 2"),
        Case(file: "nan.geojson", status: 65, message: "coordinates (line 1, column 32): NaN is not a valid JSON number"),
        Case(file: "infinity.geojson", status: 65, message: "-Infinity is not a valid JSON number"),
        Case(file: "latitude-95.geojson", status: 65, message: "coordinates: latitude 95.2 is beyond ±90 (are longitude and latitude swapped?)"),
        Case(file: "swapped-lat-lon.geojson", status: 65, message: "coordinates[1]: latitude 146.75 is beyond ±90 (are longitude and latitude swapped?)"),
        Case(file: "longitude-200.geojson", status: 65, message: "coordinates: longitude 200.0 is beyond ±180"),
        Case(file: "invalid-utf8.geojson", status: 65, message: "string is not valid UTF-8"),
        Case(file: "duplicate-member.geojson", status: 65, message: "duplicate member \"type\""),
        Case(file: "trailing-garbage.geojson", status: 65, message: "line 1, column 38: unexpected '{' after the end of the document"),
        Case(file: "leading-zero.geojson", status: 65, message: "number has a leading zero"),
        Case(file: "properties-number.geojson", status: 65, message: "features[0].properties (line 1, column 72): \"properties\" must be an object or null"),
        Case(file: "projected-crs.geojson", status: 65, message: "crs \"urn:ogc:def:crs:EPSG::3857\" is not WGS84 lon/lat"),
        Case(file: "feature-in-geometries.geojson", status: 65, message: "geometries[0]: a Feature is not allowed here"),
        Case(file: "bad-escape.geojson", status: 65, message: "invalid escape '\\x'"),
        Case(file: "control-character.geojson", status: 65, message: "control character in string"),
        Case(file: "unterminated-string.geojson", status: 65, message: "unterminated string"),
        Case(file: "does-not-exist.geojson", status: 66, message: "cannot read: no such file"),
    ]

    func check(_ r: CLI.Result, status: Int32, message: String, file: String) {
        #expect(!r.terminatedBySignal, "\(file) crashed")
        #expect(r.status == status, "\(file): \(r.stderr)")
        #expect(r.stderr.contains(message), "\(file): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(file): more than one line: \(r.stderr)")
    }

    @Test(arguments: geojsonCases)
    func inspectRejects(c: Case) throws {
        let path = TestPaths.fixture("bad/\(c.file)").path
        let r = try CLI.run(["inspect", path])
        check(r, status: c.status, message: c.message, file: c.file)
        #expect(r.stderr.hasPrefix("frontline: error: \(path): "))
        #expect(r.stdout.isEmpty)
    }

    /// The same readers serve diff and timeline: the error and the (absent) output file are the same.
    @Test(arguments: geojsonCases.prefix(12))
    func diffRejectsWithoutWritingOutput(c: Case) throws {
        let dir = try CLI.tempDir()
        let out = dir.appendingPathComponent("out.json")
        let good = TestPaths.fixture("geojson/two-cells.geojson").path
        let r = try CLI.run(["diff", good, TestPaths.fixture("bad/\(c.file)").path, "--format", "json", "-o", out.path])
        check(r, status: c.status, message: c.message, file: c.file)
        #expect(!FileManager.default.fileExists(atPath: out.path))
        #expect((try FileManager.default.contentsOfDirectory(atPath: dir.path)).isEmpty, "no temporary file left behind")
    }

    @Test func validButOddInputsAreReported() throws {
        let selfx = try CLI.run(["inspect", TestPaths.fixture("bad/self-intersection.geojson").path])
        #expect(selfx.status == 0 && selfx.stdout.contains("no: Self-intersection"))
        let empty = try CLI.run(["inspect", TestPaths.fixture("bad/empty-collection.geojson").path])
        #expect(empty.status == 0 && empty.stdout.contains("features:    0"))
        let dup = try CLI.run(["inspect", TestPaths.fixture("bad/duplicate-ids.geojson").path])
        #expect(dup.status == 0 && dup.stderr.contains("features[1]: duplicate id \"a\""))
        let noPoly = try CLI.run(["diff", TestPaths.fixture("bad/no-polygons.geojson").path, TestPaths.fixture("geojson/two-cells.geojson").path])
        #expect(noPoly.status == 65 && noPoly.stderr.contains("no Polygon or MultiPolygon features"))
        let side = try CLI.run(["diff", TestPaths.fixture("bad/side-missing.geojson").path, TestPaths.fixture("bad/side-missing.geojson").path,
                                "--side-property", "side"])
        #expect(side.status == 65 && side.stderr.contains("features[1].properties.side: missing side"))
    }

    @Test func deepNestingIsRefusedNotRecursed() throws {
        let dir = try CLI.tempDir()
        for (name, prefix) in [("deep-coords.geojson", #"{"type":"Point","coordinates":"#),
                               ("deep-props.geojson", #"{"type":"Feature","geometry":null,"properties":{"a":"#)] {
            let f = dir.appendingPathComponent(name)
            let text = prefix + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + (name.contains("props") ? "}}" : "}")
            try Data(text.utf8).write(to: f)
            let r = try CLI.run(["inspect", f.path])
            check(r, status: 65, message: "deeper than", file: name)
        }
    }

    @Test func oversizedFileIsRefusedWithAClearError() throws {
        let dir = try CLI.tempDir()
        let f = dir.appendingPathComponent("big.geojson")
        // 3 MiB of valid GeoJSON against a 2 MiB limit (the limit's default is 2 GiB).
        var text = #"{"type":"FeatureCollection","features":["#
        let feature = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[47.1262,40.3758]}}"#
        while text.utf8.count < 3 << 20 { text += feature + "," }
        text += feature + "]}"
        try Data(text.utf8).write(to: f)
        let r = try CLI.run(["inspect", f.path], environment: ["FRONTLINE_MAX_INPUT_MB": "2"])
        check(r, status: 66, message: "MiB limit", file: "big.geojson")
        let ok = try CLI.run(["inspect", f.path, "--format", "json"])
        #expect(ok.status == 0)
    }

    struct ArgCase: CustomStringConvertible, Sendable {
        var args: [String]
        var status: Int32
        var message: String
        var description: String { args.joined(separator: " ") }
    }

    static let argumentCases: [ArgCase] = [
        ArgCase(args: ["locate", "Barda", "--date", "2020-02-30"], status: 64, message: "\"2020-02-30\" is not a valid date"),
        ArgCase(args: ["control", "--date", "2020-13-01"], status: 64, message: "is not a valid date"),
        ArgCase(args: ["locate", "Atlantis", "--date", "2020-10-27"], status: 64, message: "unknown place \"Atlantis\""),
        ArgCase(args: ["locate", "Martuni", "--date", "2020-10-27"], status: 64, message: "\"Martuni\" is ambiguous: martuni"),
        ArgCase(args: ["locate", "95,47", "--date", "2020-10-27"], status: 64, message: "latitude must be within ±90"),
        ArgCase(args: ["locate", "\u{0}\u{7f}\u{1b}[31m", "--date", "2020-10-27"], status: 64, message: "unknown place"),
        ArgCase(args: ["locate"], status: 64, message: "Missing expected argument"),
        ArgCase(args: ["diff", "--from", "2020-12-01", "--to", "2020-09-27"], status: 64, message: "is after --to"),
        ArgCase(args: ["diff", "--from", "2020-01-01"], status: 64, message: "give --from and --to dates"),
        ArgCase(args: ["diff", "a.geojson", "b.geojson", "--from", "2020-01-01", "--to", "2020-02-01"], status: 64, message: "cannot be combined"),
        ArgCase(args: ["export", "--date", "2020-10-27", "--precision", "99"], status: 64, message: "--precision must be between 0 and 15"),
        ArgCase(args: ["export", "--date", "2020-10-27", "--layers", "control,tanks"], status: 64, message: "unknown layer \"tanks\""),
        ArgCase(args: ["locate", "Barda", "--date", "2020-10-27", "--format", "csv"], status: 64, message: "locate writes --format table or json"),
        ArgCase(args: ["timeline", "/nonexistent/folder"], status: 66, message: "no such file or folder"),
        ArgCase(args: ["diff", "x.geojson", "y.geojson", "--grid=-1"], status: 64, message: "--grid must be between 0 and 10000"),
        ArgCase(args: ["control", "--date", "2020-10-27", "--data", "/nonexistent"], status: 66, message: "no dataset.json"),
    ]

    @Test(arguments: argumentCases)
    func argumentErrors(c: ArgCase) throws {
        let r = try CLI.run(c.args)
        #expect(!r.terminatedBySignal)
        #expect(r.status == c.status, "\(c.args): \(r.stderr)")
        #expect(r.stderr.contains(c.message), "\(c.args): \(r.stderr)")
    }

    /// Every command that writes -o checks the path before it works: one line, exit 73, nothing left behind.
    @Test(arguments: [["map", "--date", "2020-10-27"], ["events"], ["export", "--date", "2020-10-27"],
                      ["diff", "--from", "2020-09-27", "--to", "2020-12-01"], ["control", "--date", "2020-10-27"]])
    func unwritableOutputFailsFirst(args: [String]) throws {
        let dir = try CLI.tempDir()
        let missing = dir.appendingPathComponent("no/folder/out")
        let r = try CLI.run(args + ["-o", missing.path])
        #expect(r.status == 73 && r.stderr.contains("does not exist"), "\(args): \(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1 && r.stdout.isEmpty)
    }

    @Test func outputPathErrorsLeaveNoFile() throws {
        let dir = try CLI.tempDir()
        // A folder that does not exist.
        let missing = dir.appendingPathComponent("no/such/folder/out.geojson")
        let r1 = try CLI.run(["export", "--date", "2020-10-27", "-o", missing.path])
        #expect(r1.status == 73 && r1.stderr.contains("does not exist"))
        // The output is one of the inputs.
        let a = dir.appendingPathComponent("a-2024-01-01.geojson")
        try FileManager.default.copyItem(at: TestPaths.fixture("geojson/two-cells.geojson"), to: a)
        let before = try Data(contentsOf: a)
        let r2 = try CLI.run(["diff", a.path, TestPaths.fixture("geojson/two-cells.geojson").path, "-o", a.path, "--force"])
        #expect(r2.status == 73 && r2.stderr.contains("is also an input"))
        #expect(try Data(contentsOf: a) == before)
        // An existing output without --force.
        let existing = dir.appendingPathComponent("existing.geojson")
        try Data("keep me".utf8).write(to: existing)
        let r3 = try CLI.run(["export", "--date", "2020-10-27", "-o", existing.path])
        #expect(r3.status == 73 && r3.stderr.contains("--force"))
        #expect(try String(contentsOf: existing, encoding: .utf8) == "keep me")
        // A destination that cannot be written (root ignores permission bits, so use /proc, which refuses files).
        let readOnly: String
        if getuid() == 0 {
            readOnly = "/proc/frontline-test.geojson"
        } else {
            let ro = dir.appendingPathComponent("ro")
            try FileManager.default.createDirectory(at: ro, withIntermediateDirectories: true)
            chmod(ro.path, 0o555)
            readOnly = ro.appendingPathComponent("out.geojson").path
        }
        let r4 = try CLI.run(["export", "--date", "2020-10-27", "-o", readOnly])
        #expect(r4.status == 73, "\(r4.stderr)")
        #expect(!FileManager.default.fileExists(atPath: readOnly))
        for r in [r1, r2, r3, r4] { #expect(r.stderr.split(separator: "\n").count == 1 && !r.terminatedBySignal) }
    }
}
