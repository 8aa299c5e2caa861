import ArgumentParser
import FrontlineKit

/// `--data DIR`: the dataset to use instead of the bundled one.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset folder (with dataset.json). Default: $FRONTLINE_DATA, else the bundled geodata.", valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("Towns to use instead of the bundled GeoNames world places: a GeoNames dump (.txt), a CSV with name and lon/lat columns, or any vector file of named points.", valueName: "FILE"))
    var places: String?

    @Option(name: .long, help: ArgumentHelp("Place names in this language where the gazetteer has them (the dataset holds az, hy and ru names); English otherwise.", valueName: "CODE"))
    var lang: String?

    func load() throws -> Dataset {
        var dataset = try Dataset.load(root: try Dataset.locate(explicit: data))
        if let places { dataset.userPlaces = try PlaceFile.read(places) }
        if let lang, lang.lowercased() != "en" {
            let code = lang.lowercased()
            guard code.count >= 2, code.count <= 3, code.allSatisfy(\.isLetter) else {
                throw ValidationError("--lang \(lang): give a language code such as az, hy or ru")
            }
            let (localized, count) = dataset.gazetteer.localized(code)
            if count == 0 { warn("no place of the gazetteer has a name in \(code); names stay in English") }
            dataset.gazetteer = localized
        }
        return dataset
    }

    /// The dataset lending its world layers to another source: nil when it cannot be found (maps then go without a
    /// base map), but a broken --places or --data is an error, never skipped in silence.
    func context() throws -> Dataset? {
        if places != nil || data != nil { return try load() }
        return try? load()
    }
}

/// Parses a `--date`, with a message naming the flag.
func parseDay(_ text: String, flag: String) throws -> Day {
    try Day.parse(text, what: flag)
}

/// `--date D`: the day a command answers for.
struct DateOption: ParsableArguments {
    @Option(help: "The date, YYYY-MM-DD.")
    var date: String

    /// The parsed day; an impossible date is a one-line usage error.
    func day() throws -> Day { try parseDay(date, flag: "--date") }
}

/// Rejects a `--format` the command does not write.
func require(_ format: Format, in allowed: [Format], command: String) throws {
    guard allowed.contains(format) else {
        let names = allowed.map(\.rawValue)
        let list = names.count > 1 ? names.dropLast().joined(separator: ", ") + " or " + names.last! : names.joined()
        throw ValidationError("\(command) writes --format \(list), not \(format.rawValue)")
    }
}
