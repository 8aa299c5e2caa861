import ArgumentParser
import FrontlineKit

/// `--data DIR`: the dataset to use instead of the bundled one.
struct DataOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A dataset folder (with dataset.json). Default: $FRONTLINE_DATA, else the bundled geodata.", valueName: "DIR"))
    var data: String?

    func load() throws -> Dataset {
        try Dataset.load(root: try Dataset.locate(explicit: data))
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
