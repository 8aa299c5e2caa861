import GeoModel
import Testing

@Suite struct GeoJSONReaderTests {
    @Test func readsFeatureCollectionWithCRSAndZ() throws {
        let text = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},
         "features":[{"type":"Feature","id":7,"properties":{"name":"Barda","pop":41038},
           "geometry":{"type":"Point","coordinates":[47.12619,40.37577,12.5]}},
          {"type":"Feature","properties":null,"geometry":null}]}
        """
        let fc = try GeoJSONReader.read(text)
        #expect(fc.features.count == 2)
        #expect(fc.features[0].id == .number(7))
        #expect(fc.features[0].properties["name"] == "Barda")
        #expect(fc.features[0].geometry == .point(Point(Position(lon: 47.12619, lat: 40.37577, z: 12.5))))
        #expect(fc.features[1].geometry == nil)
    }

    @Test func acceptsMembersInAnyOrderAndBareGeometry() throws {
        let fc = try GeoJSONReader.read(#"{"coordinates":[[0,0],[1,1]],"type":"LineString"}"#)
        #expect(fc.features.count == 1)
        #expect(fc.features[0].geometry?.vertexCount == 2)
        let f = try GeoJSONReader.read(#"{"geometry":{"type":"Point","coordinates":[1,2]},"type":"Feature","properties":{}}"#)
        #expect(f.features[0].geometry == .point(Point(Position(lon: 1, lat: 2))))
    }

    @Test func acceptsEitherWinding() throws {
        let cw = #"{"type":"Polygon","coordinates":[[[0,0],[0,1],[1,1],[1,0],[0,0]]]}"#
        let fc = try GeoJSONReader.read(cw)
        #expect(fc.features[0].geometry?.polygons.first?.exterior.count == 5)
    }

    /// Table-driven: each bad document and the one-line error it must give.
    @Test(arguments: [
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}}]}"#,
         "features[0].geometry.coordinates[0]: ring has 3 positions, needs at least 4"),
        (#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#,
         "coordinates[0]: ring is not closed: its first and last positions differ"),
        (#"{"type":"Point","coordinates":[10,95]}"#, "coordinates: latitude 95.0 is beyond ±90 (are longitude and latitude swapped?)"),
        (#"{"type":"LineString","coordinates":[[0,0]]}"#, "coordinates: line has 1 position, needs at least 2"),
        (#"{"type":"Blob","coordinates":[0,0]}"#, "unknown geometry type \"Blob\""),
        (#"{"type":"Point"}"#, "Point has no \"coordinates\""),
        (#"{"type":"FeatureCollection"}"#, "FeatureCollection has no \"features\" array"),
        (#"{"type":"Point","coordinates":[NaN,1]}"#, "coordinates (line 1, column 32): NaN is not a valid JSON number"),
        (#"{"type":"Point","coordinates":[1,2]"#, "line 1, column 36: unexpected end of file, expected ',' or '}'"),
        ("[1,2]", "line 1, column 1: expected a GeoJSON object, found '['"),
        ("", "file is empty, expected a GeoJSON object"),
        (#"{"type":"Feature","properties":{}}"#, "Feature has no \"geometry\" member (use null for none)"),
        (#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":null,"properties":5}]}"#,
         "features[0].properties (line 1, column 88): \"properties\" must be an object or null"),
    ])
    func rejectsWithPlace(text: String, expected: String) {
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(text) }
        do {
            _ = try GeoJSONReader.read(text)
        } catch {
            #expect(error.description == expected)
        }
    }

    @Test func refusesDeepNestingWithoutCrashing() {
        let deep = "{\"type\":\"Point\",\"coordinates\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(deep) }
        let deepProps = "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"a\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}}"
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(deepProps) }
    }

    @Test func rejectsInvalidUTF8() {
        var bytes = Array(#"{"type":"Feature","geometry":null,"properties":{"name":""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#""}}"#.utf8)
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(bytes) }
    }

    @Test func decodesEscapes() throws {
        let fc = try GeoJSONReader.read(#"{"type":"Feature","geometry":null,"properties":{"n":"\u0414\u00e9 \"q\" \ud83d\ude00"}}"#)
        #expect(fc.features[0].properties["n"] == "Дé \"q\" 😀")
    }

    @Test func warnsOnDuplicateIds() throws {
        let fc = try GeoJSONReader.read(#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":null,"properties":{}},{"type":"Feature","id":"a","geometry":null,"properties":{}}]}"#)
        #expect(fc.warnings == [#"features[1]: duplicate id "a""#])
    }

    @Test func refusesProjectedCRS() {
        let text = #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[]}"#
        #expect(throws: GeoJSONError.self) { try GeoJSONReader.read(text) }
    }

    @Test(arguments: ["0.1", "-12.5e3", "1E-7", "40.37577", "123456789012345678", "0.30000000000000004", "-0"])
    func parsesNumbersExactly(n: String) throws {
        let fc = try GeoJSONReader.read("{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"v\":\(n)}}")
        #expect(fc.features[0].properties["v"]?.numberValue == Double(n))
    }
}
