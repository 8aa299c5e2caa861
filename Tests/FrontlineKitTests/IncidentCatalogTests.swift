import Foundation
import FrontlineKit
import GeoModel
import GeoOps
import TestSupport
import Testing

@Suite struct IncidentCatalogTests {
    /// The bundled dataset, when built; nil otherwise.
    static let dataset: Dataset? = try? Dataset.load(root: TestPaths.geodata.path)

    @Test func loadsTheBundledIncidents() throws {
        guard let dataset = Self.dataset else { print("SKIP loadsTheBundledIncidents: bundled dataset not built"); return }
        let catalog = try dataset.loadIncidents()
        #expect(catalog.incidents.count >= 20)
        #expect(!catalog.aggregates.isEmpty)
        let barda = try #require(catalog.incidents.first { $0.id == "2020-10-27-barda-missile" })
        #expect(barda.type == .missileStrike && barda.attacker == "armenian")
        #expect(barda.killed.civilian == CasualtyCount(exactly: 4) && barda.wounded.unknown?.best == 10)
        #expect(barda.place?.id == "barda")
        // Every incident has a source, and its place is in the gazetteer.
        for i in catalog.incidents {
            #expect(!i.sources.isEmpty, "\(i.id)")
            if let id = i.place?.id { #expect(dataset.gazetteer.place(id: id) != nil, "\(i.id): \(id)") }
        }
        let window = catalog.incidents(from: Day("2020-10-01"), to: Day("2020-10-04"))
        #expect(window.allSatisfy { $0.date >= Day(year: 2020, month: 10, day: 1)! && $0.date <= Day(year: 2020, month: 10, day: 4)! })
        #expect(window.map(\.date) == window.map(\.date).sorted())
    }

    @Test func badFilesGiveOneLineErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("incidents-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let cases: [(String, String)] = [
            (#"{"incidents":[{"id":"a","date":"2020-13-01","type":"shelling"}]}"#, "incidents[0].date"),
            (#"{"incidents":[{"id":"a","date":"2020-10-01","type":"bombing"}]}"#, "incidents[0].type"),
            (#"{"incidents":[{"id":"a","date":"2020-10-01","type":"shelling","killed":{"civilian":{"low":5,"best":4,"high":6}}}]}"#, "low 5 is above best 4"),
            (#"{"incidents":[{"id":"a","date":"2020-10-01","type":"shelling"},{"id":"a","date":"2020-10-02","type":"shelling"}]}"#, "duplicate id"),
        ]
        for (json, fragment) in cases {
            let f = dir.appendingPathComponent("incidents.json")
            try Data(json.utf8).write(to: f)
            do {
                _ = try IncidentCatalog.load(f.path)
                Issue.record("accepted a bad file: \(json)")
            } catch {
                #expect(error.description.contains(fragment), "\(error)")
                #expect(!error.description.contains("\n"))
                #expect(error.exitCode == 65)
            }
        }
    }

    @Test func csvQuotesAndNamesACLEDColumns() {
        let i = Incident(id: "x", date: Day(year: 2020, month: 10, day: 27)!, place: IncidentPlace(id: "barda", name: "Barda", position: Position(lon: 47.1, lat: 40.3), precision: 1),
                         type: .missileStrike, attacker: "armenian", killed: CasualtyGroups(civilian: CasualtyCount(exactly: 4)),
                         claimant: "Azerbaijan: aide, \"H\"", sources: [SourceRef(title: "t", url: "https://e.x/a")])
        let csv = EventsCSV.text([JoinedIncident(incident: i, controller: "azerbaijan", controlStatus: .confirmed, districtID: "barda",
                                                 districtName: "Barda", distanceToFrontKm: 16.78578, note: nil)])
        let lines = csv.split(separator: "\r\n").map(String.init)
        #expect(lines.first?.hasPrefix("event_id_cnty,event_date,time_precision,event_type,actor1,admin2,location,latitude,longitude,geo_precision,fatalities") == true)
        #expect(lines.count == 2)
        #expect(lines[1].contains("\"Azerbaijan: aide, \"\"H\"\"\""))
        #expect(lines[1].contains(",azerbaijan,16.786,"))
    }
}

@Suite struct IncidentJoinerTests {
    /// The seed incident, Barda on 2020-10-27: held by Azerbaijan, in Barda district, 16.786 km from the front.
    /// Cross-checked with tools/crosscheck_front_distance.py (shapely 2.2.0, pyproj 3.7.2, PROJ 9.5.1) on the front
    /// line of `frontline export --date 2020-10-27`: 16.7858 km.
    @Test func seedIncidentJoin() throws {
        guard let dataset = IncidentCatalogTests.dataset, let barda = dataset.gazetteer.place(id: "barda") else {
            print("SKIP seedIncidentJoin: bundled dataset not built"); return
        }
        let joiner = try IncidentJoiner(dataset: dataset)
        let incident = Incident(id: "seed", date: Day(year: 2020, month: 10, day: 27)!,
                                place: IncidentPlace(id: "barda", name: "Barda", position: barda.position, precision: 1),
                                type: .missileStrike, attacker: "armenian", claimant: "Azerbaijan")
        let j = try joiner.join(incident)
        #expect(j.controller == "azerbaijan")
        #expect(j.districtID == "barda")
        let km = try #require(j.distanceToFrontKm)
        #expect(abs(km - 16.7858) < 0.01, "\(km)")
        // Unplaced incidents and dates before the base date are answered, not thrown.
        var unplaced = incident
        unplaced.place = IncidentPlace(id: nil, name: "Kharkiv", position: nil, precision: nil)
        #expect(try joiner.join(unplaced).note == "place not resolved")
        var early = incident
        early.date = Day(year: 1990, month: 1, day: 1)!
        #expect(try joiner.join(early).controller == nil)
    }

    /// Runs the independent check live when python3 with shapely and pyproj is present.
    @Test func distanceAgreesWithShapelyAndPyproj() throws {
        guard IncidentCatalogTests.dataset != nil else { print("SKIP distanceAgreesWithShapelyAndPyproj: bundled dataset not built"); return }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        probe.arguments = ["python3", "-c", "import shapely, pyproj"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { print("SKIP distanceAgreesWithShapelyAndPyproj: no python3"); return }
        probe.waitUntilExit()
        guard probe.terminationStatus == 0 else { print("SKIP distanceAgreesWithShapelyAndPyproj: python3 lacks shapely/pyproj"); return }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("xcheck-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let export = dir.appendingPathComponent("front.geojson")
        let bin = TestPaths.repo.appendingPathComponent(".build/debug/frontline")
        guard FileManager.default.isExecutableFile(atPath: bin.path) else { print("SKIP distanceAgreesWithShapelyAndPyproj: binary not built"); return }
        let e = Process()
        e.executableURL = bin
        e.arguments = ["export", "--date", "2020-10-27", "--layers", "front", "-o", export.path]
        try e.run()
        e.waitUntilExit()
        #expect(e.terminationStatus == 0)
        let py = Process()
        py.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        py.arguments = ["python3", TestPaths.repo.appendingPathComponent("tools/crosscheck_front_distance.py").path, export.path, "40.37577", "47.12619"]
        let pipe = Pipe()
        py.standardOutput = pipe
        try py.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        py.waitUntilExit()
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let theirs = try #require(json["distance_km"] as? Double)
        guard let dataset = IncidentCatalogTests.dataset, let barda = dataset.gazetteer.place(id: "barda") else { return }
        let front = try IncidentJoiner(dataset: dataset).frontLine(on: Day(year: 2020, month: 10, day: 27)!)
        let ours = try Geodesy.distanceKm(from: barda.position, to: front)
        print("distance Barda→front 2020-10-27: frontline \(ours) km, shapely \(json["shapely"] ?? "?") + pyproj \(json["pyproj"] ?? "?") \(theirs) km")
        #expect(abs(ours - theirs) < 0.01)
    }
}
