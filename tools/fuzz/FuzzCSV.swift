// libFuzzer entry for the event CSV reader (`join`, `db load` of events): any bytes must give a table or a
// FrontlineError, never a trap. A table that is read must account for every data line (a row or a bad line),
// give its fields, features and joined CSV, and the joined CSV must read back with the same rows and bad lines.
// Built by tools/fuzz/run.sh with `swiftc -sanitize=fuzzer,address`, linked to the instrumented FrontlineKit
// module (built with -enable-testing, so internal members are reachable).
import Foundation
@testable import FrontlineKit
import GeoModel

/// Joined values that need quoting (comma, quote, line breaks) and a formula-looking one.
let fuzzCSVColumns = ["side", "note"]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // Column names given on the command line (--date-column …) take the other path through the header.
    _ = try? IncidentCSV.parse(bytes, path: "fuzz.csv", dateColumn: "d", lonColumn: "lo", latColumn: "la")
    guard let csv = try? IncidentCSV.parse(bytes, path: "fuzz.csv") else { return 0 }
    let lineCount = csv.lines.count
    if csv.rows.count + csv.badLines.count != lineCount { fatalError("rows + bad lines != data lines") }
    if csv.rowOfLine.count != lineCount { fatalError("rowOfLine does not cover every data line") }
    _ = csv.columnNames
    if csv.rawLines.count != lineCount { fatalError("rawLines count differs from the data lines") }
    for k in 0..<lineCount {
        _ = csv.fields(ofLine: k)
        if let r = csv.row(ofLine: k), !r.position.isInRange { fatalError("a row outside lon/lat range") }
    }
    _ = csv.row(ofLine: lineCount)
    let values = csv.rows.enumerated().map { i, r in
        [i % 2 == 0 ? "occupied" : "-x", "\(r.day) \"q\",\r\nend"]
    }
    let features = csv.features(columns: fuzzCSVColumns, values: values)
    if features.count != lineCount { fatalError("features count differs from the data lines") }
    if features.filter({ $0.geometry != nil }).count != csv.rows.count { fatalError("point features != rows") }
    let joined = csv.joined(columns: fuzzCSVColumns, values: values)
    let again: IncidentCSV
    do { again = try IncidentCSV.parse(joined, path: "joined.csv") } catch {
        fatalError("joined CSV does not read back: \(error)")
    }
    if again.rows.count != csv.rows.count { fatalError("row count changed in the joined CSV: \(csv.rows.count) -> \(again.rows.count)") }
    if again.lines.count != lineCount { fatalError("line count changed in the joined CSV") }
    return 0
}
