import ArgumentParser
import FrontlineKit
import Foundation
import GeoModel
import GeoOps

struct Locate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who held a place on a date: controller, status, district, distance to the front, nearest places.")

    @Argument(help: ArgumentHelp("A place name or id, or LAT,LON (e.g. 40.3758,47.1262).", valueName: "PLACE|LAT,LON"))
    var place: String

    @OptionGroup var dateOption: DateOption

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @Option(help: ArgumentHelp("With --snapshots: the country (ISO 3166 alpha-2) whose places a name is looked up in.", valueName: "CC"))
    var country: String?

    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.table, .json], command: "locate")
    }

    func run() throws {
        try out.preflight(inputs: [])
        let day = try dateOption.day()
        if overlay.usesSnapshots() { return try runOnSnapshots(day) }
        let dataset = try dataOptions.load()
        let history = try dataset.timeline.history()
        let source = try DatasetSource(dataset: dataset)
        let asOf = try source.state(on: day)
        if let n = asOf.note { note(n) }
        let r = try dataset.locate(place, on: day, history: history)
        if r.control.side == nil {
            // Outside the study area the dataset knows nothing: no status, no front, no places from another region.
            let text = "place:       \(r.name) (\(String(format: "%.5f", r.position.lat)), \(String(format: "%.5f", r.position.lon)))\ndate:        \(r.date)\ncontroller:  unknown: outside the study area of \(dataset.name) (\(dataset.window.west)–\(dataset.window.east) E, \(dataset.window.south)–\(dataset.window.north) N); give --snapshots SOURCE for another theatre\n"
            if format == .json {
                let o = JSONObject([("name", .string(r.name)), ("lat", .number(r.position.lat)), ("lon", .number(r.position.lon)), ("date", .string(day.description)),
                                    ("side", .null), ("outside_study_area", .bool(true))])
                try out.emit(JSONValue.object(o).jsonText + "\n")
            } else {
                try out.emit(text)
            }
            return
        }
        switch format {
        case .json:
            try out.emit(r.json(sideLabel: dataset.timeline.label(of:)).jsonText + "\n")
        default:
            var text = "place:       \(r.name) (\(String(format: "%.5f", r.position.lat)), \(String(format: "%.5f", r.position.lon)))\n"
            text += "date:        \(r.date)\n"
            text += "controller:  \(r.control.side.map { "\($0) — \(dataset.timeline.label(of: $0))" } ?? "outside the study area")\n"
            text += "status:      \(r.control.status.rawValue)"
            if let c = r.control.change {
                text += " (change \(c.id) of \(c.date), recorded \(c.status.rawValue)\(c.claimant.map { ", claimed by \($0)" } ?? "")\(c.disputedBy.map { ", disputed by \($0)" } ?? "")\(c.confirmedOn.map { "; confirmed from \($0)" } ?? "")\(c.confirmedBy.map { " by the \($0)" } ?? ""))"
            }
            text += "\n"
            if !r.control.zones.isEmpty { text += "zones:       \(r.control.zones.map { dataset.timeline.zoneLabels[$0.zone] ?? $0.zone }.joined(separator: ", "))\n" }
            text += "district:    \(r.district.map { "\($0.name) (\($0.id))" } ?? "—")\n"
            text += "to front:    \(r.distanceToFrontKm.map { "\(fmt($0, 1)) km" } ?? "no front line on this date")"
            if r.distanceToFrontKm != nil, let c = r.frontChange {
                if let k = r.frontPrecisionKm { text += " ± \(fmt(k, k < 1 ? 1 : 0)) km (the precision of change \(c.id))" }
                let st = c.status(on: r.date)
                if st != .confirmed {
                    text += "; the line there is \(st == .disputed ? "a disputed claim" : "a claim") of \(c.date) by \(c.claimant ?? dataset.timeline.label(of: c.to))"
                    if let d = c.disputedBy { text += ", denied by \(d)" }
                }
            }
            text += "\n"
            text += "nearest:     \(r.nearest.map { "\($0.place.name) \(fmt($0.km, 1)) km" }.joined(separator: ", "))\n"
            if let c = r.control.change, let s = c.sources.first { text += "source:      \(s.citation)\n" }
            try out.emit(text)
        }
    }
}

import Foundation

extension Locate {
    /// `locate LAT,LON --snapshots SOURCE --date D`: the side in the snapshot that answers for the day.
    func runOnSnapshots(_ day: Day) throws {
        let parts = place.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        let archive = try overlay.snapshotSource(date: day)
        // The world layers come with the bundled dataset (or --data): loaded once, with the snapshot that answers.
        let context = try dataOptions.context()
        let world = context.flatMap(WorldGeography.beside)
        let countries = context.flatMap { try? $0.layer("world").features } ?? []
        let snap = try archive.snapshot(on: day)
        var lat = 0.0, lon = 0.0
        var named: Place?
        if parts.count == 2, let la = parts[0], let lo = parts[1], abs(la) <= 90, abs(lo) <= 180 {
            lat = la; lon = lo
        } else {
            // A name: the world gazetteer of the source's theatre (the countries its drawn area meets), or --country.
            guard let world else { throw FrontlineError.badArgument("place names need the world layers (geodata/world); give LAT,LON") }
            var codes: [String]
            if let country { codes = [country.uppercased()] } else {
                let box = snap.sides.compactMap { snap.areas[$0.id] }.compactMap { BoundingBox(geometry: $0) }.union()
                codes = box.map { world.countryCodes(meeting: BoundingBox(west: $0.west - 1, south: $0.south - 1, east: $0.east + 1, north: $0.north + 1)) } ?? []
            }
            // A user's places without a country serve every country: each is taken once.
            var seen = Set<String>()
            let gaz = Gazetteer(try codes.flatMap { try world.places(of: $0) }.filter { seen.insert($0.id).inserted })
            // The country holding most of the drawn area, found only when a namesake needs it.
            lazy var theatre = SnapshotArchive.theatre(of: snap.state, sides: snap.sides, countries: countries)
            switch gaz.lookup(place) {
            case .found(let p): named = p
            case .ambiguous(let ps) where country == nil && ps.filter({ $0.country == theatre }).count == 1:
                // The theatre settles it: one candidate lies in the country the source covers.
                let t = theatre
                named = ps.first { $0.country == t }
                note("\"\(place)\": \(ps.count) places of that name; taking the one in \(t ?? "?"), the source's theatre (others: \(ps.filter { $0.country != t }.map { "\($0.district ?? "?"), \($0.country ?? "?")" }.joined(separator: "; ")))")
            case .ambiguous(let ps):
                let list = ps.prefix(8).map { "\($0.name) (\($0.district ?? "?"), \($0.country ?? "?"), \(String(format: "%.3f,%.3f", $0.position.lat, $0.position.lon)))" }
                throw FrontlineError.badArgument("\"\(place)\" is ambiguous: \(list.joined(separator: "; ")); give --country or LAT,LON")
            case .notFound(let sugg):
                throw FrontlineError.badArgument("unknown place \"\(place)\" in \(codes.joined(separator: ", "))\(sugg.isEmpty ? "" : " (did you mean \(sugg.prefix(3).map(\.name).joined(separator: ", "))?)")")
            }
            lat = named!.position.lat; lon = named!.position.lon
        }
        let r = try archive.locate(Position(lon: lon, lat: lat), on: day, countries: countries)
        if let n = r.asOf.note { note(n) }
        announce(snap, profileGiven: overlay.profile != nil || overlay.sides != nil)
        switch format {
        case .json:
            var o = JSONObject()
            if let named { o["name"] = .string(named.name); o["region"] = named.district.map { .string($0) } ?? .null }
            o["lat"] = .number(lat); o["lon"] = .number(lon); o["date"] = .string(day.description)
            o["as_of"] = .string(r.asOf.asOf.description); o["answered_by"] = .string(r.asOf.description)
            o["side"] = r.side.map { .string($0) } ?? .null
            o["theatre"] = r.theatre.map { .string($0) } ?? .null
            o["distance_to_front_km"] = r.distanceToFrontKm.map { .number($0.rounded(toPlaces: 3)) } ?? .null
            o["outside_theatre_km"] = r.outsideTheatreKm.map { .number($0.rounded(toPlaces: 1)) } ?? .null
            try out.emit(JSONValue.object(o).jsonText + "\n")
        default:
            var text = "place:       \(named.map { "\($0.name) (" } ?? "")\(String(format: "%.5f", lat)), \(String(format: "%.5f", lon))\(named == nil ? "" : ")")\n"
            if let r = named?.district { text += "region:      \(r)\n" }
            text += "date:        \(day), as of \(r.asOf.description)\n"
            if let km = r.outsideTheatreKm {
                text += "controller:  unknown: outside \(r.theatre ?? "the theatre") (\(fmt(km, 1)) km from it), which the source covers\n"
            } else {
                text += "controller:  \(r.side.map { "\($0) — \(archive.label(of: $0))" } ?? "unknown: outside every area the source draws")\n"
                text += "to front:    \(r.distanceToFrontKm.map { "\(fmt($0, 1)) km" } ?? "no front line in this snapshot")\n"
            }
            if let world {
                let box = BoundingBox(west: lon - 0.5, south: lat - 0.35, east: lon + 0.5, north: lat + 0.35)
                let near = ((try? world.places(in: box)) ?? []).filter { $0.id != named?.id }
                    .map { ($0, Geodesy.distanceKm($0.position, Position(lon: lon, lat: lat))) }.sorted { $0.1 < $1.1 }.prefix(3)
                if !near.isEmpty { text += "nearest:     \(near.map { "\($0.0.name) \(fmt($0.1, 1)) km" }.joined(separator: ", "))\n" }
            }
            if let t = r.theatre { text += "theatre:     \(t) (borders and coasts are not fronts: edges within \(Int(SnapshotArchive.borderToleranceMetres / 1000)) km of them are left out)\n" }
            try out.emit(text)
        }
    }
}
