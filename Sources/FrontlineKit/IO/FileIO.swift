import Foundation

/// File reading and atomic writing, the only place FrontlineKit touches the file system.
public enum FileIO {
    /// Files larger than this are refused with a clear error rather than exhausting memory:
    /// 2 GiB, or `$FRONTLINE_MAX_INPUT_MB` megabytes.
    public static var maxInputBytes: Int {
        if let s = ProcessInfo.processInfo.environment["FRONTLINE_MAX_INPUT_MB"], let mb = Int(s), mb > 0 { return mb << 20 }
        return 2 << 30
    }

    /// The bytes of a file; `-` is standard input.
    public static func read(_ path: String) throws(FrontlineError) -> [UInt8] {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            if data.count > maxInputBytes { throw .cannotRead(path: "-", reason: "standard input is more than the \(maxInputBytes / 1_048_576) MiB limit") }
            return [UInt8](data)
        }
        let url = URL(fileURLWithPath: path)
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw .cannotRead(path: path, reason: "no such file")
        }
        if isDir.boolValue { throw .cannotRead(path: path, reason: "is a directory") }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = attributes[.size] as? Int, type = attributes[.type] as? FileAttributeType
        if let size, size > maxInputBytes {
            throw .cannotRead(path: path, reason: "file is \(size / 1_048_576) MiB, more than the \(maxInputBytes / 1_048_576) MiB limit (set FRONTLINE_MAX_INPUT_MB to raise it)")
        }
        if let type, type != .typeRegular, let handle = FileHandle(forReadingAtPath: path) {
            // A pipe, a character device or a process substitution: read it as a stream.
            defer { try? handle.close() }
            let data = handle.readDataToEndOfFile()
            if data.count > maxInputBytes { throw .cannotRead(path: path, reason: "more than the \(maxInputBytes / 1_048_576) MiB limit") }
            return [UInt8](data)
        }
        // An empty file is no bytes (Foundation's read of a zero-size file leaks a 4 KiB buffer).
        if type == .typeRegular, size == 0 { return [] }
        do {
            let data = try Data(contentsOf: url, options: .mappedIfSafe)
            return [UInt8](data)
        } catch {
            throw .cannotRead(path: path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file in the same folder, then a rename, so readers never
    /// see half a file. Refuses to replace an existing file unless `force`, and never writes over an input.
    public static func writeAtomically(_ bytes: [UInt8], to path: String, force: Bool = false, inputs: [String] = []) throws(FrontlineError) {
        let (url, dir) = try preflight(path, force: force, inputs: inputs)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(bytes)) else {
            throw .cannotWrite(path: path, reason: "cannot create a file in \(dir.path) (permission denied or disk full)")
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: tmp)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Checks, before any work is done, that `path` can be written: its folder exists, it is not an input, and it
    /// does not exist unless `force`. Returns the output and its folder.
    @discardableResult
    public static func preflight(_ path: String, force: Bool, inputs: [String] = []) throws(FrontlineError) -> (URL, URL) {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let resolved = url.resolvingSymlinksInPath().path
        for input in inputs where URL(fileURLWithPath: input).standardizedFileURL.resolvingSymlinksInPath().path == resolved {
            throw .cannotWrite(path: path, reason: "it is also an input; choose another output path")
        }
        let dir = url.deletingLastPathComponent()
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: dir.path, isDirectory: &isDir), isDir.boolValue else {
            throw .cannotWrite(path: path, reason: "folder \(dir.path) does not exist")
        }
        if FileManager.default.fileExists(atPath: url.path) && !force {
            throw .cannotWrite(path: path, reason: "file exists (use --force to replace it)")
        }
        return (url, dir)
    }
}

/// A file written piece by piece and atomically: the pieces go to a temporary file beside `path`, which replaces
/// `path` only on ``commit()``. Until then readers see the old file or none, and a writer dropped without a
/// commit (an error half-way) removes its temporary file: never half an output.
final class AtomicFileWriter {
    /// The file being written.
    let path: String
    let url: URL
    let tmp: URL
    var fd: Int32
    var done = false

    /// Checks `path` as ``FileIO/preflight(_:force:inputs:)`` does and opens the temporary file.
    init(path: String, force: Bool = false, inputs: [String] = []) throws(FrontlineError) {
        let (url, dir) = try FileIO.preflight(path, force: force, inputs: inputs)
        self.path = path
        self.url = url
        tmp = dir.appendingPathComponent(".\(url.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UInt32.random(in: 0...UInt32.max))")
        fd = open(tmp.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw .cannotWrite(path: path, reason: "cannot create a file in \(dir.path): \(String(cString: strerror(errno)))")
        }
    }

    /// Appends bytes.
    func write(_ bytes: [UInt8]) throws(FrontlineError) {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                discard()
                throw .cannotWrite(path: path, reason: reason)
            }
            written += n
        }
    }

    /// Closes the temporary file and renames it to `path`.
    func commit() throws(FrontlineError) {
        guard !done else { return }
        done = true
        if close(fd) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw .cannotWrite(path: path, reason: reason)
        }
        if rename(tmp.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(tmp.path)
            throw .cannotWrite(path: path, reason: reason)
        }
    }

    /// Closes and removes the temporary file; `path` is left as it was.
    func discard() {
        guard !done else { return }
        done = true
        close(fd)
        unlink(tmp.path)
    }

    deinit { discard() }
}
