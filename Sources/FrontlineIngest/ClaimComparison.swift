import FrontlineKit
import GeoModel

/// How one claimed place compares with a dataset's control history: what a data editor acts on.
public struct ClaimCheck: Hashable, Sendable {
    /// The verdict, from "nothing to do" to "the dataset lacks this change".
    public enum Verdict: String, Hashable, Sendable {
        /// The dataset has the change on the claimed date.
        case sameChange = "same change"
        /// The dataset has the change, on another date.
        case differentDate = "different date"
        /// The dataset never shows the claimed side taking the place: a change to add or a claim to dispute.
        case notInDataset = "not in the dataset"
        /// The dataset cannot say: the place is unknown, outside its area, or the claim's side is none of its sides.
        case cannotCompare = "cannot compare"
    }
    /// The claim's kind.
    public var kind: ControlClaimKind
    /// Who made the claim (`Who: body or person`), nil when the text does not say.
    public var claimant: String?
    /// The date the claim gives for the change, nil when none resolved.
    public var claimDate: Day?
    /// The place checked.
    public var place: ClaimedPlace
    /// The side the claim says took the place (for a withdrawal, the side left holding it).
    public var side: String?
    /// How the claim stands against the dataset.
    public var verdict: Verdict
    /// When the dataset shows the side taking the place, nearest the claimed date.
    public var datasetDate: Day?
    /// Days from the dataset's date to the claim's (positive: the claim is later).
    public var daysApart: Int?
    /// The dataset's change, when one moved the place ("2020-10-04-jabrayil").
    public var changeID: String?
    /// One line for a data editor.
    public var message: String

    /// The check as JSON: `kind`, `place`, `place_id`, `claimant`, `claim_date`, `side`, `verdict`, `dataset_date`,
    /// `days_apart`, `change_id`, `message`.
    public var json: JSONValue {
        var o = JSONObject()
        o["kind"] = .string(kind.rawValue)
        o["place"] = .string(place.name)
        o["place_id"] = place.id.map(JSONValue.string) ?? .null
        o["claimant"] = claimant.map(JSONValue.string) ?? .null
        o["claim_date"] = claimDate.map { .string($0.description) } ?? .null
        o["side"] = side.map(JSONValue.string) ?? .null
        o["verdict"] = .string(verdict.rawValue)
        o["dataset_date"] = datasetDate.map { .string($0.description) } ?? .null
        o["days_apart"] = daysApart.map { .number(Double($0)) } ?? .null
        o["change_id"] = changeID.map(JSONValue.string) ?? .null
        o["message"] = .string(message)
        return .object(o)
    }
}

extension ReportIngester {
    /// Compares control claims with a control history: for each claimed place, when the history shows the claimed
    /// side taking it. Encirclements claim no change of control and are compared as "cannot compare".
    /// - Parameters:
    ///   - claims: the claims of one report (`IngestResult.controlClaims`).
    ///   - history: the dataset's control history.
    ///   - sides: the dataset's sides, in locator order.
    /// - Throws: `FrontlineError.geometry` when a state cannot be prepared.
    public static func compare(_ claims: [ControlClaim], with history: ControlHistory, sides: [Side]) throws(FrontlineError) -> [ClaimCheck] {
        let sideIDs = Set(sides.map(\.id))
        var locators: [ControlLocator] = []
        for s in history.states { locators.append(try ControlLocator(s, sides: sides)) }
        var out: [ClaimCheck] = []
        for c in claims {
            // The side that holds the place after the claimed change.
            var gainer: String?
            switch c.kind {
            case .capture, .liberation: gainer = c.actor
            case .handover: gainer = c.to ?? (c.actor.flatMap { a in sideIDs.count == 2 ? sideIDs.first { $0 != a } : nil })
            case .withdrawal: gainer = c.actor.flatMap { a in sideIDs.count == 2 && sideIDs.contains(a) ? sideIDs.first { $0 != a } : nil }
            case .encirclement: gainer = nil
            }
            for p in c.places {
                var check = ClaimCheck(kind: c.kind, claimant: c.claimant, claimDate: c.date, place: p, side: gainer,
                                       verdict: .cannotCompare, message: "")
                defer { out.append(check) }
                guard let pos = p.position else { check.message = "\(p.name): not in the gazetteer"; continue }
                guard c.kind != .encirclement else { check.message = "\(p.name): an encirclement is no change of control"; continue }
                guard let g = gainer, sideIDs.contains(g) else {
                    check.message = "\(p.name): the claim's side (\(gainer ?? c.actor ?? "unnamed")) is not a side of this dataset"
                    continue
                }
                var held: [String?] = []
                for l in locators { held.append(try l.side(at: pos)) }
                guard held.contains(where: { $0 != nil }) else { check.message = "\(p.name): outside the dataset's area"; continue }
                // Dates on which the history shows the side taking the place.
                var taken: [(Day, Int)] = []
                for i in held.indices.dropFirst() where held[i] == g && held[i - 1] != g { taken.append((history.states[i].date, i)) }
                if taken.isEmpty {
                    check.verdict = .notInDataset
                    check.message = held.allSatisfy({ $0 == g })
                        ? "\(p.name): held by \(g) throughout the dataset; the claim of a change is not in it"
                        : "\(p.name): the dataset never shows \(g) taking it (held by \(held.last.flatMap { $0 } ?? "no side") at the end)"
                    continue
                }
                let target = c.date ?? taken[0].0
                let (day, index) = taken.min { abs($0.0.ordinal - target.ordinal) < abs($1.0.ordinal - target.ordinal) } ?? taken[0]
                check.datasetDate = day
                check.changeID = history.states[index].applied.last { m in
                    m.change.to == g && m.change.date == day && ((try? m.geometry.intersects(.point(Point(pos)))) ?? false)
                }?.change.id
                if let d = c.date {
                    check.daysApart = d.ordinal - day.ordinal
                    check.verdict = d == day ? .sameChange : .differentDate
                    check.message = d == day
                        ? "\(p.name): the dataset has this change on \(day)\(check.changeID.map { " (\($0))" } ?? "")"
                        : "\(p.name): the dataset has \(g) taking it on \(day), \(abs(d.ordinal - day.ordinal)) day(s) \(d > day ? "before" : "after") the claimed \(d)\(check.changeID.map { " (\($0))" } ?? "")"
                } else {
                    check.verdict = .differentDate
                    check.message = "\(p.name): the claim has no date; the dataset has \(g) taking it on \(day)"
                }
            }
        }
        return out
    }
}
