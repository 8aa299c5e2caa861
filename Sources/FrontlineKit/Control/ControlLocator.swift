import GeoModel
import GeoOps

/// Fast repeated "who held this position" queries on one state: each side's area prepared once.
///
/// Owns GEOS handles: one instance per task.
public final class ControlLocator {
    /// The state whose sides are queried.
    public let state: ControlState
    private let sides: [Side]
    private let prepared: [(side: String, geometry: PreparedGeometry)]

    /// Prepares every non-empty side area of `state`.
    public init(_ state: ControlState, sides: [Side]) throws(FrontlineError) {
        self.state = state
        self.sides = sides
        var p: [(String, PreparedGeometry)] = []
        do {
            for s in sides {
                if let g = state.areas[s.id], !g.isEmpty { p.append((s.id, try PreparedGeometry(g))) }
            }
        } catch {
            throw .geometry("preparing the state of \(state.date): \(error)")
        }
        prepared = p
    }

    /// The side holding a position (boundary positions go to the first side in order), nil outside every area.
    public func side(at p: Position) throws(FrontlineError) -> String? {
        do {
            for (side, g) in prepared where try g.covers(p) { return side }
            return nil
        } catch {
            throw .geometry("locating \(p.lat),\(p.lon): \(error)")
        }
    }
}
