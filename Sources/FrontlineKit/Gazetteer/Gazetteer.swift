import Foundation
import GeoModel

/// The outcome of looking a name up: one place, several (never silently guessed), or none.
public enum PlaceMatch: Sendable, Equatable {
    /// Exactly one place answers the name.
    case found(Place)
    /// Several places share the name; the caller must choose.
    case ambiguous([Place])
    /// No place has the name; up to five places with similar names are suggested.
    case notFound(suggestions: [Place])
}

/// A searchable list of places. Lookup is case- and accent-insensitive and knows alternate spellings.
public struct Gazetteer: Sendable {
    /// The places, in the order given.
    public let places: [Place]
    private let byID: [String: Int]
    private let byKey: [String: [Int]]
    private let byLooseKey: [String: [Int]]

    /// Builds the indexes.
    public init(_ places: [Place]) {
        self.places = places
        var ids: [String: Int] = [:], keys: [String: [Int]] = [:], loose: [String: [Int]] = [:]
        for (i, p) in places.enumerated() {
            ids[p.id] = i
            for n in p.allNames {
                let k = Gazetteer.key(n)
                if !k.isEmpty, keys[k]?.contains(i) != true { keys[k, default: []].append(i) }
                let l = Gazetteer.looseKey(n)
                if !l.isEmpty, loose[l]?.contains(i) != true { loose[l, default: []].append(i) }
            }
        }
        byID = ids
        byKey = keys
        byLooseKey = loose
    }

    /// The place with this id.
    public func place(id: String) -> Place? { byID[id].map { places[$0] } }

    /// Looks up a name or id: exact id first, then the folded name, then a looser spelling match.
    public func lookup(_ query: String) -> PlaceMatch {
        if let p = place(id: query) { return .found(p) }
        let k = Gazetteer.key(query)
        if let hits = byKey[k] { return match(hits) }
        let l = Gazetteer.looseKey(query)
        if let hits = byLooseKey[l] { return match(hits) }
        return .notFound(suggestions: search(query, limit: 5))
    }

    private func match(_ hits: [Int]) -> PlaceMatch {
        hits.count == 1 ? .found(places[hits[0]]) : .ambiguous(hits.map { places[$0] })
    }

    /// Places whose names contain the query (folded), best first; every place for an empty query.
    public func search(_ query: String, limit: Int? = nil) -> [Place] {
        let q = Gazetteer.key(query)
        let lq = Gazetteer.looseKey(query)
        var scored: [(Int, Int)] = []
        for (i, p) in places.enumerated() {
            var best = Int.max
            for n in p.allNames {
                let k = Gazetteer.key(n), l = Gazetteer.looseKey(n)
                if q.isEmpty || k == q { best = min(best, 0) }
                else if k.hasPrefix(q) || l.hasPrefix(lq) { best = min(best, 1) }
                else if k.contains(q) || (!lq.isEmpty && l.contains(lq)) { best = min(best, 2) }
            }
            if best != Int.max { scored.append((best * 10 + p.rank, i)) }
        }
        let sorted = scored.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : places[$0.1].name < places[$1.1].name }.map { places[$0.1] }
        return limit.map { Array(sorted.prefix($0)) } ?? sorted
    }

    /// Places nearest to a position (by geodesic distance), with their distances in km.
    public func nearest(to p: Position, limit: Int, distance: (Position, Position) -> Double) -> [(place: Place, km: Double)] {
        places.map { ($0, distance(p, $0.position)) }.sorted { $0.1 < $1.1 }.prefix(limit).map { (place: $0.0, km: $0.1) }
    }

    /// The folded form of a name: lower case, no diacritics, Azerbaijani letters mapped to Latin, only letters and digits.
    public static func key(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased().unicodeScalars {
            switch ch {
            case "ə": out += "a"
            case "ı", "i", "ì", "í", "î", "ï", "İ": out += "i"
            case "ş", "ś", "š": out += "s"
            case "ç", "č", "ć": out += "c"
            case "ğ", "ǧ": out += "g"
            case "ö", "ó", "ò", "ô", "õ": out += "o"
            case "ü", "ú", "ù", "û": out += "u"
            case "ä", "á", "à", "â", "ã", "å": out += "a"
            case "é", "è", "ê", "ë", "ē": out += "e"
            case "ñ": out += "n"
            case "ž": out += "z"
            default:
                if ch.properties.generalCategory == .nonspacingMark { continue }
                if ch.properties.isAlphabetic || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A looser key for transliteration variants: kh→x, sh→s, ch→c, gh→g, zh→j, y→i, e→a, doubled letters once.
    public static func looseKey(_ s: String) -> String {
        var k = key(s)
        for (a, b) in [("kh", "x"), ("sh", "s"), ("ch", "c"), ("gh", "g"), ("zh", "j"), ("dzh", "c"), ("j", "c"), ("y", "i"), ("e", "a"), ("q", "g"), ("w", "v")] {
            k = k.replacingOccurrences(of: a, with: b)
        }
        var out = ""
        for c in k where out.last != c { out.append(c) }
        return out
    }
}

extension Gazetteer {
    /// The gazetteer with each place named in `language` where it has such a name (the English name kept as an
    /// alternate, so lookups by it still work), and how many places were renamed.
    public func localized(_ language: String) -> (Gazetteer, Int) {
        var count = 0
        let renamed = places.map { p -> Place in
            guard let local = p.names[language], !local.isEmpty, local != p.name else { return p }
            count += 1
            var q = p
            q.altNames = [p.name] + p.altNames
            q.name = local
            return q
        }
        return (Gazetteer(renamed), count)
    }
}
