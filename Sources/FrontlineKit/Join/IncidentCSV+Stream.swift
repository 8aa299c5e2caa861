import Foundation
import GeoModel

extension IncidentCSV {
    /// What a streamed join saw, for its warnings.
    public struct JoinSummary: Sendable {
        /// Rows with a date and a position, joined.
        public var rows = 0
        /// Lines (1-based, of the whole file) with a bad date or position: the first few.
        public var badLines: [Int] = []
        /// How many lines had a bad date or position.
        public var badCount = 0
        /// Rows dated before the source's first date (joined columns left empty).
        public var early = 0
    }

    /// Joins a CSV file to `source` in batches of about `batchBytes`, writing `output` (atomically) as it goes, so
    /// that memory stays flat however many rows the file has. The output is byte for byte what
    /// ``parse(_:path:dateColumn:lonColumn:latColumn:)``, ``IncidentJoin/join(_:source:countries:distances:cache:)`` and
    /// ``joined(columns:values:includeHeader:)`` give for the whole file, and errors and bad rows are numbered as
    /// there (quoting errors by physical line, other errors and bad rows by record).
    ///
    /// Batches end at record boundaries (a quoted field may hold line breaks); what is built per state is kept
    /// from batch to batch in a ``JoinCache``.
    public static func joinFile(_ input: String, to output: String, source: ControlSource, countries: [Feature] = [],
                                distances: Bool = true, dateColumn: String? = nil, lonColumn: String? = nil,
                                latColumn: String? = nil, force: Bool = false, batchBytes: Int = 8 << 20) throws(FrontlineError) -> JoinSummary {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: input, isDirectory: &isDir) else { throw .cannotRead(path: input, reason: "no such file") }
        if isDir.boolValue { throw .cannotRead(path: input, reason: "is a directory") }
        guard let handle = FileHandle(forReadingAtPath: input) else { throw .cannotRead(path: input, reason: "permission denied") }
        defer { try? handle.close() }
        let file = try AtomicFileWriter(path: output, force: force, inputs: [input])
        let cache = JoinCache()
        var summary = JoinSummary()
        var buffer: [UInt8] = []
        var eof = false
        var headerRaw: [UInt8]?
        var recordsBefore = 0  // records (the header included) before buffer[0]
        var nextLine = 1  // the physical line number of buffer[0]
        var want = max(batchBytes, 1 << 16)
        let firstDate = source.dates.first
        while true {
            while buffer.count < want && !eof {
                let data: Data?
                do {
                    data = try handle.read(upToCount: want - buffer.count)
                } catch {
                    file.discard()
                    throw .cannotRead(path: input, reason: (error as NSError).localizedDescription)
                }
                if let data, !data.isEmpty { buffer += data } else { eof = true }
            }
            if buffer.isEmpty && headerRaw != nil { break }
            guard let cut = eof ? buffer.count : lastRecordEnd(buffer) else {
                want *= 2  // one record longer than the batch: read on
                continue
            }
            let chunk = buffer[0..<cut]
            let table: IncidentCSV
            // Two numberings, as the whole-file reader has them: quoting errors name the physical line, while
            // field errors and bad rows name the record (the header is record 1).
            var offset = 0  // local record number + offset = record of the file
            if let headerRaw {
                let chunkRecords: Int
                do {
                    chunkRecords = try IncidentCSV.records(Array(chunk), path: input).count
                } catch {
                    file.discard()
                    throw shifted(error, by: nextLine - 1)
                }
                var text = headerRaw
                text.append(0x0A)
                text += chunk
                offset = recordsBefore - 1
                do {
                    table = try parse(text, path: input, dateColumn: dateColumn, lonColumn: lonColumn, latColumn: latColumn)
                } catch {
                    file.discard()
                    throw shifted(error, by: offset)
                }
                recordsBefore += chunkRecords
            } else {
                do {
                    table = try parse(Array(chunk), path: input, dateColumn: dateColumn, lonColumn: lonColumn, latColumn: latColumn)
                } catch {
                    file.discard()
                    throw error
                }
                let records = try IncidentCSV.records(Array(chunk), path: input)
                headerRaw = Array(chunk[records[0]])
                recordsBefore = records.count
            }
            summary.rows += table.rows.count
            summary.badCount += table.badLines.count
            for n in table.badLines where summary.badLines.count < 5 { summary.badLines.append(n + offset) }
            if let firstDate { summary.early += table.rows.reduce(0) { $0 + ($1.day < firstDate ? 1 : 0) } }
            let values = try IncidentJoin.join(table.rows, source: source, countries: countries, distances: distances, cache: cache)
            try file.write(table.joined(columns: IncidentJoin.joinedColumns, values: values, includeHeader: nextLine == 1))
            nextLine += chunk.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            buffer.removeSubrange(0..<cut)
            want = max(batchBytes, 1 << 16)
            if eof && buffer.isEmpty { break }
        }
        try file.commit()
        return summary
    }

    /// The end (just past its line feed) of the last whole record in `bytes`, which starts at a record boundary;
    /// nil when no record ends in it. Quotes are followed as ``records(_:path:)`` follows them.
    static func lastRecordEnd(_ bytes: [UInt8]) -> Int? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), lf: UInt8 = 0x0A
        var quoted = false, atFieldStart = true
        var last: Int?
        var i = 0
        let n = bytes.count
        while i < n {
            let c = bytes[i]
            if quoted {
                if c == quote {
                    if i + 1 < n && bytes[i + 1] == quote { i += 2; continue }
                    if i + 1 == n { return last }  // a doubled quote may straddle the end: decide with more bytes
                    quoted = false
                }
                i += 1
                continue
            }
            if c == lf {
                last = i + 1
                atFieldStart = true
            } else if c == comma {
                atFieldStart = true
            } else if c == quote && atFieldStart {
                quoted = true
                atFieldStart = false
            } else if c != 0x0D {
                atFieldStart = false
            }
            i += 1
        }
        return last
    }

    /// An error of a batch with its line number moved to the file's numbering.
    static func shifted(_ error: FrontlineError, by offset: Int) -> FrontlineError {
        guard case .badInput(let path, let place, let message) = error, place.hasPrefix("line "), let n = Int(place.dropFirst(5)) else { return error }
        return .badInput(path: path, place: "line \(n + offset)", message: message)
    }
}
