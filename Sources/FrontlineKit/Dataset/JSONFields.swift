import GeoModel

/// Typed access to JSON members with errors that name the file and the member's path.
struct JSONFields {
    let file: String
    let path: String
    let object: JSONObject

    init(file: String, path: String, _ value: JSONValue?) throws(FrontlineError) {
        guard let o = value?.objectValue else { throw .badInput(path: file, place: path, message: "expected an object") }
        self.file = file
        self.path = path
        object = o
    }

    func fail(_ key: String, _ message: String) -> FrontlineError {
        .badInput(path: file, place: path.isEmpty ? key : "\(path).\(key)", message: message)
    }

    func string(_ key: String) throws(FrontlineError) -> String {
        guard let s = object[key]?.stringValue, !s.isEmpty else { throw fail(key, "expected a non-empty string") }
        return s
    }

    func optionalString(_ key: String) throws(FrontlineError) -> String? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let s = v.stringValue else { throw fail(key, "expected a string or null") }
        return s
    }

    func number(_ key: String) throws(FrontlineError) -> Double {
        guard let n = object[key]?.numberValue else { throw fail(key, "expected a number") }
        return n
    }

    func optionalNumber(_ key: String) throws(FrontlineError) -> Double? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let n = v.numberValue, n.isFinite else { throw fail(key, "expected a number or null") }
        return n
    }

    func optionalInt(_ key: String) throws(FrontlineError) -> Int? {
        guard let v = object[key], !v.isNull else { return nil }
        guard let n = v.intValue else { throw fail(key, "expected a whole number or null") }
        return n
    }

    func day(_ key: String) throws(FrontlineError) -> Day {
        let s = try string(key)
        guard let d = Day(s) else { throw fail(key, "\"\(s)\" is not a valid date (YYYY-MM-DD)") }
        return d
    }

    func optionalDay(_ key: String) throws(FrontlineError) -> Day? {
        guard let s = try optionalString(key) else { return nil }
        guard let d = Day(s) else { throw fail(key, "\"\(s)\" is not a valid date (YYYY-MM-DD)") }
        return d
    }

    func array(_ key: String) throws(FrontlineError) -> [JSONValue] {
        guard let a = object[key]?.arrayValue else { throw fail(key, "expected an array") }
        return a
    }

    func strings(_ key: String) throws(FrontlineError) -> [String] {
        guard let v = object[key], !v.isNull else { return [] }
        guard let a = v.arrayValue else { throw fail(key, "expected an array of strings") }
        var out: [String] = []
        for (i, x) in a.enumerated() {
            guard let s = x.stringValue else { throw fail("\(key)[\(i)]", "expected a string") }
            out.append(s)
        }
        return out
    }

    func sub(_ key: String) throws(FrontlineError) -> JSONFields {
        try JSONFields(file: file, path: path.isEmpty ? key : "\(path).\(key)", object[key])
    }
}

/// Reads a JSON file into a value, with errors naming the file.
func readJSONFile(_ path: String) throws(FrontlineError) -> JSONValue {
    let bytes = try FileIO.read(path)
    do {
        return try JSONValue.parse(bytes)
    } catch {
        throw .badInput(path: path, place: error.line.map { "line \($0), column \(error.column ?? 0)" } ?? "", message: error.message)
    }
}
