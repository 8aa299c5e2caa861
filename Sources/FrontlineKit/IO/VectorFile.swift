import Foundation
import GeoIO
import GeoModel

/// Any vector file in, any vector file out: GeoJSON through the native reader and writer (the fast path), every
/// other format through GDAL (`GeoIO`). Errors name the file and the place in it.
public enum VectorFile {
    /// True for paths read by the native GeoJSON reader (`.geojson`, `.json`, standard input `-`).
    public static func isGeoJSON(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        return path == "-" || ext == "geojson" || ext == "json"
    }

    /// Reads a file's features in WGS84 lon/lat. `layer` picks one layer of a multi-layer file.
    public static func read(_ path: String, layer: String? = nil) throws(FrontlineError) -> FeatureCollection {
        if isGeoJSON(path) && !(path != "-" && looksLikeESRIJSON(path)) {
            if let layer { throw .badArgument("--layer \(layer): \(path) is GeoJSON, which has one layer") }
            return try GeoJSONFile.read(path)
        }
        do {
            return try VectorReader.read(path, layer: layer).collection
        } catch {
            throw FrontlineError(error)
        }
    }

    /// An ArcGIS REST answer saved as `.json` (`f=json`): ESRI JSON, read through GDAL's ESRIJSON driver.
    static func looksLikeESRIJSON(_ path: String) -> Bool {
        guard (path as NSString).pathExtension.lowercased() == "json",
              (try? FileManager.default.attributesOfItem(atPath: path)[.type]) as? FileAttributeType == .typeRegular,
              let h = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? h.close() }
        let head = String(decoding: h.readData(ofLength: 65_536), as: UTF8.self)
        return head.contains("\"geometryType\"") && head.contains("\"attributes\"") && !head.contains("\"FeatureCollection\"")
    }

    /// What an output path will be written as.
    public enum OutputKind: Sendable, Equatable {
        /// GeoJSON (RFC 7946), written by frontline's own writer.
        case geoJSON
        /// Another vector format, written through GDAL.
        case gdal(VectorFormat)
    }

    /// The extensions `-o` understands, for messages.
    public static var supportedExtensions: [String] { ["geojson", "json"] + VectorFormat.allCases.flatMap(\.extensions) }

    /// The output kind of `-o PATH` (or `--driver NAME`); an unknown extension is a usage error naming the supported ones.
    public static func outputKind(for path: String, driver: String? = nil) throws(FrontlineError) -> OutputKind {
        if let driver {
            if ["geojson", "json"].contains(driver.lowercased()) { return .geoJSON }
            guard let f = VectorFormat.forDriver(driver) else {
                throw .badArgument("--driver \(driver) is not one frontline writes (GeoJSON, \(VectorFormat.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return .gdal(f)
        }
        if isGeoJSON(path) { return .geoJSON }
        if let f = VectorFormat.forPath(path) { return .gdal(f) }
        let ext = (path as NSString).pathExtension
        throw .badArgument("cannot write \(ext.isEmpty ? "a file without an extension" : ".\(ext)") (\(path)): frontline writes \(supportedExtensions.map { "." + $0 }.joined(separator: ", ")), or give --driver NAME")
    }

    /// Writes layers to `path` in the format of its kind, atomically: every file is made in a temporary folder
    /// beside the output and renamed into place only when all were written. Existing outputs are replaced only
    /// with `force`; an input is never overwritten.
    public static func write(_ layers: [VectorLayer], kind: OutputKind, to path: String, force: Bool, inputs: [String] = []) throws(FrontlineError) {
        switch kind {
        case .geoJSON:
            let fc = FeatureCollection(layers.flatMap(\.features))
            let bytes = GeoJSONWriter(precision: 7).encode(fc)
            if path == "-" { FileHandle.standardOutput.write(Data(bytes)); return }
            try FileIO.writeAtomically(bytes, to: path, force: force, inputs: inputs)
        case .gdal(let format):
            guard path != "-" else { throw .badArgument("\(format.rawValue) cannot be written to standard output; give -o FILE") }
            let (url, dir) = try FileIO.preflight(path, force: force, inputs: inputs)
            let base = url.deletingPathExtension().lastPathComponent
            let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
            do {
                try FileManager.default.createDirectory(at: tmp, withIntermediateDirectories: false)
            } catch {
                throw .cannotWrite(path: path, reason: "cannot create a temporary folder in \(dir.path)")
            }
            defer { try? FileManager.default.removeItem(at: tmp) }
            let files: [String]
            do {
                files = try VectorWriter.write(layers, format: format, directory: tmp.path, baseName: base)
            } catch {
                throw FrontlineError(error)
            }
            // Files beside the named output (one per layer, a Shapefile's side files) obey the same --force rule.
            for f in files {
                let dest = dir.appendingPathComponent(f)
                if FileManager.default.fileExists(atPath: dest.path) && !force && dest.standardizedFileURL != url.standardizedFileURL {
                    throw .cannotWrite(path: dest.path, reason: "file exists (use --force to replace it)")
                }
                for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.path == dest.standardizedFileURL.path {
                    throw .cannotWrite(path: dest.path, reason: "it is also an input; choose another output path")
                }
            }
            for f in files {
                let dest = dir.appendingPathComponent(f)
                if rename(tmp.appendingPathComponent(f).path, dest.path) != 0 {
                    throw .cannotWrite(path: dest.path, reason: String(cString: strerror(errno)))
                }
            }
        }
    }
}

extension FrontlineError {
    /// A GeoIO error as a FrontlineError with the same meaning (and exit code).
    init(_ e: GeoIOError) {
        switch e {
        case .cannotOpen(let p, let r): self = .cannotRead(path: p, reason: r)
        case .badContent(let p, let place, let m): self = .badInput(path: p, place: place, message: m)
        case .cannotWrite(let p, let r): self = .cannotWrite(path: p, reason: r)
        case .usage(let m): self = .badArgument(m)
        }
    }
}
