/// Why a geometry operation or measure failed; GEOS and PROJ messages are carried, not lost.
public enum GeoOpsError: Error, Hashable, Sendable, CustomStringConvertible {
    /// GEOS reported an error (its message), during the named operation.
    case geos(operation: String, message: String)
    /// PROJ reported an error (its message).
    case proj(message: String)
    /// The input cannot be handled (e.g. unparseable WKT, an unsupported geometry).
    case invalidInput(String)

    /// A one-line message: "GEOS op failed: …", "PROJ: …", or the invalid-input message alone.
    public var description: String {
        switch self {
        case .geos(let op, let m): "GEOS \(op) failed: \(m)"
        case .proj(let m): "PROJ: \(m)"
        case .invalidInput(let m): m
        }
    }
}
