import Foundation
import GeoModel

/// Reading GeoJSON files with errors that name the file and the place in it.
public enum GeoJSONFile {
    /// Reads and parses a GeoJSON file.
    public static func read(_ path: String) throws(FrontlineError) -> FeatureCollection {
        let bytes = try FileIO.read(path)
        do {
            return try GeoJSONReader.read(bytes)
        } catch {
            var place = error.path
            if let l = error.line, let c = error.column { place += place.isEmpty ? "line \(l), column \(c)" : " (line \(l), column \(c))" }
            throw .badInput(path: path, place: place, message: error.message)
        }
    }
}

extension GeoJSONFile {
    /// Rewrites a GeoJSON FeatureCollection file through `writer` one feature at a time, into `output` (written
    /// atomically), so that memory stays flat however large the input is.
    ///
    /// - Returns: The reader's warnings, or nil when `input` is not a plain FeatureCollection file (a bare Feature or
    ///   geometry, a wrapper, standard input, ESRI JSON): then nothing was written and the caller reads it whole.
    /// - Throws: ``FrontlineError/badInput(path:place:message:)`` naming the place in `input`, or a read or write
    ///   error; the output is then left as it was.
    public static func rewrite(_ input: String, to output: String, writer: GeoJSONWriter, force: Bool = false,
                               inputs: [String] = []) throws(FrontlineError) -> [String]? {
        guard input != "-", VectorFile.isGeoJSON(input), !VectorFile.looksLikeESRIJSON(input) else { return nil }
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { throw .cannotRead(path: input, reason: "no such file") }
        if isDir.boolValue { throw .cannotRead(path: input, reason: "is a directory") }
        guard (try? FileManager.default.attributesOfItem(atPath: input)[.type]) as? FileAttributeType == .typeRegular else { return nil }
        let file = try AtomicFileWriter(path: output, force: force, inputs: inputs + [input])
        // Two stages on two cores: this thread parses features, a second one encodes and writes them, with a few
        // features in between (memory stays flat; order is kept).
        let sink = EncodingSink(file: file, writer: writer)
        let pipeline = Pipeline<Feature>(capacity: 2) { feature in try sink.add(feature) }
        let outcome: GeoJSONFeatureStream.Outcome
        do throws(any Error) {
            try file.write(writer.collectionHeader())
            outcome = try GeoJSONFeatureStream.forEachFeature(inFile: input) { feature in try pipeline.put(feature) }
            try pipeline.finish()
        } catch let e as GeoJSONError {
            try? pipeline.finish()
            file.discard()
            var place = e.path
            if let l = e.line, let c = e.column { place += place.isEmpty ? "line \(l), column \(c)" : " (line \(l), column \(c))" }
            throw .badInput(path: input, place: place, message: e.message)
        } catch let e as GeoJSONFeatureStream.FileError {
            try? pipeline.finish()
            file.discard()
            throw .cannotRead(path: input, reason: e.reason)
        } catch {
            try? pipeline.finish()
            file.discard()
            throw (error as? FrontlineError) ?? FrontlineError.cannotWrite(path: output, reason: "\(error)")
        }
        guard case .streamed(_, let warnings) = outcome else {
            file.discard()
            return nil
        }
        try sink.flush()
        try file.write(writer.collectionFooter(boundingBox: sink.box))
        try file.commit()
        return warnings
    }
}

/// The consumer stage of ``GeoJSONFile/rewrite(_:to:writer:force:inputs:)``: encodes features and writes them out in
/// pieces of about 1 MiB. Used by one thread at a time (the pipeline's consumer, then the caller after `finish`).
private final class EncodingSink: @unchecked Sendable {
    let file: AtomicFileWriter
    let writer: GeoJSONWriter
    var out: JSONOutput
    var count = 0
    var box: BoundingBox?

    init(file: AtomicFileWriter, writer: GeoJSONWriter) {
        self.file = file
        self.writer = writer
        out = JSONOutput(precision: writer.precision)
    }

    func add(_ feature: Feature) throws(FrontlineError) {
        writer.append(feature, first: count == 0, to: &out)
        count += 1
        if writer.includeBBox, let g = feature.geometry, let b = BoundingBox(geometry: g) { box = box.map { $0.union(b) } ?? b }
        if out.bytes.count >= 1 << 20 { try flush() }
    }

    func flush() throws(FrontlineError) {
        try file.write(out.bytes)
        out.removeAll()
    }
}
