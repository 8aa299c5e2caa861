import Foundation
import FrontlineKit
import GeoModel
import TestSupport
import Testing

/// The bulk join must give each position the side `ControlLocator` gives it on that day.
@Suite struct IncidentJoinTests {
    static let dataset: Dataset? = try? Dataset.load(root: TestPaths.geodata.path)

    @Test func agreesWithTheLocatorOnEveryState() throws {
        let d = try #require(Self.dataset)
        let history = try d.timeline.history()
        var rows: [IncidentJoin.Row] = []
        var x: UInt64 = 12345
        func next() -> Double { x = x &* 6364136223846793005 &+ 1442695040888963407; return Double(x >> 11) / Double(1 << 53) }
        for state in history.states {
            for _ in 0..<150 {
                rows.append(IncidentJoin.Row(day: state.date, position: Position(lon: 44.5 + 4 * next(), lat: 38.5 + 3 * next())))
            }
        }
        rows.append(IncidentJoin.Row(day: Day(ordinal: history.states[0].date.ordinal - 1), position: Position(lon: 46.75, lat: 39.8)))
        let sides = try IncidentJoin.sides(of: rows, history: history, sides: d.timeline.sides)
        for (row, side) in zip(rows.dropLast(), sides) {
            let locator = try ControlLocator(try history.state(on: row.day), sides: d.timeline.sides)
            #expect(side == (try locator.side(at: row.position)), "\(row.day) \(row.position)")
        }
        #expect(sides.last == .some(nil), "before the base date nobody is known to hold it")
        #expect(Set(sides.compactMap { $0 }) == ["azerbaijan", "armenian"])
    }

    @Test func csvKeepsColumnsAndAppendsTheSide() throws {
        let text = "id,note,date,lat,lon\nA,\"in, quotes\",2020-11-10,39.7467,46.7522\nB,outside,2020-11-10,45.0,30.0\n"
        let table = try IncidentCSV.parse(Array(text.utf8), path: "t.csv")
        #expect(table.rows.count == 2)
        #expect(table.rows[0].position == Position(lon: 46.7522, lat: 39.7467))
        let out = String(decoding: table.joined(columns: ["side"], values: [["armenian"], [""]]), as: UTF8.self)
        #expect(out == "id,note,date,lat,lon,side\nA,\"in, quotes\",2020-11-10,39.7467,46.7522,armenian\nB,outside,2020-11-10,45.0,30.0,\n")
    }

    @Test func aMissingColumnIsAnError() {
        #expect {
            _ = try IncidentCSV.parse(Array("id,lon,lat\n1,46,40\n".utf8), path: "t.csv")
        } throws: { "\($0)".contains("no date/event_date/date_start column") && "\($0)".contains("line 1") }
    }

    /// A bad date or position keeps its line (empty joined columns) and is listed, never dropped or fatal.
    @Test(arguments: [
        "date,lon,lat\n2020-13-01,46,40\n2020-11-01,46,40\n",
        "date,lon,lat\n2020-11-01,246,40\n2020-11-01,46,40\n",
        "date,lon,lat\n2020-11-01,46\n2020-11-01,46,40\n",
    ]) func badRowsAreKeptAndNamed(text: String) throws {
        let t = try IncidentCSV.parse(Array(text.utf8), path: "t.csv")
        #expect(t.badLines == [2] && t.rows.count == 1)
        let out = String(decoding: t.joined(columns: ["side"], values: [["azerbaijan"]]), as: UTF8.self).split(separator: "\n")
        #expect(out.count == 3 && out[1].hasSuffix(",") && out[2].hasSuffix(",azerbaijan"))
    }
}
