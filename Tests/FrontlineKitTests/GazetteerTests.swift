import FrontlineKit
import GeoModel
import TestSupport
import Testing

@Suite struct GazetteerTests {
    let g = Gazetteer([
        Place(id: "stepanakert", name: "Stepanakert", position: Position(lat: 39.8177, lon: 46.7528),
              names: ["az": "Xankəndi", "hy": "Ստեփանակերտ", "ru": "Степанакерт"], altNames: ["Khankendi"]),
        Place(id: "shusha", name: "Shusha", position: Position(lat: 39.76006, lon: 46.74989), names: ["az": "Şuşa"], altNames: ["Shushi"]),
        Place(id: "martuni", name: "Martuni", country: "AZ", position: Position(lat: 39.79496, lon: 47.1117)),
        Place(id: "martuni-am", name: "Martuni", country: "AM", position: Position(lat: 40.14, lon: 45.30)),
    ])

    @Test(arguments: [("Xankəndi", "stepanakert"), ("xankendi", "stepanakert"), ("KHANKENDI", "stepanakert"), ("Xankendi", "stepanakert"),
                      ("Şuşa", "shusha"), ("susa", "shusha"), ("Shushi", "shusha"), ("Степанакерт", "stepanakert"), ("stepanakert", "stepanakert")])
    func resolvesSpellings(query: String, id: String) {
        guard case .found(let p) = g.lookup(query) else { Issue.record("\(query) not found"); return }
        #expect(p.id == id)
    }

    @Test func reportsAmbiguityInsteadOfGuessing() {
        guard case .ambiguous(let ps) = g.lookup("Martuni") else { Issue.record("expected ambiguous"); return }
        #expect(Set(ps.map(\.id)) == ["martuni", "martuni-am"])
        if case .found(let p) = g.lookup("martuni-am") { #expect(p.country == "AM") } else { Issue.record("id lookup") }
    }

    @Test func unknownNamesSuggest() {
        guard case .notFound(let s) = g.lookup("Kharkiv") else { Issue.record("expected notFound"); return }
        #expect(s.isEmpty)
        guard case .notFound(let s2) = g.lookup("Stepan") else { Issue.record("expected notFound"); return }
        #expect(s2.first?.id == "stepanakert")
    }

    @Test func bundledGazetteerHasTheSourcesTowns() throws {
        let gz = try Gazetteer.load(TestPaths.geodata.appendingPathComponent("places.json").path)
        #expect(gz.places.count >= 40)
        for name in ["Barda", "Stepanakert", "Shusha", "Aghdam", "Fuzuli", "Jabrayil", "Zangilan", "Qubadli", "Lachin", "Kalbajar", "Hadrut",
                     "Khojavend", "Martakert", "Khojaly", "Askeran", "Tartar", "Ganja", "Mingachevir", "Horadiz", "Beylagan", "Aghjabadi",
                     "Yevlakh", "Goranboy", "Baku", "Yerevan", "Goris", "Kapan", "Vardenis", "Berdzor", "Aghdara", "Xocalı", "Sugovushan", "Madagiz"] {
            switch gz.lookup(name) {
            case .found: break
            case .ambiguous(let ps): Issue.record("\(name) is ambiguous: \(ps.map(\.id))")
            case .notFound: Issue.record("\(name) is not in the gazetteer")
            }
        }
        // Karabakh's Martuni and Armenia's namesake: reported, never guessed.
        guard case .ambiguous(let ps) = gz.lookup("Martuni") else { Issue.record("Martuni should be ambiguous"); return }
        #expect(Set(ps.compactMap(\.country)) == ["AZ", "AM"])
    }
}
