import GeoModel
import GeoOps

/// One problem found in a dataset, naming the record.
public struct DatasetProblem: Sendable, CustomStringConvertible {
    /// The record or state at fault (e.g. `state 2020-11-10`).
    public var place: String
    /// What is wrong.
    public var message: String
    /// The problem on one line: `place: message`.
    public var description: String { "\(place): \(message)" }
}

/// A figure measured while validating, for the report.
public struct DatasetFigure: Sendable {
    /// The date of the state measured.
    public var date: Day
    /// km² held by each side on that date, on the WGS84 ellipsoid.
    public var areasKm2: [(side: String, km2: Double)]
    /// km² where two sides' areas overlap (0 in a sound dataset).
    public var overlapKm2: Double
    /// km² of the study area held by no side (0 in a sound dataset).
    public var uncoveredKm2: Double
}

/// Checks a dataset: valid geometries, no overlaps and full coverage on every date, ordered and sourced
/// changes, places that resolve.
public enum DatasetValidator {
    /// Areas below this (km²) are rounding noise from overlay, not overlap or a gap.
    public static let toleranceKm2 = 0.05

    /// Runs every check; returns the problems (empty when the dataset is consistent) and per-date figures.
    public static func validate(_ dataset: Dataset) throws(FrontlineError) -> (problems: [DatasetProblem], figures: [DatasetFigure]) {
        var problems: [DatasetProblem] = []
        let t = dataset.timeline
        func check(_ g: Geometry, _ place: String) {
            do {
                if let r = try g.validityReason() { problems.append(DatasetProblem(place: place, message: "invalid geometry: \(r)")) }
            } catch {
                problems.append(DatasetProblem(place: place, message: "cannot check validity: \(error)"))
            }
        }
        check(t.studyArea, "study_area")
        for b in t.baseAreas { check(b.geometry, "base \(b.id)") }
        for z in t.zones {
            check(z.geometry, "zone \(z.id)")
            if let to = z.validTo, to <= z.validFrom { problems.append(DatasetProblem(place: "zone \(z.id)", message: "valid_to \(to) is not after valid_from \(z.validFrom)")) }
            if z.sources.isEmpty { problems.append(DatasetProblem(place: "zone \(z.id)", message: "no source")) }
        }
        for d in dataset.districts { check(d.geometry, "district \(d.id)") }
        for b in t.baseAreas where b.sources.isEmpty { problems.append(DatasetProblem(place: "base \(b.id)", message: "no source")) }
        for c in t.changes {
            let place = "change \(c.id)"
            check(c.geometry, place)
            if c.date <= t.baseDate { problems.append(DatasetProblem(place: place, message: "dated \(c.date), not after the base date \(t.baseDate)")) }
            if c.sources.isEmpty { problems.append(DatasetProblem(place: place, message: "no source")) }
            if c.sources.contains(where: { ($0.url ?? "").isEmpty }) { problems.append(DatasetProblem(place: place, message: "a source has no address")) }
            if let confirmed = c.confirmedOn {
                if confirmed < c.date { problems.append(DatasetProblem(place: place, message: "confirmed_on \(confirmed) is before the change's date")) }
                if c.confirmedBy == nil || c.confirmationSources.isEmpty { problems.append(DatasetProblem(place: place, message: "confirmed_on without confirmed_by and its sources")) }
            }
            if c.from == c.to { problems.append(DatasetProblem(place: place, message: "from and to are the same side")) }
            if c.claimant == nil && c.status != .confirmed { problems.append(DatasetProblem(place: place, message: "\(c.status.rawValue) but no claimant")) }
            if c.status == .disputed && c.disputedBy == nil { problems.append(DatasetProblem(place: place, message: "disputed but no disputed_by")) }
            if !["district", "town", "approximate line"].contains(c.precision) {
                problems.append(DatasetProblem(place: place, message: "precision \"\(c.precision)\" is not district, town or approximate line"))
            }
            for id in c.places where dataset.gazetteer.place(id: id) == nil {
                problems.append(DatasetProblem(place: place, message: "place \"\(id)\" is not in the gazetteer"))
            }
        }
        let districtIDs = Set(dataset.districts.map(\.id))
        for p in dataset.gazetteer.places {
            if let d = p.district, !districtIDs.isEmpty, !districtIDs.contains(d) {
                problems.append(DatasetProblem(place: "place \(p.id)", message: "district \"\(d)\" is not in districts"))
            }
            if p.allNames.isEmpty { problems.append(DatasetProblem(place: "place \(p.id)", message: "no name")) }
        }
        var figures: [DatasetFigure] = []
        let history = try t.history()
        let studyKm2 = Geodesy.areaKm2(t.studyArea)
        for s in history.states {
            do {
                let ids = t.sides.map(\.id)
                var overlap = 0.0
                for (i, a) in ids.enumerated() {
                    for b in ids[(i + 1)...] {
                        guard let ga = s.areas[a], let gb = s.areas[b], !ga.isEmpty, !gb.isEmpty else { continue }
                        overlap += Geodesy.areaKm2(try ga.intersection(gb))
                    }
                }
                let covered = try Geometry.unaryUnion(ids.compactMap { s.areas[$0] })
                let uncovered = Geodesy.areaKm2(try t.studyArea.difference(covered))
                let outside = Geodesy.areaKm2(try covered.difference(t.studyArea))
                if overlap > toleranceKm2 { problems.append(DatasetProblem(place: "state \(s.date)", message: "sides overlap by \(overlap) km²")) }
                if uncovered > toleranceKm2 { problems.append(DatasetProblem(place: "state \(s.date)", message: "\(uncovered) km² of the study area is held by no side")) }
                if outside > toleranceKm2 { problems.append(DatasetProblem(place: "state \(s.date)", message: "\(outside) km² held outside the study area")) }
                let total = ids.reduce(0) { $0 + s.areaKm2(of: $1) }
                if abs(total - studyKm2) > max(toleranceKm2, studyKm2 * 1e-6) {
                    problems.append(DatasetProblem(place: "state \(s.date)", message: "sides add up to \(total) km², the study area is \(studyKm2) km²"))
                }
                figures.append(DatasetFigure(date: s.date, areasKm2: ids.map { ($0, s.areaKm2(of: $0)) }, overlapKm2: overlap, uncoveredKm2: uncovered))
            } catch {
                problems.append(DatasetProblem(place: "state \(s.date)", message: "geometry error: \(error)"))
            }
        }
        for m in history.states.last?.applied ?? [] where m.geometry.isEmpty {
            problems.append(DatasetProblem(place: "change \(m.change.id)", message: "moves no area (its geometry does not overlap what \(m.change.from) held)"))
        }
        return (problems, figures)
    }
}
