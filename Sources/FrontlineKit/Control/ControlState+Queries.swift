import GeoModel
import GeoOps

/// Who held a position on a day, and how sure the record is.
public struct PointControl: Sendable {
    /// The side id, or nil outside the study area.
    public var side: String?
    /// The status of the change that last moved the position to its side, as known on the day; `confirmed` when
    /// it is held as in the base state (or lies outside the study area).
    public var status: ChangeStatus
    /// The change that last moved this position, nil when it is as in the base state.
    public var change: ControlChange?
    /// Zones covering the position on that day.
    public var zones: [Zone]
}

extension ControlState {
    /// The controller of a position (positions on a boundary go to the first side in `sides` order that covers them).
    public func control(at p: Position, sides: [Side]) throws(FrontlineError) -> PointControl {
        try control(at: p, side: try ControlLocator(self, sides: sides).side(at: p))
    }

    /// The status and zones of a position whose side is already known (from a `ControlLocator`).
    public func control(at p: Position, side: String?) throws(FrontlineError) -> PointControl {
        do {
            let point = Geometry.point(Point(p))
            var status = ChangeStatus.confirmed
            var change: ControlChange?
            if let side {
                for m in applied.reversed() where m.change.to == side && !m.geometry.isEmpty {
                    if try m.geometry.intersects(point) { status = m.change.status(on: date); change = m.change; break }
                }
            }
            var zs: [Zone] = []
            for z in zones where try z.geometry.intersects(point) { zs.append(z) }
            return PointControl(side: side, status: status, change: change, zones: zs)
        } catch {
            throw .geometry("locating \(p.lat),\(p.lon): \(error)")
        }
    }

    /// The front line: the boundary between the areas of different sides, as merged lines.
    public func frontLine(sides: [Side]) throws(FrontlineError) -> Geometry {
        do {
            var pieces: [Geometry] = []
            let ids = sides.map(\.id).filter { !(areas[$0]?.isEmpty ?? true) }
            for (i, a) in ids.enumerated() {
                guard let ga = areas[a] else { continue }
                let edge = try ga.boundary()
                for b in ids[(i + 1)...] {
                    guard let gb = areas[b] else { continue }
                    // Edges of a that lie on b: intersection keeps line parts on b's boundary.
                    let shared = try edge.intersection(gb)
                    pieces.append(contentsOf: shared.lineStrings.map { .lineString($0) })
                }
            }
            if pieces.isEmpty { return .multiLineString(MultiLineString([])) }
            let merged = try Geometry.multiLineString(MultiLineString(pieces.flatMap(\.lineStrings))).lineMerged()
            return .multiLineString(MultiLineString(merged.lineStrings))
        } catch {
            throw .geometry("computing the front line on \(date): \(error)")
        }
    }
}
