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
