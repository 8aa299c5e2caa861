import Foundation

/// A resampling step: `1d`, `7d` (any number of days) or `1m` (calendar months, any number).
public struct Every: Sendable, Hashable, CustomStringConvertible {
    /// The step in days (0 for a step in months).
    public var days: Int
    /// The step in calendar months (0 for a step in days).
    public var months: Int

    /// Parses `Nd` or `Nm` with N from 1 to 3660.
    public init(_ text: String) throws(FrontlineError) {
        let t = text.lowercased()
        guard let unit = t.last, "dwm".contains(unit), let n = Int(t.dropLast()), (1...3660).contains(n) else {
            throw .badArgument("--every \(text): give Nd, Nw or Nm with N from 1 to 3660 (e.g. 1d, 7d, 1m)")
        }
        days = unit == "d" ? n : unit == "w" ? 7 * n : 0
        months = unit == "m" ? n : 0
    }

    /// The step as `Nd` or `Nm` (a week step is written in days, `7d`).
    public var description: String { months > 0 ? "\(months)m" : "\(days)d" }

    /// The ticks from `from` to `to`, both included when they fall on a tick.
    public func ticks(from: Day, to: Day) -> [Day] {
        var out: [Day] = []
        var d = from
        var k = 0
        while d <= to && out.count < 100_000 {
            out.append(d)
            k += 1
            if months > 0 {
                let (y, m, dd) = from.components
                let total = (m - 1) + k * months
                let year = y + total / 12, month = total % 12 + 1
                d = Day(year: year, month: month, day: min(dd, Day.daysIn(month: month, year: year))) ?? to.adding(days: 1)
            } else {
                d = from.adding(days: k * days)
            }
        }
        return out
    }
}

/// A gap in an archive: consecutive dates further apart than its own cadence.
public struct ArchiveGap: Sendable, Hashable {
    /// The last date before the gap.
    public var from: Day
    /// The first date after the gap.
    public var to: Day
    /// The days between the two dates.
    public var days: Int { to.ordinal - from.ordinal }
}

extension Array where Element == Day {
    /// The archive's cadence: the median interval between consecutive dates, in days.
    public var cadenceDays: Int? {
        guard count > 1 else { return nil }
        let gaps = zip(self, dropFirst()).map { $1.ordinal - $0.ordinal }.sorted()
        return gaps[gaps.count / 2]
    }

    /// Intervals longer than the cadence (a daily archive missing a day, a weekly one missing a week or running late).
    public var gaps: [ArchiveGap] {
        guard let c = cadenceDays, c > 0 else { return [] }
        // A weekly archive published a day late now and then is not gapped: the tolerance is a seventh of the cadence.
        return zip(self, dropFirst()).filter { $1.ordinal - $0.ordinal > c + c / 7 }.map { ArchiveGap(from: $0, to: $1) }
    }
}
