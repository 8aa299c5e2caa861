import GeoModel
import GeoOps
import TestSupport
import Testing

/// Reference values from pyproj 3.7.2 (PROJ 9.5.1) `Geod(ellps="WGS84")`, an independent implementation path.
@Suite struct GeodesyTests {
    let barda = Position(lat: 40.37577, lon: 47.12619)
    let stepanakert = Position(lat: 39.81770, lon: 46.75280)

    @Test func areaOfOneDegreeCell() {
        let cell = Polygon(exterior: [Position(lon: 46, lat: 39), Position(lon: 47, lat: 39), Position(lon: 47, lat: 40),
                                      Position(lon: 46, lat: 40), Position(lon: 46, lat: 39)])
        // pyproj 3.7.2: abs(Geod(ellps="WGS84").geometry_area_perimeter(box(46,39,47,40))[0]) = 9549468853.921387 m²
        #expect(relativeError(Geodesy.areaKm2(cell), 9549.468853921387) < 1e-6)
        // Winding does not change the area.
        let reversed = Polygon(exterior: cell.exterior.reversed())
        #expect(relativeError(Geodesy.areaKm2(reversed), 9549.468853921387) < 1e-6)
    }

    @Test func areaSubtractsHoles() {
        let cell = Polygon(exterior: [Position(lon: 46, lat: 39), Position(lon: 47, lat: 39), Position(lon: 47, lat: 40),
                                      Position(lon: 46, lat: 40), Position(lon: 46, lat: 39)],
                           holes: [[Position(lon: 46.2, lat: 39.2), Position(lon: 46.2, lat: 39.4), Position(lon: 46.4, lat: 39.4),
                                    Position(lon: 46.4, lat: 39.2), Position(lon: 46.2, lat: 39.2)]])
        // pyproj 3.7.2 geometry_area_perimeter on the holed polygon: 9166404182.44487 m²
        #expect(relativeError(Geodesy.areaKm2(cell), 9166.40418244487) < 1e-6)
    }

    @Test func distanceBardaStepanakert() {
        // pyproj 3.7.2: Geod(ellps="WGS84").inv(47.12619, 40.37577, 46.75280, 39.81770)[2] = 69667.58254447812 m
        #expect(relativeError(Geodesy.distanceKm(barda, stepanakert), 69.66758254447812) < 1e-9)
    }

    @Test func longDistanceBakuYerevan() {
        // pyproj 3.7.2: inv(49.89201, 40.37767, 44.51260, 40.17765)[2] = 457970.44850058417 m
        let d = Geodesy.distanceKm(Position(lat: 40.37767, lon: 49.89201), Position(lat: 40.17765, lon: 44.51260))
        #expect(relativeError(d, 457.97044850058417) < 1e-9)
    }

    @Test func lineLength() {
        let line = Geometry.lineString(LineString([Position(lon: 46, lat: 39), Position(lon: 47, lat: 40), Position(lon: 48, lat: 40)]))
        // pyproj 3.7.2: geometry_length(LineString([(46,39),(47,40),(48,40)])) = 225836.35686975095 m
        #expect(relativeError(Geodesy.lengthKm(line), 225.83635686975095) < 1e-9)
    }

    @Test func pointToLineDistance() throws {
        let line = Geometry.lineString(LineString([Position(lon: 46.0, lat: 40.2), Position(lon: 47.3, lat: 39.4)]))
        // pyproj 3.7.2: minimum of Geod.inv from Barda over 200,001 points along the lon/lat-straight segment = 75275.466 m
        let d = try Geodesy.distanceKm(from: barda, to: line)
        #expect(relativeError(d, 75.27546627080378) < 0.001)
    }

    @Test func pointToLineNear500km() throws {
        let line = Geometry.lineString(LineString([Position(lon: 44, lat: 38), Position(lon: 50, lat: 38)]))
        // pyproj 3.7.2: minimum of Geod.inv from (47, 42.5) over 400,001 points of the parallel 38°N = 499677.931 m
        let d = try Geodesy.distanceKm(from: Position(lat: 42.5, lon: 47), to: line)
        #expect(relativeError(d, 499.677931014023) < 0.001)
    }

    @Test func pointInsidePolygonIsZero() throws {
        let cell = Geometry.polygon(Polygon(exterior: [Position(lon: 46, lat: 39), Position(lon: 48, lat: 39), Position(lon: 48, lat: 41),
                                                       Position(lon: 46, lat: 41), Position(lon: 46, lat: 39)]))
        #expect(try Geodesy.distanceKm(from: barda, to: cell) == 0)
    }

    @Test func projectionRoundTripAndAxisOrder() throws {
        // EPSG:4326 is lat/lon in its definition; the projection must still take lon, lat.
        let utm = try Projection(from: "EPSG:4326", to: "EPSG:32638")
        let xy = try #require(utm.forward(47.12619, 40.37577))
        #expect(xy.x > 500_000 && xy.x < 800_000)   // easting, not northing
        #expect(xy.y > 4_400_000 && xy.y < 4_500_000)
        let back = try #require(utm.inverse(xy.x, xy.y))
        #expect(abs(back.x - 47.12619) < 1e-9 && abs(back.y - 40.37577) < 1e-9)
        #expect(throws: GeoOpsError.self) { try Projection(from: "EPSG:4326", to: "EPSG:999999") }
    }
}
