import Foundation
import FrontlineKit
import FrontlineMaps
import GeoModel
import MapRender
import Testing
import TestSupport

/// Structural checks on the real maps of the bundled dataset and of the DeepState snapshots.
@Suite(.serialized) struct FrontlineMapsTests {
    static let dataset: Dataset? = try? Dataset.load(root: TestPaths.geodata.path)

    func load() throws -> (Dataset, ControlHistory) {
        let d = try #require(Self.dataset, "the bundled dataset in geodata/ must load")
        return (d, try d.timeline.history())
    }

    @Test func stateMapOfTheBardaStrike() throws {
        let (dataset, history) = try load()
        let incidents = try MapIncident.load(dataset: dataset)
        let spec = try StateMap.spec(dataset: dataset, history: history, date: Day("2020-10-27").map { $0 } ?? Day(ordinal: 0), incidents: incidents)
        let svg = try MapMaker.svg(spec, options: MapOptions())
        #expect(svg.utf8.count < 250_000, "the full Karabakh map is \(svg.utf8.count) bytes")
        let doc = try XMLCheck(svg)
        #expect(doc.duplicateIDs.isEmpty)
        let sides = doc.attributes(of: "path").filter { $0["data-side"] != nil && $0["class"]?.hasPrefix("side-") == true }
        #expect(Set(sides.compactMap { $0["data-side"] }) == ["azerbaijan", "armenian"])
        #expect(sides.allSatisfy { $0["data-date"] == "2020-10-27" && Double($0["data-area_km2"] ?? "") != nil })
        // The Barda strike, its town labelled beside it, the front line, the former oblast, districts and a scale bar.
        let markers = doc.attributes(of: "circle").filter { $0["class"] == "incident" }
        #expect(markers.contains { $0["id"] == "marker-2020-10-27-barda-missile" && $0["data-killed"] == "4" })
        #expect(doc.elements.contains { $0.attributes["id"] == "label-barda" })
        for id in ["layer-front-line", "layer-nkao", "layer-districts", "layer-claimed-azerbaijan", "scale-bar", "legend", "attribution"] {
            #expect(doc.elements.contains { $0.attributes["id"] == id }, "missing \(id)")
        }
        #expect(svg.contains("Natural Earth") && svg.contains("GeoNames") && svg.contains("azernews.az"))
    }

    @Test func labelsNeverOverlap() throws {
        let (dataset, history) = try load()
        let spec = try StateMap.spec(dataset: dataset, history: history, date: Day(ordinal: Day("2020-11-10")?.ordinal ?? 0))
        let doc = try XMLCheck(try MapMaker.svg(spec, options: MapOptions()))
        // Rebuild each label's box from its anchor and estimated width, as the placer does, and test every pair.
        let style = MapStyle.standard
        var boxes: [(String, Rect)] = []
        for e in doc.elements where e.name == "text" && (e.attributes["class"] ?? "").hasPrefix("label-") {
            guard let x = Double(e.attributes["x"] ?? ""), let y = Double(e.attributes["y"] ?? ""), let id = e.attributes["id"],
                  let cls = e.attributes["class"] else { continue }
            var size = style.districtLabelSize, factor = 1.0
            if cls.hasPrefix("label-country") { size = style.countryLabelSize; factor = 1.2 }
            for r in 1...4 where cls.hasPrefix("label-\(r)") { size = style.labelSizes[r - 1] }
            let w = TextMetrics.width(e.text, size: size) * factor
            let left = e.attributes["text-anchor"] == "end" ? x - w : e.attributes["text-anchor"] == "middle" ? x - w / 2 : x
            boxes.append((id, Rect(x: left, y: y - size * 0.78, width: w, height: size).inset(by: 0.5)))
        }
        #expect(boxes.count > 30)
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                #expect(!a.1.intersects(b.1), "labels \(a.0) and \(b.0) overlap")
            }
        }
    }

    @Test func changeMapShowsGainsAndSettlements() throws {
        let (dataset, history) = try load()
        let spec = try ChangeMap.spec(dataset: dataset, history: history, from: Day(year: 2020, month: 9, day: 27) ?? Day(ordinal: 0),
                                      to: Day(year: 2020, month: 12, day: 1) ?? Day(ordinal: 0))
        let svg = try MapMaker.svg(spec, options: MapOptions())
        #expect(svg.utf8.count < 250_000)
        let doc = try XMLCheck(svg)
        // Gains are drawn per kind: confirmed captures and handovers under the 2020-11-10 statement apart.
        let gains = doc.attributes(of: "path").filter { ($0["class"] ?? "").hasPrefix("gain-") && ($0["class"] ?? "").hasSuffix("azerbaijan") }
        #expect(gains.contains { $0["class"] == "gain-handover-azerbaijan" } && gains.contains { $0["class"] == "gain-azerbaijan" })
        #expect(!gains.isEmpty)
        let gained = gains.compactMap { Double($0["data-area_km2"] ?? "") }.reduce(0, +)
        #expect(gained > 5_000 && gained < 12_000, "gained \(gained) km²")
        // The legend carries the km² figure, and Shusha is highlighted as taken.
        #expect(doc.text.contains { $0.hasPrefix("Gained by Azerbaijan, confirmed: ") && $0.hasSuffix("km²") })
        #expect(doc.text.contains { $0.hasPrefix("Handed over to") })
        #expect(doc.attributes(of: "circle").contains { $0["id"] == "place-shusha" && $0["class"] == "changed-azerbaijan" })
    }

    @Test func deepStateSnapshotsMapAlone() throws {
        let files = TestPaths.deepStateFiles
        guard files.count >= 2, let first = files.first, let last = files.last else {
            print("skipped: ../shared/data/deepstate-ua is not present")
            return
        }
        let a = try Snapshot.load(first.path), b = try Snapshot.load(last.path)
        let one = try MapMaker.svg(try SnapshotMap.spec(a), options: MapOptions())
        let doc = try XMLCheck(one)
        #expect(doc.attributes(of: "path").contains { $0["data-side"] == "occupied" })
        let diff = try ControlDiff.between(a.state, b.state, sides: a.sides, implicitSide: Snapshot.other,
                                           options: ControlDiff.Options(sliverWidthMetres: 30, minAreaKm2: 0.005))
        let change = try MapMaker.svg(try SnapshotMap.changeSpec(a, b, diff: diff, sides: a.sides), options: MapOptions())
        let cdoc = try XMLCheck(change)
        #expect(cdoc.attributes(of: "path").contains { $0["class"] == "gain-occupied" })
        #expect(cdoc.text.contains { $0.hasPrefix("Newly occupied: ") })
    }

    @Test func rendersThroughRsvg() throws {
        guard let rsvg = Rsvg.path else {
            print("skipped: rsvg-convert is not installed (apt-get install librsvg2-bin)")
            return
        }
        let (dataset, history) = try load()
        let spec = try StateMap.spec(dataset: dataset, history: history, date: Day(year: 2023, month: 1, day: 1) ?? Day(ordinal: 0))
        let png = try Rsvg.render(try MapMaker.svg(spec, options: MapOptions()), using: rsvg, width: 600)
        #expect(png.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    }

    @Test func projectionChoices() throws {
        let c = Position(lon: 46.5, lat: 40)
        let laea = try PROJMapProjection(crs: nil, center: c)
        let p = try #require(laea.forward(c))
        #expect(abs(p.x) < 1e-6 && abs(p.y) < 1e-6)
        // LAEA and the stereographic are both true to scale at their centre.
        for proj in [laea, try PROJMapProjection(crs: "stere", center: c)] {
            let k = try #require(LocalScale.planeUnitsPerMetre(proj, at: c))
            #expect(abs(k - 1) < 1e-3)
        }
        #expect(throws: FrontlineError.self) { try PROJMapProjection(crs: "+proj=nonsense", center: c) }
        #expect(throws: FrontlineError.self) { try MapOptions.parseBBox("48,38,44,41") }
        #expect(try MapOptions.parseBBox("44.5,38.5,48.5,41.5").west == 44.5)
    }
}
