import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Structural checks on an SVG document, parsed with Foundation's XMLParser (fails on malformed XML).
public final class XMLCheck: NSObject, XMLParserDelegate {
    public private(set) var root: String?
    public private(set) var elements: [(name: String, attributes: [String: String], text: String)] = []
    /// The text content of every element that has some, whole.
    public var text: [String] { elements.map(\.text).filter { !$0.isEmpty } }
    private var open: [Int] = []
    private var error: Error?

    public struct Malformed: Error, CustomStringConvertible {
        public var description: String
    }

    public init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        if !parser.parse() {
            throw Malformed(description: "malformed XML at line \(parser.lineNumber): \(parser.parserError.map { "\($0)" } ?? "unknown")")
        }
    }

    public func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                       attributes: [String: String] = [:]) {
        if root == nil { root = name }
        open.append(elements.count)
        elements.append((name, attributes, ""))
    }

    public func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        _ = open.popLast()
    }

    public func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = open.last { elements[i].text += string }
    }

    /// The attribute dictionaries of every element with this name, in document order.
    public func attributes(of name: String) -> [[String: String]] {
        elements.filter { $0.name == name }.map(\.attributes)
    }

    /// Ids used more than once.
    public var duplicateIDs: [String] {
        var seen = Set<String>(), dups: [String] = []
        for e in elements { if let id = e.attributes["id"], !seen.insert(id).inserted { dups.append(id) } }
        return dups
    }
}

/// Golden files under Tests/Fixtures/golden; `FRONTLINE_UPDATE_GOLDEN=1` rewrites them.
public enum Golden {
    public struct Mismatch: Error, CustomStringConvertible {
        public var description: String
    }

    public static func check(_ actual: String, name: String) throws {
        let url = TestPaths.fixture("golden").appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["FRONTLINE_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            throw Mismatch(description: "no golden file \(url.path); run with FRONTLINE_UPDATE_GOLDEN=1 to create it")
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            let got = a.indices.contains(line) ? String(a[line].prefix(200)) : "<end>"
            let want = e.indices.contains(line) ? String(e[line].prefix(200)) : "<end>"
            throw Mismatch(description: "\(name) differs at line \(line + 1):\n  got:  \(got)\n  want: \(want)\n(FRONTLINE_UPDATE_GOLDEN=1 rewrites it)")
        }
    }
}

/// rsvg-convert, when installed: renders SVG text to PNG bytes.
public enum Rsvg {
    public static var path: String? {
        ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert", "/opt/homebrew/bin/rsvg-convert"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    public struct Failed: Error, CustomStringConvertible {
        public var description: String
    }

    public static func render(_ svg: String, using tool: String, width: Int = 800) throws -> Data {
        try renderSVG(svg, tool: tool, name: "rsvg-convert") { input, output in ["-w", String(width), input.path, "-o", output.path] }
    }
}

/// Headless Chromium, when installed: screenshots an SVG file as a browser shows it.
public enum Chromium {
    public static var path: String? {
        ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// PNG bytes of the SVG rendered at `width`×`height` CSS pixels.
    public static func screenshot(_ svg: String, using tool: String, width: Int = 1200, height: Int = 900) throws -> Data {
        try renderSVG(svg, tool: tool, name: "chromium") { input, output in
            ["--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(output.deletingLastPathComponent().path)/profile",
             "--screenshot=\(output.path)", "--window-size=\(width),\(height)", input.absoluteString]
        }
    }
}

extension Chromium {
    /// The DOM of a page after its scripts ran (virtual time lets timers and the first render finish), with the
    /// browser's log lines (CSP refusals among them) kept apart.
    public static func dumpDOM(_ url: URL, using tool: String, width: Int = 1200, height: Int = 900) throws -> (dom: String, log: String) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = ["--no-sandbox", "--disable-gpu", "--headless", "--user-data-dir=\(profile.path)", "--window-size=\(width),\(height)",
                       "--virtual-time-budget=5000", "--enable-logging=stderr", "--v=0", "--dump-dom", url.absoluteString]
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        // Read both pipes concurrently: a full stderr pipe must not block the browser.
        nonisolated(unsafe) var logData = Data()
        let reader = Thread { logData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let dom = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        while !reader.isFinished { usleep(10_000) }
        return (dom, String(decoding: logData, as: UTF8.self))
    }

    /// A PNG screenshot of a page (after its scripts ran).
    public static func screenshot(_ url: URL, using tool: String, width: Int, height: Int) throws -> Data {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-shot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let png = dir.appendingPathComponent("page.png")
        let (status, log) = try runTool(tool, ["--no-sandbox", "--disable-gpu", "--headless", "--hide-scrollbars", "--user-data-dir=\(dir.path)/profile",
                                               "--virtual-time-budget=5000", "--window-size=\(width),\(height)", "--screenshot=\(png.path)", url.absoluteString])
        guard status == 0 else { throw Rsvg.Failed(description: "chromium failed (\(status)): \(log.suffix(500))") }
        return try Data(contentsOf: png)
    }
}

/// Writes the SVG to a temporary folder, runs `tool` with the arguments built from (input, output), and returns the
/// PNG it wrote; the folder is removed afterwards.
func renderSVG(_ svg: String, tool: String, name: String, arguments: (URL, URL) -> [String]) throws -> Data {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-\(name)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let input = dir.appendingPathComponent("map.svg"), output = dir.appendingPathComponent("map.png")
    try Data(svg.utf8).write(to: input)
    let (status, log) = try runTool(tool, arguments(input, output))
    guard status == 0 else { throw Rsvg.Failed(description: "\(name) failed (\(status)): \(log.suffix(500))") }
    return try Data(contentsOf: output)
}
