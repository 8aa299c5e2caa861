@testable import FrontlineIngest
import FrontlineKit
import GeoModel
import Testing

/// The ingest rules one by one, table-driven.
@Suite struct IngestRuleTests {
    static let gazetteer = Gazetteer([
        Place(id: "barda", name: "Barda", country: "AZ", district: "barda", position: Position(lon: 47.126, lat: 40.376), altNames: ["Berda", "Bərdə"]),
        Place(id: "tartar", name: "Tartar", country: "AZ", position: Position(lon: 46.93, lat: 40.34), altNames: ["Terter", "Tərtər"]),
        Place(id: "stepanakert", name: "Stepanakert", country: "AZ", position: Position(lon: 46.75, lat: 39.82), altNames: ["Khankendi", "Xankəndi"]),
        Place(id: "martuni", name: "Martuni", country: "AZ", position: Position(lon: 47.15, lat: 39.79)),
        Place(id: "martuni-am", name: "Martuni", country: "AM", position: Position(lon: 45.30, lat: 40.14)),
    ])

    @Test(arguments: [
        ("four", 4, 4, 4), ("Twelve", 12, 12, 12), ("1,009", 1009, 1009, 1009), ("twenty-one", 21, 21, 21),
        ("two hundred", 200, 200, 200), ("a dozen", 12, 12, 12), ("about a dozen", 12, -1, -1), ("more than 40", 40, 40, -1),
        ("at least 10", 10, 10, -1), ("nearly 300", 300, -1, 300), ("close to 5,000", 5000, -1, 5000), ("dozens", 12, 12, -1),
        ("hundreds", 100, 100, -1), ("tens", 10, 10, -1), ("between 10 and 15", 10, 10, 15), ("10 to 15", 10, 10, 15),
    ])
    func numbers(_ text: String, _ best: Int, _ low: Int, _ high: Int) throws {
        let n = try #require(NumberWords.parse(ReportText.tokens(text), at: 0), "\(text)")
        #expect(n.count.best == best)
        #expect(n.count.low == (low < 0 ? nil : low), "\(text) low")
        #expect(n.count.high == (high < 0 ? nil : high), "\(text) high")
    }

    @Test func notNumbers() {
        for text in ["1.4 million", "the", "Barda"] {
            let t = ReportText.tokens(text)
            let n = NumberWords.parse(t, at: 0)
            #expect(n == nil || CasualtyRules.isUnit(t[safe: n?.end ?? 0]) || text.hasPrefix("1.4"), "\(text)")
        }
    }

    @Test func sentencesKnowAbbreviations() {
        let s = ReportText.sentences("Azerbaijan on Oct. 27 said that Armenia fired. U.S. Secretary of State Mike Pompeo spoke to Mr. Aliyev at 2 a.m. on Monday. It was late.")
        #expect(s == ["Azerbaijan on Oct. 27 said that Armenia fired.", "U.S. Secretary of State Mike Pompeo spoke to Mr. Aliyev at 2 a.m. on Monday.", "It was late."])
    }

    @Test func tokensKeepNumbersHyphensAndPossessives() {
        #expect(ReportText.tokens("Nagorno-Karabakh's 1,009 troops, U.S. aid").map(\.text) == ["Nagorno-Karabakh", "'s", "1,009", "troops", ",", "U.S.", "aid"])
        #expect(ReportText.tokens("haven’t").map(\.text) == ["haven't"])
    }

    static let report = Day(year: 2020, month: 10, day: 30)!  // a Friday

    @Test(arguments: [
        ("fired on Oct. 28 at the town", "2020-10-28", "day"),
        ("on October 27, 2020 a missile", "2020-10-27", "day"),
        ("On 15 October, artillery", "2020-10-15", "day"),
        ("shelled on Tuesday", "2020-10-27", "day"),
        ("early on Friday", "2020-10-30", "day"),
        ("yesterday", "2020-10-29", "day"),
        ("overnight", "2020-10-30", "day"),
        ("the ombudsman said last week", "2020-10-19", "week"),
        ("three days ago", "2020-10-27", "day"),
        ("last month", "2020-09-01", "month"),
        ("on Dec. 30", "2019-12-30", "day"),
    ])
    func dates(_ text: String, _ expected: String, _ precision: String) throws {
        let m = try #require(DateRules.mentions(in: ReportText.tokens(text)).first, "\(text)")
        let (d, p) = try #require(m.resolve(reportDate: Self.report))
        #expect(d.description == expected, "\(text)")
        #expect(p.rawValue == precision)
    }

    @Test(arguments: [
        ("said on Friday that shells fell", DateRole.statement),
        ("since the fighting began on Sept. 27", .periodStart),
        ("which began Sept. 27", .periodStart),
        ("a ceasefire meant to take hold at midday on Saturday", .background),
        ("shells fell on Thursday", .event),
    ])
    func dateRoles(_ text: String, _ role: DateRole) throws {
        let m = try #require(DateRules.mentions(in: ReportText.tokens(text)).first)
        #expect(m.role == role, "\(text)")
    }

    struct CasualtyCase: Sendable, CustomStringConvertible {
        var text: String
        var killed: [CasualtyCategory: Int]
        var wounded: [CasualtyCategory: Int]
        var description: String { text }
    }

    @Test(arguments: [
        CasualtyCase(text: "four civilians killed in Armenian missile attack", killed: [.civilian: 4], wounded: [:]),
        CasualtyCase(text: "a toddler was among the dead and that 10 people were wounded", killed: [:], wounded: [.unknown: 10]),
        CasualtyCase(text: "killing seven civilians and wounding 33", killed: [.civilian: 7], wounded: [.civilian: 33]),
        CasualtyCase(text: "killed two soldiers and three civilians and wounded about a dozen people", killed: [.military: 2, .civilian: 3], wounded: [.unknown: 12]),
        CasualtyCase(text: "Twelve people were killed and more than 40 injured", killed: [.unknown: 12], wounded: [.unknown: 40]),
        CasualtyCase(text: "killing a civilian driver and wounding two passengers", killed: [.civilian: 1], wounded: [.unknown: 2]),
        CasualtyCase(text: "Two more civilians died in Shushi", killed: [.civilian: 2], wounded: [:]),
        CasualtyCase(text: "killing two crew members and wounding a third", killed: [.military: 2], wounded: [.military: 1]),
        CasualtyCase(text: "some 40 kilometres from the border for three days in 2020", killed: [:], wounded: [:]),
        CasualtyCase(text: "40 more of its soldiers had been killed", killed: [:], wounded: [:]),
        CasualtyCase(text: "One soldier was killed and two were injured", killed: [.military: 1], wounded: [.military: 2]),
        CasualtyCase(text: "dozens of people were wounded", killed: [:], wounded: [.unknown: 12]),
    ])
    func casualties(_ c: CasualtyCase) {
        let ms = CasualtyRules.mentions(in: ReportText.tokens(c.text), militaryContext: true).filter { !$0.isAmong && !$0.isIncrement }
        var killed: [CasualtyCategory: Int] = [:], wounded: [CasualtyCategory: Int] = [:]
        for m in ms {
            if m.measure == .killed { killed[m.category ?? .unknown, default: 0] += m.count.best }
            if m.measure == .wounded { wounded[m.category ?? .unknown, default: 0] += m.count.best }
        }
        #expect(killed == c.killed, "\(c.text)")
        #expect(wounded == c.wounded, "\(c.text)")
    }

    @Test(arguments: [
        ("Shells hit the town of Terter on Monday.", "tartar", 1),
        ("A missile hit a village in its Barda district.", "barda", 2),
        ("Artillery destroyed a launcher near Xankəndi.", "stepanakert", 2),
        ("Rockets fell on Berda overnight.", "barda", 1),
        ("Shelling in the Barda region killed two.", "barda", 3),
    ])
    func places(_ text: String, _ id: String, _ precision: Int) throws {
        let p = try #require(PlaceRules.mentions(in: ReportText.tokens(text), gazetteer: Self.gazetteer).first, "\(text)")
        guard case .found(let place) = p.resolution else { Issue.record("\(text): \(p.resolution)"); return }
        #expect(place.id == id)
        #expect(p.precision == precision, "\(text)")
    }

    @Test func unknownAndAmbiguousPlacesAreNotGuessed() {
        let k = PlaceRules.mentions(in: ReportText.tokens("A missile hit a building in central Kharkiv."), gazetteer: Self.gazetteer)
        #expect(k.map(\.name) == ["Kharkiv"] && k.first?.resolution == .unresolved)
        let m = PlaceRules.mentions(in: ReportText.tokens("Shells landed near Martuni on Friday."), gazetteer: Self.gazetteer)
        if case .ambiguous(let ps) = m.first?.resolution { #expect(ps.count == 2) } else { Issue.record("Martuni not ambiguous") }
        // A country named as the location decides.
        let a = PlaceRules.mentions(in: ReportText.tokens("Shells landed near Martuni in Armenia on Friday."), gazetteer: Self.gazetteer)
        if case .found(let p) = a.first?.resolution { #expect(p.id == "martuni-am") } else { Issue.record("Martuni in Armenia not resolved") }
        // Countries, regions, media and months are never places.
        let none = PlaceRules.mentions(in: ReportText.tokens("He said on Twitter that shells fell in Nagorno-Karabakh and in Armenia in October."), gazetteer: Self.gazetteer)
        #expect(none.isEmpty, "\(none.map(\.name))")
    }

    @Test(arguments: [
        ("Azerbaijani presidential aide Hikmet Hajiyev", "Azerbaijan: presidential aide Hikmet Hajiyev"),
        ("Azerbaijan's prosecutor general's office", "Azerbaijan: Prosecutor General's Office"),
        ("the Armenian defence ministry", "Armenia: Ministry of Defence"),
        ("A spokeswoman for the Armenian defence ministry", "Armenia: Ministry of Defence"),
        ("Russian President Vladimir Putin", "Russia: President Vladimir Putin"),
        ("Human Rights Watch", "Human Rights Watch"),
        ("Nagorno-Karabakh officials", "Nagorno-Karabakh: officials"),
        ("Baku", "Azerbaijan"),
        ("Hours later Azerbaijan's foreign ministry", "Azerbaijan: Ministry of Foreign Affairs"),
    ])
    func claimants(_ np: String, _ label: String) throws {
        let c = try #require(Claimants.claimant(ReportText.tokens(np), region: ActorLexicon.karabakh, fallback: nil, previous: []))
        #expect(c.label == label)
    }

    @Test func attackersAreAgentsNotTargets() {
        func side(_ s: String) -> String? { AttributionRules.attacker(ReportText.tokens(s))?.actor?.side }
        #expect(side("killing seven, the office said, blaming Armenian forces") == "armenian")
        #expect(side("a missile fired by Armenian forces hit Ganja") == "armenian")
        #expect(side("Azerbaijani shelling in the Martakert district") == "azerbaijan")
        #expect(side("its artillery had destroyed an Armenian multiple rocket launcher") == nil)
        #expect(AttributionRules.attacker(ReportText.tokens("A Russian missile hit the building"))?.actor?.name == "Russia")
    }

    @Test func denialsAndNonDenials() {
        #expect(AttributionRules.denial(ReportText.tokens("Baku rejected the claim, saying its forces target only military positions.")) != nil)
        #expect(AttributionRules.denial(ReportText.tokens("Armenia's defence ministry has denied both attacks.")) != nil)
        #expect(AttributionRules.denial(ReportText.tokens("Azerbaijan denied targeting civilians.")) != nil)
        #expect(AttributionRules.denial(ReportText.tokens("There was no immediate comment from Yerevan.")) == nil)
        #expect(AttributionRules.denial(ReportText.tokens("Moscow says it is not targeting civilians.")) == nil)
        #expect(AttributionRules.denial(ReportText.tokens("Armenia rejected calls for a ceasefire.")) == nil)
    }
}
