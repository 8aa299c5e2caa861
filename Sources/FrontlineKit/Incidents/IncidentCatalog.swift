import GeoModel

/// The incidents and aggregate claims of a dataset (geodata/incidents.json).
public struct IncidentCatalog: Sendable, Hashable {
    /// The incidents, in file order.
    public var incidents: [Incident]
    /// The aggregate claims (running or overall totals), in file order.
    public var aggregates: [AggregateClaim]

    /// Creates a catalog from incidents and aggregate claims.
    public init(incidents: [Incident] = [], aggregates: [AggregateClaim] = []) {
        self.incidents = incidents
        self.aggregates = aggregates
    }

    /// Incidents dated within `from…to` (either bound optional), in date order.
    public func incidents(from: Day? = nil, to: Day? = nil) -> [Incident] {
        incidents.filter { i in (from.map { i.date >= $0 } ?? true) && (to.map { i.date <= $0 } ?? true) }
            .enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// Loads incidents.json; `sides` (when given) are the attacker ids allowed.
    public static func load(_ path: String, sides: Set<String>? = nil) throws(FrontlineError) -> IncidentCatalog {
        let root = try JSONFields(file: path, path: "", readJSONFile(path))
        var ids = Set<String>()
        var incidents: [Incident] = []
        for (i, v) in ((root.object["incidents"]?.arrayValue) ?? []).enumerated() {
            let f = try JSONFields(file: path, path: "incidents[\(i)]", v)
            let id = try f.string("id")
            guard ids.insert(id).inserted else { throw f.fail("id", "duplicate id \"\(id)\"") }
            let typeText = try f.string("type")
            guard let type = IncidentType(rawValue: typeText) else {
                throw f.fail("type", "\"\(typeText)\" is not one of: " + IncidentType.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let attacker = try f.optionalString("attacker")
            if let attacker, let sides, !sides.contains(attacker) { throw f.fail("attacker", "unknown side \"\(attacker)\"") }
            incidents.append(Incident(
                id: id, date: try f.day("date"), datePrecision: try precision(f), place: try place(f), type: type,
                attacker: attacker, killed: try groups(f, "killed"), wounded: try groups(f, "wounded"),
                claimant: try f.optionalString("claimant"), sources: try Dataset.sources(f), deniedBy: try f.strings("denied_by"),
                status: try status(f), notes: try f.optionalString("notes")))
        }
        var aggregates: [AggregateClaim] = []
        for (i, v) in ((root.object["aggregates"]?.arrayValue) ?? []).enumerated() {
            let f = try JSONFields(file: path, path: "aggregates[\(i)]", v)
            let id = try f.string("id")
            guard ids.insert(id).inserted else { throw f.fail("id", "duplicate id \"\(id)\"") }
            var sources = try Dataset.sources(f)
            if sources.isEmpty, f.object["source"]?.objectValue != nil {
                let s = try f.sub("source")
                let url = try s.optionalString("url")
                let title = try s.optionalString("title") ?? url ?? ""
                sources = [SourceRef(title: title, url: url,
                                     date: try s.optionalString("date"), publisher: try s.optionalString("publisher"))]
            }
            guard let count = try countValue(f, "count") else { throw f.fail("count", "expected {low, best, high}") }
            aggregates.append(AggregateClaim(
                id: id, date: try f.day("date"), datePrecision: try precision(f), claimant: try f.optionalString("claimant"),
                sideReporting: try f.optionalString("side_reporting"), subject: try f.string("subject"),
                measure: try f.string("measure"), count: count, qualifier: try f.optionalString("qualifier"),
                periodFrom: try f.optionalDay("period_from"), sources: sources, quote: try f.optionalString("quote")))
        }
        return IncidentCatalog(incidents: incidents, aggregates: aggregates)
    }

    static func precision(_ f: JSONFields) throws(FrontlineError) -> DatePrecision {
        guard let text = try f.optionalString("date_precision") else { return .day }
        guard let p = DatePrecision(rawValue: text) else { throw f.fail("date_precision", "\"\(text)\" is not day, week or month") }
        return p
    }

    static func status(_ f: JSONFields) throws(FrontlineError) -> ChangeStatus {
        guard let text = try f.optionalString("status") else { return .claimed }
        guard let s = ChangeStatus(rawValue: text) else { throw f.fail("status", "\"\(text)\" is not claimed, confirmed or disputed") }
        return s
    }

    static func place(_ f: JSONFields) throws(FrontlineError) -> IncidentPlace? {
        guard let v = f.object["place"], !v.isNull else { return nil }
        let p = try f.sub("place")
        var position: Position?
        if let lat = p.object["lat"]?.numberValue, let lon = p.object["lon"]?.numberValue {
            let pos = Position(lon: lon, lat: lat)
            guard pos.isInRange else { throw p.fail("lat", "coordinates (\(lat), \(lon)) are out of range") }
            position = pos
        }
        let precision = try p.optionalInt("precision")
        if let precision, !(1...3).contains(precision) { throw p.fail("precision", "\(precision) is not 1, 2 or 3") }
        let id = try p.optionalString("id")
        return IncidentPlace(id: id, name: try p.optionalString("name") ?? id ?? "", position: position, precision: precision,
                             detail: try p.optionalString("detail"))
    }

    static func groups(_ f: JSONFields, _ key: String) throws(FrontlineError) -> CasualtyGroups {
        guard let v = f.object[key], !v.isNull else { return CasualtyGroups() }
        let g = try f.sub(key)
        var out = CasualtyGroups()
        for c in CasualtyCategory.allCases { out[c] = try countValue(g, c.rawValue) }
        return out
    }

    static func countValue(_ f: JSONFields, _ key: String) throws(FrontlineError) -> CasualtyCount? {
        guard let v = f.object[key], !v.isNull else { return nil }
        if let n = v.intValue, n >= 0 { return CasualtyCount(exactly: n) }
        let c = try f.sub(key)
        let low = try c.optionalInt("low"), high = try c.optionalInt("high")
        guard let best = try c.optionalInt("best") ?? low ?? high else { throw c.fail("best", "expected a whole number") }
        if [low, best, high].contains(where: { ($0 ?? 0) < 0 }) { throw c.fail("best", "counts cannot be negative") }
        if let low, low > best { throw c.fail("low", "low \(low) is above best \(best)") }
        if let high, high < best { throw c.fail("high", "high \(high) is below best \(best)") }
        return CasualtyCount(low: low, best: best, high: high)
    }
}

extension Dataset {
    /// The dataset's incidents and aggregate claims; empty when the manifest names no incidents file.
    public func loadIncidents() throws(FrontlineError) -> IncidentCatalog {
        guard let p = path(of: "incidents") else { return IncidentCatalog() }
        return try IncidentCatalog.load(p, sides: Set(timeline.sides.map(\.id)))
    }
}
