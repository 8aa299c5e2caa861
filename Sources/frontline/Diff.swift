import ArgumentParser
import FrontlineKit
import GeoModel
import GeoOps

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "What changed hands between two dates of the dataset, or between two snapshot files: km² per side, change polygons, settlements.",
        discussion: """
            frontline diff --from 2020-09-26 --to 2020-12-02
            frontline diff A.geojson B.geojson [--side-property NAME]
            """)

    @Argument(help: "Two snapshot files, any format (instead of --from/--to).")
    var files: [String] = []

    @Option(help: "The first date, YYYY-MM-DD.")
    var from: String?

    @Option(help: "The second date, YYYY-MM-DD.")
    var to: String?

    @Option(help: "Output format: table, json, csv or geojson (a GIS file by the extension of -o: .gpkg, .fgb, .kml, .kmz, .shp, .geojsonl).")
    var format: Format = .table

    @Option(help: ArgumentHelp("Write -o with this GDAL driver (GPKG, FlatGeobuf, KML, KMZ, ESRI Shapefile, CSV, GeoJSONSeq).", valueName: "NAME"))
    var driver: String?

    @OptionGroup var geography: GeographyOptions
    @OptionGroup var overlay: OverlayOptions
    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func validate() throws {
        if files.isEmpty {
            guard from != nil, to != nil else { throw ValidationError("give --from and --to dates (of the dataset or of --snapshots), or two snapshot files") }
        } else {
            guard overlay.snapshots.isEmpty else { throw ValidationError("give snapshot files or --snapshots, not both") }
            guard files.count == 2 else { throw ValidationError("give exactly two snapshot files (got \(files.count))") }
            guard from == nil, to == nil else { throw ValidationError("--from/--to are for the dataset; they cannot be combined with files") }
            guard dataOptions.data == nil else { throw ValidationError("--data cannot be combined with snapshot files") }
        }
    }

    func run() throws {
        let gis = try out.gisFormat(driver: driver)
        try out.preflight(inputs: files)
        var diff: ControlDiff
        var header = ""
        var statesAB: (ControlState, ControlState, [Side], String?)?
        var sourceForRegions: ControlSource?
        if files.isEmpty, let from, let to {
            let d1 = try parseDay(from, flag: "--from"), d2 = try parseDay(to, flag: "--to")
            guard d1 <= d2 else { throw FrontlineError.badArgument("--from \(d1) is after --to \(d2)") }
            let source = try overlay.source(data: dataOptions)
            let s1 = try source.state(on: d1), s2 = try source.state(on: d2)
            for n in [s1.note, s2.note].compactMap({ $0 }) { note(n) }
            diff = try source.diff(from: d1, to: d2, options: overlay.diff)
            sourceForRegions = source
            if source is SnapshotArchive {
                var sides = s1.sides
                for x in s2.sides where !sides.contains(where: { $0.id == x.id }) { sides.append(x) }
                statesAB = (s1.state, s2.state, sides, s1.implicitSide ?? s2.implicitSide)
            }
            if let a = source as? SnapshotArchive {
                for i in Set([try a.index(on: d1), try a.index(on: d2)]).sorted() { announce(try a.snapshot(at: i), profileGiven: overlay.profile != nil || overlay.sides != nil) }
                header = "control from \(d1) to \(d2): \(s1.description) → \(s2.description)"
                if s1.asOf == s2.asOf { note("--from and --to fall on the same snapshot (\(s1.asOf)): nothing can have changed between them") }
            } else {
                header = "control from \(d1) to \(d2)"
            }
        } else {
            // The two files are read, repaired and snapped at the same time.
            let snapshotOptions = try overlay.snapshotOptions()
            let both = try Parallel.map([files[0], files[1]]) { (file) throws(FrontlineError) -> Snapshot in try Snapshot.load(file, options: snapshotOptions) }
            let a = both[0], b = both[1]
            announce(a, profileGiven: overlay.profile != nil || overlay.sides != nil)
            announce(b, profileGiven: true)
            let (d, sides) = try ControlDiff.between(a, b, options: overlay.diff)
            diff = d
            statesAB = (a.state, b.state, sides, Snapshot.sides(a, b).implicitSide)
            sourceForRegions = try? overlay.archive(files: files)
            if diff.droppedSliverCount > 0 {
                warn("dropped \(diff.droppedSliverCount) sliver\(diff.droppedSliverCount == 1 ? "" : "s") of \(fmt(diff.droppedSliverKm2, 3)) km² in all (--sliver-width \(overlay.sliverWidth) m, --min-area \(overlay.minArea) km²)")
            }
        }
        // Snapshot diffs name the settlements that changed hands from the world places around the changes.
        let world = (try dataOptions.context()).flatMap(WorldGeography.beside)
        var nearby: [Place] = []
        if let (sa, sb, sides, implicit) = statesAB, let window = diff.changes.compactMap({ BoundingBox(geometry: $0.geometry) }).union() {
            let margin = BoundingBox(west: window.west - 0.3, south: window.south - 0.3, east: window.east + 0.3, north: window.north + 0.3)
            if let world {
                nearby = try world.places(in: margin)
                let inner = BoundingBox(west: window.west - 0.05, south: window.south - 0.05, east: window.east + 0.05, north: window.north + 0.05)
                try diff.addSettlements(nearby.filter { inner.contains($0.position) }, from: sa, to: sb, sides: sides, implicitSide: implicit)
            }
        }
        if geography.by != nil, let src = sourceForRegions {
            let window = diff.changes.compactMap({ BoundingBox(geometry: $0.geometry) }).union()
            let regions = try geography.regionList(source: src, window: window, data: dataOptions)
            let rows = try RegionBreakdown.changes(diff, regions: regions)
            switch format {
            case .json:
                let arr = rows.map { r in JSONValue.object(JSONObject([("region", .string(r.regionName)), ("region_id", .string(r.regionID)), ("side", .string(r.side)),
                                                                        ("gained_km2", .number(r.gainedKm2.rounded(toPlaces: 3))), ("lost_km2", .number(r.lostKm2.rounded(toPlaces: 3))),
                                                                        ("net_km2", .number(r.netKm2.rounded(toPlaces: 3)))])) }
                try out.emit(JSONValue.object(JSONObject([("from", .string(diff.from?.description ?? "")), ("to", .string(diff.to?.description ?? "")), ("rows", .array(arr))])).jsonText + "\n", inputs: files)
            case .csv:
                var lines = ["from,to,region_id,region,side,gained_km2,lost_km2,net_km2"]
                for r in rows { lines.append(CSV.row([diff.from?.description ?? "", diff.to?.description ?? "", r.regionID, r.regionName, r.side, String(format: "%.3f", r.gainedKm2), String(format: "%.3f", r.lostKm2), String(format: "%.3f", r.netKm2)])) }
                try out.emit(lines.joined(separator: "\n") + "\n", inputs: files)
            default:
                var t = Table(["region", "side", "gained km²", "lost km²", "net km²"], rightAligned: [2, 3, 4])
                for r in rows { t.add([r.regionName, r.side, fmt(r.gainedKm2, 2), fmt(r.lostKm2, 2), fmt(r.netKm2, 2)]) }
                try out.emit((header.isEmpty ? "" : header + "\n") + "changes by region\n" + t.rendered, inputs: files)
            }
            return
        }
        if let gis {
            try out.emitLayers(diff.featureCollection, kind: gis, precision: 6, inputs: files)
            return
        }
        switch format {
        case .json: try out.emit(diff.json.jsonText + "\n", inputs: files)
        case .csv: try out.emit(diff.csv, inputs: files)
        case .geojson: try out.emit(GeoJSONWriter(precision: 6).encode(diff.featureCollection), inputs: files)
        case .table:
            if files.isEmpty == false { header = "\(files[0]) (\(diff.from.map { $0.ordinal == 0 ? "undated" : $0.description } ?? "")) → \(files[1]) (\(diff.to.map { $0.ordinal == 0 ? "undated" : $0.description } ?? ""))" }
            var t = Table(["side", "km² at start", "km² at end", "gained km²", "lost km²", "net km²"], rightAligned: [1, 2, 3, 4, 5])
            for s in diff.sides {
                t.add([s.side, s.areaFromKm2.map { fmt($0) } ?? "—", s.areaToKm2.map { fmt($0) } ?? "—", fmt(s.gainedKm2), fmt(s.lostKm2), fmt(s.netKm2)])
            }
            var text = header + "\n\n" + t.rendered
            let kinds = diff.changes.compactMap(\.kind).filter { $0 != .zone }
            if !kinds.isEmpty {
                // What the gains were: a map desk reports a claim as a claim and a handover as a handover.
                var g = Table(["gained by", "type", "km²"], rightAligned: [2])
                for side in diff.sides.map(\.side) {
                    for k in ChangeKind.allCases where k != .zone {
                        let km2 = diff.gainedKm2(by: side, kind: k)
                        if km2 > 0 { g.add([side, k.phrase, fmt(km2, 1)]) }
                    }
                }
                text += "\n" + g.rendered
            }
            text += "\nchange polygons: \(diff.changes.count)\n"
            let regionsForPieces = statesAB == nil ? [] : ((try? geography.regionList(source: sourceForRegions ?? DatasetSource(dataset: try dataOptions.load()), window: diff.changes.compactMap({ BoundingBox(geometry: $0.geometry) }).union(), data: dataOptions)) ?? [])
            var c = statesAB == nil ? Table(["from → to", "type", "km²", "districts", "changes"], rightAligned: [2])
                                    : Table(["from → to", "km²", "regions", "near"], rightAligned: [1])
            for ch in diff.changes.prefix(40) {
                if statesAB != nil {
                    let rs = regionsForPieces.filter { (try? $0.geometry.intersects(ch.geometry)) == true }.map(\.name)
                    let centre = BoundingBox(geometry: ch.geometry).map { Position(lon: ($0.west + $0.east) / 2, lat: ($0.south + $0.north) / 2) }
                    let near = centre.flatMap { c in nearby.filter { abs($0.position.lat - c.lat) < 0.3 && abs($0.position.lon - c.lon) < 0.45 }
                        .min { Geodesy.distanceKm($0.position, c) < Geodesy.distanceKm($1.position, c) } }
                    c.add(["\(ch.fromSide) → \(ch.toSide)", fmt(ch.areaKm2, 2), rs.joined(separator: ", "),
                           near.map { "\($0.name) \(fmt(Geodesy.distanceKm($0.position, centre!), 1)) km" } ?? ""])
                } else {
                    c.add(["\(ch.fromSide) → \(ch.toSide)", ch.kind?.phrase ?? "", fmt(ch.areaKm2, 2), ch.districts.joined(separator: ", "),
                           ch.sourceChanges.map { "\($0.id) (\($0.date))" }.joined(separator: ", ")])
                }
            }
            text += c.rendered
            if diff.changes.count > 40 { text += "… \(diff.changes.count - 40) more (use --format json/csv/geojson)\n" }
            if !diff.settlements.isEmpty {
                text += "\nsettlements that changed hands: \(diff.settlements.count)\n"
                var st = statesAB == nil ? Table(["date", "place", "from → to", "status", "source"]) : Table(["first on new side", "place", "region", "population", "from → to"], rightAligned: [3])
                for s in diff.settlements {
                    if statesAB != nil {
                        let region = s.place.district.flatMap { id in regionsForPieces.first { $0.id == id }?.name } ?? s.place.district ?? ""
                        st.add([s.date?.description ?? "", s.place.name, region, s.place.population.map { fmt(Double($0), 0) } ?? "", "\(s.fromSide ?? "—") → \(s.toSide ?? "—")"])
                    } else {
                        st.add([s.date?.description ?? "", s.place.name, "\(s.fromSide ?? "—") → \(s.toSide ?? "—")", s.kind?.phrase ?? s.status?.rawValue ?? "", s.sources.first?.citation ?? ""])
                    }
                }
                if statesAB != nil, let f = diff.from, let t = diff.to { text += "(changed between the snapshots of \(f) and \(t))\n" }
                text += st.rendered
            }
            let zonePieces = diff.changes.filter { !$0.isControl }
            if !zonePieces.isEmpty || !diff.zoneEvents.isEmpty {
                text += "\nzone changes (not changes of control; the gained and lost columns leave them out):\n"
                for p in zonePieces {
                    let z = p.sourceChanges.compactMap(\.zoneChange).first.map { t in diff.zoneEvents.first { $0.zone == t }?.label ?? t } ?? "zone"
                    text += "  \(p.sourceChanges.map(\.date.description).last ?? "")  \(z) moved over \(fmt(p.areaKm2, 2)) km² (\(p.fromSide) → \(p.toSide) in the areas above; \(p.sourceChanges.map(\.id).joined(separator: ", ")))\n"
                }
                for z in diff.zoneEvents {
                    switch z.event {
                    case .began: text += "  \(z.date)  \(z.label) began: \(fmt(z.areaAfterKm2 ?? 0)) km²\n"
                    case .ended: text += "  \(z.date)  \(z.label) ended: \(fmt(z.areaBeforeKm2 ?? 0)) km²\n"
                    case .redrawn: text += "  \(z.date)  \(z.label) redrawn: \(fmt(z.areaBeforeKm2 ?? 0)) → \(fmt(z.areaAfterKm2 ?? 0)) km²\n"
                    }
                }
            }
            if diff.droppedSliverCount > 0 { text += "\nslivers dropped: \(diff.droppedSliverCount), \(fmt(diff.droppedSliverKm2, 3)) km²\n" }
            try out.emit(text, inputs: files)
        }
    }
}
