import ArgumentParser
import Foundation
import FrontlineKit

/// Where a command's output goes: stdout, or a file written atomically.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (written atomically).")
    var output: String?

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    /// Fails early (before any work) when the output cannot be written.
    func preflight(inputs: [String] = []) throws {
        if let output { try FileIO.preflight(output, force: force, inputs: inputs) }
    }

    /// Writes the bytes; `inputs` are never overwritten.
    func emit(_ bytes: [UInt8], inputs: [String] = []) throws {
        if let output {
            try FileIO.writeAtomically(bytes, to: output, force: force, inputs: inputs)
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    func emit(_ text: String, inputs: [String] = []) throws {
        try emit(Array(text.utf8), inputs: inputs)
    }
}

/// Output formats; each command accepts a subset.
enum Format: String, ExpressibleByArgument, CaseIterable {
    case table, json, csv, geojson
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("frontline: warning: \(message)\n".utf8))
}
