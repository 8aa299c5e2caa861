import FrontlineKit
/// A country or party named in news text: how it is written, and the dataset side it fights on, if any.
struct Actor: Hashable, Sendable {
    /// The name used in claimant strings ("Azerbaijan", "Nagorno-Karabakh").
    var name: String
    /// The dataset side id it belongs to (`azerbaijan`, `armenian`), nil for third parties.
    var side: String?
    /// ISO country code of its territory, used to pick between homonymous places.
    var iso: String?
    /// True for regions (Nagorno-Karabakh, Nakhchivan) rather than states.
    var isRegion: Bool

    /// The id written for this actor as an attacker or a claim's actor: the dataset side when it has one, else the
    /// party's own id (`russia`, `ukraine`, `syrian_government`, `hts`), as an event table from another war would name it.
    var id: String {
        if let side { return side }
        switch name {
        case "Syria": return "syrian_government"
        case "Hay'at Tahrir al-Sham": return "hts"
        case "Islamic State": return "isil"
        default: return name.lowercased().replacingOccurrences(of: " ", with: "_")
        }
    }
}

/// Names, adjectives and capitals of the parties, third countries and regions that are never incident places.
enum ActorLexicon {
    static let azerbaijan = Actor(name: "Azerbaijan", side: "azerbaijan", iso: "AZ", isRegion: false)
    static let armenia = Actor(name: "Armenia", side: "armenian", iso: "AM", isRegion: false)
    static let karabakh = Actor(name: "Nagorno-Karabakh", side: "armenian", iso: "AZ", isRegion: true)

    /// Lower-case single-token forms.
    static let forms: [String: Actor] = {
        var m: [String: Actor] = [:]
        func add(_ a: Actor, _ words: [String]) { for w in words { m[w] = a } }
        add(azerbaijan, ["azerbaijan", "azerbaijani", "azerbaijanis", "azeri", "azeris", "baku"])
        add(armenia, ["armenia", "armenian", "armenians", "yerevan"])
        add(karabakh, ["nagorno-karabakh", "karabakh", "karabakhi", "artsakh", "nagorny-karabakh", "nagorno-karabagh"])
        add(Actor(name: "Nakhchivan", side: nil, iso: "AZ", isRegion: true), ["nakhchivan", "nakhichevan", "naxçıvan"])
        add(Actor(name: "Russia", side: nil, iso: "RU", isRegion: false), ["russia", "russian", "russians", "moscow", "kremlin", "wagner"])
        add(Actor(name: "Hay'at Tahrir al-Sham", side: nil, iso: nil, isRegion: false), ["hts", "hts-led", "hay'et", "hayat", "hay'at"])
        add(Actor(name: "Islamic State", side: nil, iso: nil, isRegion: false), ["isil", "isis", "isil-held", "isis-held", "daesh"])
        add(Actor(name: "Ukraine", side: nil, iso: "UA", isRegion: false), ["ukraine", "ukrainian", "ukrainians", "kyiv", "kiev"])
        add(Actor(name: "Turkey", side: nil, iso: "TR", isRegion: false), ["turkey", "turkish", "türkiye", "ankara"])
        add(Actor(name: "United States", side: nil, iso: "US", isRegion: false), ["u.s.", "american", "americans", "washington", "usa"])
        add(Actor(name: "France", side: nil, iso: "FR", isRegion: false), ["france", "french", "paris"])
        add(Actor(name: "Iran", side: nil, iso: "IR", isRegion: false), ["iran", "iranian", "tehran"])
        add(Actor(name: "Georgia", side: nil, iso: "GE", isRegion: false), ["georgia", "georgian", "tbilisi"])
        add(Actor(name: "Israel", side: nil, iso: "IL", isRegion: false), ["israel", "israeli"])
        add(Actor(name: "Syria", side: nil, iso: "SY", isRegion: false), ["syria", "syrian"])
        add(Actor(name: "Caucasus", side: nil, iso: nil, isRegion: true), ["caucasus"])
        add(Actor(name: "Europe", side: nil, iso: nil, isRegion: true), ["europe", "european"])
        return m
    }()

    /// The actor a token names, if any.
    static func actor(_ token: Token) -> Actor? { forms[token.lower] }

    /// The actor at `i`, also for two-token names ("United States"); returns the tokens it spans.
    static func actor(in tokens: [Token], at i: Int) -> (Actor, Int)? {
        guard let t = tokens[safe: i] else { return nil }
        if t.lower == "united", tokens[safe: i + 1]?.lower == "states" {
            return (Actor(name: "United States", side: nil, iso: "US", isRegion: false), 2)
        }
        if t.lower == "nagorno", tokens[safe: i + 1]?.lower == "karabakh" { return (karabakh, 2) }
        return forms[t.lower].map { ($0, 1) }
    }

    /// Words that are capitalised but never places: months, days, media, agencies.
    static let notPlaces: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "twitter", "facebook", "telegram", "youtube", "instagram", "x", "tass", "reuters", "ap", "afp", "ria", "interfax",
        "bbc", "cnn", "god", "the", "a", "an", "he", "she", "it", "they", "we", "i", "in", "on", "at",
    ]
}
