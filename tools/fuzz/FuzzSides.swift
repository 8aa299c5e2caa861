// libFuzzer entry for the sides mapping file (`--sides FILE`): any bytes must give rules or a FrontlineError,
// never a trap. Rules that are read are applied to the class names of the DeepState fixtures and to a small
// fixed collection of overlapping areas (the side decision, drops, and the contested overlap, through GEOS).
// Built by tools/fuzz/run.sh with `swiftc -sanitize=fuzzer,address`, linked to the instrumented FrontlineKit
// module (built with -enable-testing, so `SideRules.parse` is reachable) and GEOS/PROJ.
import Foundation
@testable import FrontlineKit
import GeoModel

/// Class names as the exports write them (non-breaking spaces, line breaks, old and new forms) and other values.
let fuzzSideValues = [
    "Окуповано\u{00A0}///\u{00A0}Occupied\u{00A0}///\u{00A0}geoJSON.status.occupied", "ОРДЛО /// ORDLO /// geoJSON.territories.ordlo",
    "Під питанням /// Unknown status /// geoJSON.status.unknown\n", "Звільнено///Liberated///geoJSON.status.dismissed.2022\n",
    "Тимчасово окупована Карелія /// Temporarily occupied Karelia /// geoJSON.territories.karelia", "Окуповано\n", "Крим",
    "Під питанням", "Liberated", "occupied", "azerbaijan", "1", "true", "", "  \u{202F} ", "Корабель /// Ship /// geoJSON.icons.ship",
]

/// Two overlapping squares and a third apart, with text, number and boolean side values, and a point. Kept as
/// text and read on each run: a global collection's geometry boxes are reported as leaks by LeakSanitizer.
let fuzzSidesCollectionText: String = {
    func square(_ x: Double, _ y: Double, _ d: Double) -> String {
        "{\"type\":\"Polygon\",\"coordinates\":[[[\(x),\(y)],[\(x + d),\(y)],[\(x + d),\(y + d)],[\(x),\(y + d)],[\(x),\(y)]]]}"
    }
    let text = """
    {"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"Окуповано /// Occupied /// geoJSON.status.occupied","side":"occupied","status":1,"flag":true},"geometry":\(square(37.0, 47.0, 1.0))},
    {"type":"Feature","properties":{"name":"Під питанням /// Unknown status /// geoJSON.status.unknown","side":"unknown","status":2,"flag":false},"geometry":\(square(37.5, 47.5, 1.0))},
    {"type":"Feature","properties":{"name":"Крим /// Crimea /// geoJSON.territories.crimea\\n","side":"occupied","status":1.5,"flag":true},"geometry":\(square(33.0, 44.6, 1.0))},
    {"type":"Feature","properties":{"name":"Звільнено /// Liberated /// geoJSON.status.dismissed","side":"ukraine","status":3,"flag":false},"geometry":\(square(35.0, 47.0, 0.5))},
    {"type":"Feature","properties":{"name":"Корабель /// Ship /// geoJSON.icons.ship"},"geometry":{"type":"Point","coordinates":[33.5,44.6]}}
    ]}
    """
    return text
}()

/// Where `SideRules.load` reads the mapping file from (one per process).
let fuzzSidesPath = NSTemporaryDirectory() + "/frontline-fuzz-sides-\(ProcessInfo.processInfo.processIdentifier).json"
/// Removes that file when the fuzzer exits.
let fuzzSidesCleanup: Void = { atexit { unlink(fuzzSidesPath) } }()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSides(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = fuzzSidesCleanup
    // The file path: read, JSON-parsed, and checked member by member (errors name the file and the member).
    guard FileManager.default.createFile(atPath: fuzzSidesPath, contents: Data(bytes)) else { fatalError("cannot write \(fuzzSidesPath)") }
    let loaded = try? SideRules.load(fuzzSidesPath)
    guard let root = try? JSONValue.parse(bytes) else {
        if loaded != nil { fatalError("load accepted bytes that are not JSON") }
        return 0
    }
    let parsed = try? SideRules.parse(root, path: fuzzSidesPath)
    if parsed != loaded { fatalError("load and parse disagree") }
    guard let rules = parsed else { return 0 }
    if rules.property.isEmpty { fatalError("rules without a property") }
    for r in rules.rules where (r.equals == nil) == (r.pattern == nil) { fatalError("a rule with both or neither of equals/match") }
    for s in rules.sideOrder where !SideRules.isSideID(s) { fatalError("side id \(s) is not an identifier") }
    for v in fuzzSideValues {
        let outcome = rules.classify(v)
        if outcome != rules.classify(v) { fatalError("classify is not deterministic") }
        if case .side(let id) = outcome, !SideRules.isSideID(id) { fatalError("classified to a side that is no identifier: \(id)") }
    }
    // Applying the rules to features: a snapshot or an error naming the feature, never a trap.
    let fc = try! GeoJSONReader.read(fuzzSidesCollectionText)
    if let snap = try? Snapshot.make(fc, path: "fuzz.geojson", options: Snapshot.Options(rules: rules)) {
        if snap.sides.isEmpty { fatalError("a snapshot without sides") }
        for s in snap.sides where snap.areas[s.id] == nil { fatalError("side \(s.id) without an area") }
    }
    return 0
}
