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
