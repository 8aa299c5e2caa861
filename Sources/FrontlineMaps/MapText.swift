import Foundation
import FrontlineKit

/// Wording shared by the maps: dates, areas, source credits.
enum MapText {
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                         "October", "November", "December"]

    /// "27 October 2020".
    static func date(_ d: Day) -> String {
        let c = d.components
        let m = months.indices.contains(c.month - 1) ? months[c.month - 1] : String(c.month)
        return "\(c.day) \(m) \(c.year)"
    }

    /// "12,345 km²" (whole km² from 100 up, one decimal below).
    static func km2(_ v: Double) -> String {
        let places = abs(v) >= 100 || v == 0 ? 0 : 1
        let scaled = Int((abs(v) * (places == 1 ? 10 : 1)).rounded())
        var whole = String(places == 1 ? scaled / 10 : scaled)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        let sign = v < 0 && scaled != 0 ? "-" : ""
        return sign + whole + grouped + (places == 1 ? ".\(scaled % 10)" : "") + " km²"
    }

    /// A plain number for data attributes (two decimals, no grouping).
    static func number(_ v: Double, places: Int = 2) -> String { String(format: "%.\(places)f", v) }

    /// Who published the sources, shortest first-come list: URL hosts without "www.", else publisher or title.
    static func credits(_ sources: [SourceRef]) -> [String] {
        var seen = Set<String>(), out: [String] = []
        for s in sources {
            var name = s.publisher ?? s.title
            if let u = s.url, let host = URL(string: u)?.host {
                name = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
            }
            if seen.insert(name).inserted { out.append(name) }
        }
        return out
    }

    /// The attribution paragraph: base data, places, and the sources of what the map shows.
    static func attribution(dataset: String?, sources: [SourceRef], extra: [String] = []) -> String {
        var parts = ["Base map: Natural Earth (public domain)", "places: GeoNames (CC BY 4.0)"]
        if let dataset { parts.append("control: \(dataset)") }
        let c = credits(sources)
        if !c.isEmpty { parts.append("sources of the changes shown: " + c.joined(separator: ", ")) }
        parts += extra
        // Parts are joined without doubled punctuation ("….org.. Made with").
        let clean = parts.map { $0.trimmingCharacters(in: .whitespaces) }.map { p in
            var t = Substring(p)
            while let l = t.last, ".;,".contains(l) { t = t.dropLast() }
            return String(t)
        }.filter { !$0.isEmpty }
        return clean.joined(separator: "; ") + ". Made with frontline."
    }
}
