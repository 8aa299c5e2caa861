import Foundation
import FrontlineKit

/// SVG to PNG or PDF through librsvg's `rsvg-convert` (Debian `librsvg2-bin`, installed by `make setup`).
enum Raster {
    static func convert(svg: String, to format: String) throws -> [UInt8] {
        let exe = ["/usr/bin/rsvg-convert", "/usr/local/bin/rsvg-convert"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let exe else {
            throw FrontlineError.cannotWrite(path: "-o", reason: "writing \(format.uppercased()) needs rsvg-convert (Debian package librsvg2-bin; `make setup` installs it); write .svg instead")
        }
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("frontline-raster-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("map.svg"), output = dir.appendingPathComponent("map.\(format)")
        try Data(svg.utf8).write(to: input)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = ["-f", format, "-o", output.path, input.path]
        let err = Pipe()
        p.standardError = err
        try p.run()
        p.waitUntilExit()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        guard p.terminationStatus == 0, let data = try? Data(contentsOf: output) else {
            throw FrontlineError.cannotWrite(path: "-o", reason: "rsvg-convert failed (exit \(p.terminationStatus)): \(message)")
        }
        return [UInt8](data)
    }
}
