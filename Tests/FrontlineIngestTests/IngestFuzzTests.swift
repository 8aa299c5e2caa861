import Foundation
import FrontlineIngest
import FrontlineKit
import TestSupport
import Testing

/// The parser must never trap: random bytes, random words, and every truncation of real reports.
@Suite struct IngestFuzzTests {
    /// A small deterministic generator (SplitMix64), so failures repeat.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    var gazetteer: Gazetteer { IngestFixtures.fixtureGazetteer ?? Gazetteer([]) }

    @Test func randomBytes() {
        var rng = SplitMix(state: 42)
        let ingester = ReportIngester(gazetteer: gazetteer)
        for _ in 0..<300 {
            let n = Int.random(in: 0..<400, using: &rng)
            let bytes = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let r = ingester.ingest(String(decoding: bytes, as: UTF8.self), reportDate: Day(year: 2020, month: 10, day: 27))
            #expect(r.incidents.count <= 50)
        }
    }

    @Test func randomReportWords() {
        let words = ["Oct.", "27", "killed", "wounded", "four", "civilians", "a", "toddler", "among", "the", "dead", "said", ",", ".",
                     "Barda", "town", "of", "near", "district", "Armenian", "forces", "missile", "denied", "so", "far", "since",
                     "began", "on", "Tuesday", "yesterday", "last", "week", "more", "than", "at", "least", "—", "(", ")", "/",
                     "TASS", "YEREVAN", "Martuni", "according", "to", "'s", "its", "third", "dozen", "1,009", "\n\n", "-", "”"]
        var rng = SplitMix(state: 7)
        let ingester = ReportIngester(gazetteer: gazetteer)
        for _ in 0..<400 {
            let n = Int.random(in: 0..<80, using: &rng)
            let text = (0..<n).map { _ in words[Int.random(in: 0..<words.count, using: &rng)] }.joined(separator: " ")
            let r = ingester.ingest(text, reportDate: Bool.random(using: &rng) ? Day(year: 2020, month: 10, day: 27) : nil)
            for e in r.incidents {
                for g in [e.incident.killed, e.incident.wounded] {
                    for c in CasualtyCategory.allCases { #expect((g[c]?.best ?? 0) >= 0) }
                }
            }
        }
    }

    @Test func everyTruncationOfTheReports() {
        let ingester = ReportIngester(gazetteer: gazetteer)
        var texts = IngestFixtures.reports.map(\.1)
        if let seed = IngestFixtures.seed("everyTruncationOfTheReports (seed part)") { texts.append(seed) }
        for text in texts {
            let chars = Array(text)
            var i = 0
            while i <= chars.count {
                _ = ingester.ingest(String(chars[..<i]))
                i += 11
            }
        }
    }
}
