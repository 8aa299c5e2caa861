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

/// A seeded random generator (SplitMix64), so a failing randomized test can be replayed.
public struct SplitMix64: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs an external tool and returns its exit status and combined output.
public func runTool(_ path: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    p.standardError = pipe
    try p.run()
    let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    return (p.terminationStatus, out)
}

/// GDAL's ogrinfo summary of a file (`ogrinfo -ro -al -so`), or nil when gdal-bin is not installed.
public func ogrinfoSummary(_ file: URL) throws -> (status: Int32, output: String)? {
    guard let tool = ["/usr/bin/ogrinfo", "/usr/local/bin/ogrinfo"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
        return nil
    }
    return try runTool(tool, ["-ro", "-al", "-so", file.path])
}
