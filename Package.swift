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
        // The client's HTTP: NIO like the server, and no libcurl (FoundationNetworking's URLSession
        // does not link with --static-swift-stdlib here and would tie the binary to libcurl).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        // Tests only: a real HTTP server on a loopback port for the client's tests.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
                "ImprovementKata", "KataSQLite", .product(name: "GRDB", package: "GRDB.swift"),
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
            name: "KataClient",
            dependencies: [
                "ImprovementKata", "KataStore", .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataCLI",
            dependencies: [
                "ImprovementKata", "KataSQLite", "CoachTheCoaches", "KataExport", "KataClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(name: "kata", dependencies: ["KataCLI"], swiftSettings: strictness),
        .target(
            name: "KataTestSupport",
            dependencies: ["ImprovementKata", "KataSQLite", "KataCLI"],
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
                "KataSQLite", "KataTestSupport", "ImprovementKata", .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataCLITests",
            dependencies: [
                "KataCLI", "KataTestSupport", "KataSQLite", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "CoachTheCoachesTests",
            dependencies: [
                "CoachTheCoaches", "KataTestSupport", "KataSQLite", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataClientTests",
            dependencies: [
                "KataClient", "KataCLI", "KataTestSupport", "ImprovementKata",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
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
