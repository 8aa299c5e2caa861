// Who held a place on a date, how far from the front, and what changed hands between two dates: the questions
// `frontline locate` and `frontline diff` answer, asked through the library from another package.
//
// The dataset is found the way the command line finds it (Dataset.locate): `--data DIR`, then $FRONTLINE_DATA,
// then `share/frontline/geodata` beside an installed binary, then the `geodata/` folder of the frontline checkout
// this program was built against (SwiftPM keeps the whole checkout, data included, under .build/checkouts).
import Foundation
import FrontlineKit
import GeoModel

var args = Array(CommandLine.arguments.dropFirst())
var explicit: String?
if let i = args.firstIndex(of: "--data"), i + 1 < args.count {
    explicit = args[i + 1]
    args.removeSubrange(i...(i + 1))
}
let place = args.first ?? "Barda"
let dayText = args.count > 1 ? args[1] : "2020-10-27"

do {
    let root = try Dataset.locate(explicit: explicit)
    let dataset = try Dataset.load(root: root)
    let source = try DatasetSource(dataset: dataset)
    let day = try Day.parse(dayText)
    let found = try dataset.locate(place, on: day, history: source.history)
    let km = found.distanceToFrontKm.map { String(format: "%.1f km from the front", $0) } ?? "no front line"
    print("dataset: \(root)")
    print("\(place) on \(day): \(found.control.side ?? "outside the study area"), \(km)")
    let war = try source.diff(from: try Day.parse("2020-09-27"), to: try Day.parse("2020-12-01"), options: .standard)
    for side in war.sides {
        print("\(source.label(of: side.side)): net \(Int(side.netKm2.rounded())) km²")
    }
} catch {
    FileHandle.standardError.write(Data("karabakh-brief: \(error)\n".utf8))
    exit(1)
}
