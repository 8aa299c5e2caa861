import GeoModel
import TestSupport
import Testing

@Suite struct GeoJSONWriterTests {
    @Test func writesRFC7946Winding() throws {
        // Exterior clockwise and hole counter-clockwise on input: the writer must flip both.
        let ext = [Position(lon: 0, lat: 0), Position(lon: 0, lat: 2), Position(lon: 2, lat: 2), Position(lon: 2, lat: 0), Position(lon: 0, lat: 0)]
        let hole = [Position(lon: 0.5, lat: 0.5), Position(lon: 1.5, lat: 0.5), Position(lon: 1.5, lat: 1.5), Position(lon: 0.5, lat: 1.5), Position(lon: 0.5, lat: 0.5)]
        let fc = FeatureCollection([Feature(id: .string("p"), geometry: .polygon(Polygon(exterior: ext, holes: [hole])))])
        let back = try GeoJSONReader.read(GeoJSONWriter().encode(fc))
        let poly = try #require(back.features.first?.geometry?.polygons.first)
        #expect(Ring.isCounterClockwise(poly.rings[0]))
        #expect(!Ring.isCounterClockwise(poly.rings[1]))
    }

    @Test func writesPrecisionBBoxAndNoCRS() throws {
        let fc = FeatureCollection([Feature(id: .number(1), geometry: .point(Point(Position(lon: 46.123456789, lat: 39.987654321))))])
        let text = GeoJSONWriter(precision: 4, includeBBox: true).string(fc)
        #expect(text.contains("[46.1235,39.9877]"))
        #expect(text.contains(#""bbox":[46.1235,39.9877,46.1235,39.9877]"#))
        #expect(!text.contains("crs"))
    }

    @Test func escapesText() throws {
        let props: JSONObject = JSONObject([("name", "<script>alert(\"x\")</script> & שלום 😀\n")])
        let fc = FeatureCollection([Feature(geometry: nil, properties: props)])
        let text = GeoJSONWriter().string(fc)
        #expect(!text.contains("<script>"))
        #expect(!text.contains("&"))
        let back = try GeoJSONReader.read(text)
        #expect(back.features[0].properties["name"] == "<script>alert(\"x\")</script> & שלום 😀\n")
    }

    @Test func roundTripsARealFile() throws {
        guard let file = TestPaths.deepStateFiles.first else {
            print("SKIP roundTripsARealFile: ../shared/data/deepstate-ua is absent")
            return
        }
        let bytes = try [UInt8](Data(contentsOf: file))
        let first = try GeoJSONReader.read(bytes)
        let second = try GeoJSONReader.read(GeoJSONWriter().encode(first))
        #expect(first.features.count == second.features.count)
        // Same geometry up to ring orientation: compare vertex counts and bounding boxes exactly.
        #expect(first.features[0].geometry?.vertexCount == second.features[0].geometry?.vertexCount)
        #expect(first.boundingBox == second.boundingBox)
        for poly in second.features[0].geometry?.polygons ?? [] {
            #expect(Ring.isCounterClockwise(poly.exterior))
        }
    }
}

import Foundation

/// The fixed-point fast path of coordinates must print exactly what the general path (`String(Double)` of the rounded
/// value) prints, and a collection written piece by piece must equal the one written whole.
@Suite struct GeoJSONWriterFastPathTests {
    /// The general path: round to the precision, then the shortest round-trip form (whole numbers as integers).
    static func reference(_ v: Double, _ precision: Int) -> String {
        let scale = (0..<precision).reduce(1.0) { acc, _ in acc * 10 }
        var r = (v * scale).rounded() / scale
        if r == 0 { r = 0 }
        if r.rounded() == r && abs(r) < 1e15 { return String(Int64(r)) }
        return String(r)
    }

    @Test func fixedPointEqualsTheShortestForm() throws {
        var rng = SplitMix64(seed: 42)
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.00001, -0.00012345, 0.0001, 1e-9, 179.9999999, -180, 90, 45.00000005,
                                12345678.1234567, 1e14, -99999999.99999999, 0.1 + 0.2]
        for _ in 0..<20_000 {
            let magnitude = pow(10, Double(Int(rng.next() % 14)) - 5)
            values.append((Double(rng.next() % 2_000_000) / 1_000_000 - 1) * magnitude)
        }
        for precision in [1, 3, 6, 7, 9, 15] {
            for v in values {
                var out = JSONOutput(precision: precision)
                out.coordinate(v)
                let got = String(decoding: out.bytes, as: UTF8.self)
                #expect(got == Self.reference(v, precision), "\(v) at \(precision)")
                var pair = JSONOutput(precision: precision)
                pair.value(.array([]))  // unrelated bytes before must not matter
                pair.removeAll()
                #expect(pair.bytes.isEmpty)
            }
        }
    }

    @Test func positionsUseTheSameDigitsAsSingleCoordinates() throws {
        var rng = SplitMix64(seed: 2020)
        var features: [Feature] = []
        for i in 0..<200 {
            let ring = (0..<5).map { _ in Position(lon: Double(rng.next() % 3_600_000_000) / 1e7 - 180, lat: Double(rng.next() % 1_800_000_000) / 1e7 - 90) }
            features.append(Feature(id: .number(Double(i)), geometry: .lineString(LineString(ring)), properties: JSONObject()))
        }
        let fc = FeatureCollection(features)
        for precision in [6, 7] {
            let whole = GeoJSONWriter(precision: precision).encode(fc)
            let text = String(decoding: whole, as: UTF8.self)
            for f in features {
                guard case .lineString(let line)? = f.geometry else { continue }
                let expected = line.positions.map { "[\(Self.reference($0.lon, precision)),\(Self.reference($0.lat, precision))]" }
                #expect(text.contains("\"coordinates\":[" + expected.joined(separator: ",") + "]"))
            }
            // Piece by piece, the same bytes.
            let w = GeoJSONWriter(precision: precision)
            var pieces = w.collectionHeader()
            var out = JSONOutput(precision: precision)
            for (i, f) in features.enumerated() {
                w.append(f, first: i == 0, to: &out)
                if i % 17 == 0 { pieces += out.bytes; out.removeAll() }
            }
            pieces += out.bytes + w.collectionFooter(boundingBox: fc.boundingBox)
            #expect(pieces == whole)
        }
        // Empty, and with a bounding box (which the pieces put after the features).
        let w = GeoJSONWriter(precision: 7, includeBBox: true)
        let empty = w.collectionHeader() + w.collectionFooter(boundingBox: nil)
        #expect(try GeoJSONReader.read(empty).features.isEmpty)
        var out = JSONOutput(precision: 7)
        w.append(features[0], first: true, to: &out)
        let boxed = String(decoding: w.collectionHeader() + out.bytes + w.collectionFooter(boundingBox: BoundingBox(geometry: features[0].geometry!)), as: UTF8.self)
        #expect(boxed.hasSuffix("]}\n") && boxed.contains("\n],\"bbox\":["))
    }
}
