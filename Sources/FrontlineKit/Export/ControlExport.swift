import GeoModel
import GeoOps

/// The layers an export can hold.
public enum ExportLayer: String, CaseIterable, Sendable {
    /// Control areas, zones, the front line, places, districts, and incidents.
    case control, zones, front, places, districts, incidents
}

/// A side's area split by how sure the record is: the confirmed part, and one piece per claimed/disputed change.
public struct ControlPiece: Sendable {
    /// The id of the side that holds the piece.
    public var side: String
    /// How sure the record is of the piece, as known on the state's date.
    public var status: ChangeStatus
    /// The change behind an unconfirmed piece; nil for the confirmed part.
    public var change: ControlChange?
    /// The piece, in WGS84 lon/lat.
    public var geometry: Geometry
    /// Its area in km², on the WGS84 ellipsoid.
    public var areaKm2: Double
    /// The sources of the change behind an unconfirmed piece; for the confirmed part, those of the side's base
    /// areas and confirmed changes (with their confirmations), each once.
    public var sources: [SourceRef]
}

extension ControlState {
    /// Each side's area split into the confirmed part and claimed/disputed pieces (newest change first wins).
    public func pieces(timeline: ControlTimeline) throws(FrontlineError) -> [ControlPiece] {
        var out: [ControlPiece] = []
        do {
            for side in timeline.sides {
                guard let held = areas[side.id], !held.isEmpty else { continue }
                var taken: [Geometry] = []
                var unconfirmed: [ControlPiece] = []
                for m in applied.reversed() where m.change.to == side.id && m.change.status(on: date) != .confirmed && !m.geometry.isEmpty {
                    var g = try m.geometry.intersection(held).polygonalPart
                    if !taken.isEmpty { g = try g.difference(Geometry.unaryUnion(taken)).polygonalPart }
                    let km2 = Geodesy.areaKm2(g)
                    guard km2 > 0.001 else { continue }
                    taken.append(g)
                    unconfirmed.append(ControlPiece(side: side.id, status: m.change.status(on: date), change: m.change, geometry: g, areaKm2: km2, sources: m.change.sources))
                }
                let confirmed = taken.isEmpty ? held : try held.difference(Geometry.unaryUnion(taken)).polygonalPart
                var sources = timeline.baseAreas.filter { $0.side == side.id || side.id == timeline.defaultSide }.flatMap(\.sources)
                sources += applied.filter { $0.change.to == side.id && $0.change.status(on: date) == .confirmed && !$0.geometry.isEmpty }
                    .flatMap { $0.change.sources + $0.change.confirmationSources }
                var seen = Set<String>()
                sources = sources.filter { seen.insert($0.citation).inserted }
                out.append(ControlPiece(side: side.id, status: .confirmed, change: nil, geometry: confirmed, areaKm2: Geodesy.areaKm2(confirmed), sources: sources))
                out += unconfirmed.reversed()
            }
        } catch {
            throw .geometry("splitting control by status on \(date): \(error)")
        }
        return out
    }
}

/// Builds RFC 7946 feature collections of a dataset's state on a date.
public enum ControlExport {
    /// The features of the chosen layers on `date`. `extra` features (e.g. incidents) are appended when
    /// the `incidents` layer is chosen.
    public static func features(dataset: Dataset, history: ControlHistory, date: Day, layers: Set<ExportLayer>,
                                incidents: [Feature] = []) throws(FrontlineError) -> FeatureCollection {
        let t = dataset.timeline
        let state = try history.state(on: date)
        var out: [Feature] = []
        let d = JSONValue.string(date.description)
        if layers.contains(.control) {
            for p in try state.pieces(timeline: t) {
                var o = JSONObject()
                o["layer"] = "control"
                o["side"] = .string(p.side)
                o["side_label"] = .string(t.label(of: p.side))
                o["status"] = .string(p.status.rawValue)
                o["date"] = d
                o["area_km2"] = .number(p.areaKm2.rounded(toPlaces: 2))
                o["change_id"] = p.change.map { .string($0.id) } ?? .null
                o["claimant"] = p.change?.claimant.map(JSONValue.string) ?? .null
                o["disputed_by"] = p.change?.disputedBy.map(JSONValue.string) ?? .null
                o["precision"] = p.change.map { .string($0.precision) } ?? .null
                o["sources"] = .array(p.sources.map { .string($0.citation) })
                out.append(Feature(id: .string("control/\(p.side)/\(p.change?.id ?? "confirmed")"), geometry: ControlExport.droppingDegenerate(p.geometry), properties: o))
            }
        }
        if layers.contains(.zones) {
            for z in state.zones {
                var o = JSONObject()
                o["layer"] = "zone"
                o["zone"] = .string(z.zone)
                o["zone_label"] = .string(t.zoneLabels[z.zone] ?? z.zone)
                o["date"] = d
                o["valid_from"] = .string(z.validFrom.description)
                o["valid_to"] = z.validTo.map { .string($0.description) } ?? .null
                o["area_km2"] = .number(Geodesy.areaKm2(z.geometry).rounded(toPlaces: 2))
                o["precision"] = .string(z.precision)
                o["sources"] = .array(z.sources.map { .string($0.citation) })
                out.append(Feature(id: .string("zone/\(z.id)"), geometry: z.geometry, properties: o))
            }
        }
        if layers.contains(.front) {
            let front = try state.frontLine(sides: t.sides)
            for (i, l) in front.lineStrings.enumerated() {
                var o = JSONObject()
                o["layer"] = "front"
                o["date"] = d
                o["length_km"] = .number(Geodesy.lengthKm(.lineString(l)).rounded(toPlaces: 2))
                out.append(Feature(id: .string("front/\(i)"), geometry: .lineString(l), properties: o))
            }
        }
        if layers.contains(.places) {
            let locator = try ControlLocator(state, sides: t.sides)
            for p in dataset.gazetteer.places {
                let side = try locator.side(at: p.position)
                let c = try state.control(at: p.position, side: side)
                var o = JSONObject()
                o["layer"] = "place"
                o["place_id"] = .string(p.id)
                o["name"] = .string(p.name)
                o["kind"] = .string(p.kind)
                o["rank"] = .number(Double(p.rank))
                o["district"] = p.district.map(JSONValue.string) ?? .null
                o["date"] = d
                o["controller"] = side.map(JSONValue.string) ?? .null
                o["status"] = side == nil ? .null : .string(c.status.rawValue)
                o["population"] = p.population.map { .number(Double($0)) } ?? .null
                o["names"] = .object(JSONObject(p.names.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
                out.append(Feature(id: .string("place/\(p.id)"), geometry: .point(Point(p.position)), properties: o))
            }
        }
        if layers.contains(.districts) {
            for dist in dataset.districts {
                var o = JSONObject()
                o["layer"] = "district"
                o["district_id"] = .string(dist.id)
                o["name"] = .string(dist.name)
                o["name_az"] = dist.nameLocal.map(JSONValue.string) ?? .null
                o["group"] = dist.group.map(JSONValue.string) ?? .null
                o["area_km2"] = .number(Geodesy.areaKm2(dist.geometry).rounded(toPlaces: 2))
                out.append(Feature(id: .string("district/\(dist.id)"), geometry: dist.geometry, properties: o))
            }
        }
        if layers.contains(.incidents) { out += incidents }
        return FeatureCollection(out)
    }
}

extension ControlExport {
    /// The geometry without polygons that collapse to zero area at 6 decimals (overlay shards), which GIS tools
    /// read as invalid rings.
    static func droppingDegenerate(_ g: Geometry) -> Geometry {
        func planar(_ p: Polygon) -> Double {
            let r = p.exterior
            guard r.count > 3 else { return 0 }
            var a = 0.0
            // Measured as written (6 decimals): a shard that collapses there is an invalid ring in the file.
            let q = r.map { (($0.lon * 1e6).rounded(), ($0.lat * 1e6).rounded()) }
            for k in 0..<(q.count - 1) { a += q[k].0 * q[k + 1].1 - q[k + 1].0 * q[k].1 }
            return abs(a) / 2
        }
        let ps = g.polygons
        let kept = ps.filter { planar($0) > 0.5 }
        return kept.count == ps.count ? g : .polygonal(kept)
    }
}
