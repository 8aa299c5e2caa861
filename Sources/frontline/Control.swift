import Foundation
import ArgumentParser
import FrontlineKit
import GeoModel
import GeoOps

struct Control: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Area held by each side (and each zone) on a date, km² on the WGS84 ellipsoid, from the dataset or a snapshot archive.")

    @OptionGroup var dateOption: DateOption

    @Option(help: "Output format: table, json or csv.")
    var format: Format = .table

    @OptionGroup var geography: GeographyOptions
    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.table, .json, .csv], command: "control")
    }

    func run() throws {
        try out.preflight(inputs: [])
        let day = try dateOption.day()
        let summary: ControlSummary
        let source = try overlay.source(data: dataOptions, date: day)
        let asOf = try source.state(on: day)
        if let n = asOf.note { note(n) }
        if let ds = source as? DatasetSource {
            summary = try ControlSummary(state: asOf.state, timeline: ds.dataset.timeline)
        } else {
            summary = ControlSummary(asOf: asOf, label: source.label(of:))
            if let a = source as? SnapshotArchive, let s = try? a.snapshot(at: a.index(on: day)) { announce(s, profileGiven: overlay.profile != nil || overlay.sides != nil) }
        }
        if geography.by != nil {
            let drawn = asOf.sides.compactMap { asOf.state.areas[$0.id] }.compactMap { BoundingBox(geometry: $0) }.union()
            let regions = try geography.regionList(source: source, window: drawn, data: dataOptions)
            if regions.isEmpty { throw FrontlineError.badArgument("no regions for this source: give --regions FILE") }
            var rows = try RegionBreakdown.shares(asOf.state, sides: asOf.sides, regions: regions)
            // The theatre is the country holding most of the drawn area; other countries' rows are the generalised
            // world borders disagreeing with the source's own, and are summed in a note instead.
            var byCountry: [String: Double] = [:]
            for r in rows { byCountry[r.country ?? "", default: 0] += r.areaKm2 }
            if geography.regions == nil, byCountry.count > 1, let theatre = byCountry.max(by: { $0.value < $1.value })?.key {
                let outside = rows.filter { ($0.country ?? "") != theatre }
                rows = rows.filter { ($0.country ?? "") == theatre }
                let km2 = outside.reduce(0) { $0 + $1.areaKm2 }
                note("regions of \(theatre), the theatre; \(fmt(km2, 1)) km² of the drawn sides lie in \(Set(outside.compactMap(\.country)).sorted().joined(separator: ", ")) by the world layer's generalised borders (not listed)")
                let theatreKm2 = regions.filter { $0.country == theatre }.reduce(0.0) { $0 + Geodesy.areaKm2($1.geometry) }
                for side in asOf.sides.map(\.id) {
                    let held = rows.filter { $0.side == side }.reduce(0) { $0 + $1.areaKm2 }
                    if held > 0 { rows.append(RegionShare(regionID: theatre, regionName: "\(theatre) (all regions)", country: theatre, side: side, areaKm2: held, regionKm2: theatreKm2)) }
                }
            }
            switch format {
            case .json:
                let arr = rows.map { r in JSONValue.object(JSONObject([("region", .string(r.regionName)), ("region_id", .string(r.regionID)), ("side", .string(r.side)),
                                                                        ("area_km2", .number(r.areaKm2.rounded(toPlaces: 2))), ("region_km2", .number(r.regionKm2.rounded(toPlaces: 2))),
                                                                        ("pct_of_region", .number(r.pctOfRegion.rounded(toPlaces: 2)))])) }
                try out.emit(JSONValue.object(JSONObject([("date", .string(day.description)), ("as_of", .string(asOf.asOf.description)), ("rows", .array(arr))])).jsonText + "\n")
            case .csv:
                var lines = ["date,as_of,region_id,region,side,area_km2,region_km2,pct_of_region"]
                for r in rows { lines.append(CSV.row([day.description, asOf.asOf.description, r.regionID, r.regionName, r.side, String(format: "%.3f", r.areaKm2), String(format: "%.3f", r.regionKm2), String(format: "%.2f", r.pctOfRegion)])) }
                try out.emit(lines.joined(separator: "\n") + "\n")
            default:
                var t = Table(["region", "side", "km²", "% of region"], rightAligned: [2, 3])
                for r in rows { t.add([r.regionName, r.side, fmt(r.areaKm2, 1), String(format: "%.1f", r.pctOfRegion)]) }
                try out.emit("control by region on \(day), as of \(asOf.description)\n" + t.rendered)
            }
            return
        }
        switch format {
        case .json:
            var j = summary.json
            if case .object(var o) = j { o["as_of"] = .string(asOf.asOf.description); o["answered_by"] = .string(asOf.description); j = .object(o) }
            try out.emit(j.jsonText + "\n")
        case .csv:
            var lines = ["date,as_of,kind,id,label,area_km2,unconfirmed_km2"]
            for s in summary.sides { lines.append(CSV.row([day.description, asOf.asOf.description, "side", s.side, s.label, String(format: "%.3f", s.areaKm2), String(format: "%.3f", summary.unconfirmedKm2[s.side] ?? 0)])) }
            for z in summary.zones { lines.append(CSV.row([day.description, asOf.asOf.description, "zone", z.zone, z.label, String(format: "%.3f", z.areaKm2), ""])) }
            try out.emit(lines.joined(separator: "\n") + "\n")
        default:
            var t = Table(["side", "label", "area km²", "of which claimed/disputed km²"], rightAligned: [2, 3])
            for s in summary.sides { t.add([s.side, s.label, fmt(s.areaKm2), fmt(summary.unconfirmedKm2[s.side] ?? 0)]) }
            for z in summary.zones { t.add(["zone: \(z.zone)", z.label, fmt(z.areaKm2), ""]) }
            try out.emit("control on \(day), as of \(asOf.description)\n" + t.rendered)
        }
    }
}
