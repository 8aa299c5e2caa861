import GeoModel
import Testing

/// Seeded mutations of a valid document: the reader must return a value or a GeoJSONError, never trap,
/// and whatever it reads must survive a write → read round trip. (The open-ended version is tools/fuzz/run.sh.)
@Suite struct ReaderRobustnessTests {
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed = Array("""
        {"type":"FeatureCollection","features":[{"type":"Feature","id":"a","properties":{"name":"Bərdə \\u00e9 <&>","n":[1,2.5e3,null,true]},
        "geometry":{"type":"MultiPolygon","coordinates":[[[[46,39],[47,39],[47,40],[46,40],[46,39]],[[46.2,39.2],[46.2,39.4],[46.4,39.4],[46.2,39.2]]]]}},
        {"type":"Feature","properties":null,"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[47.1,40.3,5]},
        {"type":"LineString","coordinates":[[46,39],[47,40]]}]}}]}
        """.utf8)

    @Test func mutationsNeverTrap() throws {
        _ = try GeoJSONReader.read(Self.seed)
        var rng = SplitMix64(state: 20201027)
        var accepted = 0
        let alphabet = Array("{}[],:\"\\-0123456789.eE tnfulNaIy".utf8) + [0x00, 0xC3, 0xFF, 0x0A]
        for _ in 0..<3000 {
            var bytes = Self.seed
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                guard !bytes.isEmpty else { break }
                let i = Int.random(in: 0..<bytes.count, using: &rng)
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: bytes[i] = alphabet[Int.random(in: 0..<alphabet.count, using: &rng)]
                case 1: bytes.remove(at: i)
                case 2: bytes.insert(alphabet[Int.random(in: 0..<alphabet.count, using: &rng)], at: i)
                default: bytes = Array(bytes[..<i])
                }
            }
            if let fc = try? GeoJSONReader.read(bytes) {
                accepted += 1
                let again = try GeoJSONReader.read(GeoJSONWriter().encode(fc))
                #expect(again.features.count == fc.features.count)
            }
        }
        // Some mutations stay valid (e.g. a changed digit), most do not.
        #expect(accepted > 0 && accepted < 3000)
    }
}
