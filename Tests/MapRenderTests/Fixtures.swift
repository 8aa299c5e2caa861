import GeoModel
import MapRender

/// A small made-up two-side map: enough to exercise every layer kind, labels and the legend.
enum SampleMap {
    static func square(_ w: Double, _ s: Double, _ e: Double, _ n: Double) -> Geometry {
        .polygon(Polygon(exterior: [Position(lon: w, lat: s), Position(lon: e, lat: s), Position(lon: e, lat: n),
                                    Position(lon: w, lat: n), Position(lon: w, lat: s)]))
    }

    static var spec: MapSpec {
        let style = MapStyle.standard
        let window = BoundingBox(west: 46, south: 39, east: 48, north: 40.5)
        let blue = style.sideArea("azerbaijan", label: "Azerbaijan", index: 0)
        let orange = style.sideArea("armenian", label: "Armenian forces", index: 1)
        let layers = [
            MapLayer(id: "countries", symbol: style.country, features: [
                MapFeature(id: "xx", geometry: square(44, 37, 50, 42), data: [DataField("name", "Elsewhere")]),
            ]),
            MapLayer(id: "control", symbol: blue, features: [
                MapFeature(id: "azerbaijan", geometry: square(46, 39, 47, 40.5),
                           data: [DataField("side", "azerbaijan"), DataField("date", "2020-10-27"), DataField("area_km2", "1.5")]),
            ]),
            MapLayer(id: "control-2", symbol: orange, features: [
                MapFeature(id: "armenian", geometry: square(47, 39, 48, 40.5),
                           data: [DataField("side", "armenian"), DataField("date", "2020-10-27"), DataField("area_km2", "2.5")]),
            ]),
            MapLayer(id: "claimed", symbol: style.claimed(by: "azerbaijan", label: "Claimed, unconfirmed", index: 0), features: [
                MapFeature(id: "c1", geometry: square(46.8, 39.2, 47.2, 39.6), title: "Claimed by \"A\" & <B>"),
            ]),
            MapLayer(id: "front", symbol: style.frontLine, features: [
                MapFeature(id: "front", geometry: .lineString(LineString([Position(lon: 47, lat: 38), Position(lon: 47, lat: 41)]))),
            ]),
        ]
        let places = [
            MapPlace(id: "a", name: "Alpha <&> \"quoted\"", position: Position(lon: 46.5, lat: 39.75), rank: 1, symbol: style.capital),
            MapPlace(id: "b", name: "بيتا", position: Position(lon: 46.52, lat: 39.76), rank: 3, symbol: style.place),
            MapPlace(id: "c", name: "Gamma", position: Position(lon: 47.5, lat: 40), rank: 2, emphasized: true,
                     symbol: style.changedPlace(to: "armenian", label: "Changed hands", index: 1)),
            MapPlace(id: "far", name: "Outside", position: Position(lon: 60, lat: 10), rank: 1, symbol: style.place),
        ]
        let markers = [MapMarker(id: "1-strike", position: Position(lon: 47.3, lat: 39.4), magnitude: 14, symbol: style.incident,
                                 data: [DataField("killed", "4")], title: "Strike", label: "Strike")]
        return MapSpec(title: "Control on 27 October 2020", subtitle: "Sample & test", window: window, layers: layers,
                       places: places, markers: markers,
                       areaLabels: [AreaLabel(id: "d1", text: "District", geometry: square(46, 39, 47, 40.5))],
                       legendNotes: ["Areas in km² on the WGS84 ellipsoid."],
                       attribution: "Natural Earth (public domain); GeoNames (CC BY 4.0); sources: example.org")
    }
}
