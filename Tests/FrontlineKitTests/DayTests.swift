import FrontlineKit
import Testing

@Suite struct DayTests {
    @Test(arguments: ["2020-02-30", "2021-02-29", "2020-13-01", "2020-1-01", "20-01-01", "2020-10-27x", "", "２０２０-10-27"])
    func rejectsImpossibleDates(text: String) { #expect(Day(text) == nil) }

    @Test func roundTripsAndWeekdays() throws {
        let d = try #require(Day("2020-10-27"))
        #expect(d.description == "2020-10-27")
        #expect(d.weekday == 2)  // a Tuesday
        #expect(Day("2020-02-29")?.adding(days: 1).description == "2020-03-01")
        #expect(Day("1970-01-01")?.ordinal == 0)
        #expect(Day("1994-05-12")! < Day("2020-09-27")!)
    }

    @Test func fileNameDates() {
        #expect(Snapshot.dateFromFileName("a/deepstatemap_data_20240708.geojson")?.description == "2024-07-08")
        #expect(Snapshot.dateFromFileName("front-2022-08-26.geojson")?.description == "2022-08-26")
        #expect(Snapshot.dateFromFileName("v12345678.geojson") == nil)
    }
}
