import ArgumentParser
import FrontlineKit
import GeoModel

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what is in a vector file (GeoJSON or any format GDAL reads): features, types, bbox, vertices, validity, ellipsoidal areas."
    )

    @Argument(help: "A vector file (GeoJSON, GeoPackage, Shapefile, KML, FlatGeobuf, …).")
    var file: String

    @Option(help: ArgumentHelp("The layer of a multi-layer file.", valueName: "NAME"))
    var layer: String?

    @Option(help: "Output format: table or json.")
    var format: Format = .table

    @OptionGroup var out: OutputOptions

    func validate() throws {
        try require(format, in: [.table, .json], command: "inspect")
    }

    func run() throws {
        try out.preflight(inputs: [file])
        let collection = try VectorFile.read(file, layer: layer)
        let report: Inspection
        do { report = try Inspection(collection) } catch { throw FrontlineError.geometry("\(file): \(error)") }
        for w in report.warnings { warn("\(file): \(w)") }
        switch format {
        case .json:
            try out.emit(report.json.jsonText + "\n", inputs: [file])
        default:
            var text = "file:        \(file)\n"
            text += "features:    \(report.featureCount)\n"
            text += "types:       " + report.geometryTypes.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ") + "\n"
            if let b = report.boundingBox {
                text += "bbox:        W \(b.west)  S \(b.south)  E \(b.east)  N \(b.north)\n"
            }
            text += "vertices:    \(report.vertexCount)\n"
            text += "invalid:     \(report.invalidCount)\n"
            text += "area:        \(fmt(report.totalAreaKm2, 3)) km² (WGS84 ellipsoid)\n\n"
            var t = Table(["#", "id", "type", "vertices", "area km²", "length km", "valid"], rightAligned: [0, 3, 4, 5])
            for f in report.features {
                t.add([String(f.index), f.id ?? "", f.geometryType ?? "null", String(f.vertices), fmt(f.areaKm2, 3),
                       fmt(f.lengthKm, 3), f.invalidReason.map { "no: \($0)" } ?? "yes"])
            }
            text += t.rendered
            try out.emit(text, inputs: [file])
        }
    }
}
