import Foundation
import Testing
import TestSupport

/// Issue #18's reliability corpus, continued: bad input in the new formats and sources, bad sides and regions files,
/// event CSVs, database URLs, outputs and arguments. Each case writes its input into a fresh folder and gives one
/// line `frontline: error: …` (at most a second `hint: …` line), its exit code (64 usage, 65 data, 66 cannot read,
/// 69 service unavailable, 73 cannot write), no standard output, and no output file left behind.
///
/// Cases marked `was a product bug, fixed` failed when the corpus was written (the comment says how); they pin the fix.
@Suite struct ReliabilityCorpusTests {
    struct Case: CustomStringConvertible, Sendable {
        var name: String
        var make: @Sendable (URL) throws -> [String]   // writes the input into a folder, returns the arguments
        var output: String? = nil                      // -o this path under a fresh folder (nil: no -o)
        var stdin: String? = nil
        var status: Int32
        var says: [String]                             // substrings of the one error line
        var never: [String] = []                       // never in stderr (credentials)
        var description: String { name }
    }

    struct SetupFailed: Error, CustomStringConvertible {
        var description: String
    }

    // MARK: Inputs

    static let triangle = "[[[37,47],[38,47],[38,48],[37,47]]]"
    static let refusedDB = "postgresql://u:secret@127.0.0.1:1/x"

    static func rcDoc(_ coords: String = ReliabilityCorpusTests.triangle, props: String = "{}") -> String {
        #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":\#(props),"geometry":{"type":"Polygon","coordinates":\#(coords)}}]}"#
    }

    static func rcFeature(_ props: String, _ coords: String = ReliabilityCorpusTests.triangle) -> String {
        #"{"type":"Feature","properties":\#(props),"geometry":{"type":"Polygon","coordinates":\#(coords)}}"#
    }

    @discardableResult
    static func rcPut(_ data: Data, _ name: String, in dir: URL) throws -> URL {
        let url = dir.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    @discardableResult
    static func rcPut(_ text: String, _ name: String, in dir: URL) throws -> URL {
        try rcPut(Data(text.utf8), name, in: dir)
    }

    static func rcOgr2ogr(_ arguments: [String]) throws {
        let r = try runTool("/usr/bin/ogr2ogr", arguments)
        guard r.status == 0 else { throw SetupFailed(description: "ogr2ogr \(arguments): \(r.output)") }
    }

    /// A one-feature Shapefile (side red) in `dir`, optionally in another CRS.
    static func rcShapefile(_ name: String, in dir: URL, srs: String? = nil) throws -> URL {
        let src = try rcPut(rcDoc(props: #"{"side":"red"}"#), "src.json", in: dir)
        let dst = dir.appendingPathComponent(name)
        var arguments: [String] = ["-f", "ESRI Shapefile"]
        if let srs { arguments += ["-t_srs", srs] }
        arguments += [dst.path, src.path]
        try rcOgr2ogr(arguments)
        try FileManager.default.removeItem(at: src)
        return dst
    }

    /// The control layer of 2020-10-27 exported by frontline itself to `name` (the extension picks the format).
    static func rcExport(_ name: String, in dir: URL) throws -> URL {
        let f = dir.appendingPathComponent(name)
        let r = try CLI.run(["export", "--date", "2020-10-27", "--layers", "control", "-o", f.path])
        guard r.status == 0 else { throw SetupFailed(description: "export \(name): \(r.stderr)") }
        return f
    }

    /// The first bytes of `source`, written to `name`.
    static func rcPrefix(_ source: URL, _ name: String, in dir: URL, count: (Int) -> Int) throws -> URL {
        let bytes = try Data(contentsOf: source)
        return try rcPut(Data(bytes.prefix(count(bytes.count))), name, in: dir)
    }

    /// A zip archive holding one stored (uncompressed) file.
    static func rcStoredZip(_ name: String, _ contents: Data) -> Data {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in contents {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = (crc & 1) == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        crc ^= 0xFFFF_FFFF
        let fileName = Data(name.utf8)
        let size = UInt32(contents.count)
        var out = Data()
        func u16(_ v: Int) {
            out.append(UInt8(v & 0xFF))
            out.append(UInt8((v >> 8) & 0xFF))
        }
        func u32(_ v: UInt32) {
            for shift: UInt32 in [0, 8, 16, 24] { out.append(UInt8((v >> shift) & 0xFF)) }
        }
        // Local file header, name, data.
        u32(0x0403_4B50); u16(20); u16(0); u16(0); u16(0); u16(0)
        u32(crc); u32(size); u32(size); u16(fileName.count); u16(0)
        out.append(fileName)
        out.append(contents)
        // Central directory (one entry, its local header at offset 0).
        let central = out.count
        u32(0x0201_4B50); u16(20); u16(20); u16(0); u16(0); u16(0); u16(0)
        u32(crc); u32(size); u32(size); u16(fileName.count); u16(0); u16(0); u16(0); u16(0); u32(0); u32(0)
        out.append(fileName)
        let centralSize = out.count - central
        // End of central directory.
        u32(0x0605_4B50); u16(0); u16(0); u16(1); u16(1); u32(UInt32(centralSize)); u32(UInt32(central)); u16(0)
        return out
    }

    /// UTF-16 little-endian with a byte-order mark.
    static func rcUTF16(_ text: String) -> Data {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes.append(UInt8(unit & 0xFF))
            bytes.append(UInt8(unit >> 8))
        }
        return Data(bytes)
    }

    /// A snapshot whose feature has `kind` = a, and a sides file with `sides` beside it.
    static func rcSidesCase(_ dir: URL, _ sides: String) throws -> (snapshot: String, sides: String) {
        let snapshot = try rcPut(rcDoc(props: #"{"kind":"a"}"#), "x-2024-01-01.geojson", in: dir)
        let mapping = try rcPut(sides, "sides.json", in: dir)
        return (snapshot.path, mapping.path)
    }

    static func rcEventsCSV(_ dir: URL) throws -> String {
        try rcPut("date,lon,lat\n2020-10-27,47.1,40.3\n", "ok.csv", in: dir).path
    }

    // MARK: Formats

    static let formatCases: [Case] = [
        // Was a product bug, fixed: without its .dbf the file is read with no attributes, so side "red" silently becomes
        // the one-side default "occupied" (exit 0).
        Case(name: "Shapefile without its .dbf", make: { d in
            let f = try rcShapefile("s-2024-01-01.shp", in: d)
            try FileManager.default.removeItem(at: d.appendingPathComponent("s-2024-01-01.dbf"))
            return ["timeline", f.path]
        }, output: "out.csv", status: 66, says: ["s-2024-01-01.shp", ".dbf"]),
        Case(name: "Shapefile without its .shx", make: { d in
            let f = try rcShapefile("s-2024-01-01.shp", in: d)
            try FileManager.default.removeItem(at: d.appendingPathComponent("s-2024-01-01.shx"))
            return ["timeline", f.path]
        }, output: "out.csv", status: 66, says: ["s-2024-01-01.shp: cannot read", ".shx"]),
        Case(name: "Web Mercator Shapefile without .prj", make: { d in
            let f = try rcShapefile("m-2024-01-01.shp", in: d, srs: "EPSG:3857")
            try FileManager.default.removeItem(at: d.appendingPathComponent("m-2024-01-01.prj"))
            return ["timeline", f.path]
        }, output: "out.csv", status: 65, says: ["m-2024-01-01.shp", "feature 0", "EPSG:3857"]),
        // Was a product bug, fixed: GDAL's "Unexpected I/O failure: reading feature" is ignored; 1 of 8 features is
        // read and timeline exits 0.
        Case(name: "truncated FlatGeobuf", make: { d in
            let full = try rcExport("full.fgb", in: d)
            return ["timeline", try rcPrefix(full, "t-2020-01-01.fgb", in: d) { $0 / 3 }.path]
        }, output: "out.csv", status: 65, says: ["t-2020-01-01.fgb", "feature 1", "cannot read"]),
        // Was a product bug, fixed: exit 65 "no layers: the file holds nothing to read (an empty document?)"; GDAL says
        // "Failed to read header": the file is damaged, not empty (as a truncated GeoPackage: 66 cannot read).
        Case(name: "FlatGeobuf cut inside its header", make: { d in
            let full = try rcExport("full.fgb", in: d)
            return ["timeline", try rcPrefix(full, "h-2020-01-01.fgb", in: d) { _ in 200 }.path]
        }, output: "out.csv", status: 66, says: ["h-2020-01-01.fgb: cannot read"]),
        Case(name: "a zip that holds no shapefile", make: { d in
            ["timeline", try rcPut(rcStoredZip("readme.txt", Data("no shapefile here\n".utf8)), "z-2020-01-01.zip", in: d).path]
        }, output: "out.csv", status: 66, says: ["z-2020-01-01.zip: cannot read"]),
        Case(name: "a KMZ of junk bytes", make: { d in
            let junk = Data((0..<512).map { UInt8(($0 * 37 + 11) % 256) })
            return ["timeline", try rcPut(junk, "k-2020-01-01.kmz", in: d).path]
        }, output: "out.csv", status: 66, says: ["k-2020-01-01.kmz: cannot read"]),
        Case(name: "a truncated KMZ", make: { d in
            let full = try rcExport("full.kmz", in: d)
            return ["timeline", try rcPrefix(full, "k-2020-01-01.kmz", in: d) { $0 / 2 }.path]
        }, output: "out.csv", status: 66, says: ["k-2020-01-01.kmz: cannot read"]),
        Case(name: "KML cut off mid-element", make: { d in
            let kml = #"<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><Polygon><outerBoundaryIs><LinearRing><coordinates>37,47 38,47"#
            return ["timeline", try rcPut(kml, "k-2020-01-01.kml", in: d).path]
        }, output: "out.csv", status: 66, says: ["k-2020-01-01.kml: cannot read"]),
        // Was a product bug, fixed: the broken line is skipped silently (GDAL reports a JSON parsing error), exit 0.
        Case(name: "GeoJSONSeq with a broken line", make: { d in
            let f = rcFeature(#"{"side":"red"}"#)
            let lines = "\(f)\n{\"type\":\"Feature\",\n\(f)\n"
            return ["timeline", try rcPut(lines, "s-2020-01-01.geojsonl", in: d).path]
        }, output: "out.csv", status: 66, says: ["s-2020-01-01.geojsonl", "cannot read", "JSON parsing error"]),
        // Was a product bug, fixed: the malformed WKT becomes a null geometry and the row (side blue) is dropped, exit 0.
        Case(name: "CSV snapshot with a malformed WKT row", make: { d in
            let csv = "WKT,side\n\"POLYGON((37 47,38 47,38 48,37 47))\",red\n\"POLYGON((39 47,40 47,40\",blue\n"
            return ["timeline", try rcPut(csv, "c-2024-01-01.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["c-2024-01-01.csv", "line 3"]),
        // Was a product bug, fixed: GDAL's "Invalid Polygon object. Invalid 'rings' member" is ignored; feature 1 (side
        // blue) becomes a null geometry and is dropped, exit 0.
        Case(name: "ESRI JSON whose second feature has broken rings", make: { d in
            let esri = #"{"objectIdFieldName":"OBJECTID","geometryType":"esriGeometryPolygon","spatialReference":{"wkid":4326},"fields":[{"name":"side","type":"esriFieldTypeString"}],"features":[{"attributes":{"side":"red"},"geometry":{"rings":[[[37,47],[38,47],[38,48],[37,47]]]}},{"attributes":{"side":"blue"},"geometry":{"rings":"oops"}}]}"#
            return ["timeline", try rcPut(esri, "e-2024-01-01.esrijson", in: d).path]
        }, output: "out.csv", status: 66, says: ["e-2024-01-01.esrijson", "cannot read", "Invalid 'rings' member"]),
        Case(name: "a .gpkg that is no GeoPackage", make: { d in
            var sqlite = Data("SQLite format 3".utf8)   // an SQLite header and nothing else
            sqlite.append(0)
            sqlite.append(Data(count: 4080))
            return ["timeline", try rcPut(sqlite, "q-2024-01-01.gpkg", in: d).path]
        }, output: "out.csv", status: 66, says: ["q-2024-01-01.gpkg: cannot read"]),
        Case(name: "diff of a GeoPackage holding only lines", make: { d in
            let src = try rcPut(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[37,47],[38,48]]}}]}"#, "line.json", in: d)
            let dst = d.appendingPathComponent("l-2024-01-01.gpkg")
            try rcOgr2ogr(["-f", "GPKG", dst.path, src.path])
            return ["diff", dst.path, try rcPut(rcDoc(), "b-2024-01-08.geojson", in: d).path, "--format", "json"]
        }, output: "out.json", status: 65, says: ["l-2024-01-01.gpkg", "no Polygon or MultiPolygon features"]),
        Case(name: "UTF-16 GeoJSON", make: { d in
            ["timeline", try rcPut(rcUTF16(rcDoc(props: #"{"side":"red"}"#)), "u-2024-01-01.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["u-2024-01-01.geojson", "line 1, column 1"]),
        Case(name: "a folder named like a snapshot in an archive", make: { d in
            try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d)
            try FileManager.default.createDirectory(at: d.appendingPathComponent("d-2024-01-08.geojson"), withIntermediateDirectories: true)
            return ["timeline", d.path]
        }, output: "out.csv", status: 66, says: ["d-2024-01-08.geojson", "is a directory"]),
        Case(name: "a dangling link in an archive", make: { d in
            try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d)
            try FileManager.default.createSymbolicLink(atPath: d.appendingPathComponent("l-2024-01-08.geojson").path,
                                                       withDestinationPath: d.appendingPathComponent("gone.geojson").path)
            return ["timeline", d.path]
        }, output: "out.csv", status: 66, says: ["l-2024-01-08.geojson", "no such file"]),
    ]

    // MARK: Dates and sides

    static let dateAndSideCases: [Case] = [
        Case(name: "control on an empty archive folder", make: { d in ["control", "--snapshots", d.path, "--date", "2024-01-01"] },
             output: "out.csv", status: 65, says: ["holds no snapshot files"]),
        Case(name: "an undated GeoPackage in a dated archive", make: { d in
            try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d)
            let src = try rcPut(rcDoc(), "src.json", in: d)
            try rcOgr2ogr(["-f", "GPKG", d.appendingPathComponent("undated.gpkg").path, src.path])
            try FileManager.default.removeItem(at: src)
            return ["timeline", d.path]
        }, output: "out.csv", status: 65, says: ["undated.gpkg", "dated archive"]),
        // Was a product bug, fixed: says "no date in the file name … give --date D" instead of naming 2024-02-30 as no date.
        Case(name: "an impossible date in a file name", make: { d in
            ["timeline", try rcPut(rcDoc(), "x-2024-02-30.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["x-2024-02-30.geojson", "is not a date"]),
        Case(name: "a date property that is no date", make: { d in
            ["timeline", try rcPut(rcDoc(props: #"{"date":"2024-13-01"}"#), "md.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["md.geojson", "features[0].properties.date", "\"2024-13-01\" is not a date"]),
        Case(name: "a --date-property no feature has", make: { d in
            ["timeline", try rcPut(rcDoc(props: #"{"when":"2024-01-01"}"#), "md.geojson", in: d).path, "--date-property", "day"]
        }, output: "out.csv", status: 65, says: ["md.geojson", "no feature has the date property \"day\""]),
        // Was a product bug, fixed: the bad "datetime" of the wrapper is ignored and the message says the file has no date.
        Case(name: "a DeepState wrapper with a bad datetime", make: { d in
            ["timeline", try rcPut(#"{"id":1,"datetime":"yesterday","map":"# + rcDoc() + "}", "wrap.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["wrap.geojson", "datetime", "is not a date"]),
        Case(name: "a side value that is an array", make: { d in
            ["timeline", try rcPut(rcDoc(props: #"{"side":[1,2]}"#), "a-2024-01-01.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["a-2024-01-01.geojson", "features[0].properties.side", "[1,2]"]),
        Case(name: "an empty side value", make: { d in
            ["timeline", try rcPut(rcDoc(props: #"{"side":""}"#), "e-2024-01-01.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["e-2024-01-01.geojson", "features[0].properties.side"]),
        Case(name: "a sides file without property", make: { d in
            let s = try rcSidesCase(d, #"{"rules":[{"equals":"a","side":"red"}]}"#)
            return ["timeline", s.snapshot, "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json: property"]),
        Case(name: "a side rule with neither side nor drop", make: { d in
            let s = try rcSidesCase(d, #"{"property":"kind","rules":[{"equals":"a"}]}"#)
            return ["timeline", s.snapshot, "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json: rules[0]", "\"side\" or \"drop\""]),
        Case(name: "an invalid regular expression in --sides (control)", make: { d in
            let s = try rcSidesCase(d, #"{"property":"kind","rules":[{"match":"[a-","side":"red"}]}"#)
            return ["control", "--snapshots", s.snapshot, "--date", "2024-01-01", "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json: rules[0].match", "not a valid regular expression"]),
        Case(name: "a side rule with both equals and match", make: { d in
            let s = try rcSidesCase(d, #"{"property":"kind","rules":[{"equals":"a","match":"a","side":"red"}]}"#)
            return ["timeline", s.snapshot, "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json: rules[0]", "exactly one of"]),
        Case(name: "a side id that is no identifier", make: { d in
            let s = try rcSidesCase(d, #"{"property":"kind","rules":[{"equals":"a","side":"Red Army"}]}"#)
            return ["timeline", s.snapshot, "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json: rules[0].side", "Red Army"]),
        Case(name: "a sides default that is no side id", make: { d in
            let s = try rcSidesCase(d, #"{"property":"kind","rules":[{"equals":"b","side":"red"}],"default":"Not A Side!"}"#)
            return ["timeline", s.snapshot, "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json: default"]),
        Case(name: "a sides file that is an array", make: { d in
            let s = try rcSidesCase(d, "[]")
            return ["timeline", s.snapshot, "--sides", s.sides]
        }, output: "out.csv", status: 65, says: ["sides.json", "expected a JSON object"]),
        Case(name: "a missing sides file", make: { d in
            let s = try rcSidesCase(d, "{}")
            return ["timeline", s.snapshot, "--sides", d.appendingPathComponent("nosuch.json").path]
        }, output: "out.csv", status: 66, says: ["nosuch.json: cannot read: no such file"]),
    ]

    // MARK: Regions and event CSVs

    static let regionAndJoinCases: [Case] = [
        // Was a product bug, fixed: "cannot read: not a vector format GDAL can open" for a file that does not exist.
        Case(name: "a missing --regions GeoPackage", make: { d in
            ["control", "--date", "2020-10-27", "--by", "region", "--regions", d.appendingPathComponent("nosuch.gpkg").path]
        }, output: "out.csv", status: 66, says: ["nosuch.gpkg: cannot read: no such file"]),
        Case(name: "a --regions file that is not GeoJSON", make: { d in
            ["control", "--date", "2020-10-27", "--by", "region", "--regions", try rcPut("junk", "r.geojson", in: d).path]
        }, output: "out.csv", status: 65, says: ["r.geojson", "line 1, column 1"]),
        Case(name: "--regions without region names", make: { d in
            let regions = try rcPut(rcDoc("[[[46,39],[47,39],[47,40],[46,39]]]", props: #"{"foo":"x"}"#), "r.geojson", in: d)
            return ["control", "--date", "2020-10-27", "--by", "region", "--regions", regions.path]
        }, output: "out.csv", status: 65, says: ["r.geojson", "features[0].properties", "no region name"]),
        Case(name: "--regions of points only", make: { d in
            let regions = try rcPut(#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"x"},"geometry":{"type":"Point","coordinates":[46,39]}}]}"#, "r.geojson", in: d)
            return ["control", "--date", "2020-10-27", "--by", "region", "--regions", regions.path]
        }, output: "out.csv", status: 65, says: ["r.geojson", "no polygon regions"]),
        Case(name: "join: a CSV file with an unterminated quote", make: { d in
            ["join", try rcPut("date,lon,lat,note\n2020-10-27,47.1,40.3,\"open\n2020-10-28,47.1,40.3,x\n", "q.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["q.csv: line 2: unterminated quote"]),
        // Found by the CSV fuzzer: a header ending in an open quote was read as fields but written back inside that
        // quote, so join accepted input whose output it could not read.
        Case(name: "join: a header whose last field opens a quote", make: { d in
            ["join", try rcPut(Data([0x64, 0x61, 0x74, 0x65, 0x2c, 0x6c, 0x6f, 0x6e, 0x2c, 0x6c, 0x61, 0x74, 0x2c, 0x8b, 0x22, 0x2c, 0x22, 0x0a, 0x32]), "fz.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["fz.csv: line 1: unterminated quote"]),
        Case(name: "join: text after a closing quote", make: { d in
            ["join", try rcPut("date,lon,lat\n2020-10-27,47.1,40.3\n\"2020\"-10-28,47.1,40.3\n", "tq.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["tq.csv: line 3: text after a closing quote"]),
        Case(name: "join: a CSV with no position columns", make: { d in
            ["join", try rcPut("date,name\n2020-10-27,a\n", "g.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["g.csv: line 1", "no lon/longitude"]),
        Case(name: "join: an event CSV without a date column", make: { d in
            ["join", try rcPut("name,lon,lat\na,47.1,40.3\n", "n.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["n.csv: line 1", "no date/event_date/date_start column"]),
        Case(name: "join: --date-column names no column", make: { d in
            ["join", try rcEventsCSV(d), "--date-column", "when"]
        }, output: "out.csv", status: 65, says: ["ok.csv: line 1", "no column \"when\""]),
        Case(name: "join: an empty file", make: { d in ["join", try rcPut("", "e.csv", in: d).path] },
             output: "out.csv", status: 65, says: ["e.csv: line 1: empty file"]),
        // Was a product bug, fixed: the extra field is copied into the `side` column (8 fields under a 7-column header), exit 0.
        Case(name: "join: a row with more fields than the header", make: { d in
            ["join", try rcPut("date,lon,lat\n2020-10-27,47.1,40.3,extra\n", "x.csv", in: d).path]
        }, output: "out.csv", status: 65, says: ["x.csv", "line 2"]),
        Case(name: "join: a folder", make: { d in ["join", d.path] },
             output: "out.csv", status: 66, says: ["cannot read: is a directory"]),
        // Was a product bug, fixed: "cannot read: … You don't have permission." for any file that is not a regular file
        // (/dev/null, and pipes such as `join <(cmd)`), which is readable.
        Case(name: "join: /dev/null (not a regular file)", make: { _ in ["join", "/dev/null"] },
             output: "out.csv", status: 65, says: ["/dev/null: line 1: empty file"]),
    ]

    // MARK: Database

    static let databaseCases: [Case] = [
        Case(name: "timeline --db: a refused server", make: { _ in ["timeline", "--db", refusedDB, "--source", "s"] },
             output: "out.csv", status: 69, says: ["cannot connect to the database"], never: ["secret"]),
        Case(name: "join --db: a refused server", make: { d in ["join", try rcEventsCSV(d), "--db", refusedDB, "--source", "s"] },
             output: "out.csv", status: 69, says: ["cannot connect to the database"], never: ["secret"]),
        Case(name: "db load: a refused server", make: { d in
            ["db", "load", try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d).path, "--db", refusedDB, "--source", "s"]
        }, status: 69, says: ["cannot connect to the database"], never: ["secret"]),
        Case(name: "--db: not a PostgreSQL URL", make: { _ in ["timeline", "--db", "mysql://u:secret@127.0.0.1:1/x", "--source", "s"] },
             output: "out.csv", status: 69, says: ["cannot connect to the database"], never: ["secret"]),
        Case(name: "--db: a broken keyword string with a password", make: { _ in
            ["db", "list", "--db", "host=127.0.0.1 port=1 user=u password=secret dbname=x bogus"]
        }, status: 69, says: ["cannot connect to the database", "bogus"], never: ["secret"]),
        Case(name: "--db without --source", make: { _ in ["timeline", "--db", refusedDB] },
             output: "out.csv", status: 64, says: ["--source NAME"], never: ["secret"]),
        // Was a product bug, fixed: --source without --db is ignored and the dataset answers, exit 0.
        Case(name: "--source without --db", make: { _ in ["timeline", "--source", "s"] },
             output: "out.csv", status: 64, says: ["--source", "--db"]),
    ]

    // MARK: Outputs, ingest, convert, inspect

    static let outputCases: [Case] = [
        Case(name: "convert to an unknown extension", make: { d in ["convert", try rcPut(rcDoc(), "x.geojson", in: d).path] },
             output: "out.xyz", status: 64, says: [".xyz", ".gpkg"]),
        Case(name: "convert --driver that is no driver", make: { d in
            ["convert", try rcPut(rcDoc(), "x.geojson", in: d).path, "--driver", "Nope"]
        }, output: "out.geojson", status: 64, says: ["--driver Nope"]),
        Case(name: "convert --precision 99", make: { d in
            ["convert", try rcPut(rcDoc(), "x.geojson", in: d).path, "--precision", "99"]
        }, output: "out.geojson", status: 64, says: ["--precision must be between 0 and 15"]),
        Case(name: "diff to an unknown extension", make: { _ in ["diff", "--from", "2020-09-27", "--to", "2020-12-01"] },
             output: "out.xyz", status: 64, says: [".xyz", ".gpkg"]),
        Case(name: "timeline -o into a missing folder", make: { _ in ["timeline"] },
             output: "no/folder/out.csv", status: 73, says: ["does not exist"]),
        Case(name: "join -o into a missing folder", make: { d in ["join", try rcEventsCSV(d)] },
             output: "no/folder/out.csv", status: 73, says: ["does not exist"]),
        Case(name: "settlements -o into a missing folder", make: { _ in ["settlements"] },
             output: "no/folder/out.csv", status: 73, says: ["does not exist"]),
        Case(name: "convert -o a GeoPackage into a missing folder", make: { d in ["convert", try rcPut(rcDoc(), "x.geojson", in: d).path] },
             output: "no/folder/out.gpkg", status: 73, says: ["does not exist"]),
        Case(name: "ingest -o into a missing folder", make: { _ in ["ingest", "-", "--report-date", "2020-10-27"] },
             output: "no/folder/out.json", stdin: "Shells hit Barda.", status: 73, says: ["does not exist"]),
        Case(name: "chart -o into a missing folder", make: { _ in ["chart"] },
             output: "no/folder/out.svg", status: 73, says: ["does not exist"]),
        // Was a product bug, fixed: binary input is read as text, exit 0 (an executable even yields an invented
        // "drone strike, 4 killed, 2 wounded").
        Case(name: "ingest of a binary file", make: { d in
            var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
            png.append(Data((0..<2048).map { UInt8($0 % 256) }))
            return ["ingest", try rcPut(png, "report.txt", in: d).path, "--report-date", "2020-10-27"]
        }, output: "out.json", status: 65, says: ["report.txt", "not text"]),
        Case(name: "convert of garbage on standard input", make: { _ in ["convert", "-"] },
             output: "out.geojson", stdin: "garbage\n", status: 65, says: ["-: line 1, column 1: expected a GeoJSON object"]),
        // Was a product bug, fixed: "cannot read: not a vector format GDAL can open" for a file that does not exist.
        Case(name: "inspect a missing GeoPackage", make: { d in ["inspect", d.appendingPathComponent("nosuch.gpkg").path] },
             status: 66, says: ["nosuch.gpkg: cannot read: no such file"]),
        // Was a product bug, fixed: as above.
        Case(name: "convert a missing FlatGeobuf", make: { d in ["convert", d.appendingPathComponent("nosuch.fgb").path] },
             output: "out.geojson", status: 66, says: ["nosuch.fgb: cannot read: no such file"]),
        Case(name: "inspect --layer on GeoJSON", make: { d in ["inspect", try rcPut(rcDoc(), "x.geojson", in: d).path, "--layer", "x"] },
             status: 64, says: ["--layer x", "has one layer"]),
    ]

    // MARK: Arguments

    static let argumentCases: [Case] = [
        Case(name: "locate 91,200", make: { _ in ["locate", "91,200", "--date", "2020-10-27"] },
             status: 64, says: ["\"91,200\"", "latitude must be within ±90"]),
        Case(name: "timeline --every 0d", make: { _ in ["timeline", "--every", "0d"] },
             output: "out.csv", status: 64, says: ["--every 0d"]),
        Case(name: "settlements --every 0d", make: { _ in ["settlements", "--every", "0d"] },
             output: "out.csv", status: 64, says: ["--every 0d"]),
        Case(name: "timeline --from after --to", make: { _ in ["timeline", "--from", "2020-12-01", "--to", "2020-10-01"] },
             output: "out.csv", status: 64, says: ["--from 2020-12-01", "--to 2020-10-01"]),
        // Was a product bug, fixed: exit 0 with a header only.
        Case(name: "settlements --from after --to", make: { _ in ["settlements", "--from", "2020-12-01", "--to", "2020-10-01"] },
             output: "out.csv", status: 64, says: ["--from 2020-12-01", "--to 2020-10-01"]),
        Case(name: "chart --from after --to", make: { _ in ["chart", "--from", "2020-12-01", "--to", "2020-10-01"] },
             output: "out.svg", status: 64, says: ["--from 2020-12-01", "--to 2020-10-01"]),
        Case(name: "animate --from after --to", make: { _ in ["animate", "--from", "2020-12-01", "--to", "2020-10-01"] },
             output: "out.svg", status: 64, says: ["--from 2020-12-01", "--to 2020-10-01"]),
        // Was a product bug, fixed: exit 0 with a header only (a date before the source's first is exit 64 naming the range).
        Case(name: "timeline --to before the first date", make: { _ in ["timeline", "--to", "1990-01-01"] },
             output: "out.csv", status: 64, says: ["1990-01-01", "1994-05-12"]),
        // Was a product bug, fixed: as above.
        Case(name: "settlements --to before the first date", make: { _ in ["settlements", "--to", "1990-01-01"] },
             output: "out.csv", status: 64, says: ["1990-01-01", "1994-05-12"]),
        Case(name: "map --crs EPSG:999999", make: { _ in ["map", "--date", "2020-10-27", "--crs", "EPSG:999999"] },
             output: "out.svg", status: 64, says: ["--crs EPSG:999999"]),
        Case(name: "settlements --bbox of three numbers", make: { _ in ["settlements", "--bbox", "1,2,3"] },
             output: "out.csv", status: 64, says: ["--bbox \"1,2,3\"", "four numbers"]),
        Case(name: "settlements --min-population -5", make: { _ in ["settlements", "--min-population", "-5"] },
             output: "out.csv", status: 64, says: ["--min-population must be 0 or more"]),
        Case(name: "settlements --region that matches nothing", make: { _ in ["settlements", "--region", "nosuch"] },
             output: "out.csv", status: 64, says: ["no settlements match"]),
        Case(name: "animate --fps 0", make: { _ in ["animate", "--fps", "0"] },
             output: "out.svg", status: 64, says: ["--fps must be between 0.1 and 60"]),
        Case(name: "animate --hold-last 99", make: { _ in ["animate", "--hold-last", "99"] },
             output: "out.svg", status: 64, says: ["--hold-last must be between 0 and 60"]),
        Case(name: "chart --width 100", make: { _ in ["chart", "--width", "100"] },
             output: "out.svg", status: 64, says: ["--width must be 480–20000"]),
        Case(name: "diff of three files", make: { d in
            let f = try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d).path
            return ["diff", f, f, f]
        }, output: "out.json", status: 64, says: ["give exactly two snapshot files (got 3)"]),
        Case(name: "map of three files", make: { d in
            let f = try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d).path
            return ["map", f, f, f]
        }, output: "out.svg", status: 64, says: ["(got 3)"]),
        Case(name: "export a date before a snapshot's", make: { d in
            ["export", "--snapshots", try rcPut(rcDoc(), "a-2024-01-01.geojson", in: d).path, "--date", "2023-01-01"]
        }, output: "out.gpkg", status: 64, says: ["2023-01-01 is before", "2024-01-01"]),
    ]

    static let cases: [Case] = formatCases + dateAndSideCases + regionAndJoinCases + databaseCases + outputCases + argumentCases

    @Test(arguments: cases) func oneLineRightStatusNothingLeftBehind(c: Case) throws {
        let dir = try CLI.tempDir()
        let outDir = try CLI.tempDir()
        defer {
            try? FileManager.default.removeItem(at: dir)
            try? FileManager.default.removeItem(at: outDir)
        }
        let args = try c.make(dir)
        let out = c.output.map { outDir.appendingPathComponent($0) }
        let r = try CLI.run(args + (out.map { ["-o", $0.path] } ?? []), stdin: c.stdin)
        #expect(!r.terminatedBySignal, "\(c): killed by a signal: \(r.stderr)")
        #expect(r.status == c.status, "\(c): exit \(r.status), expected \(c.status): \(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("frontline: error: ") == true, "\(c): \(r.stderr)")
        #expect(lines.count == 1 || (lines.count == 2 && lines[1].hasPrefix("hint: ")), "\(c): more than one line: \(r.stderr)")
        let message = lines.first ?? ""
        for s in c.says { #expect(message.contains(s), "\(c): \(r.stderr) lacks \(s)") }
        for s in c.never { #expect(!r.stderr.contains(s), "\(c): \(r.stderr) shows \(s)") }
        #expect(r.stdout.isEmpty, "\(c): wrote to standard output: \(r.stdout.prefix(200))")
        if let out {
            #expect(!FileManager.default.fileExists(atPath: out.path), "\(c): output left behind")
            let left = (try? FileManager.default.contentsOfDirectory(atPath: outDir.path)) ?? []
            #expect(left.isEmpty, "\(c): left \(left) in the output folder")
        }
    }

    // MARK: Not errors: warnings and inputs that must be read

    static func rcRows(_ csv: String) -> [[String]] {
        csv.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
    }

    /// Sides that overlap in one snapshot are a warning, not an error: one line, the overlap counted once as contested.
    @Test func overlappingSidesInOneSnapshotWarnOnce() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let red = Self.rcFeature(#"{"side":"red"}"#, "[[[37,47],[38,47],[38,48],[37,48],[37,47]]]")
        let blue = Self.rcFeature(#"{"side":"blue"}"#, "[[[37.5,47],[38.5,47],[38.5,48],[37.5,48],[37.5,47]]]")
        let f = try Self.rcPut(#"{"type":"FeatureCollection","features":["# + red + "," + blue + "]}", "o-2024-01-01.geojson", in: dir)
        let r = try CLI.run(["timeline", f.path])
        #expect(!r.terminatedBySignal && r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1, "\(r.stderr)")
        let warning = lines.first ?? ""
        #expect(warning.hasPrefix("frontline: warning: ") && warning.contains("o-2024-01-01.geojson"), "\(r.stderr)")
        #expect(warning.contains("red and blue overlap by") && warning.contains("counted once, as contested"), "\(r.stderr)")
        let rows = Self.rcRows(r.stdout)
        #expect(rows.map { $0[2] } == ["red", "blue", "contested"], "\(r.stdout)")
        // Each half-degree strip is about a third of the union: red alone, blue alone, and both.
        let areas = rows.compactMap { Double($0[3]) }
        #expect(areas.count == 3 && areas.allSatisfy { abs($0 - areas[2]) < 1 }, "\(r.stdout)")
    }

    /// Two snapshots of one archive in different CRSs are both transformed to WGS84: not an error, and equal.
    @Test func mixedCRSArchiveIsTransformed() throws {
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let src = try Self.rcPut(Self.rcDoc(props: #"{"side":"red"}"#), "src.json", in: dir)
        let archive = dir.appendingPathComponent("archive")
        try FileManager.default.createDirectory(at: archive, withIntermediateDirectories: true)
        try Self.rcOgr2ogr(["-f", "GPKG", archive.appendingPathComponent("a-2024-01-01.gpkg").path, src.path])
        try Self.rcOgr2ogr(["-f", "GPKG", "-t_srs", "EPSG:3857", archive.appendingPathComponent("b-2024-01-08.gpkg").path, src.path])
        let r = try CLI.run(["timeline", archive.path])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let rows = Self.rcRows(r.stdout)
        #expect(rows.map { $0[2] } == ["red", "red"], "\(r.stdout)")
        if rows.count == 2, let a = Double(rows[0][3]), let b = Double(rows[1][3]) {
            #expect(abs(a - b) < 0.01 && abs(a - 4228.016) < 0.01, "\(r.stdout)")
        }
    }

    /// A row with a bad position keeps its place with empty joined columns and one warning (the documented design),
    /// and every output row keeps the header's column count.
    @Test func joinKeepsBadRowsInPlace() throws {
        let csv = "date,lon,lat\n2020-10-27,47.1,95\n2020-10-27,47.1\n2020-10-27,47.12619,40.37577\n"
        let r = try CLI.run(["join", "-"], stdin: csv)
        #expect(!r.terminatedBySignal && r.status == 0, "\(r.stderr)")
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 && lines[0].hasPrefix("frontline: warning: "), "\(r.stderr)")
        #expect(r.stderr.contains("2 rows with a bad date or position") && r.stderr.contains("lines 2, 3"), "\(r.stderr)")
        let out = r.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).count }
        #expect(out.count == 4, "\(r.stdout)")
        // Was a product bug, fixed: the short row (line 3) comes out with 6 fields under the 7-column header.
        #expect(out.allSatisfy { $0 == 7 }, "\(r.stdout)")
        #expect(r.stdout.contains("2020-10-27,47.1,95,,,,\n"), "\(r.stdout)")
        #expect(r.stdout.contains(",azerbaijan,confirmed,"), "\(r.stdout)")
    }

    /// An ArcGIS FeatureServer query saved as .json (the default of `f=json`) is ESRI JSON, which the README lists.
    @Test func esriJSONNamedJSONIsRead() throws {
        // Was a product bug, fixed: the native GeoJSON reader takes any .json and fails with
        // "features[0].geometry: geometry has no "type""; the same file named .esrijson is read through GDAL.
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let esri = #"{"objectIdFieldName":"OBJECTID","geometryType":"esriGeometryPolygon","spatialReference":{"wkid":4326},"fields":[{"name":"side","type":"esriFieldTypeString"}],"features":[{"attributes":{"side":"red"},"geometry":{"rings":[[[37,47],[38,47],[38,48],[37,47]]]}}]}"#
        let f = try Self.rcPut(esri, "e-2024-01-01.json", in: dir)
        let r = try CLI.run(["timeline", f.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.rcRows(r.stdout).map { $0[2] } == ["red"], "\(r.stdout)")
    }

    /// The README: "`--date D` dates a single undated file".
    @Test func undatedSingleFileIsDatedByDate() throws {
        // Was a product bug, fixed: no command passes its --date to SnapshotArchive (Snapshot.Options.date), so this is
        // exit 65 "… nor a date property: give --date D" although --date is given.
        let dir = try CLI.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = try Self.rcPut(Self.rcDoc(), "undated.geojson", in: dir)
        let r = try CLI.run(["control", "--snapshots", f.path, "--date", "2024-01-01"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("occupied"), "\(r.stdout)")
    }

    /// What join writes, join reads back: quoted fields with commas, doubled quotes and line breaks, a quote inside
    /// an unquoted field, and a short row all come out as rows of the header's width.
    @Test func joinOutputReadsBack() throws {
        let csv = "date,lon,lat,note\n2020-10-27,47.1,40.3,\"a, \"\"b\"\"\nc\"\n2020-10-27,47.1,40.3,x\"y\n2020-10-27,47.1\n"
        let once = try CLI.run(["join", "-"], stdin: csv)
        #expect(once.status == 0, "\(once.stderr)")
        let twice = try CLI.run(["join", "-", "--no-distance"], stdin: once.stdout)
        #expect(twice.status == 0, "join cannot read its own output: \(twice.stderr)")
        #expect(twice.stdout.hasPrefix("date,lon,lat,note,side,status,distance_to_front_km,as_of,side_joined,status_joined,distance_to_front_km_joined,as_of_joined"), "\(twice.stdout)")
    }
}
