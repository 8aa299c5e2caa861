// libFuzzer entry for the news-report ingester: any bytes (as lossy UTF-8 text) must give a result, never a
// trap. Built by tools/fuzz/run.sh together with the sources of FrontlineIngest, linked to FrontlineKit.
import FrontlineKit
import GeoModel

nonisolated(unsafe) let fuzzGazetteer = Gazetteer([
    Place(id: "barda", name: "Barda", position: Position(lat: 40.37577, lon: 47.12619), names: ["az": "Bərdə"]),
    Place(id: "stepanakert", name: "Stepanakert", position: Position(lat: 39.8177, lon: 46.7528), names: ["az": "Xankəndi"], altNames: ["Khankendi"]),
    Place(id: "martuni", name: "Martuni", country: "AZ", position: Position(lat: 39.795, lon: 47.112)),
    Place(id: "martuni-am", name: "Martuni", country: "AM", position: Position(lat: 40.14, lon: 45.30)),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIngest(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let result = ReportIngester(gazetteer: fuzzGazetteer).ingest(text, reportDate: Day("2020-10-27"))
    _ = result.json().jsonText
    return 0
}
