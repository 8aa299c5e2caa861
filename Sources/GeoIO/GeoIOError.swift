/// What went wrong reading or writing a vector file through GDAL, with GDAL's own message carried.
public enum GeoIOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file cannot be opened as a vector dataset (missing, unreadable, unknown format, truncated).
    case cannotOpen(path: String, reason: String)
    /// The file opened, but its content is wrong; `place` names the layer and feature.
    case badContent(path: String, place: String, message: String)
    /// The output cannot be created or written.
    case cannotWrite(path: String, reason: String)
    /// A choice the caller must make (a layer among several, an unsupported extension).
    case usage(String)

    /// A one-line message for the user: the path, then what went wrong (a usage error is its message alone).
    public var description: String {
        switch self {
        case .cannotOpen(let p, let r): "\(p): cannot read: \(r)"
        case .badContent(let p, let place, let m): place.isEmpty ? "\(p): \(m)" : "\(p): \(place): \(m)"
        case .cannotWrite(let p, let r): "\(p): cannot write: \(r)"
        case .usage(let m): m
        }
    }
}
