import Foundation
import GeoModel
import GeoOps

extension ControlDiff {
    /// The settlements that changed side between two snapshot states (geometric: snapshots carry no provenance),
    /// among `places` (e.g. the world places around the changes). A place outside every drawn side is on the
    /// implicit side (`other`) when there is one. `date` is the first snapshot date on the new side.
    public mutating func addSettlements(_ places: [Place], from a: ControlState, to b: ControlState, sides: [Side],
                                        implicitSide: String?) throws(FrontlineError) {
        let la = try ControlLocator(a, sides: sides), lb = try ControlLocator(b, sides: sides)
        var out: [SettlementChange] = []
        for p in places {
            let sa = try la.side(at: p.position) ?? implicitSide, sb = try lb.side(at: p.position) ?? implicitSide
            guard sa != sb else { continue }
            out.append(SettlementChange(place: p, fromSide: sa, toSide: sb, date: b.date, status: nil, sources: []))
        }
        settlements = out.sorted { (($0.place.population ?? 0), $0.place.name) > (($1.place.population ?? 0), $1.place.name) }
    }
}
