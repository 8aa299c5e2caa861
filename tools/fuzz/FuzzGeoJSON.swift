// libFuzzer entry for the GeoJSON reader and writer: any bytes must give a value or a GeoJSONError, never a
// trap; whatever is read must write and read back to the same features.
// Built by tools/fuzz/run.sh with `swiftc -sanitize=fuzzer,address` together with Sources/GeoModel.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGeoJSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let fc = try? GeoJSONReader.read(bytes) else { return 0 }
    let written = GeoJSONWriter().encode(fc)
    guard let again = try? GeoJSONReader.read(written) else {
        fatalError("written GeoJSON does not read back")
    }
    if again.features.count != fc.features.count { fatalError("feature count changed in the round trip") }
    for (a, b) in zip(fc.features, again.features) where a.geometry?.vertexCount != b.geometry?.vertexCount {
        fatalError("vertex count changed in the round trip")
    }
    return 0
}
