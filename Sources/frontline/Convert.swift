import ArgumentParser
import FrontlineKit
import GeoModel

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Rewrite a GeoJSON file as RFC 7946: rings wound right, no crs, coordinates rounded, one feature per line.",
        discussion: "frontline convert old.geojson -o new.geojson --precision 6")

    @Argument(help: "A GeoJSON file (a FeatureCollection, a Feature or a bare geometry).")
    var input: String

    @Option(help: "Decimal places in coordinates (6 ≈ 0.1 m, 7 ≈ 1 cm as ogr2ogr's RFC7946 output).")
    var precision: Int = 7

    @Flag(help: "Write a bbox on the collection and every feature.")
    var bbox = false

    @OptionGroup var out: OutputOptions

    func validate() throws {
        guard (0...15).contains(precision) else { throw ValidationError("--precision must be between 0 and 15") }
    }

    func run() throws {
        try out.preflight(inputs: [input])
        let fc = try GeoJSONFile.read(input)
        for w in fc.warnings { warn("\(input): \(w)") }
        try out.emit(GeoJSONWriter(precision: precision, includeBBox: bbox).encode(fc), inputs: [input])
    }
}
