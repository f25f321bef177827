// swift-tools-version: 6.2
import PackageDescription

let strictness: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "kata",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kata", targets: ["kata"]),
        .library(name: "ImprovementKata", targets: ["ImprovementKata"]),
        .library(name: "KataStore", targets: ["KataStore"]),
        .library(name: "KataSQLite", targets: ["KataSQLite"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // A streaming RFC 4180 reader and writer: quoting, embedded newlines, BOMs.
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ],
    targets: [
        .target(name: "ImprovementKata", swiftSettings: strictness),
        .target(name: "KataStore", dependencies: ["ImprovementKata"], swiftSettings: strictness),
        .target(
            name: "KataSchema",
            path: "Schema",
            exclude: ["JSON"],
            resources: [.embedInCode("Migrations")],
            swiftSettings: strictness
        ),
        .target(
            name: "KataSQLite",
            dependencies: [
                "ImprovementKata", "KataStore", "KataSchema", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"), .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "CoachTheCoaches",
            dependencies: [
                "ImprovementKata", "KataStore", "KataSQLite", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataExport",
            dependencies: ["ImprovementKata", "CoachTheCoaches", .product(name: "CSV", package: "CSV.swift")],
            swiftSettings: strictness
        ),
        .target(
            name: "KataCLI",
            dependencies: [
                "ImprovementKata", "KataStore", "KataSQLite", "CoachTheCoaches", "KataExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(name: "kata", dependencies: ["KataCLI"], swiftSettings: strictness),
        .target(
            name: "KataTestSupport",
            dependencies: ["ImprovementKata", "KataStore", "KataSQLite", "KataCLI"],
            path: "Tests/KataTestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ImprovementKataTests", dependencies: ["ImprovementKata", "KataTestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataSQLiteTests",
            dependencies: [
                "KataSQLite", "CoachTheCoaches", "KataStore", "KataTestSupport", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataCLITests",
            dependencies: [
                "KataCLI", "KataTestSupport", "KataStore", "KataSQLite", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "CoachTheCoachesTests",
            dependencies: [
                "CoachTheCoaches", "KataTestSupport", "KataStore", "KataSQLite", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataExportTests",
            dependencies: ["KataExport", "CoachTheCoaches", "KataTestSupport", "ImprovementKata"],
            swiftSettings: strictness
        ),
    ]
)
