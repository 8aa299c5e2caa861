/// What went wrong, in one line, with the exit code a script can test (sysexits.h conventions).
public enum FrontlineError: Error, Hashable, Sendable, CustomStringConvertible {
    /// An input file cannot be read (missing, unreadable, too large).
    case cannotRead(path: String, reason: String)
    /// An input file is read but its content is wrong; `place` names where (a JSON path, a line).
    case badInput(path: String, place: String, message: String)
    /// An output cannot be written.
    case cannotWrite(path: String, reason: String)
    /// A value given on the command line is wrong (a date, a place name, a flag combination).
    case badArgument(String)
    /// A checked dataset or computation broke an invariant (e.g. `validate` found problems).
    case checkFailed(String)
    /// A geometry or measure failed inside GEOS/PROJ.
    case geometry(String)
    /// A service (the PostGIS database) cannot be reached.
    case unavailable(String)
    /// A database query failed.
    case database(String)

    /// A one-line message: the path and place for file errors, else the message alone.
    public var description: String {
        switch self {
        case .cannotRead(let p, let r): "\(p): cannot read: \(r)"
        case .badInput(let p, let place, let m): place.isEmpty ? "\(p): \(m)" : "\(p): \(place): \(m)"
        case .cannotWrite(let p, let r): "\(p): cannot write: \(r)"
        case .badArgument(let m): m
        case .checkFailed(let m): m
        case .geometry(let m): m
        case .unavailable(let m): m
        case .database(let m): m
        }
    }

    /// The process exit code: 1 check failed, 64 usage, 65 bad data, 66 cannot read input, 73 cannot write, 70 internal.
    public var exitCode: Int32 {
        switch self {
        case .checkFailed: 1
        case .badArgument: 64
        case .badInput: 65
        case .cannotRead: 66
        case .geometry: 70
        case .database: 70
        case .unavailable: 69
        case .cannotWrite: 73
        }
    }
}
