import GeoModel
import GeoOps

/// The export of a snapshot source's state: one `control` feature per side and the `front`, RFC 7946.
public enum SnapshotExport {
    /// The features of a snapshot state: a `control` feature per drawn side with its km², and the `front` with its
    /// length in km, each dated by the requested day and the snapshot's date.
    ///
    /// - Parameters:
    ///   - asOf: The state that answers for the requested day.
    ///   - label: The label of a side id.
    ///   - countries: Country outlines, to find the theatre country and keep its borders and coasts out of the front.
    ///   - layers: The layer names to include (`control`, `front`; others are ignored).
    /// - Returns: The features, in WGS84 lon/lat.
    /// - Throws: `FrontlineError.geometry` when the front cannot be computed.
    public static func features(_ asOf: AsOfState, label: (String) -> String, countries: [Feature], layers: Set<String>) throws(FrontlineError) -> FeatureCollection {
        var fs: [Feature] = []
        if layers.contains("control") {
            for s in asOf.sides {
                guard let g = asOf.state.areas[s.id], !g.polygons.isEmpty else { continue }
                fs.append(Feature(id: .string("control/\(s.id)"), geometry: g, properties: JSONObject([
                    ("layer", "control"), ("side", .string(s.id)), ("side_label", .string(label(s.id))), ("status", "as drawn"),
                    ("date", .string(asOf.requested.description)), ("as_of", .string(asOf.asOf.description)),
                    ("area_km2", .number(Geodesy.areaKm2(g).rounded(toPlaces: 3))),
                ])))
            }
        }
        if layers.contains("front") {
            let front = try SnapshotArchive.front(of: asOf.state, sides: asOf.sides, countries: countries)
            if !front.isEmpty {
                fs.append(Feature(id: .string("front/0"), geometry: front, properties: JSONObject([
                    ("layer", "front"), ("date", .string(asOf.requested.description)), ("as_of", .string(asOf.asOf.description)),
                    ("length_km", .number(Geodesy.lengthKm(front).rounded(toPlaces: 3))),
                ])))
            }
        }
        return FeatureCollection(fs)
    }
}
