import FrontlineKit
import GeoModel

/// An incident as the maps need it: where, when, how many casualties, who says so.
///
/// A map's view of FrontlineKit's `Incident`: only the fields a map shows.
public struct MapIncident: Hashable, Sendable {
    /// The incident's id in its catalog.
    public var id: String
    /// The day it happened.
    public var date: Day
    /// The name of the place where it happened (its id when the place has none).
    public var placeName: String
    /// Where it is drawn, in WGS84 longitude/latitude.
    public var position: Position
    /// The kind of incident, as FrontlineKit's `IncidentType` raw value ("shelling", "drone strike", …).
    public var type: String
    /// The best estimate of people killed, or nil when not reported.
    public var killed: Int?
    /// The best estimate of people wounded, or nil when not reported.
    public var wounded: Int?
    /// The published sources that report it, credited in the map's attribution.
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
