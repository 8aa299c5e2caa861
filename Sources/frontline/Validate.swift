import ArgumentParser
import FrontlineKit

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset: valid geometries, no overlaps, full coverage, ordered and sourced changes, places that resolve.",
        discussion: "Prints every problem and exits 1 when there is any."
    )

    @OptionGroup var dataOptions: DataOptions

    func run() throws {
        let dataset = try dataOptions.load()
        let (problems, figures) = try DatasetValidator.validate(dataset)
        let t = dataset.timeline
        print("dataset:  \(dataset.name) (\(dataset.root))")
        print("changes:  \(t.changes.count), zones: \(t.zones.count), places: \(dataset.gazetteer.places.count), districts: \(dataset.districts.count)")
        var table = Table(["date"] + t.sides.map { "\($0.id) km²" } + ["overlap km²", "gap km²"], rightAligned: Set(1...(t.sides.count + 2)))
        for f in figures {
            table.add([f.date.description] + f.areasKm2.map { fmt($0.km2) } + [fmt(f.overlapKm2, 3), fmt(f.uncoveredKm2, 3)])
        }
        print(table.rendered, terminator: "")
        if problems.isEmpty {
            print("ok: no problems found")
        } else {
            for p in problems { print("problem: \(p)") }
            throw FrontlineError.checkFailed("validate: \(problems.count) problem\(problems.count == 1 ? "" : "s") found")
        }
    }
}
