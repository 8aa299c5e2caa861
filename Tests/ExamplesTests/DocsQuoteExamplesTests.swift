import Foundation
import Testing
import TestSupport

/// Every Swift code block of the README and of the DocC articles is a snippet of this target, quoted verbatim, so
/// the documentation's code is compiled and run by these tests and cannot drift from the API.
@Suite struct DocsQuoteExamplesTests {
    static func swiftBlocks(_ text: String) -> [String] {
        var out: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line.trimmingCharacters(in: .whitespaces) == "```swift" { current = []; continue }
            if current != nil, line.trimmingCharacters(in: .whitespaces) == "```" { out.append(current!.joined(separator: "\n")); current = nil; continue }
            current?.append(line)
        }
        return out
    }

    @Test func everySwiftBlockIsACompiledSnippet() throws {
        let repo = TestPaths.repo
        let examples = try FileManager.default.contentsOfDirectory(atPath: repo.appendingPathComponent("Tests/ExamplesTests").path)
            .filter { $0.hasSuffix(".swift") && $0 != "DocsQuoteExamplesTests.swift" }
            .map { try String(contentsOf: repo.appendingPathComponent("Tests/ExamplesTests/\($0)"), encoding: .utf8) }
            .joined(separator: "\n")
        var docs = ["README.md"]
        let sources = repo.appendingPathComponent("Sources")
        for module in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let catalog = sources.appendingPathComponent("\(module)/\(module).docc")
            for f in (try? FileManager.default.contentsOfDirectory(atPath: catalog.path)) ?? [] where f.hasSuffix(".md") {
                docs.append("Sources/\(module)/\(module).docc/\(f)")
            }
        }
        var blocks = 0
        for d in docs {
            let text = try String(contentsOf: repo.appendingPathComponent(d), encoding: .utf8)
            for b in Self.swiftBlocks(text) {
                blocks += 1
                #expect(examples.contains(b), "\(d): a swift block is not a snippet of Tests/ExamplesTests:\n\(b.prefix(300))")
            }
        }
        #expect(blocks >= 10, "only \(blocks) swift blocks found")
    }
}
