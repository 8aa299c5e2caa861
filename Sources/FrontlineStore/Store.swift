import Foundation
import FrontlineKit
import GeoIO
import GeoModel
import GeoOps

/// The PostGIS store: a versioned schema of snapshots, the dataset's changes and zones, places, regions and events.
public final class Store {
    /// The connection every query of the store runs on.
    public let db: Connection
    /// The schema version this frontline writes and requires (kept in `frontline_meta`).
    public static let schemaVersion = 1

    /// Connects to a database by libpq connection string or URI (empty: the `PG*` environment).
    ///
    /// - Throws: `FrontlineError.unavailable` when the server cannot be reached or refuses the connection.
    public init(url: String) throws(FrontlineError) { db = try Connection(url) }

    /// Creates the schema (idempotent) and records its version.
    public func initialise() throws(FrontlineError) {
        try db.exec("CREATE EXTENSION IF NOT EXISTS postgis")
        let statements = [
            "CREATE TABLE IF NOT EXISTS frontline_meta (key text PRIMARY KEY, value text NOT NULL)",
            """
            CREATE TABLE IF NOT EXISTS snapshots (source text NOT NULL, date date NOT NULL, side text NOT NULL,
              geom geometry(MultiPolygon, 4326) NOT NULL, area_km2 double precision NOT NULL, checksum text NOT NULL, file text,
              PRIMARY KEY (source, date, side))
            """,
            "CREATE INDEX IF NOT EXISTS snapshots_geom_gist ON snapshots USING gist (geom)",
            "CREATE INDEX IF NOT EXISTS snapshots_source_date ON snapshots (source, date)",
            """
            CREATE TABLE IF NOT EXISTS changes (source text NOT NULL, id text NOT NULL, date date NOT NULL, from_side text, to_side text,
              status text, claimant text, disputed_by text, sources text, precision text, geom geometry(MultiPolygon, 4326),
              PRIMARY KEY (source, id))
            """,
            "CREATE INDEX IF NOT EXISTS changes_geom_gist ON changes USING gist (geom)",
            """
            CREATE TABLE IF NOT EXISTS zones (source text NOT NULL, id text NOT NULL, zone text, valid_from date, valid_to date,
              sources text, geom geometry(MultiPolygon, 4326), PRIMARY KEY (source, id))
            """,
            """
            CREATE TABLE IF NOT EXISTS places (source text NOT NULL, id text NOT NULL, name text NOT NULL, country text, region text,
              population bigint, geom geometry(Point, 4326) NOT NULL, PRIMARY KEY (source, id))
            """,
            "CREATE INDEX IF NOT EXISTS places_geom_gist ON places USING gist (geom)",
            """
            CREATE TABLE IF NOT EXISTS regions (source text NOT NULL, id text NOT NULL, name text NOT NULL, country text,
              geom geometry(MultiPolygon, 4326) NOT NULL, PRIMARY KEY (source, id))
            """,
            "CREATE INDEX IF NOT EXISTS regions_geom_gist ON regions USING gist (geom)",
            """
            CREATE TABLE IF NOT EXISTS events (source text NOT NULL, line bigint NOT NULL, date date, geom geometry(Point, 4326),
              raw text NOT NULL, checksum text NOT NULL, PRIMARY KEY (source, line))
            """,
            "CREATE INDEX IF NOT EXISTS events_geom_gist ON events USING gist (geom)",
            "CREATE INDEX IF NOT EXISTS events_source_date ON events (source, date)",
            "CREATE TABLE IF NOT EXISTS sources (name text PRIMARY KEY, kind text NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(), header text)",
        ]
        try db.exec("BEGIN")
        do {
            for s in statements { try db.exec(s) }
            try db.exec("INSERT INTO frontline_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                        [String(Store.schemaVersion)])
            try db.exec("COMMIT")
        } catch {
            _ = try? db.exec("ROLLBACK")
            throw error
        }
    }

    /// Fails clearly when `init` was not run (or another version's schema is there).
    func checkSchema() throws(FrontlineError) {
        let r = try db.exec("SELECT to_regclass('frontline_meta') IS NOT NULL")
        guard r.values.first?.first == "t" else { throw .badArgument("the database has no frontline schema: run frontline db init first") }
        let v = try db.exec("SELECT value FROM frontline_meta WHERE key = 'schema_version'")
        guard v.values.first?.first == String(Store.schemaVersion) else {
            throw .badArgument("the database has frontline schema version \(v.values.first?.first.flatMap { $0 } ?? "?"), this frontline needs \(Store.schemaVersion)")
        }
    }

    /// The sources loaded, with their kinds, dates and row counts.
    public func list() throws(FrontlineError) -> [(name: String, kind: String, dates: Int, first: String?, last: String?, rows: Int)] {
        try checkSchema()
        let r = try db.exec("""
            SELECT s.name, s.kind,
              (SELECT count(DISTINCT date) FROM snapshots WHERE source = s.name),
              (SELECT min(date)::text FROM snapshots WHERE source = s.name), (SELECT max(date)::text FROM snapshots WHERE source = s.name),
              (SELECT count(*) FROM snapshots WHERE source = s.name) + (SELECT count(*) FROM events WHERE source = s.name)
            FROM sources s ORDER BY s.name
            """)
        return r.values.map { v in (v[0] ?? "", v[1] ?? "", Int(v[2] ?? "0") ?? 0, v[3], v[4], Int(v[5] ?? "0") ?? 0) }
    }

    /// Removes one source (or, with nil, every frontline table).
    public func drop(source: String?) throws(FrontlineError) {
        try db.exec("BEGIN")
        do {
            if let source {
                for t in ["snapshots", "changes", "zones", "places", "regions", "events", "sources"] {
                    try db.exec("DELETE FROM \(t) WHERE \(t == "sources" ? "name" : "source") = $1", [source])
                }
            } else {
                for t in ["snapshots", "changes", "zones", "places", "regions", "events", "sources", "frontline_meta"] { try db.exec("DROP TABLE IF EXISTS \(t)") }
            }
            try db.exec("COMMIT")
        } catch {
            _ = try? db.exec("ROLLBACK")
            throw error
        }
    }

    // MARK: geometry codecs

    /// Hex EWKB (SRID 4326) of a polygonal geometry as a MultiPolygon, 2D: what COPY gives a geometry column.
    static func ewkbHex(_ g: Geometry) -> String {
        let mp = Geometry.multiPolygon(MultiPolygon(g.polygons)).mapPositions { Position(lon: $0.lon, lat: $0.lat) }
        var wkb = WKB.encode(mp)
        // ISO header [order][type 6] → EWKB [order][type 6 | SRID flag][srid].
        let type: UInt32 = 6 | 0x2000_0000
        for k in 0..<4 { wkb[1 + k] = UInt8(truncatingIfNeeded: type >> (8 * k)) }
        let srid: UInt32 = 4326
        wkb.insert(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: srid >> (8 * $0)) }, at: 5)
        return hex(wkb)
    }

    static func pointHex(_ p: Position) -> String {
        var wkb = WKB.encode(.point(Point(Position(lon: p.lon, lat: p.lat))))
        let type: UInt32 = 1 | 0x2000_0000
        for k in 0..<4 { wkb[1 + k] = UInt8(truncatingIfNeeded: type >> (8 * k)) }
        wkb.insert(contentsOf: (0..<4).map { UInt8(truncatingIfNeeded: UInt32(4326) >> (8 * $0)) }, at: 5)
        return hex(wkb)
    }

    static let digits = Array("0123456789abcdef".utf8)
    static func hex(_ bytes: [UInt8]) -> String {
        var out = [UInt8]()
        out.reserveCapacity(bytes.count * 2)
        for b in bytes { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }

    /// A geometry from `ST_AsBinary` text output (`\x…` hex bytea).
    static func geometry(fromByteaHex text: String) throws(FrontlineError) -> Geometry {
        var u = Array(text.utf8)
        if u.starts(with: [92, 120]) { u.removeFirst(2) }
        guard u.count % 2 == 0 else { throw .database("database: odd-length WKB") }
        func v(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c >= 65 ? c - 55 : c - 48 }
        var bytes = [UInt8](repeating: 0, count: u.count / 2)
        for i in 0..<bytes.count { bytes[i] = v(u[2 * i]) << 4 | v(u[2 * i + 1]) }
        do { return try WKB.decode(bytes) } catch { throw .database("database: \(error)") }
    }

    /// FNV-1a 64 of bytes, as hex: the loaded file's checksum.
    public static func checksum(_ bytes: [UInt8], salt: String = "") -> String {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes + Array(salt.utf8) { h ^= UInt64(b); h = h &* 0x100_0000_01b3 }
        return String(h, radix: 16)
    }
}
