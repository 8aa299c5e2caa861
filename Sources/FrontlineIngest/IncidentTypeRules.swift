import FrontlineKit
/// The type of attack a sentence describes, by its weapons and verbs.
enum IncidentTypeRules {
    static let aircraft: Set<String> = ["helicopter", "aircraft", "plane", "jet", "airliner", "warplane", "mi-24", "su-25", "mi-8", "su-24"]
    static let ordered: [(IncidentType, Set<String>, [String])] = [
        (.clusterMunitions, ["submunitions", "submunition"], ["cluster munitions", "cluster munition", "cluster bombs", "cluster bomb", "cluster rockets", "cluster missile"]),
        (.droneStrike, ["drone", "drones", "uav", "uavs", "bayraktar", "kamikaze", "loitering"], ["unmanned aerial"]),
        (.missileStrike, ["missile", "missiles", "ballistic", "scud", "iskander", "tochka", "tochka-u", "elbrus"], []),
        (.airstrike, ["airstrike", "airstrikes", "bombed", "bombing", "warplanes", "warplane", "bombers"], ["air strike", "air strikes", "air raid", "air raids", "fighter jets"]),
        (.shelling, ["shell", "shells", "shelling", "shelled", "artillery", "rocket", "rockets", "mortar", "mortars", "grad", "smerch",
                     "howitzer", "howitzers", "bombardment", "mlrs", "shellfire"], ["multiple rocket launcher"]),
        (.capture, ["captured", "seized", "retook", "recaptured", "liberated", "overran"], ["took control", "taken control", "retaken control", "regained control", "gained control"]),
        (.clashes, ["clashes", "clashed", "firefight", "skirmish", "skirmishes", "gunfight", "firefights"], ["exchange of fire", "exchanged fire"]),
    ]
    static let generic: Set<String> = [
        "attack", "attacks", "attacked", "strike", "strikes", "struck", "hit", "fired", "fire", "explosion", "blast", "shot",
        "killed", "wounded", "injured", "destroyed", "landed", "fell", "targeted", "died",
    ]

    /// The specific type named, with the word that named it.
    static func type(_ s: Sentence) -> (IncidentType, String)? {
        let words = Set(s.tokens.map(\.lower))
        if s.has("shot down") || s.has("downed") || (words.contains("shot") && words.contains("down")),
           let a = s.tokens.first(where: { aircraft.contains($0.lower) }) {
            return (.other, "\(a.text) shot down")
        }
        for (type, singles, phrases) in ordered {
            if let p = phrases.first(where: { s.has($0) }) { return (type, p) }
            if let w = s.tokens.first(where: { singles.contains($0.lower) }) { return (type, w.text) }
        }
        return nil
    }

    /// True when the sentence speaks of an attack at all.
    static func isAttack(_ s: Sentence) -> Bool {
        type(s) != nil || s.tokens.contains { generic.contains($0.lower) }
    }
}
