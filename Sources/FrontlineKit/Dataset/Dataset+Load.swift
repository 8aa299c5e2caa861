import Foundation
import GeoModel
import GeoOps

extension Dataset {
    /// The environment variable that points at a dataset folder.
    public static let environmentVariable = "FRONTLINE_DATA"

    /// Finds the dataset folder: `--data DIR`, then `$FRONTLINE_DATA`, then `share/frontline/geodata` beside an
    /// installed binary, then a `geodata/` folder above the executable (a build in the repository), then the
    /// repository this binary was built from.
    public static func locate(explicit: String?, executable: String = CommandLine.arguments.first ?? "") throws(FrontlineError) -> String {
        if let explicit {
            guard hasManifest(explicit) else { throw .cannotRead(path: explicit, reason: "no dataset.json in this folder (--data)") }
            return explicit
        }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty {
            guard hasManifest(env) else { throw .cannotRead(path: env, reason: "no dataset.json in this folder ($\(environmentVariable))") }
            return env
        }
        var candidates: [String] = []
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        candidates.append(dir.deletingLastPathComponent().appendingPathComponent("share/frontline/geodata").path)
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("geodata").path)
            dir = dir.deletingLastPathComponent()
        }
        // The repository this binary was compiled from (works for a built binary copied anywhere on this machine).
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repo.appendingPathComponent("geodata").path)
        if let found = candidates.first(where: hasManifest) { return found }
        throw .cannotRead(path: "geodata", reason: "bundled dataset not found; pass --data DIR or set $\(environmentVariable)")
    }

    static func hasManifest(_ dir: String) -> Bool {
        FileManager.default.fileExists(atPath: (dir as NSString).appendingPathComponent("dataset.json"))
    }

    /// Loads the dataset in `root` (see geodata/FORMAT.md).
    public static func load(root: String) throws(FrontlineError) -> Dataset {
        let manifestPath = (root as NSString).appendingPathComponent("dataset.json")
        let m = try JSONFields(file: manifestPath, path: "", readJSONFile(manifestPath))
        var files: [String: String] = [:]
        for (k, v) in try m.sub("files").object { if let s = v.stringValue { files[k] = s } }
        func path(_ key: String) throws(FrontlineError) -> String {
            guard let f = files[key] else { throw m.fail("files.\(key)", "missing") }
            return (root as NSString).appendingPathComponent(f)
        }
        let window = try m.array("window").compactMap(\.numberValue)
        guard window.count == 4 else { throw m.fail("window", "expected [west, south, east, north]") }
        var sides: [Side] = []
        for (i, v) in try m.array("sides").enumerated() {
            let f = try JSONFields(file: manifestPath, path: "sides[\(i)]", v)
            sides.append(Side(id: try f.string("id"), label: try f.string("label")))
        }
        var zoneLabels: [String: String] = [:]
        for (i, v) in ((m.object["zones"]?.arrayValue) ?? []).enumerated() {
            let f = try JSONFields(file: manifestPath, path: "zones[\(i)]", v)
            zoneLabels[try f.string("id")] = try f.string("label")
        }
        let defaultSide = try m.string("default_side")
        guard sides.contains(where: { $0.id == defaultSide }) else { throw m.fail("default_side", "\"\(defaultSide)\" is not one of the sides") }

        let studyPath = try path("study_area")
        let studyFC = try GeoJSONFile.read(studyPath)
        let study = Geometry.polygonal(studyFC.features.compactMap(\.geometry).flatMap(\.polygons))
        guard !study.isEmpty else { throw .badInput(path: studyPath, place: "", message: "the study area has no polygon") }

        let (base, changes, zones) = try loadControl(try path("control"), sides: Set(sides.map(\.id)), zones: Set(zoneLabels.keys))
        let timeline = ControlTimeline(sides: sides, defaultSide: defaultSide, baseDate: try m.day("base_date"), studyArea: study,
                                       baseAreas: base, changes: changes, zones: zones, zoneLabels: zoneLabels)
        let gazetteer = try Gazetteer.load(try path("places"))
        var districts: [District] = []
        if files["districts"] != nil {
            let dpath = try path("districts")
            for (i, f) in try GeoJSONFile.read(dpath).features.enumerated() {
                let p = try JSONFields(file: dpath, path: "features[\(i)].properties", .object(f.properties))
                guard let g = f.geometry else { throw p.fail("geometry", "district has no geometry") }
                districts.append(District(id: try p.string("id"), name: try p.string("name"), nameLocal: try p.optionalString("name_az"),
                                          group: try p.optionalString("group"), geometry: g))
            }
        }
        return Dataset(root: root, name: try m.string("name"),
                       window: BoundingBox(west: window[0], south: window[1], east: window[2], north: window[3]),
                       timeline: timeline, gazetteer: gazetteer, districts: districts, files: files)
    }

    static func sources(_ f: JSONFields, key: String = "sources") throws(FrontlineError) -> [SourceRef] {
        var out: [SourceRef] = []
        for (i, v) in ((f.object[key]?.arrayValue) ?? []).enumerated() {
            let s = try JSONFields(file: f.file, path: "\(f.path).\(key)[\(i)]", v)
            let url = try s.optionalString("url")
            let title = try s.optionalString("title") ?? url ?? ""
            guard !title.isEmpty else { throw s.fail("title", "a source needs a title or a url") }
            out.append(SourceRef(title: title, url: url, date: try s.optionalString("date"), publisher: try s.optionalString("publisher")))
        }
        return out
    }

    static func loadControl(_ path: String, sides: Set<String>, zones: Set<String>) throws(FrontlineError) -> ([BaseArea], [ControlChange], [Zone]) {
        let fc = try GeoJSONFile.read(path)
        var base: [BaseArea] = [], changes: [ControlChange] = [], zs: [Zone] = []
        var ids = Set<String>()
        for (i, feature) in fc.features.enumerated() {
            let f = try JSONFields(file: path, path: "features[\(i)].properties", .object(feature.properties))
            let id = try f.string("id")
            guard ids.insert(id).inserted else { throw f.fail("id", "duplicate id \"\(id)\"") }
            guard let g = feature.geometry, g.isPolygonal else { throw f.fail("geometry", "\(id): expected a Polygon or MultiPolygon") }
            func side(_ key: String) throws(FrontlineError) -> String {
                let s = try f.string(key)
                guard sides.contains(s) else { throw f.fail(key, "unknown side \"\(s)\"") }
                return s
            }
            switch try f.string("kind") {
            case "base":
                base.append(BaseArea(id: id, side: try side("side"), precision: try f.optionalString("precision") ?? "approximate line",
                                     sources: try sources(f), note: try f.optionalString("note"), geometry: g))
            case "change":
                let statusText = try f.string("status")
                guard let status = ChangeStatus(rawValue: statusText) else {
                    throw f.fail("status", "\"\(statusText)\" is not claimed, confirmed or disputed")
                }
                var change = ControlChange(
                    id: id, date: try f.day("date"), from: try side("from"), to: try side("to"), status: status,
                    claimant: try f.optionalString("claimant"), disputedBy: try f.optionalString("disputed_by"),
                    precision: try f.string("precision"), places: try f.strings("places"), sources: try sources(f),
                    note: try f.optionalString("note"), geometry: g)
                change.confirmedOn = try f.optionalDay("confirmed_on")
                change.confirmedBy = try f.optionalString("confirmed_by")
                change.confirmationSources = try sources(f, key: "confirmation_sources")
                change.agreement = try f.optionalString("agreement")
                change.zoneChange = try f.optionalString("zone_change")
                if let z = change.zoneChange, !zones.isEmpty, !zones.contains(z) { throw f.fail("zone_change", "unknown zone \"\(z)\"") }
                change.precisionKm = try f.optionalNumber("precision_km")
                if let k = change.precisionKm, k < 0 { throw f.fail("precision_km", "must not be negative") }
                changes.append(change)
            case "zone":
                let z = try f.string("zone")
                guard zones.isEmpty || zones.contains(z) else { throw f.fail("zone", "unknown zone \"\(z)\"") }
                zs.append(Zone(id: id, zone: z, validFrom: try f.day("valid_from"), validTo: try f.optionalDay("valid_to"),
                               precision: try f.optionalString("precision") ?? "approximate line", sources: try sources(f),
                               note: try f.optionalString("note"), geometry: g))
            case let other:
                throw f.fail("kind", "\"\(other)\" is not base, change or zone")
            }
        }
        return (base, changes, zs)
    }
}
