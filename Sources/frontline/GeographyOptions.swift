import ArgumentParser
import Foundation
import FrontlineKit
import GeoModel

/// The geography a command answers in: the world layers (or the dataset's own districts), or the user's files.
struct GeographyOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Break the answer down by region (control, diff).", valueName: "region"))
    var by: String?

    @Option(help: ArgumentHelp("Regions to use instead of the bundled ones: any vector file (e.g. an HDX COD-AB admin-1 file); names from name/ADM1_EN/shapeName/NAME_1.", valueName: "FILE"))
    var regions: String?

    func validate() throws {
        if let by, by != "region" { throw ValidationError("--by takes region (got \(by))") }
    }

    /// The regions for a source's answer around `window`.
    func regionList(source: ControlSource, window: BoundingBox?, data: DataOptions) throws -> [Region] {
        if let regions { return try GeographyOptions.readRegions(regions) }
        let world = (try data.context()).flatMap(WorldGeography.beside)
        return try RegionBreakdown.regions(for: source, window: window, world: world)
    }

    static func readRegions(_ path: String) throws -> [Region] {
        let fc = try VectorFile.read(path)
        let nameKeys = ["name", "ADM1_EN", "adm1_en", "shapeName", "NAME_1", "name_en", "NAME"]
        let idKeys = ["region_id", "ADM1_PCODE", "adm1_pcode", "shapeID", "GID_1", "id"]
        var out: [Region] = []
        for (i, f) in fc.features.enumerated() {
            guard let g = f.geometry, !g.polygons.isEmpty else { continue }
            guard let name = nameKeys.lazy.compactMap({ f.properties[$0]?.stringValue }).first else {
                throw FrontlineError.badInput(path: path, place: "features[\(i)].properties", message: "no region name (\(nameKeys.joined(separator: ", ")))")
            }
            let id = idKeys.lazy.compactMap({ f.properties[$0]?.stringValue }).first ?? name
            out.append(Region(id: id, name: name, country: f.properties["ADM0_PCODE"]?.stringValue ?? f.properties["iso_a2"]?.stringValue,
                              geometry: .polygonal(g.polygons)))
        }
        if out.isEmpty { throw FrontlineError.badInput(path: path, place: "", message: "no polygon regions") }
        return out
    }
}
