import FrontlineKit
import GeoModel

/// An incident as the maps need it: where, when, how many casualties, who says so.
///
/// A map's view of FrontlineKit's `Incident`: only the fields a map shows.
public struct MapIncident: Hashable, Sendable {
    public var id: String
    public var date: Day
    public var placeName: String
    public var position: Position
    public var type: String
    public var killed: Int?
    public var wounded: Int?
    public var sources: [SourceRef]
    /// Who reports it ("Azerbaijan: Prosecutor General's Office").
    public var claimant: String? = nil

    /// killed + wounded (best estimates; unknown counts as 0).
    public var casualties: Int { (killed ?? 0) + (wounded ?? 0) }

    /// The incidents of a dataset (through FrontlineKit's incident catalog), or none when it names no incidents
    /// file; incidents without coordinates cannot be drawn and are left out.
    public static func load(dataset: Dataset) throws(FrontlineError) -> [MapIncident] {
        guard dataset.path(of: "incidents") != nil else { return [] }
        return try dataset.loadIncidents().incidents.compactMap { i in
            guard let position = i.place?.position else { return nil }
            return MapIncident(id: i.id, date: i.date, placeName: i.place?.name ?? i.id, position: position, type: i.type.rawValue,
                               killed: i.killed.total?.best, wounded: i.wounded.total?.best, sources: i.sources, claimant: i.claimant)
        }
    }
}
