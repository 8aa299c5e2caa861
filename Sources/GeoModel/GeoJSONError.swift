/// Why a GeoJSON document could not be read, and where.
public struct GeoJSONError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The JSON path of the offending value, e.g. `features[12].geometry.coordinates[0]`; empty for the root.
    public var path: String
    /// The 1-based line, when the error is in the text itself.
    public var line: Int?
    /// The 1-based column, when the error is in the text itself.
    public var column: Int?
    /// What is wrong.
    public var message: String

    /// Creates an error at a JSON path, and optionally at a line and column of the text.
    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    /// One line: `features[12].geometry.coordinates[0]: ring has 3 positions, needs at least 4`.
    public var description: String {
        var place = path
        if let line, let column {
            place += place.isEmpty ? "line \(line), column \(column)" : " (line \(line), column \(column))"
        }
        return place.isEmpty ? message : "\(place): \(message)"
    }
}

/// A step in a JSON path.
enum PathComponent {
    case key(String)
    case index(Int)
}

extension [PathComponent] {
    var rendered: String {
        var s = ""
        for c in self {
            switch c {
            case .key(let k): s += s.isEmpty ? k : ".\(k)"
            case .index(let i): s += "[\(i)]"
            }
        }
        return s
    }
}
