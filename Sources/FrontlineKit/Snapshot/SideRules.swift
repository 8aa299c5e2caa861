import Foundation
import GeoModel

/// How the features of a snapshot file become sides: a property, and rules from its values (exact or regular
/// expressions) to side ids, with drop rules for features that are not control areas. `--sides FILE` reads one
/// from JSON; the DeepStateMap profile is a bundled instance (`SideRules.deepState`).
///
/// ```json
/// {"name": "my-source", "property": "name",
///  "rules": [{"match": "occupied|ordlo", "side": "occupied"},
///            {"equals": "Liberated", "drop": true, "reason": "liberated (Ukrainian-held)"},
///            {"match": "karelia", "drop": true, "reason": "satirical", "warn": true}],
///  "default": "drop", "labels": {"occupied": "Occupied"}, "credit": "…"}
/// ```
/// Rules are tried in order on the property's text (non-breaking spaces folded, trimmed); `default` is a side id,
/// `"drop"` (dropped with a warning naming the values), or `"error"` (the default: an unmatched value is an error
/// naming the feature). Points and lines are never areas.
public struct SideRules: Sendable, Hashable {
    /// One rule: an exact value or a regular expression (case-insensitive), and the side or a drop.
    public struct Rule: Sendable, Hashable {
        /// The exact value to match (case-insensitive), or nil for a pattern rule.
        public var equals: String?
        /// The regular expression to search for (case-insensitive), or nil for an exact rule.
        public var pattern: String?
        /// The side id, or nil for a drop rule.
        public var side: String?
        /// Why matching features are dropped, for the warning ("dropped by rule" when nil).
        public var reason: String?
        /// Drops are listed in one warning when true (e.g. satirical areas), counted silently otherwise.
        public var warn: Bool
        /// Creates a rule: one of `equals` and `pattern` (a rule with neither never matches), and a side or, nil, a drop.
        /// A drop's name in the warning is the first capture group of the pattern, else the value.
        public init(equals: String? = nil, pattern: String? = nil, side: String? = nil, reason: String? = nil, warn: Bool = false) {
            self.equals = equals; self.pattern = pattern; self.side = side; self.reason = reason; self.warn = warn
        }
    }

    /// What happens to a value no rule matches.
    public enum Fallback: Sendable, Hashable {
        /// The value goes to this side id.
        case side(String)
        /// The feature is dropped, with a warning naming the values.
        case drop
        /// Reading fails, naming the feature and its value (the default).
        case error
    }

    /// The mapping's name (a profile's, such as DeepState's, or the file's `name`).
    public var name: String
    /// The feature property whose value decides the side.
    public var property: String
    /// The rules, tried in order; the first match decides.
    public var rules: [Rule]
    /// What happens to a value no rule matches.
    public var fallback: Fallback
    /// Display labels by side id.
    public var labels: [String: String]
    /// A credit line for maps of this source.
    public var credit: String?
    /// The order sides are reported in.
    public var sideOrder: [String]

    /// Creates side rules; an unmatched value is an error unless `fallback` says otherwise.
    public init(name: String, property: String, rules: [Rule], fallback: Fallback = .error, labels: [String: String] = [:],
                credit: String? = nil, sideOrder: [String] = []) {
        self.name = name; self.property = property; self.rules = rules; self.fallback = fallback
        self.labels = labels; self.credit = credit; self.sideOrder = sideOrder
    }

    /// The outcome for one feature's value.
    public enum Outcome: Sendable, Hashable {
        /// The feature belongs to this side id.
        case side(String)
        /// The feature is dropped: why, the name shown in the warning, and whether it is warned about.
        case drop(reason: String, label: String, warn: Bool)
        /// No rule matched this (normalised) value and the fallback is an error.
        case unmatched(String)
    }

    /// Folds the quirks of hand-typed class names: non-breaking and repeated spaces, surrounding whitespace.
    public static func normalise(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\u{00A0}", with: " ").replacingOccurrences(of: "\u{202F}", with: " ")
        s = s.trimmingCharacters(in: .whitespacesAndNewlines)
        while s.contains("  ") { s = s.replacingOccurrences(of: "  ", with: " ") }
        return s
    }

    /// Applies the rules to a value.
    public func classify(_ raw: String) -> Outcome {
        let value = SideRules.normalise(raw)
        for r in rules {
            var label = value
            if let e = r.equals {
                guard value.compare(e, options: [.caseInsensitive]) == .orderedSame else { continue }
            } else if let p = r.pattern {
                guard let re = try? NSRegularExpression(pattern: p, options: [.caseInsensitive]),
                      let m = re.firstMatch(in: value, range: NSRange(value.startIndex..., in: value)) else { continue }
                if m.numberOfRanges > 1, let g = Range(m.range(at: 1), in: value) { label = String(value[g]) }
            } else { continue }
            if let side = r.side { return .side(side) }
            return .drop(reason: r.reason ?? "dropped by rule", label: label, warn: r.warn)
        }
        switch fallback {
        case .side(let s): return .side(s)
        case .drop: return .drop(reason: "no rule matches", label: value, warn: true)
        case .error: return .unmatched(value)
        }
    }

    /// Reads a mapping file (see the type's documentation); errors name the file and the member.
    public static func load(_ path: String) throws(FrontlineError) -> SideRules {
        let bytes = try FileIO.read(path)
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            throw .badInput(path: path, place: error.line.map { "line \($0), column \(error.column ?? 0)" } ?? "", message: error.message)
        }
        return try parse(root, path: path)
    }

    static func parse(_ root: JSONValue, path: String) throws(FrontlineError) -> SideRules {
        guard let o = root.objectValue else { throw .badInput(path: path, place: "", message: "expected a JSON object with \"property\" and \"rules\"") }
        guard let property = o["property"]?.stringValue, !property.isEmpty else {
            throw .badInput(path: path, place: "property", message: "missing: the name of the property that holds the side")
        }
        guard let list = o["rules"]?.arrayValue else { throw .badInput(path: path, place: "rules", message: "missing: an array of rules") }
        var rules: [Rule] = []
        for (i, v) in list.enumerated() {
            guard let r = v.objectValue else { throw .badInput(path: path, place: "rules[\(i)]", message: "expected an object") }
            let equals = r["equals"]?.stringValue, pattern = r["match"]?.stringValue
            guard (equals == nil) != (pattern == nil) else {
                throw .badInput(path: path, place: "rules[\(i)]", message: "give exactly one of \"equals\" and \"match\"")
            }
            if let pattern, (try? NSRegularExpression(pattern: pattern)) == nil {
                throw .badInput(path: path, place: "rules[\(i)].match", message: "not a valid regular expression: \(pattern)")
            }
            let drop = r["drop"]?.boolValue ?? false
            let side = r["side"]?.stringValue
            guard drop != (side != nil) else {
                throw .badInput(path: path, place: "rules[\(i)]", message: "give either \"side\" or \"drop\": true")
            }
            if let side, !SideRules.isSideID(side) {
                throw .badInput(path: path, place: "rules[\(i)].side", message: "side ids are lower-case identifiers (a-z, 0-9, _), got \"\(side)\"")
            }
            rules.append(Rule(equals: equals, pattern: pattern, side: side, reason: r["reason"]?.stringValue, warn: r["warn"]?.boolValue ?? drop))
        }
        var fallback = Fallback.error
        if let d = o["default"] {
            switch d.stringValue {
            case "drop"?: fallback = .drop
            case "error"?: fallback = .error
            case let s? where SideRules.isSideID(s): fallback = .side(s)
            default: throw .badInput(path: path, place: "default", message: "expected \"drop\", \"error\" or a side id")
            }
        }
        var labels: [String: String] = [:]
        for (k, v) in o["labels"]?.objectValue ?? JSONObject() { if let s = v.stringValue { labels[k] = s } }
        let order = rules.compactMap(\.side).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        return SideRules(name: o["name"]?.stringValue ?? (path as NSString).lastPathComponent, property: property, rules: rules,
                         fallback: fallback, labels: labels, credit: o["credit"]?.stringValue, sideOrder: order)
    }

    /// Lower-case identifiers: `azerbaijan`, `russian_peacekeeping`.
    public static func isSideID(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.allSatisfy { (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }
    }
}

extension SideRules {
    /// DeepStateMap's raw exports: `name` = "uk /// en /// geoJSON.<key>" (or older "uk /// en", or Ukrainian only).
    /// occupied + ORDLO + Crimea + Tuzla are `occupied`; unknown status is `unknown`; liberated ("dismissed") areas
    /// are Ukrainian-held and dropped; the satirical areas far outside the theatre are dropped with one warning.
    public static let deepState: SideRules = {
        let satirical = ["transnistria", "abkhazia", "tskhinvali-district", "tskhinvali", "prussia", "karelia", "ichkeria", "kuril",
                         "petsamo", "salla", "estonia", "latvia", "pechorsky-district", "pechorsky"]
        let satiricalPattern = "geoJSON\\s*\\.\\s*territories\\s*\\.\\s*(" + satirical.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|") + ")"
        return SideRules(
            name: "deepstate", property: "name",
            rules: [
                Rule(pattern: satiricalPattern, reason: "satirical area outside the theatre", warn: true),
                Rule(pattern: "geoJSON\\s*\\.\\s*status\\s*\\.\\s*occupied", side: "occupied"),
                Rule(pattern: "geoJSON\\s*\\.\\s*territories\\s*\\.\\s*(ordlo|crimea|tuzla)", side: "occupied"),
                Rule(pattern: "geoJSON\\s*\\.\\s*status\\s*\\.\\s*unknown", side: "unknown"),
                Rule(pattern: "geoJSON\\s*\\.\\s*status\\s*\\.\\s*dismissed", reason: "liberated (Ukrainian-held)", warn: false),
                // Older files: no key, "uk /// en" or Ukrainian only.
                Rule(pattern: "^\\s*(Окуповано|ОРДЛО|ОРДЛ|Крим|Тузла)|///\\s*(Occupied|ORDLO|Crimea|Tuzla)\\b", side: "occupied"),
                Rule(pattern: "^\\s*Під питанням|///\\s*(Unknown|Status unknown|Unknown status)", side: "unknown"),
                Rule(pattern: "^\\s*Звільнено|///\\s*(Liberated|Deoccupied)", reason: "liberated (Ukrainian-held)", warn: false),
                Rule(pattern: "^\\s*(Occupied|ORDLO|Crimea)\\s*$", side: "occupied"),
                Rule(pattern: "^\\s*(Unknown|Unknown status)\\s*$", side: "unknown"),
                Rule(pattern: "^\\s*(Liberated)\\s*$", reason: "liberated (Ukrainian-held)", warn: false),
            ],
            fallback: .drop,
            labels: ["occupied": "Occupied by Russia", "unknown": "Unknown status"],
            credit: "DeepStateMap.Live",
            sideOrder: ["occupied", "unknown"])
    }()

    /// True when a collection looks like a raw DeepStateMap export (its class names), so the profile applies.
    public static func looksLikeDeepState(_ fc: FeatureCollection) -> Bool {
        var hits = 0
        for f in fc.features.prefix(2000) {
            guard let n = f.properties["name"]?.stringValue else { continue }
            if n.contains("geoJSON.status.") || n.contains("geoJSON.territories.") || n.contains("Окуповано") || n.contains("Під питанням") || n.contains("Звільнено") {
                hits += 1
                if hits >= 1 { return true }
            }
        }
        return false
    }

    /// The bundled profiles by name.
    public static func profile(named name: String) -> SideRules? {
        name.lowercased() == "deepstate" ? deepState : nil
    }
}
