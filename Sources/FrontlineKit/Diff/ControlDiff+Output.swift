import GeoModel

extension ControlDiff {
    /// JSON: `from`, `to`, `sides`, `changes`, `settlements`, `dropped_sliver_km2`, `conservation_error`.
    public var json: JSONValue {
        var o = JSONObject()
        o["from"] = from.map { .string($0.description) } ?? .null
        o["to"] = to.map { .string($0.description) } ?? .null
        o["sides"] = .array(sides.map { s in
            .object(JSONObject([
                ("side", .string(s.side)),
                ("area_km2_from", s.areaFromKm2.map { .number($0.rounded(toPlaces: 2)) } ?? .null),
                ("area_km2_to", s.areaToKm2.map { .number($0.rounded(toPlaces: 2)) } ?? .null),
                ("gained_km2", .number(s.gainedKm2.rounded(toPlaces: 2))),
                ("lost_km2", .number(s.lostKm2.rounded(toPlaces: 2))),
                ("net_km2", .number(s.netKm2.rounded(toPlaces: 2))),
            ]))
        })
        o["changes"] = .array(changes.map { c in .object(changeProperties(c)) })
        o["settlements"] = .array(settlements.map { s in .object(settlementProperties(s)) })
        o["zone_events"] = .array(zoneEvents.map { z in
            .object(JSONObject([("zone", .string(z.zone)), ("label", .string(z.label)), ("event", .string(z.event.rawValue)),
                                ("date", .string(z.date.description)),
                                ("area_km2_before", z.areaBeforeKm2.map { .number($0.rounded(toPlaces: 2)) } ?? .null),
                                ("area_km2_after", z.areaAfterKm2.map { .number($0.rounded(toPlaces: 2)) } ?? .null),
                                ("ids", .array(z.ids.map(JSONValue.string)))]))
        })
        o["dropped_sliver_km2"] = .number(droppedSliverKm2.rounded(toPlaces: 4))
        o["dropped_sliver_count"] = .number(Double(droppedSliverCount))
        o["conservation_error"] = .number(conservationError)
        return .object(o)
    }

    func changeProperties(_ c: ChangePolygon) -> JSONObject {
        JSONObject([
            ("from_side", .string(c.fromSide)), ("to_side", .string(c.toSide)),
            ("area_km2", .number(c.areaKm2.rounded(toPlaces: 2))),
            ("change_type", c.kind.map { .string($0.rawValue) } ?? .null),
            ("zone", c.sourceChanges.compactMap(\.zoneChange).first.map(JSONValue.string) ?? .null),
            ("agreement", c.sourceChanges.compactMap(\.agreement).first.map(JSONValue.string) ?? .null),
            ("districts", .array(c.districts.map(JSONValue.string))),
            ("change_ids", .array(c.sourceChanges.map { .string($0.id) })),
            ("change_dates", .array(c.sourceChanges.map { .string($0.date.description) })),
            ("statuses", .array(c.sourceChanges.map { .string($0.status.rawValue) })),
            ("sources", .array(c.sourceChanges.flatMap(\.sources).map { .string($0.citation) })),
        ])
    }

    func settlementProperties(_ s: SettlementChange) -> JSONObject {
        JSONObject([
            ("place_id", .string(s.place.id)), ("name", .string(s.place.name)),
            ("region", s.place.district.map(JSONValue.string) ?? .null),
            ("population", s.place.population.map { .number(Double($0)) } ?? .null),
            ("from_side", s.fromSide.map(JSONValue.string) ?? .null), ("to_side", s.toSide.map(JSONValue.string) ?? .null),
            ("date", s.date.map { .string($0.description) } ?? .null),
            ("status", s.status.map { .string($0.rawValue) } ?? .null),
            ("change_type", s.kind.map { .string($0.rawValue) } ?? .null),
            ("change_id", s.changeID.map(JSONValue.string) ?? .null),
            ("sources", .array(s.sources.map { .string($0.citation) })),
        ])
    }

    /// GeoJSON: change polygons (`layer` = change) and settlements (`layer` = settlement).
    public var featureCollection: FeatureCollection {
        var fs: [Feature] = []
        for (i, c) in changes.enumerated() {
            var p = changeProperties(c)
            p["layer"] = "change"
            p["from"] = from.map { .string($0.description) } ?? .null
            p["to"] = to.map { .string($0.description) } ?? .null
            fs.append(Feature(id: .string("change/\(i)"), geometry: c.geometry, properties: p))
        }
        for s in settlements {
            var p = settlementProperties(s)
            p["layer"] = "settlement"
            fs.append(Feature(id: .string("settlement/\(s.place.id)"), geometry: .point(Point(s.place.position)), properties: p))
        }
        return FeatureCollection(fs)
    }

    /// CSV: one row per change polygon, then one per settlement (`kind` column tells which).
    public var csv: String {
        // A merged change piece lists every change id and date (and status) it holds, `;`-separated.
        // `date` is the last change date of the piece; `status` is each change's recorded status; `change_type`
        // what the piece is as known at the later date (confirmed, claimed, disputed, handover, zone).
        var rows = ["kind,from_side,to_side,area_km2,districts,name,population,date,change_ids,change_dates,status,change_type,sources"]
        for c in changes {
            let dates = c.sourceChanges.map(\.date.description)
            rows.append(CSV.row(["change", c.fromSide, c.toSide, String(format: "%.2f", c.areaKm2), c.districts.joined(separator: ";"), "", "",
                                 dates.last ?? "", c.sourceChanges.map(\.id).joined(separator: ";"), dates.joined(separator: ";"),
                                 c.sourceChanges.map(\.status.rawValue).joined(separator: ";"), c.kind?.rawValue ?? "",
                                 c.sourceChanges.flatMap(\.sources).map(\.citation).joined(separator: " ")]))
        }
        for s in settlements {
            rows.append(CSV.row(["settlement", s.fromSide ?? "", s.toSide ?? "", "", s.place.district ?? "", s.place.name,
                                 s.place.population.map(String.init) ?? "", s.date?.description ?? "", s.changeID ?? "", s.date?.description ?? "",
                                 s.status?.rawValue ?? "", s.kind?.rawValue ?? "",
                                 s.sources.map(\.citation).joined(separator: " ")]))
        }
        for z in zoneEvents {
            rows.append(CSV.row(["zone", "", "", (z.areaAfterKm2 ?? z.areaBeforeKm2).map { String(format: "%.2f", $0) } ?? "", "", z.label, "",
                                 z.date.description, z.ids.joined(separator: ";"), z.date.description, z.event.rawValue, "zone", ""]))
        }
        return rows.joined(separator: "\n") + "\n"
    }
}

/// RFC 4180 CSV quoting.
public enum CSV {
    /// A field quoted when it holds a comma, quote or line break; leading =,+,-,@ are prefixed so that
    /// spreadsheets do not run them as formulas.
    public static func field(_ s: String) -> String {
        var v = s
        if let f = v.first, "=+@".contains(f) || (f == "-" && Double(v) == nil) { v = "'" + v }
        if v.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + v.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return v
    }

    /// A CSV row.
    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") }
}

import Foundation
