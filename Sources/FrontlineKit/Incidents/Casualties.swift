import GeoModel

/// A count as UCDP keeps it: a best estimate with an optional low and high bound.
///
/// "at least 10" is low 10, best 10, no high; "nearly 300" is best 300, high 300, no low; an exact figure has all three equal.
public struct CasualtyCount: Hashable, Sendable {
    /// The lower bound, when the source gives one ("at least 10").
    public var low: Int?
    /// The best estimate.
    public var best: Int
    /// The upper bound, when the source gives one ("nearly 300").
    public var high: Int?

    /// Creates a count from a best estimate and optional bounds.
    public init(low: Int?, best: Int, high: Int?) { self.low = low; self.best = best; self.high = high }

    /// An exact figure.
    public init(exactly n: Int) { self.init(low: n, best: n, high: n) }

    /// The sum of two counts (a bound is kept only when both have it).
    public static func + (a: CasualtyCount, b: CasualtyCount) -> CasualtyCount {
        CasualtyCount(low: a.low.flatMap { x in b.low.map { x + $0 } }, best: a.best + b.best,
                      high: a.high.flatMap { x in b.high.map { x + $0 } })
    }

    /// `{"low", "best", "high"}`, null for a missing bound.
    public var json: JSONValue {
        ["low": low.map { .number(Double($0)) } ?? .null, "best": .number(Double(best)), "high": high.map { .number(Double($0)) } ?? .null]
    }
}

/// Who the victims were.
public enum CasualtyCategory: String, Hashable, Sendable, CaseIterable {
    /// Civilians, military personnel, or people the source does not class as either.
    case civilian, military, unknown
}

/// Killed or wounded people, split into civilian, military and unknown; a nil group was not stated.
public struct CasualtyGroups: Hashable, Sendable {
    /// Civilians, when the source states them.
    public var civilian: CasualtyCount?
    /// Military personnel, when the source states them.
    public var military: CasualtyCount?
    /// People not said to be civilian or military, when the source states them.
    public var unknown: CasualtyCount?

    /// Creates groups; a group left nil was not stated.
    public init(civilian: CasualtyCount? = nil, military: CasualtyCount? = nil, unknown: CasualtyCount? = nil) {
        self.civilian = civilian; self.military = military; self.unknown = unknown
    }

    /// The group of one category.
    public subscript(category: CasualtyCategory) -> CasualtyCount? {
        get {
            switch category {
            case .civilian: civilian
            case .military: military
            case .unknown: unknown
            }
        }
        set {
            switch category {
            case .civilian: civilian = newValue
            case .military: military = newValue
            case .unknown: unknown = newValue
            }
        }
    }

    /// True when no group is stated.
    public var isEmpty: Bool { civilian == nil && military == nil && unknown == nil }

    /// The sum over the stated groups, nil when none is stated.
    public var total: CasualtyCount? {
        CasualtyCategory.allCases.compactMap { self[$0] }.reduce(nil) { acc, c in acc.map { $0 + c } ?? c }
    }

    /// `{"civilian", "military", "unknown"}`, null for a group not stated.
    public var json: JSONValue {
        .object(JSONObject(CasualtyCategory.allCases.map { ($0.rawValue, self[$0]?.json ?? .null) }))
    }
}
