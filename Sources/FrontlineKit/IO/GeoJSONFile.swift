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
