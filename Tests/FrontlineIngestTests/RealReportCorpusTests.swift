import Foundation
import FrontlineIngest
import FrontlineKit
import Testing
import TestSupport

/// The real-report corpus (Tests/Fixtures/reports-real), scored strictly field by field as tools/score_ingest.py
/// does, and the errors a user found on real wire reports, each pinned by its own test.
@Suite struct RealReportCorpusTests {
    struct Report { var name: String; var text: String; var expected: [String: Any] }

    static var reports: [Report] {
        let dir = TestPaths.fixture("reports-real")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { $0.hasSuffix(".expected.json") }.sorted().compactMap { n in
            let base = String(n.dropLast(".expected.json".count))
            guard let raw = try? String(contentsOf: dir.appendingPathComponent(base + ".txt"), encoding: .utf8),
                  let data = try? Data(contentsOf: dir.appendingPathComponent(n)),
                  let exp = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            // `# ` lines are the fixture's metadata, not the report.
            let text = raw.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("# ") }.joined(separator: "\n")
            return Report(name: base, text: text, expected: exp)
        }
    }

    static func ingest(_ text: String, reportDate: Day? = nil) throws -> IngestResult {
        let dataset = try #require(IngestFixtures.dataset, "the bundled dataset is needed")
        let g = try ReportIngester.gazetteer(for: text, dataset: dataset.gazetteer, world: WorldGeography.beside(dataset))
        return ReportIngester(gazetteer: g).ingest(text, reportDate: reportDate)
    }

    static func report(_ name: String) throws -> (Report, IngestResult) {
        let r = try #require(reports.first { $0.name.hasPrefix(name) }, "no report \(name)")
        let given = r.expected["report_date_source"] as? String == "given" ? (r.expected["report_date"] as? String).flatMap(Day.init) : nil
        return (r, try ingest(r.text, reportDate: given))
    }

    static func fold(_ s: String?) -> String {
        String((s ?? "").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).filter { $0.isLetter || $0.isNumber }).lowercased()
    }

    static func best(_ groups: Any?) -> Int? {
        guard let g = groups as? [String: Any] else { return nil }
        let vals = g.values.compactMap { ($0 as? [String: Any])?["best"] as? Int }
        return vals.isEmpty ? nil : vals.reduce(0, +)
    }

    static func best(_ groups: CasualtyGroups) -> Int? {
        let vals = [groups.civilian, groups.military, groups.unknown].compactMap { $0?.best }
        return vals.isEmpty ? nil : vals.reduce(0, +)
    }

    /// Strict per-field accuracy over the corpus: (field → right, incidents, phantoms, claim reports right, claim reports).
    static func score() throws -> (right: [String: Int], total: Int, phantoms: Int, claimsRight: Int, claimsTotal: Int) {
        var right = ["place": 0, "date": 0, "killed": 0, "wounded": 0, "claimant": 0, "attacker": 0]
        var total = 0, phantoms = 0, claimsRight = 0, claimsTotal = 0
        for r in reports {
            let given = r.expected["report_date_source"] as? String == "given" ? (r.expected["report_date"] as? String).flatMap(Day.init) : nil
            let got = try ingest(r.text, reportDate: given)
            let gi = got.incidents
            var used = Set<Int>()
            for (k, e) in ((r.expected["incidents"] as? [[String: Any]]) ?? []).enumerated() {
                total += 1
                var match = gi.indices.first { j in !used.contains(j) && gi[j].incident.place.map { fold($0.name) == fold(e["place"] as? String) } == true }
                if match == nil, k < gi.count, !used.contains(k) { match = k }
                guard let m = match else { continue }
                used.insert(m)
                let g = gi[m]
                let i = g.incident
                if let p = i.place, fold(p.name) == fold(e["place"] as? String) { right["place", default: 0] += 1 }
                if g.dateResolved ? i.date.description == e["date"] as? String : e["date"] is NSNull { right["date", default: 0] += 1 }
                if best(i.killed) == best(e["killed"]) { right["killed", default: 0] += 1 }
                if best(i.wounded) == best(e["wounded"]) { right["wounded", default: 0] += 1 }
                let se = fold((e["claimant"] as? String)?.split(separator: ":", maxSplits: 1).last.map(String.init))
                let sg = fold(i.claimant?.split(separator: ":", maxSplits: 1).last.map(String.init))
                if (!se.isEmpty && !sg.isEmpty && (se.contains(sg) || sg.contains(se))) || (se.isEmpty && sg.isEmpty) { right["claimant", default: 0] += 1 }
                if i.attacker == e["attacker"] as? String { right["attacker", default: 0] += 1 }
            }
            phantoms += max(0, gi.count - used.count)
            let ec = Set(((r.expected["control_claims"] as? [[String: Any]]) ?? []).flatMap { ($0["places"] as? [String]) ?? [] }.map { fold($0) })
            let gc = Set(got.controlClaims.flatMap(\.places).map { fold($0.name) })
            if !ec.isEmpty || !gc.isEmpty {
                claimsTotal += 1
                if ec == gc { claimsRight += 1 }
            }
        }
        return (right, total, phantoms, claimsRight, claimsTotal)
    }

    /// The corpus has at least 20 reports from several wars, each with its expectation written by reading it.
    @Test func corpusIsLargeAndVaried() {
        #expect(Self.reports.count >= 20)
        let wars = Set(Self.reports.compactMap { $0.expected["war"] as? String })
        #expect(wars.isSuperset(of: ["karabakh-2020", "karabakh-2023", "ukraine", "syria"]), "\(wars)")
    }

    /// Every report scored strictly; the accuracy may only go up. The floors are this version's measured figures
    /// (2026-12-05): raise them when the rules improve, never lower them to make a change pass.
    @Test func strictAccuracyPerFieldNeverDrops() throws {
        guard IngestFixtures.dataset != nil else { print("SKIP strictAccuracyPerFieldNeverDrops: no bundled dataset"); return }
        let s = try Self.score()
        let floors = ["place": 26, "date": 25, "killed": 18, "wounded": 26, "claimant": 16, "attacker": 23]
        var table = "real-report corpus: \(Self.reports.count) reports, \(s.total) expected incidents\n"
        for f in ["place", "date", "killed", "wounded", "claimant", "attacker"] {
            let n = s.right[f] ?? 0
            table += "  \(f.padding(toLength: 9, withPad: " ", startingAt: 0)) \(n)/\(s.total)  \(String(format: "%.1f", 100 * Double(n) / Double(max(s.total, 1)))) %\n"
            #expect(n >= floors[f] ?? 0, "\(f): \(n) right, below the floor \(floors[f] ?? 0)")
        }
        table += "  control-claim places, reports exactly right: \(s.claimsRight)/\(s.claimsTotal)\n  phantom incidents: \(s.phantoms)\n"
        print(table)
        #expect(s.claimsRight >= 6)
        #expect(s.phantoms <= 8)
    }

    // The errors a user found on real reports (issue 16), each failing on the main of 2026-12-04.

    @Test func aHeadlinesCapitalisedWordsAreNoPlace() throws {
        let (_, r) = try Self.report("k20-barda-2020-10-28-naharnet")
        #expect(r.incidents.count == 1)
        #expect(r.incidents.first?.incident.place?.name == "Barda", "\(r.incidents.map { $0.incident.place?.name ?? "-" })")
        #expect(!r.unresolvedPlaces.contains { $0.name == "Missile Attack" })
    }

    @Test func adjectivesAndRegionsAreNeverTowns() throws {
        let (_, r) = try Self.report("k23-offensive-2023-09-19-tribune-reuters")
        let names = r.incidents.compactMap { $0.incident.place?.name } + r.unresolvedPlaces.map(\.name)
        #expect(!names.contains("Armenian-controlled") && !names.contains("Nagorno"), "\(names)")
        // A text that names no town places the incident in its region, without coordinates.
        let t = try Self.ingest("At least 25 people were killed in Nagorno-Karabakh on Tuesday, officials said.\n", reportDate: Day("2023-09-20"))
        #expect(t.incidents.first?.incident.place?.name == "Nagorno-Karabakh")
        #expect(t.incidents.first?.incident.place?.position == nil)
        #expect(t.unresolvedPlaces.isEmpty)
    }

    @Test func claimantsAreSpeakersNeverAdjectivesOrFragments() throws {
        let t = try Self.ingest("""
            Shelling hit Stepanakert on Tuesday, killing 12 civilians, the deadliest said.

            Two civilians were killed in a strike on Atarib on Saturday, according to the Syria Civil Defence, or White Helmets.
            """, reportDate: Day("2023-12-31"))
        for i in t.incidents {
            let c = i.incident.claimant ?? ""
            #expect(!c.lowercased().contains("deadliest") && !c.hasPrefix("or ") && !c.contains(": or "), "claimant \(c)")
        }
        // The claimant is who gives the figures, not whoever spoke first.
        let (_, r) = try Self.report("k20-barda-2020-10-28-naharnet")
        #expect(r.incidents.first?.incident.claimant == "Azerbaijan: Prosecutor General's Office")
    }

    @Test func aVagueWordGivesWayToTheFigure() throws {
        let (_, r) = try Self.report("ua-pokrovsk-2024-06-24-kyivpost")
        let pokrovsk = try #require(r.incidents.first { $0.incident.place?.name == "Pokrovsk" })
        #expect(Self.best(pokrovsk.incident.wounded) == 40, "\(pokrovsk.incident.wounded)")
        // Alone, "dozens" is ACLED's 12.
        let t = try Self.ingest("A missile hit Pokrovsk, in Ukraine, on Monday, wounding dozens of people, officials said.\n", reportDate: Day("2024-06-24"))
        #expect(t.incidents.first.map { Self.best($0.incident.wounded) } == 12)
    }

    @Test func aHeadlineConfirmsTheBodyAndAddsNoOneTwice() throws {
        let (_, r) = try Self.report("k20-ganja-2020-10-04-urdupoint")
        #expect(r.incidents.count == 1)
        let i = try #require(r.incidents.first).incident
        #expect(Self.best(i.killed) == 1 && Self.best(i.wounded) == 4, "\(i.killed) \(i.wounded)")
    }

    @Test func theArticlesStampOutranksThePageBanner() throws {
        let (_, r) = try Self.report("k20-jabrayil-liberation-2020-10-04-azernews")
        #expect(r.reportDate == Day("2020-10-04"))
        #expect(r.headline == "Azerbaijan liberates key Jabrayil city [PHOTO]")
    }

    @Test func capturesAndLiberationsAreRecords() throws {
        let (_, r) = try Self.report("k20-jabrayil-liberation-2020-10-04-azernews")
        let lib = try #require(r.controlClaims.first { $0.kind == .liberation && $0.places.contains { $0.name == "Jabrayil" } })
        #expect(lib.actor == "azerbaijan" && lib.date == Day("2020-10-04"))
        #expect(lib.claimant == "Azerbaijan: President Ilham Aliyev")
        let names = Set(r.controlClaims.flatMap(\.places).map(\.name))
        #expect(names.isSuperset(of: ["Jabrayil", "Karkhulu", "Yukhari Maralyan", "Jafarabad", "Sugovushan"]), "\(names)")
        // Counted places without names: "60 military posts".
        let (_, o) = try Self.report("k23-offensive-2023-09-19-tribune-reuters")
        #expect(o.controlClaims.contains { $0.kind == .capture && $0.unnamedCount["military posts"] == 60 })
    }

    @Test func anotherWarsCaptureIsReadAndItsDenialKept() throws {
        let (_, r) = try Self.report("ua-bakhmut-wagner-denied-2023-05-20-alarabiya")
        let c = try #require(r.controlClaims.first)
        #expect(c.kind == .capture && c.places.map(\.name) == ["Bakhmut"] && c.actor == "russia")
        #expect(c.deniedBy.contains { $0.hasPrefix("Ukraine") }, "\(c.deniedBy)")
        // A text with nothing to extract says so.
        let empty = try Self.ingest("The weather in Kyiv was mild on Monday.\n", reportDate: Day("2023-05-20"))
        #expect(empty.warnings.contains { $0.contains("no incident, control claim or total") })
    }

    @Test func statementsOfIntentAndHistoryAreNoClaims() throws {
        let (_, r) = try Self.report("k20-aghdam-handover-2020-11-20-hurriyet")
        let names = Set(r.controlClaims.flatMap(\.places).map(\.name))
        #expect(!names.contains("Kalbajar") && !names.contains("Lachin"), "will hand over is no claim: \(names)")
        let (_, a) = try Self.report("ua-avdiivka-withdrawal-2024-02-17-reuters-yomiuri")
        #expect(a.controlClaims.map(\.kind) == [.withdrawal], "\(a.controlClaims)")
        #expect(a.controlClaims.first?.actor == "ukraine")
    }

    @Test func claimsAreComparedWithTheDatasetsChanges() throws {
        let dataset = try #require(IngestFixtures.dataset)
        let (_, r) = try Self.report("k20-jabrayil-liberation-2020-10-04-azernews")
        let checks = try ReportIngester.compare(r.controlClaims, with: try dataset.timeline.history(), sides: dataset.timeline.sides)
        let jab = try #require(checks.first { $0.place.name == "Jabrayil" })
        #expect(jab.verdict == .sameChange && jab.datasetDate == Day("2020-10-04"))
        #expect(jab.json["verdict"]?.stringValue == "same change" && jab.json["change_id"]?.stringValue == "2020-10-04-jabrayil")
        #expect(checks.contains { $0.place.name == "Karkhulu" && $0.verdict == .cannotCompare })
        // A claim dated a day late.
        let late = try Self.ingest("BAKU, Oct 5 (Reuters) - Azerbaijan's army liberated the town of Sugovushan on Monday, the president said.\n", reportDate: Day("2020-10-05"))
        let s = try ReportIngester.compare(late.controlClaims, with: try dataset.timeline.history(), sides: dataset.timeline.sides)
        #expect(s.first?.verdict == .differentDate && s.first?.datasetDate == Day("2020-10-03") && s.first?.daysApart == 2, "\(s)")
    }
}
