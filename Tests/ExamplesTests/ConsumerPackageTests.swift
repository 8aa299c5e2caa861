import Foundation
import Testing
import TestSupport

// frontline as a dependency: Tests/Fixtures/consumer is a separate package that depends on this repository by
// path and names its products (FrontlineKit, GeoModel), as a newsroom pipeline or a research script would. This
// builds it with `swift build` and runs it, so a product that stops resolving for a downstream package, or a
// dataset that a dependent program cannot find, fails here and not only for users.

/// Runs a program with extra environment variables (nil removes one) and returns its status, stdout and stderr.
private func run(_ executable: String, _ arguments: [String], environment changes: [String: String?] = [:],
                 in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    var env = ProcessInfo.processInfo.environment
    for (k, v) in changes { env[k] = v }
    p.environment = env
    if let directory { p.currentDirectoryURL = directory }
    // stderr goes to a file, so that a long build log on either stream cannot fill a pipe and stall the child.
    let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("consumer-stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errFile) }
    let out = Pipe()
    p.standardOutput = out
    p.standardError = try FileHandle(forWritingTo: errFile)
    try p.run()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    let e = (try? Data(contentsOf: errFile)) ?? Data()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

/// The `swift` driver on the PATH, or nil (then the test says so and skips).
private func swiftDriver() -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").map { "\($0)/swift" }.first { FileManager.default.isExecutableFile(atPath: $0) }
}

@Suite(.serialized) struct ConsumerPackageTests {
    static let package = TestPaths.fixture("consumer")
    /// Inside this repository's .build (ignored by git), so that reruns are incremental.
    static let scratch = TestPaths.repo.appendingPathComponent(".build/consumer")

    /// Builds the consumer package once per test process.
    static func binary() throws -> String? {
        guard let swift = swiftDriver() else {
            print("ConsumerPackageTests: skipped, no `swift` on the PATH to build Tests/Fixtures/consumer")
            return nil
        }
        let build = try run(swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path],
                            environment: ["FRONTLINE_DATA": nil])
        #expect(build.status == 0, "swift build of the consumer package failed:\n\(build.out.suffix(3000))\n\(build.err.suffix(3000))")
        guard build.status == 0 else { return nil }
        let bin = try run(swift, ["build", "--package-path", package.path, "--scratch-path", scratch.path, "--show-bin-path"])
        return URL(fileURLWithPath: bin.out.trimmingCharacters(in: .whitespacesAndNewlines))
            .appendingPathComponent("karabakh-brief").path
    }

    @Test func buildsAgainstTheProductsAndFindsTheBundledDataset() throws {
        guard let exe = try Self.binary() else { return }
        let tmp = FileManager.default.temporaryDirectory
        // 1. No $FRONTLINE_DATA, run from elsewhere: the program finds the geodata/ folder of the frontline
        //    checkout it was built against (here the repository itself, as a path dependency).
        let plain = try run(exe, [], environment: ["FRONTLINE_DATA": nil], in: tmp)
        #expect(plain.status == 0, "\(plain.err)")
        let lines = plain.out.split(separator: "\n").map(String.init)
        #expect(lines.first == "dataset: \(TestPaths.geodata.path)")
        #expect(lines.contains("Barda on 2020-10-27: azerbaijan, 16.8 km from the front"))
        #expect(lines.contains("Azerbaijan: net 8869 km²"))
        #expect(lines.contains("Armenian forces (Artsakh): net -8869 km²"))

        // 2. $FRONTLINE_DATA names a copy of the dataset elsewhere: that copy is the one used.
        let copy = tmp.appendingPathComponent("consumer-geodata-\(getpid())")
        try? FileManager.default.removeItem(at: copy)
        try FileManager.default.copyItem(at: TestPaths.geodata, to: copy)
        defer { try? FileManager.default.removeItem(at: copy) }
        let viaEnv = try run(exe, ["Stepanakert", "2023-09-01"], environment: ["FRONTLINE_DATA": copy.path], in: tmp)
        #expect(viaEnv.status == 0, "\(viaEnv.err)")
        #expect(viaEnv.out.hasPrefix("dataset: \(copy.path)\n"))
        #expect(viaEnv.out.contains("Stepanakert on 2023-09-01: armenian, 3.9 km from the front"))

        // 3. $FRONTLINE_DATA pointing at a folder with no dataset is an error that names it, not a silent fallback.
        let bad = try run(exe, [], environment: ["FRONTLINE_DATA": tmp.path], in: tmp)
        #expect(bad.status == 1)
        #expect(bad.out.isEmpty)
        #expect(bad.err.contains(tmp.path) && bad.err.contains("no dataset.json") && bad.err.contains("$FRONTLINE_DATA"))
    }
}
