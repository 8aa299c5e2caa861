import Foundation
import GeoModel

/// Paths and helpers shared by the test targets.
public enum TestPaths {
    /// The repository root (found from this source file's location).
    public static let repo: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the repository, when present (CI has it; a user's fresh clone may not).
    public static var shared: URL? {
        let candidates = [
            ProcessInfo.processInfo.environment["FRONTLINE_SHARED"].map { URL(fileURLWithPath: $0) },
            repo.deletingLastPathComponent().appendingPathComponent("shared"),
        ].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("data").path) }
    }

    /// The DeepState snapshot files in ../shared, sorted; empty when ../shared is absent.
    public static var deepStateFiles: [URL] {
        guard let dir = shared?.appendingPathComponent("data/deepstate-ua"),
              let names = try? FileManager.default.contentsOfDirectory(atPath: dir.path) else { return [] }
        return names.filter { $0.hasSuffix(".geojson") }.sorted().map { dir.appendingPathComponent($0) }
    }

    /// A test fixture under Tests/Fixtures.
    public static func fixture(_ name: String) -> URL {
        repo.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name)
    }

    /// The bundled dataset folder.
    public static var geodata: URL { repo.appendingPathComponent("geodata") }
}

/// Relative difference |a − b| / |b|.
public func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / abs(b) }
