import Foundation
import Testing
import TestSupport

/// `frontline site`: one self-contained page, opened in headless Chromium at a date hash; the DOM must show that
/// date's figures as `control` gives them, data text must stay text, and the policy must allow no other origin.
@Suite(.serialized) struct SiteTests {
    /// The areas table of a rendered page: side → km² (from `<tr data-side=… data-km2=…>`).
    func areas(_ dom: String) -> [String: Double] {
        var out: [String: Double] = [:]
        let pattern = try! NSRegularExpression(pattern: #"<tr[^>]*data-side="([^"]+)"[^>]*data-km2="([-0-9.e]+)""#)
        for m in pattern.matches(in: dom, range: NSRange(dom.startIndex..., in: dom)) {
            if let s = Range(m.range(at: 1), in: dom), let v = Range(m.range(at: 2), in: dom) { out[String(dom[s])] = Double(dom[v]) }
        }
        return out
    }

    func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    func controlKm2(_ args: [String]) throws -> [String: Double] {
        let r = try CLI.run(["control", "--format", "json"] + args)
        #expect(r.status == 0, "\(r.stderr)")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        var out: [String: Double] = [:]
        for s in o["sides"] as? [[String: Any]] ?? [] { if let id = s["side"] as? String, let km2 = s["area_km2"] as? Double { out[id] = km2 } }
        return out
    }

    @Test func datasetPageOpensAtTheDateInItsHash() throws {
        let dir = try CLI.tempDir()
        let site = dir.appendingPathComponent("site")
        let r = try CLI.run(["site", "-o", site.path])
        #expect(r.status == 0, "\(r.stderr)")
        let index = site.appendingPathComponent("index.html")
        let html = try String(contentsOf: index, encoding: .utf8)
        #expect(html.utf8.count < 2_000_000, "the Karabakh page is \(html.utf8.count) bytes (budget 2 MB)")
        // A policy that allows nothing from anywhere but the page's own hashed script.
        let meta = try #require(html.range(of: #"http-equiv="Content-Security-Policy" content="[^"]*""#, options: .regularExpression).map { String(html[$0]) })
        let csp = String(meta.dropFirst(#"http-equiv="Content-Security-Policy" content=""#.count))
        #expect(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-") && !csp.contains("http") && !csp.contains("*"))
        #expect(!html.contains("src=\"http"), "nothing is loaded from another origin")
        // Incident days are dates of the page, not only the change dates.
        #expect(html.contains("\"2020-10-27\"") && html.contains("\"2020-10-28\""))

        guard let chromium = Chromium.path else {
            print("skipped: headless Chromium is not installed (apt-get install chromium-headless-shell)")
            return
        }
        let expected = try controlKm2(["--date", "2020-10-27"])
        var url = URLComponents(url: index, resolvingAgainstBaseURL: false)!
        url.fragment = "2020-10-27"
        let (dom, log) = try Chromium.dumpDOM(url.url!, using: chromium)
        #expect(dom.contains("data-ready=\"1\""), "the page's script ran: \(log.suffix(800))")
        #expect(dom.contains("data-date=\"2020-10-27\""))
        #expect(count("id=\"map\"", in: dom) == 1 && count("id=\"map-view\"", in: dom) == 1, "no duplicate ids between the page and its map")
        #expect(!log.contains("Content Security Policy"), "no CSP refusal: \(log.suffix(800))")
        let shown = areas(dom)
        #expect(Set(shown.keys) == Set(expected.keys), "\(shown)")
        for (side, km2) in expected { #expect(abs((shown[side] ?? -1) - km2) <= 0.06, "\(side): page \(shown[side] ?? -1), control \(km2)") }
        // That day's map (its own title) and incidents (the Barda strike).
        #expect(dom.contains("Control on 27 October 2020"))
        #expect(dom.contains("Barda") && dom.contains("missile strike"))
        // An earlier date through the hash: the state of 1994.
        url.fragment = "2000-01-01"
        let (old, _) = try Chromium.dumpDOM(url.url!, using: chromium)
        #expect(old.contains("data-date=\"1994-05-12\""), "a hash between dates shows the latest date on or before it")
        #expect(abs((areas(old)["armenian"] ?? 0) - 11_926.8) < 0.1)

        // A screenshot that is not blank (a white page compresses to a few KB), and one at phone width.
        url.fragment = "2020-11-10"
        let wide = try Chromium.screenshot(url.url!, using: chromium, width: 1400, height: 1000)
        #expect(wide.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]) && wide.count > 60_000, "screenshot of \(wide.count) bytes")
        let phone = try Chromium.screenshot(url.url!, using: chromium, width: 390, height: 844)
        #expect(phone.count > 20_000, "phone screenshot of \(phone.count) bytes")
    }

    /// Place names and incident text from data cannot break out of the page: `</script><script>alert(1)</script>`
    /// stays text in the JSON block, in the SVG and in the DOM.
    @Test func hostileDataTextStaysText() throws {
        let dir = try CLI.tempDir()
        let data = dir.appendingPathComponent("geodata")
        try FileManager.default.copyItem(at: TestPaths.geodata, to: data)
        let hostile = "</script><script>alert(1)</script>"
        // A place of that name in the study area, and an incident claimed by it.
        let placesURL = data.appendingPathComponent("places.json")
        var places = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: placesURL)) as? [String: Any])
        var list = try #require(places["places"] as? [[String: Any]])
        list.append(["id": "hostile", "name": hostile, "kind": "town", "rank": 1, "country": "AZ", "lat": 40.2, "lon": 47.4, "population": 5000])
        places["places"] = list
        try JSONSerialization.data(withJSONObject: places).write(to: placesURL)
        let incidentsURL = data.appendingPathComponent("incidents.json")
        var incidents = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: incidentsURL)) as? [String: Any])
        var items = try #require(incidents["incidents"] as? [[String: Any]])
        let barda = try #require(items.firstIndex { ($0["id"] as? String) == "2020-10-27-barda-missile" })
        items[barda]["claimant"] = hostile
        incidents["incidents"] = items
        try JSONSerialization.data(withJSONObject: incidents).write(to: incidentsURL)

        let site = dir.appendingPathComponent("site")
        let r = try CLI.run(["site", "--data", data.path, "--from", "2020-10-20", "--to", "2020-10-28", "-o", site.path])
        #expect(r.status == 0, "\(r.stderr)")
        let html = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(count("<script", in: html) == 2, "only the data block and the page's script")
        #expect(!html.contains("alert(1)</script>"))
        #expect(html.contains(#"\u003c/script\u003e\u003cscript\u003ealert(1)"#), "escaped in the JSON block")

        guard let chromium = Chromium.path else {
            print("skipped: headless Chromium is not installed")
            return
        }
        var url = URLComponents(url: site.appendingPathComponent("index.html"), resolvingAgainstBaseURL: false)!
        url.fragment = "2020-10-27"
        let (dom, log) = try Chromium.dumpDOM(url.url!, using: chromium)
        #expect(dom.contains("data-ready=\"1\""), "\(log.suffix(500))")
        #expect(count("<script", in: dom) == 2, "no script element was injected")
        #expect(dom.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the claimant and the place show as text")
    }

    @Test func snapshotArchivePageAnswersAsOfItsSnapshot() throws {
        let files = TestPaths.deepStateFiles
        guard files.count > 10, let folder = files.first?.deletingLastPathComponent() else {
            print("skipped: ../shared/data/deepstate-ua is not present")
            return
        }
        let dir = try CLI.tempDir()
        let site = dir.appendingPathComponent("ua")
        let r = try CLI.run(["site", folder.path, "--from", "2025-01-01", "--to", "2025-02-28", "--credit", "DeepStateMap.Live", "-o", site.path])
        #expect(r.status == 0, "\(r.stderr)")
        guard let chromium = Chromium.path else {
            print("skipped: headless Chromium is not installed")
            return
        }
        // 2025-01-20 is not a snapshot date: the page shows the latest snapshot on or before it, as control does.
        let control = try CLI.run(["control", "--snapshots", folder.path, "--date", "2025-01-20", "--format", "json"])
        let o = try #require(try JSONSerialization.jsonObject(with: Data(control.stdout.utf8)) as? [String: Any])
        let asOf = try #require(o["as_of"] as? String)
        let expected = try controlKm2(["--snapshots", folder.path, "--date", "2025-01-20"])
        var url = URLComponents(url: site.appendingPathComponent("index.html"), resolvingAgainstBaseURL: false)!
        url.fragment = "2025-01-20"
        let (dom, log) = try Chromium.dumpDOM(url.url!, using: chromium)
        #expect(dom.contains("data-ready=\"1\""), "\(log.suffix(500))")
        #expect(dom.contains("data-date=\"\(asOf)\""), "the page's date is the snapshot's, \(asOf)")
        let shown = areas(dom)
        for (side, km2) in expected { #expect(abs((shown[side] ?? -1) - km2) <= 0.06, "\(side): page \(shown[side] ?? -1), control \(km2)") }
        #expect(dom.contains("DeepStateMap"), "the source's credit")
    }

    @Test func outputFolderRules() throws {
        let dir = try CLI.tempDir()
        let noOutput = try CLI.run(["site"])
        #expect(noOutput.status == 64 && noOutput.stderr.contains("-o DIR"), "\(noOutput.stderr)")
        let file = dir.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: file)
        let onFile = try CLI.run(["site", "-o", file.path])
        #expect(onFile.status == 73 && onFile.stderr.contains("not a folder"), "\(onFile.stderr)")
        let missingParent = try CLI.run(["site", "-o", dir.appendingPathComponent("no/such").path])
        #expect(missingParent.status == 73 && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("no").path), "\(missingParent.stderr)")
        // An existing page is replaced only with --force.
        let site = dir.appendingPathComponent("s")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.appendingPathComponent("index.html"))
        let kept = try CLI.run(["site", "-o", site.path])
        let oldPage = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(kept.status == 73 && oldPage == "old", "\(kept.stderr)")
        let before = try CLI.run(["site", "--from", "1990-01-01", "-o", dir.appendingPathComponent("early").path])
        #expect(before.status == 64 && before.stderr.contains("1990-01-01 is before"), "\(before.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("early").path), "no folder left behind")
    }
}
