import Foundation
import FrontlineKit
import TestSupport

/// Gazetteers and fixtures shared by the ingest tests.
enum IngestFixtures {
    /// The small test gazetteer (with both Martunis and Yeraskh).
    static let fixtureGazetteer: Gazetteer? = try? Gazetteer.load(TestPaths.fixture("gazetteer/places.json").path)

    /// The bundled dataset, when built ($FRONTLINE_DATA or geodata/); nil otherwise.
    static let dataset: Dataset? = {
        guard let root = try? Dataset.locate(explicit: nil, executable: TestPaths.repo.appendingPathComponent(".build/debug/frontline").path) else { return nil }
        return try? Dataset.load(root: root)
    }()

    /// Gazetteers to run the report fixtures against, with a label.
    static var gazetteers: [(String, Gazetteer)] {
        var out: [(String, Gazetteer)] = []
        if let g = fixtureGazetteer { out.append(("fixture", g)) }
        if let d = dataset { out.append(("bundled", d.gazetteer)) }
        return out
    }

    /// The report fixtures: (name, text, expected JSON).
    static var reports: [(String, String, [String: Any])] {
        let dir = TestPaths.fixture("reports")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".txt") }.sorted().compactMap { n in
            let base = String(n.dropLast(4))
            guard let text = try? String(contentsOf: dir.appendingPathComponent(n), encoding: .utf8),
                  let data = try? Data(contentsOf: dir.appendingPathComponent(base + ".expected.json")),
                  let exp = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            return (base, text, exp)
        }
    }

    /// The seed report from ../shared, or nil (with a printed SKIP) when ../shared is absent.
    static func seed(_ test: String) -> String? {
        guard let shared = TestPaths.shared,
              let text = try? String(contentsOf: shared.appendingPathComponent("seed/barda-2020-10-27.txt"), encoding: .utf8) else {
            print("SKIP \(test): ../shared/seed/barda-2020-10-27.txt is absent")
            return nil
        }
        return text
    }

    /// Claimant comparison as the fixtures' README asks: the part before the colon strictly, the rest loosely
    /// (one word set contains the other, ignoring "of", "the", "for" and possessives).
    static func claimantMatches(expected: String?, got: String?) -> Bool {
        guard let e = expected, let g = got else { return expected == got }
        func words(_ s: String) -> Set<String> {
            Set(s.lowercased().replacingOccurrences(of: "'s", with: "").split { !$0.isLetter && $0 != "-" }.map(String.init)
                .filter { !["of", "the", "for"].contains($0) })
        }
        if let c = e.firstIndex(of: ":") {
            guard let gc = g.firstIndex(of: ":"), e[..<c] == g[..<gc] else { return false }
            let a = words(String(e[e.index(after: c)...])), b = words(String(g[g.index(after: gc)...]))
            return a.isSubset(of: b) || b.isSubset(of: a)
        }
        let a = words(e), b = words(g)
        return a.isSubset(of: b) || b.isSubset(of: a)
    }
}
