import Foundation
import GeoModel
import GeoOps

/// Who held a position in a snapshot source's state, and how far it lies from the front.
public struct SnapshotLocation: Sendable {
    /// The position located, in WGS84 lon/lat.
    public var position: Position
    /// The snapshot state that answers for the day asked about.
    public var asOf: AsOfState
    /// The drawn side covering the position, the implicit complement (`other`) inside the theatre country, or nil
    /// outside everything the source knows.
    public var side: String?
    /// The theatre country (by ISO code) the front is measured in, when the world layer knows it.
    public var theatre: String?
    /// Geodesic km to the front: the edge of the drawn sides inside the theatre country, away from its borders.
    public var distanceToFrontKm: Double?
    /// Km from the position to the theatre country (0 inside it), when it is outside.
    public var outsideTheatreKm: Double?
}

extension SnapshotArchive {
    final class InnerCache: @unchecked Sendable {
        let lock = NSLock()
        var byID: [String: Geometry] = [:]
        var theatreByBox: [String: String?] = [:]
    }
    static let innerCache = InnerCache()

    /// The theatre country shrunk by the border tolerance, computed once per process.
    static func innerTheatre(_ id: String, countries: [Feature]) throws -> Geometry {
        innerCache.lock.lock()
        if let g = innerCache.byID[id] { innerCache.lock.unlock(); return g }
        innerCache.lock.unlock()
        guard let g = countries.first(where: { $0.properties["iso_a2"]?.stringValue == id })?.geometry else { return .empty }
        let inner = try Geometry.polygonal(g.polygons).buffered(metres: -borderToleranceMetres)
        innerCache.lock.lock(); innerCache.byID[id] = inner; innerCache.lock.unlock()
        return inner
    }

    /// The theatre country of a state: the `iso_a2` of the country polygon holding most of the drawn area.
    public static func theatre(of state: ControlState, sides: [Side], countries: [Feature]) -> String? {
        guard let drawn = try? Geometry.unaryUnion(sides.compactMap { state.areas[$0.id] }).polygonalPart else { return nil }
        // Consecutive states of one archive have the same theatre: remembered by the drawn area's rounded box.
        let box = BoundingBox(geometry: drawn)
        let key = box.map { b in [b.west, b.south, b.east, b.north].map { String(Int(($0 * 2).rounded())) }.joined(separator: ",") + "|\(countries.count)" } ?? ""
        innerCache.lock.lock()
        if let hit = innerCache.theatreByBox[key] { innerCache.lock.unlock(); return hit }
        innerCache.lock.unlock()
        let found = findTheatre(drawn, countries: countries)
        innerCache.lock.lock(); innerCache.theatreByBox[key] = found; innerCache.lock.unlock()
        return found
    }

    static func findTheatre(_ drawn: Geometry, countries: [Feature]) -> String? {
        var best: (String, Double)?
        for c in countries {
            guard let g = c.geometry, !g.polygons.isEmpty, let id = c.properties["iso_a2"]?.stringValue else { continue }
            let poly = Geometry.polygonal(g.polygons)
            guard (try? poly.intersects(drawn)) == true, let x = try? poly.intersection(drawn) else { continue }
            let km2 = Geodesy.areaKm2(x)
            if km2 > (best?.1 ?? 0) { best = (id, km2) }
        }
        return best?.0
    }

    /// The front of a snapshot state: the edge of its drawn sides inside the theatre country (the one holding most
    /// of the drawn area), away from that country's borders and coasts.
    public static func front(of state: ControlState, sides: [Side], countries: [Feature]) throws(FrontlineError) -> Geometry {
        do {
            let drawn = try Geometry.unaryUnion(sides.compactMap { state.areas[$0.id] }).polygonalPart
            var edge = try drawn.boundary()
            if let id = theatre(of: state, sides: sides, countries: countries) {
                edge = try edge.intersection(try innerTheatre(id, countries: countries))
            }
            return edge
        } catch {
            throw .geometry("the front of \(state.date): \(error)")
        }
    }

    /// Borders and coasts are not fronts: edges of the drawn area within this many metres of the theatre
    /// country's (generalised) outline are left out of the front line.
    public static let borderToleranceMetres = 5_000.0
}

extension SnapshotSource {
    /// Locates a position on a day in any snapshot source (files or PostGIS). `countries` (ISO `iso_a2` polygons,
    /// e.g. the bundled world layer) lets the answer find the theatre country, so borders and coasts are not taken
    /// for the front.
    public func locate(_ position: Position, on day: Day, countries: [Feature] = []) throws(FrontlineError) -> SnapshotLocation {
        try locateInSnapshots(self, position, on: day, countries: countries)
    }
}

/// Who held a position in a source's state that day, and its geodesic distance to the front inside the theatre.
func locateInSnapshots(_ source: some ControlSource, _ position: Position, on day: Day, countries: [Feature]) throws(FrontlineError) -> SnapshotLocation {
    let asOf = try source.state(on: day)
    do {
        let locator = try ControlLocator(asOf.state, sides: asOf.sides)
        var side = try locator.side(at: position)
        let drawn = try Geometry.unaryUnion(asOf.sides.compactMap { asOf.state.areas[$0.id] }).polygonalPart
        // The theatre: the country holding most of the drawn area.
        var theatre: (id: String, geometry: Geometry)?
        var best = 0.0
        for c in countries {
            guard let g = c.geometry, !g.polygons.isEmpty, let id = c.properties["iso_a2"]?.stringValue else { continue }
            let poly = Geometry.polygonal(g.polygons)
            guard try poly.intersects(drawn) else { continue }
            let km2 = Geodesy.areaKm2(try poly.intersection(drawn))
            if km2 > best { best = km2; theatre = (id, poly) }
        }
        var outside: Double?
        if let t = theatre, side == nil {
            if try t.geometry.intersects(.point(Point(position))) {
                side = asOf.implicitSide
            } else {
                outside = try Geodesy.distanceKm(from: position, to: t.geometry.boundary())
            }
        } else if theatre == nil, side == nil {
            side = asOf.implicitSide
        }
        var edge = try drawn.boundary()
        if let t = theatre {
            let inner = try t.geometry.buffered(metres: -SnapshotArchive.borderToleranceMetres)
            edge = try edge.intersection(inner)
        }
        let distance = edge.isEmpty || outside != nil ? nil : try Geodesy.distanceKm(from: position, to: edge)
        return SnapshotLocation(position: position, asOf: asOf, side: side, theatre: theatre?.id, distanceToFrontKm: distance,
                                outsideTheatreKm: outside)
    } catch let e as FrontlineError {
        throw e
    } catch {
        throw .geometry("locating \(position.lat),\(position.lon): \(error)")
    }
}
