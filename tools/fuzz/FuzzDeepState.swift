// libFuzzer entry for the bundled DeepState profile applied to a feature collection (a raw DeepStateMap export,
// bare or in its `{"id", "datetime", "map"}` wrapper): any bytes must give a snapshot or a FrontlineError, never
// a trap; the profile only ever yields its own sides. Built by tools/fuzz/run.sh with
// `swiftc -sanitize=fuzzer,address`, linked to the instrumented FrontlineKit module and GEOS/PROJ.
import Foundation
@testable import FrontlineKit
import GeoModel

let fuzzDeepStateSides: Set<String> = ["occupied", "unknown", Snapshot.contested]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeepState(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let fc = try? GeoJSONReader.read(bytes) else { return 0 }
    // The per-feature decision, without geometry.
    for f in fc.features {
        guard let name = f.properties["name"]?.stringValue else { continue }
        if case .side(let id) = SideRules.deepState.classify(name), !fuzzDeepStateSides.contains(id) {
            fatalError("the DeepState profile gave side \(id)")
        }
    }
    _ = Snapshot.dateFromRoot(fc)
    _ = Snapshot.dateFromProperties(fc)
    // The profile given (--profile deepstate) and detected from the class names (no flags).
    if let snap = try? Snapshot.make(fc, path: "1754251105.geojson", options: Snapshot.Options(rules: .deepState)) {
        for s in snap.sides where !fuzzDeepStateSides.contains(s.id) { fatalError("the DeepState profile gave side \(s.id)") }
        for s in snap.sides where snap.areas[s.id] == nil { fatalError("side \(s.id) without an area") }
    }
    if SideRules.looksLikeDeepState(fc) {
        _ = try? Snapshot.make(fc, path: "deepstate.geojson", options: Snapshot.Options())
    }
    return 0
}
