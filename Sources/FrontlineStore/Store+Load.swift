import Foundation
import FrontlineKit
import GeoModel
import GeoOps

extension Store {
    /// What a load did.
    public struct LoadReport: Sendable {
        /// The name the source was loaded as.
        public var source: String
        /// Dates loaded (for the dataset, every state; for an events file, 1).
        public var loaded = 0
        /// Dates already held whose checksum changed, replaced.
        public var replaced = 0
        /// Dates skipped because their checksum matched what the database holds (for an events file, 1).
        public var unchanged = 0
        /// Snapshot rows written, one per side and date (for an events file, its event rows).
        public var rows = 0
    }

    /// Loads a snapshot archive in one transaction: each date is kept by (source, date) with its file's checksum;
    /// an unchanged checksum is skipped, a changed one replaced. A failure leaves the database as it was.
    public func load(archive: SnapshotArchive, as source: String, progress: (Int, Int) -> Void = { _, _ in }) throws(FrontlineError) -> LoadReport {
        try checkSchema()
        var report = LoadReport(source: source)
        let existing = try db.exec("SELECT date::text, min(checksum) FROM snapshots WHERE source = $1 GROUP BY date", [source])
        var known: [String: String] = [:]
        for v in existing.values { if let d = v[0], let c = v[1] { known[d] = c } }
        try db.exec("BEGIN")
        do {
            try db.exec("INSERT INTO sources (name, kind) VALUES ($1, 'snapshots') ON CONFLICT (name) DO UPDATE SET loaded_at = now()", [source])
            var lines: [String] = []
            for (i, e) in archive.entries.enumerated() {
                progress(i, archive.entries.count)
                let sum = Store.checksum(try FileIO.read(e.path), salt: e.features == nil ? "" : e.date.description)
                let d = e.date.description
                if known[d] == sum { report.unchanged += 1; continue }
                if known[d] != nil {
                    try db.exec("DELETE FROM snapshots WHERE source = $1 AND date = $2::date", [source, d])
                    report.replaced += 1
                } else {
                    report.loaded += 1
                }
                let snap = try archive.read(at: i)
                for s in snap.sides {
                    guard let g = snap.areas[s.id], !g.polygons.isEmpty else { continue }
                    lines.append([source, d, s.id, Store.ewkbHex(g), String(Geodesy.areaKm2(g)), sum, e.label].map(Connection.copyField).joined(separator: "\t"))
                }
                if lines.count > 500 {
                    try db.copy("COPY snapshots (source, date, side, geom, area_km2, checksum, file) FROM STDIN", lines: lines)
                    report.rows += lines.count
                    lines = []
                }
            }
            if !lines.isEmpty {
                try db.copy("COPY snapshots (source, date, side, geom, area_km2, checksum, file) FROM STDIN", lines: lines)
                report.rows += lines.count
            }
            progress(archive.entries.count, archive.entries.count)
            try db.exec("COMMIT")
        } catch {
            _ = try? db.exec("ROLLBACK")
            throw error
        }
        return report
    }

    /// Loads the dataset: every state as snapshots (so the same questions run on it), its changes and zones with
    /// provenance, and its places. One transaction; the source's previous contents are replaced when its checksum differs.
    public func load(dataset source: DatasetSource, as name: String) throws(FrontlineError) -> LoadReport {
        try checkSchema()
        var report = LoadReport(source: name)
        let ds = source.dataset
        let sum = Store.checksum(try FileIO.read((ds.root as NSString).appendingPathComponent("control.geojson")))
        let prior = try db.exec("SELECT min(checksum) FROM snapshots WHERE source = $1", [name]).values.first?.first ?? nil
        if prior == sum { report.unchanged = source.history.states.count; return report }
        try db.exec("BEGIN")
        do {
            for t in ["snapshots", "changes", "zones", "places"] { try db.exec("DELETE FROM \(t) WHERE source = $1", [name]) }
            try db.exec("INSERT INTO sources (name, kind) VALUES ($1, 'dataset') ON CONFLICT (name) DO UPDATE SET loaded_at = now(), kind = 'dataset'", [name])
            var lines: [String] = []
            for st in source.history.states {
                for s in ds.timeline.sides {
                    guard let g = st.areas[s.id], !g.polygons.isEmpty else { continue }
                    lines.append([name, st.date.description, s.id, Store.ewkbHex(g), String(Geodesy.areaKm2(g)), sum, "control.geojson"].map(Connection.copyField).joined(separator: "\t"))
                }
            }
            try db.copy("COPY snapshots (source, date, side, geom, area_km2, checksum, file) FROM STDIN", lines: lines)
            report.rows += lines.count
            report.loaded = source.history.states.count
            var changeLines: [String] = []
            for c in ds.timeline.changes where !c.geometry.polygons.isEmpty {
                changeLines.append([name, c.id, c.date.description, c.from, c.to, c.status.rawValue, c.claimant, c.disputedBy,
                                    c.sources.map(\.citation).joined(separator: " "), c.precision, Store.ewkbHex(c.geometry)].map(Connection.copyField).joined(separator: "\t"))
            }
            try db.copy("COPY changes (source, id, date, from_side, to_side, status, claimant, disputed_by, sources, precision, geom) FROM STDIN", lines: changeLines)
            var zoneLines: [String] = []
            for z in ds.timeline.zones where !z.geometry.polygons.isEmpty {
                zoneLines.append([name, z.id, z.zone, z.validFrom.description, z.validTo?.description, z.sources.map(\.citation).joined(separator: " "),
                                  Store.ewkbHex(z.geometry)].map(Connection.copyField).joined(separator: "\t"))
            }
            try db.copy("COPY zones (source, id, zone, valid_from, valid_to, sources, geom) FROM STDIN", lines: zoneLines)
            let placeLines = ds.gazetteer.places.map { p in
                [name, p.id, p.name, p.country, p.district, p.population.map(String.init), Store.pointHex(p.position)].map(Connection.copyField).joined(separator: "\t")
            }
            try db.copy("COPY places (source, id, name, country, region, population, geom) FROM STDIN", lines: placeLines)
            try db.exec("COMMIT")
        } catch {
            _ = try? db.exec("ROLLBACK")
            throw error
        }
        return report
    }

    /// Loads an event CSV (ACLED, UCDP GED, frontline's own): each line with its date and position, the line kept
    /// as written. Replaced whole when the file's checksum differs.
    public func load(events path: String, as name: String) throws(FrontlineError) -> LoadReport {
        try checkSchema()
        var report = LoadReport(source: name)
        let bytes = try FileIO.read(path)
        let sum = Store.checksum(bytes)
        let prior = try db.exec("SELECT min(checksum) FROM events WHERE source = $1", [name]).values.first?.first ?? nil
        if prior == sum { report.unchanged = 1; return report }
        let table = try IncidentCSV.parse(bytes, path: path)
        try db.exec("BEGIN")
        do {
            try db.exec("DELETE FROM events WHERE source = $1", [name])
            try db.exec("INSERT INTO sources (name, kind, header) VALUES ($1, 'events', $2) ON CONFLICT (name) DO UPDATE SET loaded_at = now(), header = EXCLUDED.header",
                        [name, String(decoding: table.header, as: UTF8.self)])
            var lines: [String] = []
            for (k, raw) in table.rawLines.enumerated() {
                let row = table.row(ofLine: k)
                lines.append([name, String(k + 2), row?.day.description, row.map { Store.pointHex($0.position) }, raw, sum].map(Connection.copyField).joined(separator: "\t"))
            }
            try db.copy("COPY events (source, line, date, geom, raw, checksum) FROM STDIN", lines: lines)
            report.rows = lines.count
            report.loaded = 1
            try db.exec("COMMIT")
        } catch {
            _ = try? db.exec("ROLLBACK")
            throw error
        }
        return report
    }
}
