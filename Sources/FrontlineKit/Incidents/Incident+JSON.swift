import GeoModel

extension IncidentPlace {
    /// `{"id", "name", "lat", "lon", "precision", "detail"}` (geodata/FORMAT.md).
    public var json: JSONValue {
        var o = JSONObject()
        o["id"] = id.map(JSONValue.string) ?? .null
        o["name"] = .string(name)
        o["lat"] = position.map { .number($0.lat) } ?? .null
        o["lon"] = position.map { .number($0.lon) } ?? .null
        o["precision"] = precision.map { .number(Double($0)) } ?? .null
        if let detail { o["detail"] = .string(detail) }
        return .object(o)
    }
}

extension Incident {
    /// The incident with the keys of geodata/incidents.json.
    public var json: JSONValue {
        var o = JSONObject()
        o["id"] = .string(id)
        o["date"] = .string(date.description)
        o["date_precision"] = .string(datePrecision.rawValue)
        o["place"] = place?.json ?? .null
        o["type"] = .string(type.rawValue)
        o["attacker"] = attacker.map(JSONValue.string) ?? .null
        o["killed"] = killed.json
        o["wounded"] = wounded.json
        o["claimant"] = claimant.map(JSONValue.string) ?? .null
        o["sources"] = .array(sources.map(\.json))
        o["denied_by"] = .array(deniedBy.map(JSONValue.string))
        o["status"] = .string(status.rawValue)
        o["notes"] = notes.map(JSONValue.string) ?? .null
        return .object(o)
    }
}

extension AggregateClaim {
    /// The claim with the keys of geodata/incidents.json.
    public var json: JSONValue {
        var o = JSONObject()
        o["id"] = .string(id)
        o["date"] = .string(date.description)
        o["date_precision"] = .string(datePrecision.rawValue)
        o["claimant"] = claimant.map(JSONValue.string) ?? .null
        o["side_reporting"] = sideReporting.map(JSONValue.string) ?? .null
        o["subject"] = .string(subject)
        o["measure"] = .string(measure)
        o["count"] = count.json
        o["qualifier"] = qualifier.map(JSONValue.string) ?? .null
        o["period_from"] = periodFrom.map { .string($0.description) } ?? .null
        o["sources"] = .array(sources.map(\.json))
        o["quote"] = quote.map(JSONValue.string) ?? .null
        return .object(o)
    }
}
