import Foundation
import GeoModel
import TestSupport
import Testing

/// The streamed reader must agree with the whole-document reader: the same features, the same warnings, and for
/// broken input the same error, with the same place, line and column. Small windows force features to straddle
/// refills, which is where a streamed reader goes wrong.
@Suite struct GeoJSONFeatureStreamTests {
    /// Writes `text` to a temporary file and streams it with a given window.
    static func stream(_ text: [UInt8], window: Int) throws -> (GeoJSONFeatureStream.Outcome, [Feature]) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString).geojson")
        try Data(text).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        var features: [Feature] = []
        let outcome = try GeoJSONFeatureStream.forEachFeature(inFile: url.path, windowBytes: window) { features.append($0) }
        return (outcome, features)
    }

    /// A collection of `n` features with awkward properties: brackets, braces, quotes and backslashes in strings.
    static func collection(_ n: Int, rng: inout SplitMix64, extra: String = "") -> String {
        var parts: [String] = []
        for i in 0..<n {
            let lon = 30 + Double(rng.next() % 1000) / 100, lat = 45 + Double(rng.next() % 500) / 100
            let ring = (0..<Int(rng.next() % 40 + 3)).map { k in
                let a = Double(k) / 7
                return "[\(lon + cos(a) * 0.1),\(lat + sin(a) * 0.1)]"
            }
            let closed = ring + [ring[0]]
            let name = #"x\"]}{[\\ \u00e9 \#(i)"#
            let geometry = i % 5 == 4 ? "null" : #"{"type":"Polygon","coordinates":[[\#(closed.joined(separator: ","))]]}"#
            parts.append(#"{"type":"Feature","id":\#(i % 7 == 6 ? 0 : i),"properties":{"name":"\#(name)","n":[1,{"a":"]"}]},"geometry":\#(geometry)}"#)
        }
        return #"{"type":"FeatureCollection",\#(extra)"features":[\#n\#(parts.joined(separator: ",\n"))]}"#
    }

    @Test func agreesWithTheWholeReaderAcrossWindowSizes() throws {
        var rng = SplitMix64(seed: 7946)
        for n in [0, 1, 2, 40] {
            let text = Array(Self.collection(n, rng: &rng, extra: #""name":"x","crs":{"type":"name","properties":{"name":"EPSG:4326"}},"#).utf8)
            let whole = try GeoJSONReader.read(text)
            for window in [4096, 5000, 1 << 16, 1 << 22] {
                let (outcome, features) = try Self.stream(text, window: window)
                #expect(features == whole.features, "n \(n), window \(window)")
                #expect(outcome == .streamed(features: n, warnings: whole.warnings))
            }
        }
    }

    @Test func membersAfterTheFeaturesAreReadAndChecked() throws {
        let f = #"{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[1,2]}}"#
        let typeLast = Array(#"{"features":[\#(f)],"bbox":[1,2,1,2],"type":"FeatureCollection"}"#.utf8)
        #expect(try Self.stream(typeLast, window: 4096).0 == .streamed(features: 1, warnings: []))
        // A crs after the features that is not WGS84 fails as the whole reader fails.
        let badCRS = Array(#"{"type":"FeatureCollection","features":[\#(f)],"crs":{"type":"name","properties":{"name":"EPSG:3857"}}}"#.utf8)
        let expected = #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(badCRS) }
        let got = #expect(throws: GeoJSONError.self) { try Self.stream(badCRS, window: 4096) }
        #expect(got?.description == expected?.description)
        #expect(got?.description.hasPrefix("crs (line 1, column ") == true)
    }

    @Test func anythingButAPlainCollectionIsLeftToTheWholeReader() throws {
        let point = #"{"type":"Point","coordinates":[1,2]}"#
        for text in [
            point,
            #"{"type":"Feature","properties":{},"geometry":\#(point)}"#,
            #"{"id":3,"datetime":"2025-01-01","map":{"type":"FeatureCollection","features":[]}}"#,
            #"{"type":"Topology","features":[]}"#,
            #"{"features":[]}"#,
            "", "[]", "{}",
        ] {
            #expect(try Self.stream(Array(text.utf8), window: 4096).0 == .notAFeatureCollection, "\(text)")
        }
    }

    /// Broken documents: the streamed reader's error is the whole reader's, character for character (place, line,
    /// column, message), including features past the first window.
    @Test func errorsMatchTheWholeReader() throws {
        var rng = SplitMix64(seed: 1994)
        let good = Self.collection(30, rng: &rng)
        let bytes = Array(good.utf8)
        // Positions far into the file, so that the damage lies beyond the first windows.
        var cases: [[UInt8]] = []
        for cut in [bytes.count / 3, bytes.count / 2, bytes.count - 3] {
            cases.append(Array(bytes[..<cut]))                                    // truncated
            var b = bytes; b[cut] = UInt8(ascii: "#"); cases.append(b)             // a stray byte
            var c = bytes; c.insert(UInt8(ascii: ","), at: cut); cases.append(c)  // an extra comma
        }
        let text = good.replacingOccurrences(of: #""type":"Feature","id":20,"#, with: #""type":"Feat","id":20,"#)
        cases.append(Array(text.utf8))                                             // a wrong type
        let short = good.replacingOccurrences(of: #""type":"Polygon","coordinates":[["#, with: #""type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]],["#)
        cases.append(Array(short.utf8))                                            // a ring of 3 positions
        cases.append(Array((good + " x").utf8))                                    // bytes after the end
        var compared = 0
        for (i, c) in cases.enumerated() {
            let expected: GeoJSONError
            do {
                _ = try GeoJSONReader.read(c)
                continue  // the mutation happened to stay valid
            } catch {
                expected = error
            }
            for window in [4096, 1 << 20] {
                do {
                    let (outcome, _) = try Self.stream(c, window: window)
                    // Only a document the whole reader would read differently may be declined.
                    #expect(outcome == .notAFeatureCollection, "case \(i): streamed a document the whole reader refuses (\(expected))")
                } catch let e as GeoJSONError {
                    #expect(e.description == expected.description, "case \(i), window \(window)")
                    compared += 1
                }
            }
        }
        #expect(compared >= 16)
    }
}
