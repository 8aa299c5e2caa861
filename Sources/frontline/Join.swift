import ArgumentParser
import FrontlineKit

struct Join: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Who held each dated position of a CSV (incidents, reports): the CSV with a side column appended.",
        discussion: """
            The CSV needs a header with date (YYYY-MM-DD), lon and lat columns; other columns are kept.
            frontline join incidents.csv -o incidents_with_side.csv
            """)

    @Argument(help: "A CSV of dated positions.")
    var input: String

    @OptionGroup var dataOptions: DataOptions
    @OptionGroup var out: OutputOptions

    func run() throws {
        try out.preflight(inputs: [input])
        let table = try IncidentCSV.parse(try FileIO.read(input), path: input)
        let dataset = try dataOptions.load()
        let history = try dataset.timeline.history()
        let sides = try IncidentJoin.sides(of: table.rows, history: history, sides: dataset.timeline.sides)
        try out.emit(table.joined(sides: sides), inputs: [input])
    }
}
