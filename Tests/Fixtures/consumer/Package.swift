// swift-tools-version: 6.0
// A downstream package that uses frontline as a dependency, the way a newsroom pipeline or a research script
// would: it names frontline's products, not its targets, and finds the bundled dataset at run time.
// `ConsumerPackageTests` (Tests/ExamplesTests) builds and runs it; it is not part of frontline's own build.
import PackageDescription

let package = Package(
    name: "consumer",
    platforms: [.macOS(.v13)],
    dependencies: [
        // By path here; a real package writes .package(url: "https://…/frontline", from: "…") instead.
        .package(name: "frontline", path: "../../.."),
    ],
    targets: [
        .executableTarget(
            name: "karabakh-brief",
            dependencies: [
                .product(name: "FrontlineKit", package: "frontline"),
                .product(name: "GeoModel", package: "frontline"),
            ]
        ),
    ]
)
