// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "frontline",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "GeoModel", targets: ["GeoModel"]),
        .library(name: "GeoOps", targets: ["GeoOps"]),
        .library(name: "GeoIO", targets: ["GeoIO"]),
        .library(name: "FrontlineKit", targets: ["FrontlineKit"]),
        .library(name: "FrontlineStore", targets: ["FrontlineStore"]),
        .library(name: "FrontlineIngest", targets: ["FrontlineIngest"]),
        .library(name: "MapRender", targets: ["MapRender"]),
        .library(name: "ChartRender", targets: ["ChartRender"]),
        .library(name: "FrontlineMaps", targets: ["FrontlineMaps"]),
        .executable(name: "frontline", targets: ["frontline"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // `swift package generate-documentation` (DocC); a build-time plugin only, nothing links it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // C wrappers: only GeoOps imports these.
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        // libpq: only FrontlineStore imports it.
        .systemLibrary(name: "CPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        // GDAL/OGR: only GeoIO imports it.
        .systemLibrary(name: "CGDAL", pkgConfig: "gdal", providers: [.apt(["libgdal-dev"])]),
        // Pure Swift values and GeoJSON I/O.
        .target(name: "GeoModel"),
        // GEOS/PROJ-backed operations and ellipsoidal measures.
        .target(name: "GeoOps", dependencies: ["GeoModel", "CGEOS", "CPROJ"]),
        // Every vector format beyond GeoJSON, through GDAL/OGR: features in, features out. Knows no conflict.
        .target(name: "GeoIO", dependencies: ["GeoModel", "CGDAL"]),
        // The conflict domain: gazetteer, control timeline, diffs, incidents, joins, sources.
        .target(name: "FrontlineKit", dependencies: ["GeoModel", "GeoOps", "GeoIO"]),
        // News text in, incident and claim records out: rules over the gazetteer and the record types of FrontlineKit.
        .target(name: "FrontlineIngest", dependencies: ["FrontlineKit", "GeoModel"]),
        // The PostGIS store and source (the only importer of libpq).
        .target(name: "FrontlineStore", dependencies: ["FrontlineKit", "GeoIO", "GeoModel", "GeoOps", "CPQ"]),
        // SVG maps; knows nothing of GEOS or PROJ.
        .target(name: "MapRender", dependencies: ["GeoModel"]),
        // Charts of area over time, drawn with MapRender's SVG writer and styles; knows nothing of GEOS or PROJ.
        .target(name: "ChartRender", dependencies: ["MapRender"]),
        // Maps of the domain: dataset states, diffs and snapshots composed into MapRender specs, with a PROJ projection.
        .target(name: "FrontlineMaps", dependencies: ["FrontlineKit", "GeoOps", "GeoModel", "MapRender", "ChartRender"]),
        .executableTarget(
            name: "frontline",
            dependencies: [
                "GeoModel", "GeoOps", "GeoIO", "FrontlineKit", "FrontlineIngest", "MapRender", "ChartRender", "FrontlineMaps", "FrontlineStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["GeoModel"], path: "Tests/TestSupport"),
        .testTarget(name: "GeoModelTests", dependencies: ["GeoModel", "TestSupport"]),
        .testTarget(name: "GeoOpsTests", dependencies: ["GeoOps", "GeoModel", "TestSupport"]),
        .testTarget(name: "FrontlineKitTests", dependencies: ["FrontlineKit", "GeoOps", "GeoModel", "TestSupport"]),
        .testTarget(name: "FrontlineIngestTests", dependencies: ["FrontlineIngest", "FrontlineKit", "GeoModel", "TestSupport"]),
        .testTarget(name: "MapRenderTests", dependencies: ["MapRender", "GeoModel", "TestSupport"]),
        .testTarget(name: "ChartRenderTests", dependencies: ["ChartRender", "MapRender", "TestSupport"]),
        .testTarget(name: "FrontlineMapsTests", dependencies: ["FrontlineMaps", "FrontlineKit", "MapRender", "GeoModel", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        // The README's and the DocC articles' code, compiled and run: the docs quote these snippets verbatim.
        .testTarget(name: "ExamplesTests", dependencies: ["FrontlineKit", "FrontlineIngest", "FrontlineMaps", "MapRender", "ChartRender", "GeoModel", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
