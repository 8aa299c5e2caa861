import ArgumentParser
import Foundation
import FrontlineKit
import GeoIO
import GeoModel

/// Where a command's output goes: stdout, or a file written atomically.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output (written atomically; - is standard output).")
    var output: String?

    /// The file to write, or nil for standard output (no -o, or -o -).
    var file: String? { output == "-" ? nil : output }

    @Flag(help: "Replace the output file if it exists.")
    var force = false

    /// Fails early (before any work) when the output cannot be written.
    func preflight(inputs: [String] = []) throws {
        if let file { try FileIO.preflight(file, force: force, inputs: inputs) }
    }

    /// Writes the bytes; `inputs` are never overwritten.
    func emit(_ bytes: [UInt8], inputs: [String] = []) throws {
        if let file {
            try FileIO.writeAtomically(bytes, to: file, force: force, inputs: inputs)
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

    /// Each command's own help lists the formats it writes; the shared list would name formats it refuses.
    static var allValueStrings: [String] { [] }
    static var defaultCompletionKind: CompletionKind { .default }
}

func warn(_ message: String) {
    FileHandle.standardError.write(Data("frontline: warning: \(message)\n".utf8))
}

extension OutputOptions {
    /// The GIS format `-o` names by its extension (or `--driver`), or nil when the output is one of the command's
    /// own text formats (`textExtensions`, chosen with --format) or GeoJSON. Another extension is exit 64 naming
    /// the supported ones: never another format under that name.
    func gisFormat(driver: String? = nil, textExtensions: Set<String> = ["", "txt", "csv", "json", "geojson", "tsv"]) throws -> VectorFile.OutputKind? {
        if let driver {
            let k = try VectorFile.outputKind(for: output ?? "-", driver: driver)
            return k == .geoJSON ? nil : k
        }
        guard let output, output != "-" else { return nil }
        let ext = (output as NSString).pathExtension.lowercased()
        if ext.isEmpty || textExtensions.contains(ext) || ext == "geojson" || ext == "json" { return nil }
        let k = try VectorFile.outputKind(for: output)
        return k == .geoJSON ? nil : k
    }

    /// Writes features split into layers by their `layer` property (GeoPackage, KML …: one layer each).
    func emitLayers(_ fc: FeatureCollection, kind: VectorFile.OutputKind, precision: Int = 7, inputs: [String] = [], foreignMembers: JSONObject = JSONObject()) throws {
        switch kind {
        case .geoJSON:
            try emit(GeoJSONWriter(precision: precision).encode(fc, foreignMembers: foreignMembers), inputs: inputs)
        case .gdal:
            var order: [String] = []
            var byLayer: [String: [Feature]] = [:]
            for f in fc.features {
                let l = f.properties["layer"]?.stringValue ?? "features"
                if byLayer[l] == nil { order.append(l) }
                byLayer[l, default: []].append(f)
            }
            let layers = order.map { VectorLayer(name: $0, features: byLayer[$0] ?? []) }
            guard let file else { throw FrontlineError.badArgument("a GIS format needs -o FILE (not standard output)") }
            try VectorFile.write(layers, kind: kind, to: file, force: force, inputs: inputs)
        }
    }
}
