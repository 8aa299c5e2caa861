import CGEOS
import GeoModel

/// Collects the last GEOS error message for one context.
final class GEOSMessages {
    var last: String?
}

/// Owns one GEOS context handle (re-entrant API). Not shared across tasks: create one per operation or per task.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private let messages = GEOSMessages()

    init() throws(GeoOpsError) {
        guard let h = GEOS_init_r() else { throw .geos(operation: "init", message: "GEOS_init_r returned NULL") }
        handle = h
        // The handler is a C function; the message box travels as userdata and outlives the context (owned by self).
        let box = Unmanaged.passUnretained(messages).toOpaque()
        GEOSContext_setErrorMessageHandler_r(handle, { message, userdata in
            guard let message, let userdata else { return }
            Unmanaged<GEOSMessages>.fromOpaque(userdata).takeUnretainedValue().last = String(cString: message)
        }, box)
        GEOSContext_setNoticeMessageHandler_r(handle, { _, _ in }, nil)
    }

    deinit { GEOS_finish_r(handle) }

    /// An error for a failed call, with GEOS's own message when it gave one.
    func failure(_ operation: String) -> GeoOpsError {
        let m = messages.last ?? "no message"
        messages.last = nil
        return .geos(operation: operation, message: m)
    }

    /// A GEOS result or the error: for calls whose failure value is NULL.
    func check(_ g: OpaquePointer?, _ operation: String) throws(GeoOpsError) -> OpaquePointer {
        guard let g else { throw failure(operation) }
        return g
    }

    func destroy(_ g: OpaquePointer) { GEOSGeom_destroy_r(handle, g) }

    // MARK: Model → GEOS (the caller owns the result)

    func make(_ geometry: Geometry) throws(GeoOpsError) -> OpaquePointer {
        switch geometry {
        case .point(let p):
            return try check(GEOSGeom_createPointFromXY_r(handle, p.position.lon, p.position.lat), "createPoint")
        case .multiPoint(let m):
            var parts: [OpaquePointer?] = []
            for p in m.points {
                parts.append(try check(GEOSGeom_createPointFromXY_r(handle, p.lon, p.lat), "createPoint"))
            }
            return try collection(GEOS_MULTIPOINT, &parts)
        case .lineString(let l):
            return try check(GEOSGeom_createLineString_r(handle, try sequence(l.positions)), "createLineString")
        case .multiLineString(let m):
            var parts: [OpaquePointer?] = []
            for l in m.lineStrings {
                do { parts.append(try check(GEOSGeom_createLineString_r(handle, try sequence(l.positions)), "createLineString")) }
                catch { parts.forEach { if let g = $0 { destroy(g) } }; throw error }
            }
            return try collection(GEOS_MULTILINESTRING, &parts)
        case .polygon(let p):
            return try polygon(p)
        case .multiPolygon(let m):
            var parts: [OpaquePointer?] = []
            for p in m.polygons {
                do { parts.append(try polygon(p)) }
                catch { parts.forEach { if let g = $0 { destroy(g) } }; throw error }
            }
            return try collection(GEOS_MULTIPOLYGON, &parts)
        case .geometryCollection(let c):
            var parts: [OpaquePointer?] = []
            for g in c.geometries {
                do { parts.append(try make(g)) }
                catch { parts.forEach { if let g = $0 { destroy(g) } }; throw error }
            }
            return try collection(GEOS_GEOMETRYCOLLECTION, &parts)
        }
    }

    /// A collection taking ownership of `parts` (GEOS takes the members, not the array).
    private func collection(_ type: GEOSGeomTypes, _ parts: inout [OpaquePointer?]) throws(GeoOpsError) -> OpaquePointer {
        let count = UInt32(parts.count)
        let g = parts.withUnsafeMutableBufferPointer { buf in
            GEOSGeom_createCollection_r(handle, Int32(type.rawValue), buf.baseAddress, count)
        }
        return try check(g, "createCollection")
    }

    private func sequence(_ ps: [Position]) throws(GeoOpsError) -> OpaquePointer {
        var buf = [Double](repeating: 0, count: ps.count * 2)
        for (i, p) in ps.enumerated() {
            buf[2 * i] = p.lon
            buf[2 * i + 1] = p.lat
        }
        let seq = buf.withUnsafeBufferPointer { GEOSCoordSeq_copyFromBuffer_r(handle, $0.baseAddress, UInt32(ps.count), 0, 0) }
        return try check(seq, "copyFromBuffer")
    }

    private func polygon(_ p: Polygon) throws(GeoOpsError) -> OpaquePointer {
        guard let exterior = p.rings.first else {
            return try check(GEOSGeom_createEmptyPolygon_r(handle), "createEmptyPolygon")
        }
        // createLinearRing takes the sequence; createPolygon takes the rings (not the holes array).
        let shell = try check(GEOSGeom_createLinearRing_r(handle, try sequence(exterior)), "createLinearRing")
        var holes: [OpaquePointer?] = []
        for r in p.rings.dropFirst() {
            do { holes.append(try check(GEOSGeom_createLinearRing_r(handle, try sequence(r)), "createLinearRing")) }
            catch { destroy(shell); holes.forEach { if let h = $0 { destroy(h) } }; throw error }
        }
        let n = UInt32(holes.count)
        let g = holes.withUnsafeMutableBufferPointer { GEOSGeom_createPolygon_r(handle, shell, $0.baseAddress, n) }
        return try check(g, "createPolygon")
    }

    // MARK: GEOS → model (borrows `g`)

    func model(_ g: OpaquePointer) throws(GeoOpsError) -> Geometry {
        let type = GEOSGeomTypeId_r(handle, g)
        switch type {
        case Int32(GEOS_POINT.rawValue):
            let ps = try positions(g)
            guard let p = ps.first else { return .empty }
            return .point(Point(p))
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(LineString(try positions(g)))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(try polygon(g))
        case Int32(GEOS_MULTIPOINT.rawValue):
            var pts: [Position] = []
            for p in try parts(g) { pts.append(contentsOf: try positions(p)) }
            return .multiPoint(MultiPoint(pts))
        case Int32(GEOS_MULTILINESTRING.rawValue):
            var lines: [LineString] = []
            for p in try parts(g) { lines.append(LineString(try positions(p))) }
            return .multiLineString(MultiLineString(lines))
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            var polys: [Polygon] = []
            for p in try parts(g) { polys.append(try polygon(p)) }
            return .multiPolygon(MultiPolygon(polys))
        case Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            var gs: [Geometry] = []
            for p in try parts(g) { gs.append(try model(p)) }
            return .geometryCollection(GeometryCollection(gs))
        default:
            throw failure("geomTypeId")
        }
    }

    /// The members of a collection, borrowed from it.
    private func parts(_ g: OpaquePointer) throws(GeoOpsError) -> [OpaquePointer] {
        let n = GEOSGetNumGeometries_r(handle, g)
        guard n >= 0 else { throw failure("getNumGeometries") }
        var out: [OpaquePointer] = []
        out.reserveCapacity(Int(n))
        for i in 0..<n {
            guard let p = GEOSGetGeometryN_r(handle, g, i) else { throw failure("getGeometryN") }
            out.append(p)
        }
        return out
    }

    private func polygon(_ g: OpaquePointer) throws(GeoOpsError) -> Polygon {
        if GEOSisEmpty_r(handle, g) == 1 { return Polygon([]) }
        guard let ext = GEOSGetExteriorRing_r(handle, g) else { throw failure("getExteriorRing") }
        var rings = [try positions(ext)]
        let n = GEOSGetNumInteriorRings_r(handle, g)
        guard n >= 0 else { throw failure("getNumInteriorRings") }
        for i in 0..<n {
            guard let r = GEOSGetInteriorRingN_r(handle, g, i) else { throw failure("getInteriorRingN") }
            rings.append(try positions(r))
        }
        return Polygon(rings)
    }

    private func positions(_ g: OpaquePointer) throws(GeoOpsError) -> [Position] {
        if GEOSisEmpty_r(handle, g) == 1 { return [] }
        guard let seq = GEOSGeom_getCoordSeq_r(handle, g) else { throw failure("getCoordSeq") }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(handle, seq, &size) != 0 else { throw failure("getSize") }
        var buf = [Double](repeating: 0, count: Int(size) * 2)
        let ok = buf.withUnsafeMutableBufferPointer { GEOSCoordSeq_copyToBuffer_r(handle, seq, $0.baseAddress, 0, 0) }
        guard ok != 0 else { throw failure("copyToBuffer") }
        var out: [Position] = []
        out.reserveCapacity(Int(size))
        for i in 0..<Int(size) { out.append(Position(lon: buf[2 * i], lat: buf[2 * i + 1])) }
        return out
    }

    /// Runs `body` on a GEOS copy of `geometry`, destroying it afterwards.
    func with<T>(_ geometry: Geometry, _ body: (OpaquePointer) throws(GeoOpsError) -> T) throws(GeoOpsError) -> T {
        let g = try make(geometry)
        defer { destroy(g) }
        return try body(g)
    }

    /// Converts an owned GEOS result to a model value and destroys it.
    func take(_ g: OpaquePointer?, _ operation: String) throws(GeoOpsError) -> Geometry {
        let owned = try check(g, operation)
        defer { destroy(owned) }
        return try model(owned)
    }
}
