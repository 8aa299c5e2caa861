import Foundation
import Testing
import TestSupport

/// Against a real PostGIS server: `make test` runs the suite inside `pg_virtualenv`, a throw-away cluster on
/// loopback that is removed afterwards (even when tests fail), which sets the PG* environment used here (`--db ''`).
@Suite(.serialized) struct PostGISTests {
    var server: Bool {
        if ProcessInfo.processInfo.environment["PGHOST"] != nil || ProcessInfo.processInfo.environment["FRONTLINE_TEST_DB"] != nil { return true }
        print("skipped: no PostgreSQL server (make test starts one with pg_virtualenv; install postgresql-15-postgis-3)")
        return false
    }
    var db: String { ProcessInfo.processInfo.environment["FRONTLINE_TEST_DB"] ?? "" }

    func fixture() throws -> URL {
        let dir = try CLI.tempDir()
        try DeepStateFixture.writeRaw(into: dir)
        return dir
    }

    @Test func loadIsIdempotentAndAnswersAsTheFiles() throws {
        guard server else { return }
        #expect(try CLI.run(["db", "init", "--db", db]).status == 0)
        let dir = try fixture()
        let first = try CLI.run(["db", "load", dir.path, "--source", "raw-fixture", "--db", db])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("2 loaded, 0 replaced, 0 unchanged"))
        let again = try CLI.run(["db", "load", dir.path, "--source", "raw-fixture", "--db", db])
        #expect(again.stderr.contains("0 loaded, 0 replaced, 2 unchanged"), "\(again.stderr)")
        let viaDB = try CLI.run(["timeline", "--db", db, "--source", "raw-fixture"])
        let viaFiles = try CLI.run(["timeline", dir.path])
        #expect(viaDB.status == 0, "\(viaDB.stderr)")
        func rows(_ s: String) -> [[String]] { s.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) } }
        let a = rows(viaDB.stdout), b = rows(viaFiles.stdout)
        #expect(a.count == b.count && a.count == 4)
        for (x, y) in zip(a, b) {
            #expect(x[0] == y[0] && x[2] == y[2])
            for k in 3...6 where !x[k].isEmpty || !y[k].isEmpty { #expect(abs((Double(x[k]) ?? -1) - (Double(y[k]) ?? -2)) <= 0.01, "\(x) vs \(y)") }
        }
        // A changed file is replaced, not added.
        let f = dir.appendingPathComponent("1754856000.geojson")
        try (try String(contentsOf: f, encoding: .utf8)).replacingOccurrences(of: "[37.8,47.0,0]", with: "[37.79,47.0,0]").write(to: f, atomically: true, encoding: .utf8)
        let changed = try CLI.run(["db", "load", dir.path, "--source", "raw-fixture", "--db", db])
        #expect(changed.stderr.contains("0 loaded, 1 replaced, 1 unchanged"), "\(changed.stderr)")
        let control = try CLI.run(["control", "--db", db, "--source", "raw-fixture", "--date", "2025-08-05"])
        #expect(control.status == 0 && control.stdout.contains("as of the database snapshot of 2025-08-03"))
    }

    @Test func valuesAreBoundNeverSpliced() throws {
        guard server else { return }
        #expect(try CLI.run(["db", "init", "--db", db]).status == 0)
        let hostile = "x'); DROP TABLE snapshots; --"
        let r = try CLI.run(["db", "load", try fixture().path, "--source", hostile, "--db", db])
        #expect(r.status == 0, "\(r.stderr)")
        let list = try CLI.run(["db", "list", "--db", db])
        #expect(list.status == 0 && list.stdout.contains(hostile))
        let t = try CLI.run(["timeline", "--db", db, "--source", hostile])
        #expect(t.status == 0 && t.stdout.split(separator: "\n").count == 5)
        #expect(try CLI.run(["db", "drop", "--source", hostile, "--db", db]).status == 0)
        #expect(!(try CLI.run(["db", "list", "--db", db])).stdout.contains(hostile))
    }

    @Test func aKilledLoadLeavesTheEarlierContents() throws {
        guard server else { return }
        let archive = TestPaths.repo.deletingLastPathComponent().appendingPathComponent("shared/data/deepstate-ua")
        guard FileManager.default.fileExists(atPath: archive.path) else { print("skipped: ../shared/data/deepstate-ua is absent"); return }
        #expect(try CLI.run(["db", "init", "--db", db]).status == 0)
        #expect(try CLI.run(["db", "load", try fixture().path, "--source", "kept", "--db", db]).status == 0)
        let before = try CLI.run(["db", "list", "--db", db]).stdout
        let p = Process()
        p.executableURL = CLI.binary
        p.arguments = ["db", "load", archive.path, "--source", "interrupted", "--db", db]
        p.standardError = FileHandle.nullDevice
        try p.run()
        Thread.sleep(forTimeInterval: 1.5)
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        let after = try CLI.run(["db", "list", "--db", db]).stdout
        #expect(after == before, "\(after)")
        #expect(!after.contains("interrupted"))
    }

    @Test func aRefusedServerIsOneLineExit69WithoutTheCredentials() throws {
        let started = Date()
        let r = try CLI.run(["db", "list", "--db", "postgresql://frontline:s3cret-pw@127.0.0.1:1/nowhere"])
        #expect(r.status == 69, "\(r.stderr)")
        #expect(r.stderr.hasPrefix("frontline: error: cannot connect to the database") && r.stderr.split(separator: "\n").count == 1)
        #expect(!r.stderr.contains("s3cret-pw"))
        #expect(Date().timeIntervalSince(started) < 30)
        let noSchema = try CLI.run(["timeline", "--db", "postgresql://127.0.0.1:1/x", "--source", "s"])
        #expect(noSchema.status == 69)
    }

    @Test func eventsJoinInsideTheDatabase() throws {
        guard server else { return }
        #expect(try CLI.run(["db", "init", "--db", db]).status == 0)
        #expect(try CLI.run(["db", "load", try fixture().path, "--source", "join-fixture", "--db", db]).status == 0)
        let csv = "event_date,latitude,longitude\n2025-08-04,47.1,37.1\n2025-08-11,47.1,36.7\n2025-08-01,47.1,37.1\nbad,47,37\n"
        let r = try CLI.run(["join", "-", "--db", db, "--source", "join-fixture"], stdin: csv)
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Sides and dates from the database; distances to the front as the file path measures them (0.01 km).
        let files = try CLI.run(["join", "-", "--snapshots", try fixture().path], stdin: csv)
        let fileLines = files.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == fileLines.count)
        for (a, b) in zip(lines, fileLines).dropFirst() {
            let x = a.split(separator: ",", omittingEmptySubsequences: false).map(String.init), y = b.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            #expect(x.count == y.count && x.prefix(5) == y.prefix(5) && x.last == y.last, "\(a) vs \(b)")
            if x.count == 7, !y[5].isEmpty { #expect(abs((Double(x[5]) ?? -1) - (Double(y[5]) ?? -2)) <= 0.01, "\(a) vs \(b)") }
        }
        #expect(lines[1].hasPrefix("2025-08-04,47.1,37.1,occupied,as drawn,") && lines[1].hasSuffix(",2025-08-03") && !lines[1].contains(",,2025"))
        #expect(lines[2].hasPrefix("2025-08-11,47.1,36.7,unknown,as drawn,") && lines[2].hasSuffix(",2025-08-10"))
        #expect(lines[3] == "2025-08-01,47.1,37.1,,,,")
        #expect(lines[4] == "bad,47,37,,,,")
    }

    /// locate, map, settlements, timeline --every, animate and site read --db as they read the files, with the
    /// same answers.
    @Test func everyCommandAnswersFromTheDatabaseAsFromTheFiles() throws {
        guard server else { return }
        #expect(try CLI.run(["db", "init", "--db", db]).status == 0)
        let dir = try fixture()
        #expect(try CLI.run(["db", "load", dir.path, "--source", "all-fixture", "--db", db]).status == 0)
        let viaDB = ["--db", db, "--source", "all-fixture"], viaFiles = ["--snapshots", dir.path]
        func json(_ r: CLI.Result) throws -> [String: Any] { try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]) }

        let la = try CLI.run(["locate", "47.1,37.1", "--date", "2025-08-04", "--format", "json"] + viaDB)
        let lb = try CLI.run(["locate", "47.1,37.1", "--date", "2025-08-04", "--format", "json"] + viaFiles)
        #expect(la.status == 0 && lb.status == 0, "\(la.stderr) \(lb.stderr)")
        let ja = try json(la), jb = try json(lb)
        #expect(ja["side"] as? String == "occupied" && ja["side"] as? String == jb["side"] as? String)
        #expect(ja["as_of"] as? String == jb["as_of"] as? String)
        let da = ja["distance_to_front_km"] as? Double, dbk = jb["distance_to_front_km"] as? Double
        #expect(da != nil && abs((da ?? 0) - (dbk ?? 1)) <= 0.01, "\(ja) vs \(jb)")

        let map = try CLI.run(["map", "--date", "2025-08-04"] + viaDB)
        #expect(map.status == 0 && map.stdout.contains("data-side=\"occupied\""), "\(map.stderr)")
        let change = try CLI.run(["map", "--from", "2025-08-03", "--to", "2025-08-10"] + viaDB)
        #expect(change.status == 0 && change.stdout.contains("gain-"), "\(change.stderr)")

        let sa = try CLI.run(["settlements", "--format", "csv"] + viaDB), sb = try CLI.run(["settlements", "--format", "csv"] + viaFiles)
        #expect(sa.status == 0 && sa.stdout == sb.stdout, "\(sa.stderr)")

        let ta = try CLI.run(["timeline", "--every", "3d"] + viaDB), tb = try CLI.run(["timeline", "--every", "3d"] + viaFiles)
        #expect(ta.status == 0, "\(ta.stderr)")
        let ra = ta.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        let rb = tb.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false) }
        #expect(ra.count == rb.count && ra.count > 2)
        for (x, y) in zip(ra, rb) {
            #expect(x[0] == y[0] && x[2] == y[2] && x.last == y.last, "\(x) vs \(y)")
            for k in 3...6 where !x[k].isEmpty || !y[k].isEmpty { #expect(abs((Double(x[k]) ?? -1) - (Double(y[k]) ?? -2)) <= 0.01, "\(x) vs \(y)") }
        }

        let out = try CLI.tempDir()
        let anim = try CLI.run(["animate", "--every", "7d", "--width", "480", "--height", "360", "-o", out.appendingPathComponent("a.svg").path] + viaDB)
        #expect(anim.status == 0, "\(anim.stderr)")
        let site = try CLI.run(["site", "-o", out.appendingPathComponent("site").path] + viaDB)
        #expect(site.status == 0 && FileManager.default.fileExists(atPath: out.appendingPathComponent("site/index.html").path), "\(site.stderr)")
    }

    /// The queries the source runs can use the (source, date) and GiST indexes (EXPLAIN with sequential scans
    /// discouraged: on test-sized tables the planner would rightly prefer them).
    @Test func queriesUseTheIndexes() throws {
        guard server else { return }
        guard let psql = ["/usr/bin/psql", "/usr/lib/postgresql/15/bin/psql"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: psql is not installed"); return
        }
        #expect(try CLI.run(["db", "init", "--db", db]).status == 0)
        #expect(try CLI.run(["db", "load", try fixture().path, "--source", "explain-fixture", "--db", db]).status == 0)
        func plan(_ sql: String) throws -> String {
            let r = try runTool(psql, ["-X", "-At", "-v", "ON_ERROR_STOP=1", "-c", "SET enable_seqscan = off; EXPLAIN \(sql)"] + (db.isEmpty ? [] : ["-d", db]))
            #expect(r.status == 0, "\(r.output)")
            return r.output
        }
        let byDate = try plan("SELECT side, ST_AsBinary(geom) FROM snapshots WHERE source = 'explain-fixture' AND date = '2025-08-03'::date")
        #expect(byDate.contains("snapshots_source_date"), "\(byDate)")
        let covers = try plan("SELECT side FROM snapshots s WHERE s.source = 'explain-fixture' AND s.date = '2025-08-03' AND ST_Covers(s.geom, ST_SetSRID(ST_MakePoint(37.1, 47.1), 4326))")
        #expect(covers.contains("snapshots_geom_gist") || covers.contains("snapshots_source_date"), "\(covers)")
        let gist = try plan("SELECT side FROM snapshots s WHERE ST_Covers(s.geom, ST_SetSRID(ST_MakePoint(37.1, 47.1), 4326))")
        #expect(gist.contains("snapshots_geom_gist"), "\(gist)")
    }
}
