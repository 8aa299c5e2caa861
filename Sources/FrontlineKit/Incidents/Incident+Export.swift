import GeoModel

extension JoinedIncident {
    /// The incident as a GeoJSON Point feature with flat snake_case properties (nil geometry when unplaced),
    /// for maps and exports: `kind` = "incident".
    public var feature: Feature {
        let i = incident
        var p = JSONObject()
        func n(_ v: Int?) -> JSONValue { v.map { .number(Double($0)) } ?? .null }
        func s(_ v: String?) -> JSONValue { v.map(JSONValue.string) ?? .null }
        p["layer"] = "incident"
        p["kind"] = "incident"
        p["id"] = .string(i.id)
        p["date"] = .string(i.date.description)
        p["date_precision"] = .string(i.datePrecision.rawValue)
        p["type"] = .string(i.type.rawValue)
        p["attacker"] = s(i.attacker)
        p["place_id"] = s(i.place?.id)
        p["place_name"] = s(i.place?.name)
        p["geo_precision"] = n(i.place?.precision)
        p["killed"] = n(i.killed.total?.best)
        p["killed_civilian"] = n(i.killed.civilian?.best)
        p["killed_military"] = n(i.killed.military?.best)
        p["killed_unknown"] = n(i.killed.unknown?.best)
        p["wounded"] = n(i.wounded.total?.best)
        p["wounded_civilian"] = n(i.wounded.civilian?.best)
        p["wounded_military"] = n(i.wounded.military?.best)
        p["wounded_unknown"] = n(i.wounded.unknown?.best)
        p["claimant"] = s(i.claimant)
        p["source"] = s(i.sources.first?.citation)
        p["status"] = .string(i.status.rawValue)
        p["denied_by"] = .array(i.deniedBy.map(JSONValue.string))
        p["controller"] = s(controller)
        p["district"] = s(districtID)
        p["distance_to_front_km"] = distanceToFrontKm.map { .number(($0 * 1000).rounded() / 1000) } ?? .null
        return Feature(id: .string("incident/\(i.id)"), geometry: i.place?.position.map { .point(Point($0)) }, properties: p)
    }
}

extension Dataset {
    /// The dataset's incidents dated within `from…to`, joined to control, as GeoJSON features (for export and maps).
    public func incidentFeatures(from: Day? = nil, to: Day? = nil, history: ControlHistory? = nil) throws(FrontlineError) -> [Feature] {
        let joiner: IncidentJoiner
        if let history { joiner = IncidentJoiner(dataset: self, history: history) } else { joiner = try IncidentJoiner(dataset: self) }
        return try joiner.join(loadIncidents().incidents(from: from, to: to)).map(\.feature)
    }
}

/// Incidents as CSV rows with ACLED's column names where they exist.
public enum EventsCSV {
    /// The header row.
    public static let columns = [
        "event_id_cnty", "event_date", "time_precision", "event_type", "actor1", "admin2", "location", "latitude", "longitude",
        "geo_precision", "fatalities", "fatalities_civilian", "fatalities_military", "wounded", "wounded_civilian",
        "wounded_military", "claimant", "source", "status", "denied_by", "controller", "distance_to_front_km", "notes",
    ]

    /// One row per joined incident (RFC 4180 quoting), header first.
    public static func text(_ rows: [JoinedIncident]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for j in rows {
            let i = j.incident
            func n(_ v: Int?) -> String { v.map(String.init) ?? "" }
            func d(_ v: Double?, _ places: Int) -> String { v.map { formatFixed($0, places) } ?? "" }
            let cells = [
                i.id, i.date.description, String(i.datePrecision.code), i.type.rawValue, i.attacker ?? "", j.districtID ?? "",
                i.place?.name ?? "", d(i.place?.position?.lat, 5), d(i.place?.position?.lon, 5), n(i.place?.precision),
                n(i.killed.total?.best), n(i.killed.civilian?.best), n(i.killed.military?.best), n(i.wounded.total?.best),
                n(i.wounded.civilian?.best), n(i.wounded.military?.best), i.claimant ?? "", i.sources.first?.citation ?? "",
                i.status.rawValue, i.deniedBy.joined(separator: "; "), j.controller ?? "", d(j.distanceToFrontKm, 3), i.notes ?? "",
            ]
            out += cells.map(quote).joined(separator: ",") + "\r\n"
        }
        return out
    }

    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// A number with a fixed count of decimals, without Foundation's locale.
func formatFixed(_ v: Double, _ places: Int) -> String {
    guard v.isFinite else { return "" }
    var scale = 1.0
    for _ in 0..<places { scale *= 10 }
    let r = (abs(v) * scale).rounded()
    guard r < 9e15 else { return String(v) }
    let total = Int(r)
    let whole = total / Int(scale), frac = total % Int(scale)
    var f = String(frac)
    while f.count < places { f = "0" + f }
    return (v < 0 && total != 0 ? "-" : "") + String(whole) + (places > 0 ? "." + f : "")
}
