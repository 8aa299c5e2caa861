import ChartRender
import Foundation
import FrontlineKit
import FrontlineMaps
import GeoModel
import MapRender
import Testing

// The examples of the README and of the DocC articles (FrontlineKit's "Answering questions about a front line",
// FrontlineMaps' "Drawing maps and charts"), as real code that compiles and runs.
//
// Each example lies between `// snippet: NAME` and `// end snippet`, and the docs copy those lines byte for byte,
// so the lines between the markers start at column 0 (an indented copy would not be the same text). Everything
// before a marker is set-up the docs describe in words ("with `dataset` loaded as above"); everything after
// `// end snippet` checks that the example printed and wrote what it says, on the real data.
//
// Only public API, imported as a user imports it: no `@testable`, no TestSupport.

/// Where the examples find their inputs when run as tests.
enum ExampleInputs {
    /// The repository's Tests folder, from this file's location.
    static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

    /// A DeepState-style archive: the synthetic raw exports of Tests/Fixtures/deepstate/raw (DeepStateMap's
    /// `{id, datetime, map}` wrapper and a bare FeatureCollection, named by epoch ids: 2025-08-03 and 2025-08-10).
    static let archiveFolder = tests.appendingPathComponent("Fixtures/deepstate/raw").path
}

@Suite(.serialized) struct FrontlineKitExamples {
    // MARK: Twenty-line programs (README and FrontlineKit's article)

    @Test func karabakhIn20Lines() throws {
// snippet: karabakh-20-lines
// The bundled dataset: found through $FRONTLINE_DATA, beside an installed binary, or in the repository.
let dataset = try Dataset.load(root: try Dataset.locate(explicit: nil))
let karabakh = try DatasetSource(dataset: dataset)

// Who held Barda on the day of the missile strike, and how far was it from the front?
let strike = try Day.parse("2020-10-27")
let barda = try dataset.locate("Barda", on: strike, history: karabakh.history)
let bardaKm = barda.distanceToFrontKm ?? .infinity
print("Barda on \(strike): \(barda.control.side ?? "outside the study area"), \(String(format: "%.1f", bardaKm)) km from the front")

// What changed hands in the 2020 war, in km² per side?
let start = try Day.parse("2020-09-27"), end = try Day.parse("2020-12-01")
let war = try karabakh.diff(from: start, to: end, options: .standard)
for side in war.sides {
    print("\(karabakh.label(of: side.side)): gained \(Int(side.gainedKm2)) km², lost \(Int(side.lostKm2)) km², net \(Int(side.netKm2)) km²")
}

// The change map, as SVG.
let spec = try ChangeMap.spec(dataset: dataset, history: karabakh.history, from: start, to: end)
let file = FileManager.default.temporaryDirectory.appendingPathComponent("karabakh-2020-09-27-2020-12-01.svg")
try MapMaker.svg(spec, options: MapOptions()).write(to: file, atomically: true, encoding: .utf8)
print("change map: \(file.path)")
// end snippet

        #expect(barda.control.side == "azerbaijan")
        #expect(bardaKm > 10 && bardaKm < 25, "the CLI says 16.8 km; got \(bardaKm)")
        let azerbaijan = try #require(war.sides.first { $0.side == "azerbaijan" })
        let armenian = try #require(war.sides.first { $0.side == "armenian" })
        #expect(azerbaijan.gainedKm2 > 5_000 && azerbaijan.netKm2 > 5_000, "azerbaijan: \(azerbaijan)")
        #expect(armenian.netKm2 < -5_000)
        #expect(abs(azerbaijan.netKm2 + armenian.netKm2) < 1, "what one side gains the other loses")
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("</svg>") && svg.contains("gain-azerbaijan"))
    }

    @Test func archiveIn20Lines() throws {
        let folder = ExampleInputs.archiveFolder
// snippet: archive-20-lines
// A folder of DeepStateMap exports, dated by their names; the DeepState profile is detected from the classes.
let archive = try SnapshotArchive.open([folder])
// The bundled dataset lends its world layer, so that borders and coasts are not taken for the front.
let world = try Dataset.load(root: try Dataset.locate(explicit: nil))
let countries = try world.layer("world").features

// Who held Melitopol on 2025-08-05, and how far was it from the front?
let day = try Day.parse("2025-08-05")
let melitopol = try archive.locate(Position(lon: 35.37, lat: 46.85), on: day, countries: countries)
let melitopolKm = melitopol.distanceToFrontKm ?? .infinity
print("Melitopol on \(day), as of \(melitopol.asOf.description): \(melitopol.side ?? "unknown"), \(String(format: "%.1f", melitopolKm)) km from the front")

// What changed hands between the two exports, in km² per side?
let start = try Day.parse("2025-08-03"), end = try Day.parse("2025-08-10")
let week = try archive.diff(from: start, to: end, options: .standard)
for side in week.sides {
    print("\(archive.label(of: side.side)): gained \(Int(side.gainedKm2)) km², lost \(Int(side.lostKm2)) km², net \(Int(side.netKm2)) km²")
}

// The change map, as SVG, on the world layers.
let before = try archive.snapshot(on: start), after = try archive.snapshot(on: end)
let spec = try SnapshotMap.changeSpec(before, after, diff: week, sides: Snapshot.sides(before, after).sides, context: world)
let file = FileManager.default.temporaryDirectory.appendingPathComponent("archive-2025-08-03-2025-08-10.svg")
try MapMaker.svg(spec, options: MapOptions()).write(to: file, atomically: true, encoding: .utf8)
print("change map: \(file.path)")
// end snippet

        // The synthetic polygon around Melitopol: its north edge is about 28.5 km away on 2025-08-03.
        #expect(melitopol.side == "occupied")
        #expect(melitopol.asOf.asOf == start, "answered by \(melitopol.asOf.description)")
        #expect(melitopol.theatre == "UA")
        #expect(melitopolKm > 24 && melitopolKm < 33, "got \(melitopolKm)")
        // Tests/Fixtures/deepstate/expected.json: gained 395.308, lost 578.113 km² (pyproj, Karney).
        let occupied = try #require(week.sides.first { $0.side == "occupied" })
        #expect(abs(occupied.gainedKm2 - 395.308) < 0.5 && abs(occupied.lostKm2 - 578.113) < 0.5, "occupied: \(occupied)")
        let other = try #require(week.sides.first { $0.side == "other" })
        #expect(abs(other.gainedKm2 - 578.113) < 0.5 && other.areaFromKm2 == nil)
        let svg = try String(contentsOf: file, encoding: .utf8)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("</svg>") && svg.contains("gain-occupied"))
    }

    // MARK: Answering questions about a front line (FrontlineKit's article)

    @Test func openingTheSources() throws {
        let folder = ExampleInputs.archiveFolder
// snippet: open-sources
let dataset = try Dataset.load(root: try Dataset.locate(explicit: nil))
let karabakh = try DatasetSource(dataset: dataset)
let archive = try SnapshotArchive.open([folder])
let countries = try dataset.layer("world").features

let sources: [any ControlSource] = [karabakh, archive]
for source in sources {
    print("\(source.name): \(source.dates.count) dates, \(source.rangeDescription)")
}
// end snippet

        #expect(karabakh.dates.first == Day("1994-05-12"))
        #expect(karabakh.dates.contains(Day("2020-11-10")!))
        #expect(archive.dates.map(\.description) == ["2025-08-03", "2025-08-10"])
        #expect(countries.contains { $0.properties["iso_a2"]?.stringValue == "UA" })
    }

    @Test func controlOnADate() throws {
        let (_, karabakh, archive, _) = try Self.sources()
// snippet: control-on-a-date
func control(_ source: any ControlSource, on day: Day) throws -> [String: Double] {
    let asOf = try source.state(on: day)
    print("\(source.name) on \(day), as of \(asOf.description)")
    var km2: [String: Double] = [:]
    for side in asOf.sides {
        let area = asOf.state.areaKm2(of: side.id)
        km2[side.id] = area
        print("  \(source.label(of: side.id)): \(Int(area.rounded())) km²")
    }
    if let note = asOf.note { print("  note: \(note)") }
    return km2
}
let karabakhKm2 = try control(karabakh, on: try Day.parse("2020-11-10"))
let archiveKm2 = try control(archive, on: try Day.parse("2025-08-05"))
// end snippet

        // The README's `frontline control --date 2020-11-10`: 78,546.8 and 7,703.0 km².
        #expect(abs((karabakhKm2["azerbaijan"] ?? 0) - 78_546.8) < 80)
        #expect(abs((karabakhKm2["armenian"] ?? 0) - 7_703.0) < 10)
        // expected.json, raw/1754251105.geojson: occupied 60,693.669 km², unknown 1,212.870 km².
        #expect(abs((archiveKm2["occupied"] ?? 0) - 60_693.669) < 0.05)
        #expect(abs((archiveKm2["unknown"] ?? 0) - 1_212.87) < 0.05)
        #expect(archiveKm2["other"] == nil, "the implicit side is not drawn, so it has no area")
    }

    @Test func locatingAPlace() throws {
        let (dataset, karabakh, archive, countries) = try Self.sources()
// snippet: locate-dataset
let day = try Day.parse("2020-10-27")
let barda = try dataset.locate("Barda", on: day, history: karabakh.history)
print(barda.name, barda.control.side ?? "-", barda.control.status.rawValue, barda.district?.name ?? "-")
print("to the front: \(String(format: "%.1f", barda.distanceToFrontKm ?? .nan)) km")
print("nearest: \(barda.nearest.map { "\($0.place.name) \(String(format: "%.1f", $0.km)) km" }.joined(separator: ", "))")

// A position works too, written LAT,LON.
let stepanakert = try dataset.locate("39.8177,46.7528", on: try Day.parse("2021-01-01"), history: karabakh.history)
print(stepanakert.control.side ?? "-", stepanakert.control.zones.map(\.zone))
// end snippet
// snippet: locate-archive
let midweek = try Day.parse("2025-08-05")
let here = try archive.locate(Position(lon: 35.37, lat: 46.85), on: midweek, countries: countries)
print("answered by \(here.asOf.description)")
print("side: \(here.side ?? "unknown"), theatre: \(here.theatre ?? "-")")
print("to the front: \(String(format: "%.1f", here.distanceToFrontKm ?? .nan)) km")
// end snippet

        #expect(barda.control.side == "azerbaijan" && barda.control.status == .confirmed)
        #expect(barda.district?.id == "barda")
        let km = try #require(barda.distanceToFrontKm)
        #expect(km > 10 && km < 25, "the CLI says 16.8 km; got \(km)")
        #expect(barda.nearest.count == 3)
        #expect(stepanakert.control.side == "armenian")
        #expect(stepanakert.control.zones.map(\.zone).contains("russian_peacekeeping"))
        #expect(here.side == "occupied" && here.theatre == "UA")
        #expect(here.asOf.asOf == Day("2025-08-03"))
        let hereKm = try #require(here.distanceToFrontKm)
        #expect(hereKm > 24 && hereKm < 33, "got \(hereKm)")
    }

    @Test func whatChangedHands() throws {
        let (_, karabakh, archive, _) = try Self.sources()
// snippet: diff-both
let war = try karabakh.diff(from: try Day.parse("2020-09-27"), to: try Day.parse("2020-12-01"), options: .standard)
let week = try archive.diff(from: try Day.parse("2025-08-03"), to: try Day.parse("2025-08-10"), options: .standard)

let diffs: [(source: any ControlSource, diff: ControlDiff)] = [(karabakh, war), (archive, week)]
for (source, diff) in diffs {
    print("\(source.name): \(diff.from.map(\.description) ?? "?") → \(diff.to.map(\.description) ?? "?")")
    for side in diff.sides {
        print("  \(source.label(of: side.side)): gained \(Int(side.gainedKm2)) km², lost \(Int(side.lostKm2)) km², net \(Int(side.netKm2)) km²")
    }
    print("  \(diff.changes.count) pieces changed hands; \(diff.settlements.count) settlements")
}
// end snippet
// snippet: diff-provenance
for piece in war.changes.prefix(3) {
    let by = piece.sourceChanges.map(\.id).joined(separator: ", ")
    print("\(piece.fromSide) → \(piece.toSide), \(piece.kind?.rawValue ?? "-"): \(String(format: "%.1f", piece.areaKm2)) km² (\(by))")
}
for settlement in war.settlements.prefix(5) {
    print("\(settlement.date?.description ?? "-") \(settlement.place.name): \(settlement.fromSide ?? "-") → \(settlement.toSide ?? "-")")
}
// end snippet

        let azerbaijan = try #require(war.sides.first { $0.side == "azerbaijan" })
        #expect(azerbaijan.gainedKm2 > 5_000 && azerbaijan.netKm2 > 5_000)
        #expect(war.conservationError < 1e-6)
        #expect(war.changes.contains { !$0.sourceChanges.isEmpty })
        #expect(war.settlements.contains { $0.place.id == "shusha" && $0.toSide == "azerbaijan" })
        let occupied = try #require(week.sides.first { $0.side == "occupied" })
        #expect(abs(occupied.netKm2 - (-182.805)) < 0.5)
        #expect(week.changes.count >= 2 && week.settlements.isEmpty, "snapshots carry no gazetteer")
    }

    @Test func areaOverTime() throws {
        let (_, karabakh, archive, _) = try Self.sources()
// snippet: timeline-both
// The dataset: the state in force on the first day, then every change date.
let warRows = try karabakh.timeline(from: try Day.parse("2020-09-01"), to: try Day.parse("2020-12-31"), every: nil, options: .standard)
// The archive, resampled to days: each day the latest snapshot on or before it (`asOf`).
let dailyRows = try archive.timeline(from: try Day.parse("2025-08-03"), to: try Day.parse("2025-08-10"), every: try Every("1d"), options: .standard)
print(SnapshotTimeline.csv(warRows))
print(SnapshotTimeline.csv(dailyRows))
// end snippet

        let armenian = warRows.filter { $0.side == "armenian" }
        let first = try #require(armenian.first), last = try #require(armenian.last)
        #expect(first.date == Day("2020-09-01") && first.asOf == Day("1994-05-12"))
        #expect(abs(first.areaKm2 - 11_926.8) < 5, "the base state, as in the README's diff")
        #expect(last.areaKm2 > 2_500 && last.areaKm2 < 4_500)
        #expect(armenian.count >= 10)
        let occupied = dailyRows.filter { $0.side == "occupied" }
        #expect(occupied.map(\.date.description) == (3...10).map { String(format: "2025-08-%02d", $0) })
        #expect(occupied[2].asOf == Day("2025-08-03") && occupied[2].gainedKm2 == 0)
        let lastDay = try #require(occupied.last)
        #expect(lastDay.asOf == Day("2025-08-10"))
        #expect(abs((lastDay.gainedKm2 ?? 0) - 395.308) < 0.5 && abs((lastDay.lostKm2 ?? 0) - 578.113) < 0.5)
    }

    @Test func joiningIncidents() throws {
        let (dataset, karabakh, archive, countries) = try Self.sources()
// snippet: incidents-dataset
let catalog = try dataset.loadIncidents()
let joiner = IncidentJoiner(dataset: dataset, history: karabakh.history)
let strikes = try joiner.join(catalog.incidents(from: try Day.parse("2020-10-27"), to: try Day.parse("2020-10-28")))
for joined in strikes {
    let incident = joined.incident
    let killed = incident.killed.total?.best ?? 0
    print("\(incident.date) \(incident.place?.name ?? "?"): \(incident.type.rawValue), \(killed) killed; held by \(joined.controller ?? "-"), \(String(format: "%.1f", joined.distanceToFrontKm ?? .nan)) km from the front")
}
// end snippet
// snippet: incidents-any-source
// Any dated positions (an ACLED or UCDP export, your own list), joined to any source.
let reports = [IncidentJoin.Row(day: try Day.parse("2020-10-27"), position: Position(lon: 47.12619, lat: 40.37577))]
let sightings = [IncidentJoin.Row(day: try Day.parse("2025-08-04"), position: Position(lon: 35.6, lat: 47.12)),
                 IncidentJoin.Row(day: try Day.parse("2025-08-11"), position: Position(lon: 35.6, lat: 47.12))]
let joinedReports = try IncidentJoin.join(reports, source: karabakh)
let joinedSightings = try IncidentJoin.join(sightings, source: archive, countries: countries)
for columns in joinedReports + joinedSightings {
    print(zip(IncidentJoin.joinedColumns, columns).map { "\($0)=\($1)" }.joined(separator: " "))
}
// end snippet

        #expect(strikes.count == 3)
        let bardaStrike = try #require(strikes.first { $0.incident.id == "2020-10-27-barda-missile" })
        #expect(bardaStrike.controller == "azerbaijan" && bardaStrike.districtID == "barda")
        #expect(bardaStrike.incident.killed.total?.best == 4)
        #expect((bardaStrike.distanceToFrontKm ?? 0) > 10 && (bardaStrike.distanceToFrontKm ?? 0) < 25)
        let martuni = try #require(strikes.first { $0.incident.place?.id == "martuni" })
        #expect(martuni.controller == "armenian")
        // side, status, distance_to_front_km, as_of
        #expect(joinedReports[0][0] == "azerbaijan" && joinedReports[0][1] == "confirmed")
        #expect(Double(joinedReports[0][2]).map { $0 > 10 && $0 < 25 } == true)
        // The same spot a week apart: outside the drawn area (4.2 km from it), then inside (1.9 km from the new edge).
        #expect(joinedSightings[0][0] == "other" && joinedSightings[0][1] == "as drawn" && joinedSightings[0][3] == "2025-08-03")
        #expect(Double(joinedSightings[0][2]).map { $0 > 3.5 && $0 < 5 } == true, "\(joinedSightings[0])")
        #expect(joinedSightings[1][0] == "occupied" && joinedSightings[1][3] == "2025-08-10")
        #expect(Double(joinedSightings[1][2]).map { $0 > 1.4 && $0 < 2.5 } == true, "\(joinedSightings[1])")
    }

    /// The set-up the article's later examples start from: the open-sources example's values.
    static func sources() throws -> (Dataset, DatasetSource, SnapshotArchive, [Feature]) {
        let dataset = try Dataset.load(root: try Dataset.locate(explicit: nil))
        let karabakh = try DatasetSource(dataset: dataset)
        let archive = try SnapshotArchive.open([ExampleInputs.archiveFolder])
        return (dataset, karabakh, archive, try dataset.layer("world").features)
    }
}

@Suite(.serialized) struct FrontlineMapsExamples {
    // MARK: Drawing maps and charts (FrontlineMaps' article)

    @Test func mapOfADate() throws {
// snippet: state-map
let dataset = try Dataset.load(root: try Dataset.locate(explicit: nil))
let history = try dataset.timeline.history()
let day = try Day.parse("2020-10-27")
let incidents = try MapIncident.load(dataset: dataset)
let spec = try StateMap.spec(dataset: dataset, history: history, date: day, incidents: incidents)
let svg = try MapMaker.svg(spec, options: MapOptions(width: 1200, height: 900))
let file = FileManager.default.temporaryDirectory.appendingPathComponent("karabakh-2020-10-27.svg")
try svg.write(to: file, atomically: true, encoding: .utf8)
print(spec.title, "·", spec.layers.map(\.id).joined(separator: ", "))
// end snippet

        #expect(spec.title == "Control on 27 October 2020")
        let layers = spec.layers.map(\.id)
        #expect(layers.contains("control-azerbaijan") && layers.contains("control-armenian") && layers.contains("front-line"))
        #expect(spec.markers.contains { $0.id == "2020-10-27-barda-missile" })
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("data-side=\"armenian\"") && svg.contains("marker-2020-10-27-barda-missile"))
        #expect(FileManager.default.fileExists(atPath: file.path))
    }

    @Test func mapOfAChange() throws {
        let dataset = try Dataset.load(root: try Dataset.locate(explicit: nil))
        let history = try dataset.timeline.history()
// snippet: change-map
var options = MapOptions(width: 1600, height: 1000, crs: "stere", title: "The 2020 war: what changed hands")
options.window = try MapOptions.parseBBox("45.6,38.8,47.6,40.6")
let from = try Day.parse("2020-09-27"), to = try Day.parse("2020-12-01")
let spec = try ChangeMap.spec(dataset: dataset, history: history, from: from, to: to, options: options)
let svg = try MapMaker.svg(spec, options: options)
print(spec.legendNotes.joined(separator: "\n"))
// end snippet

        #expect(spec.title == "The 2020 war: what changed hands")
        #expect(spec.window.west == 45.6 && spec.window.north == 40.6)
        #expect(spec.layers.contains { $0.id.hasPrefix("gain-azerbaijan") })
        #expect(spec.legendNotes.contains { $0.hasPrefix("Azerbaijan: gained ") })
        #expect(svg.contains("gain-handover-azerbaijan") && svg.contains("Handed over to"))
    }

    @Test func mapsOfAnArchive() throws {
        let folder = ExampleInputs.archiveFolder
// snippet: snapshot-maps
let archive = try SnapshotArchive.open([folder])
let world = try Dataset.load(root: try Dataset.locate(explicit: nil))
let first = try archive.snapshot(on: try Day.parse("2025-08-03"))
let second = try archive.snapshot(on: try Day.parse("2025-08-10"))

// One date: each side's area and the front, on the world layers of the bundled dataset.
let dayMap = try MapMaker.svg(try SnapshotMap.spec(first, context: world), options: MapOptions())

// Two dates: what changed hands, drawn on the second.
let (diff, sides) = try ControlDiff.between(first, second, options: .standard)
let changeSpec = try SnapshotMap.changeSpec(first, second, diff: diff, sides: sides, context: world)
let changeMap = try MapMaker.svg(changeSpec, options: MapOptions())
print(changeSpec.title, "·", changeSpec.legendNotes.joined(separator: " "))
// end snippet

        #expect(dayMap.contains("data-side=\"occupied\"") && dayMap.contains("DeepStateMap.Live"))
        #expect(changeSpec.title == "Changes of control, 3 August 2025 – 10 August 2025")
        #expect(changeMap.contains("class=\"gain-occupied\""))
        #expect(changeSpec.legendNotes.contains { $0.hasPrefix("Occupied") || $0.contains("gained") })
        #expect(sides.map(\.id) == ["occupied", "unknown"])
        #expect(abs((diff.sides.first { $0.side == "occupied" }?.gainedKm2 ?? 0) - 395.308) < 0.5)
    }

    @Test func chartOfTheDataset() throws {
        let dataset = try Dataset.load(root: try Dataset.locate(explicit: nil))
// snippet: area-chart
let karabakh = try DatasetSource(dataset: dataset)
let from = try Day.parse("2020-08-28"), to = try Day.parse("2023-12-31")
let rows = try karabakh.timeline(from: from, to: to, every: nil, options: .standard)
let chart = ChartMaker.spec(rows: rows, title: "Area held, \(from) – \(to)", subtitle: "at every change date",
                            label: karabakh.label(of:), annotations: ChartMaker.annotations(karabakh),
                            attribution: "Data: \(karabakh.name). Made with frontline.", width: 1200, height: 700)
let svg = ChartRenderer.svg(chart)
let file = FileManager.default.temporaryDirectory.appendingPathComponent("karabakh-area.svg")
try svg.write(to: file, atomically: true, encoding: .utf8)
// end snippet

        #expect(chart.panels.count == 1)
        #expect(chart.panels[0].series.map(\.id) == ["azerbaijan", "armenian"])
        #expect(!chart.annotations.isEmpty)
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("data-side=\"armenian\"") && svg.contains("series-azerbaijan"))
        // The armenian line starts at the base state and ends at zero after 2023-09-20.
        let armenian = try #require(chart.panels[0].series.last)
        #expect(abs((armenian.points.first?.value ?? 0) - 11_926.8) < 5)
        #expect((armenian.points.last?.value ?? 1) < 1)
    }

    @Test func chartOfAnArchive() throws {
        let folder = ExampleInputs.archiveFolder
// snippet: archive-chart
let archive = try SnapshotArchive.open([folder])
let start = try Day.parse("2025-08-03"), end = try Day.parse("2025-08-10")
let daily = try archive.timeline(from: start, to: end, every: try Every("1d"), options: .standard)
let chart = ChartMaker.spec(rows: daily, title: "Area held per side, \(start) – \(end)", subtitle: "every 1d; each tick the latest snapshot on or before it",
                            label: archive.label(of:), annotations: [], attribution: "Data: \(archive.credit ?? archive.name). Made with frontline.",
                            width: 1200, height: 700)
let svg = ChartRenderer.svg(chart)
// end snippet

        #expect(chart.panels[0].series.map(\.id) == ["occupied", "unknown"])
        #expect(svg.contains("data-side=\"occupied\""))
        // Net change per day as bars: nothing for six days, then the week's −182.8 km².
        let bars = chart.panels[0].bars
        #expect(bars.count == 7)
        #expect(bars.dropLast().allSatisfy { $0.value == 0 })
        #expect(abs((bars.last?.value ?? 0) + 182.805) < 0.5)
    }
}
