import CPQ
import Foundation
import FrontlineKit

/// One libpq connection (owned: `PQfinish` on deinit). Every value reaches SQL as a bound parameter or through
/// COPY, never spliced into the query text. Connect and statement timeouts are always set, so nothing hangs.
/// Messages never carry the connection string (credentials come from the URL, `$PGPASSWORD` or `~/.pgpass`).
public final class Connection {
    let conn: OpaquePointer

    /// Seconds to wait for the server when connecting (set as `PGCONNECT_TIMEOUT` unless the environment has one).
    public static let connectTimeout = 10
    /// Seconds any one statement may run before the server cancels it (`statement_timeout`, set on connecting).
    public static let statementTimeoutSeconds = 600

    /// Connects with a libpq connection string or URI (empty: the `PG*` environment, as psql does).
    public init(_ url: String) throws(FrontlineError) {
        if ProcessInfo.processInfo.environment["PGCONNECT_TIMEOUT"] == nil { setenv("PGCONNECT_TIMEOUT", String(Connection.connectTimeout), 0) }
        guard let c = PQconnectdb(url) else { throw .unavailable("database: out of memory connecting") }
        conn = c
        guard PQstatus(c) == CONNECTION_OK else {
            let m = Connection.clean(String(cString: PQerrorMessage(c)))
            // The handle is already stored, so deinit (which runs for a class whose init throws after its stored
            // properties are set) frees it: finishing it here too would free it twice.
            throw .unavailable("cannot connect to the database: \(m)")
        }
        _ = try exec("SET statement_timeout = \(Connection.statementTimeoutSeconds * 1000)")
        _ = try exec("SET client_min_messages = warning")
    }

    deinit { PQfinish(conn) }

    /// libpq's message on one line, with any password= or URI credentials it might echo removed.
    static func clean(_ s: String) -> String {
        var t = s.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        if let re = try? NSRegularExpression(pattern: "(password=)\\S+|(://[^:/@\\s]*:)[^@\\s]*@") {
            t = re.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "$1$2***@")
        }
        return t
    }

    /// Rows of text values (nil for NULL).
    public struct Rows {
        /// The column names, in result order.
        public var columns: [String]
        /// The rows, each a value per column as text (nil for SQL NULL).
        public var values: [[String?]]
    }

    /// Runs one statement with text parameters.
    @discardableResult
    public func exec(_ sql: String, _ params: [String?] = []) throws(FrontlineError) -> Rows {
        let cstrs = params.map { $0.map { strdup($0) } ?? nil }
        defer { for p in cstrs { free(p) } }
        let ptrs: [UnsafePointer<CChar>?] = cstrs.map { $0.map { UnsafePointer($0) } }
        let res = ptrs.withUnsafeBufferPointer { buf in
            PQexecParams(conn, sql, Int32(params.count), nil, buf.baseAddress, nil, nil, 0)
        }
        guard let res else { throw .database("database: \(Connection.clean(String(cString: PQerrorMessage(conn))))") }
        defer { PQclear(res) }
        let status = PQresultStatus(res)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            throw .database("database: \(Connection.clean(String(cString: PQresultErrorMessage(res))))")
        }
        var out = Rows(columns: [], values: [])
        let nf = PQnfields(res), nt = PQntuples(res)
        for j in 0..<nf { out.columns.append(String(cString: PQfname(res, j))) }
        out.values.reserveCapacity(Int(nt))
        for i in 0..<nt {
            var row: [String?] = []
            for j in 0..<nf { row.append(PQgetisnull(res, i, j) != 0 ? nil : String(cString: PQgetvalue(res, i, j))) }
            out.values.append(row)
        }
        return out
    }

    /// `COPY … FROM STDIN` (text format) of prepared lines.
    public func copy(_ sql: String, lines: [String]) throws(FrontlineError) {
        guard let res = PQexec(conn, sql) else { throw .database("database: \(Connection.clean(String(cString: PQerrorMessage(conn))))") }
        let st = PQresultStatus(res)
        PQclear(res)
        guard st == PGRES_COPY_IN else { throw .database("database: COPY did not start: \(Connection.clean(String(cString: PQerrorMessage(conn))))") }
        var buffer = ""
        for l in lines {
            buffer += l
            buffer += "\n"
            if buffer.utf8.count > 1 << 20 {
                let b = buffer
                guard b.withCString({ PQputCopyData(conn, $0, Int32(strlen($0))) }) == 1 else { throw .database("database: COPY failed") }
                buffer = ""
            }
        }
        if !buffer.isEmpty {
            let b = buffer
            guard b.withCString({ PQputCopyData(conn, $0, Int32(strlen($0))) }) == 1 else { throw .database("database: COPY failed") }
        }
        guard PQputCopyEnd(conn, nil) == 1 else { throw .database("database: COPY failed to end") }
        while let r = PQgetResult(conn) {
            let s = PQresultStatus(r)
            let msg = String(cString: PQresultErrorMessage(r))
            PQclear(r)
            if s != PGRES_COMMAND_OK { throw .database("database: COPY: \(Connection.clean(msg))") }
        }
    }

    /// A text field for COPY: backslash, tab and line breaks escaped, `\N` for NULL.
    public static func copyField(_ v: String?) -> String {
        guard let v else { return "\\N" }
        var o = ""
        o.reserveCapacity(v.utf8.count)
        for c in v.unicodeScalars {
            switch c {
            case "\\": o += "\\\\"
            case "\t": o += "\\t"
            case "\n": o += "\\n"
            case "\r": o += "\\r"
            default: o.unicodeScalars.append(c)
            }
        }
        return o
    }
}
