import ArgumentParser
import Foundation
import FrontlineKit
import GeoModel

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite any vector file as RFC 7946 GeoJSON (rings wound right, no crs, coordinates rounded), or as a GIS format by the extension of -o.",
        discussion: "frontline convert old.geojson -o new.geojson --precision 6\nfrontline convert layers.gpkg --layer control -o control.kml")

    @Argument(help: "A vector file: GeoJSON (a FeatureCollection, a Feature or a bare geometry), or any format GDAL reads; - is standard input (GeoJSON).")
    var input: String

    @Option(help: "Decimal places in coordinates (6 ≈ 0.1 m, 7 ≈ 1 cm as ogr2ogr's RFC7946 output).")
    var precision: Int = 7

    @Flag(help: "Write a bbox on the collection and every feature.")
    var bbox = false

    @Option(help: ArgumentHelp("The layer of a multi-layer input.", valueName: "NAME"))
    var layer: String?

    @Option(help: ArgumentHelp("Write -o with this GDAL driver (GPKG, FlatGeobuf, KML, KMZ, ESRI Shapefile, CSV, GeoJSONSeq).", valueName: "NAME"))
    var driver: String?

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be between 0 and 15") }
    }

    func run() throws {
        let gis = try out.gisFormat(driver: driver, textExtensions: [])
        try out.preflight(inputs: [input])
        if gis == nil, layer == nil, let file = out.file {
            // A FeatureCollection file to GeoJSON: feature by feature, so memory stays flat in the file's size.
            let writer = GeoJSONWriter(precision: precision, includeBBox: bbox)
            if let warnings = try GeoJSONFile.rewrite(input, to: file, writer: writer, force: out.force, inputs: [input]) {
                for w in warnings { warn("\(input): \(w)") }
                return
            }
        }
        let fc = try VectorFile.read(input, layer: layer)
        for w in fc.warnings { warn("\(input): \(w)") }
        if let gis {
            let name = layer ?? ((input as NSString).lastPathComponent as NSString).deletingPathExtension
            var layered = fc
            for i in layered.features.indices where layered.features[i].properties["layer"] == nil { layered.features[i].properties["layer"] = .string(name) }
            try out.emitLayers(layered, kind: gis, precision: precision, inputs: [input])
            return
        }
        try out.emit(GeoJSONWriter(precision: precision, includeBBox: bbox).encode(fc), inputs: [input])
    }
}
