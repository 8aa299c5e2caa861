import FrontlineKit
import GeoModel

/// An incident as the maps need it: where, when, how many casualties, who says so.
///
/// Read from the dataset's `incidents.json` (geodata/FORMAT.md) by a minimal reader until FrontlineKit has
/// an incidents model; only the fields a map shows are taken.
public struct MapIncident: Hashable, Sendable {
    public var id: String
    public var date: Day
    public var placeName: String
    public var position: Position
    public var type: String
    public var killed: Int?
    public var wounded: Int?
    public var sources: [SourceRef]

    /// killed + wounded (best estimates; unknown counts as 0).
    public var casualties: Int { (killed ?? 0) + (wounded ?? 0) }

    /// The incidents of a dataset, or none when it names no incidents file.
    public static func load(dataset: Dataset) throws(FrontlineError) -> [MapIncident] {
        guard let path = dataset.path(of: "incidents") else { return [] }
        let bytes = try FileIO.read(path)
        let root: JSONValue
        do { root = try JSONValue.parse(bytes) } catch {
            throw .badInput(path: path, place: "", message: "\(error)")
        }
        var out: [MapIncident] = []
        for (i, v) in (root["incidents"]?.arrayValue ?? []).enumerated() {
            let place = "incidents[\(i)]"
            guard let id = v["id"]?.stringValue, let dateText = v["date"]?.stringValue, let date = Day(dateText),
                  let lat = v["place"]?["lat"]?.numberValue, let lon = v["place"]?["lon"]?.numberValue else {
                throw .badInput(path: path, place: place, message: "an incident needs id, date and place.lat/lon")
            }
            func total(_ key: String) -> Int? {
                guard let groups = v[key]?.objectValue else { return nil }
                let values = groups.map(\.value).compactMap { $0["best"]?.numberValue }
                return values.isEmpty ? nil : Int(values.reduce(0, +))
            }
            let sources = (v["sources"]?.arrayValue ?? []).compactMap { s -> SourceRef? in
                guard let title = s["title"]?.stringValue ?? s["url"]?.stringValue else { return nil }
                return SourceRef(title: title, url: s["url"]?.stringValue, date: s["date"]?.stringValue, publisher: s["publisher"]?.stringValue)
            }
            out.append(MapIncident(id: id, date: date, placeName: v["place"]?["name"]?.stringValue ?? id,
                                   position: Position(lon: lon, lat: lat), type: v["type"]?.stringValue ?? "incident",
                                   killed: total("killed"), wounded: total("wounded"), sources: sources))
        }
        return out
    }
}
