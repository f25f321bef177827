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
        // kata serve: the HTTP server (Hummingbird 2 without its swift-configuration support, which
        // kata does not use and which would add to every build), bcrypt for passwords, SHA-256 for
        // tokens, graceful shutdown and the request log.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        // The client's HTTP: NIO like the server, and no libcurl (FoundationNetworking's URLSession
        // does not link with --static-swift-stdlib here and would tie the binary to libcurl).
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // The PostgreSQL store (DESIGN §10.6): PostgresClient and its connection pool.
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // TLS to PostgreSQL (sslmode=prefer/require); postgres-nio depends on it already.
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        // The web app's templates (DESIGN §3): Mustache, compiled into the binary from string literals.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The web app's import page: multipart/form-data uploads, streamed to disk as they arrive.
        .package(url: "https://github.com/vapor/multipart-kit", exact: "4.7.1"),
        // Tests only: reads Schema/openapi.yaml to check the running server against it.
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(name: "ImprovementKata", swiftSettings: strictness),
        .target(
            name: "KataStore",
            dependencies: ["ImprovementKata", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "KataInterchange",
            dependencies: ["ImprovementKata", "KataStore", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "KataSchema",
            path: "Schema",
            exclude: ["JSON", "openapi.yaml", "PostgreSQL"],
            resources: [.embedInCode("Migrations")],
            swiftSettings: strictness
        ),
        .target(
            name: "KataSQLite",
            dependencies: [
                "ImprovementKata", "KataStore", "KataInterchange", "KataSchema",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataPostgresSchema",
            path: "Schema/PostgreSQL",
            resources: [
                .embedInCode("0001-initial.sql"), .embedInCode("0002-escalations.sql"), .embedInCode("0003-walks.sql"),
                .embedInCode("0005-as-expected.sql"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataPostgres",
            dependencies: [
                "ImprovementKata", "KataStore", "KataInterchange", "KataPostgresSchema", "KataSQLite",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataDemo",
            dependencies: ["ImprovementKata", "KataStore", "KataInterchange"],
            swiftSettings: strictness
        ),
        .target(
            name: "CoachTheCoaches", dependencies: ["ImprovementKata", "KataStore"], swiftSettings: strictness
        ),
        .target(
            name: "KataExport",
            dependencies: [
                "ImprovementKata", "KataStore", "CoachTheCoaches", .product(name: "CSV", package: "CSV.swift"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataClient",
            dependencies: [
                "ImprovementKata", "KataStore", "CoachTheCoaches",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataServer",
            dependencies: [
                "ImprovementKata", "KataStore", "CoachTheCoaches", "KataExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataWeb",
            dependencies: [
                "ImprovementKata", "KataStore", "CoachTheCoaches", "KataExport", "KataServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .target(
            name: "KataCLI",
            dependencies: [
                "ImprovementKata", "KataStore", "KataSQLite", "KataPostgres", "KataDemo", "CoachTheCoaches",
                "KataExport",
                "KataServer", "KataWeb", "KataClient",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(name: "kata", dependencies: ["KataCLI"], swiftSettings: strictness),
        .target(
            name: "KataTestSupport",
            dependencies: [
                "ImprovementKata", "KataStore", "KataSQLite", "KataCLI", "KataPostgres", "KataPostgresSchema",
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Tests/KataTestSupport",
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ImprovementKataTests", dependencies: ["ImprovementKata", "KataTestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataInterchangeTests",
            dependencies: ["KataInterchange", "KataStore", "ImprovementKata", "KataTestSupport"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataDemoTests",
            dependencies: ["KataDemo", "KataInterchange", "KataStore", "ImprovementKata"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataSQLiteTests",
            dependencies: [
                "KataSQLite", "KataInterchange", "KataDemo", "CoachTheCoaches", "KataStore", "KataSchema",
                "KataTestSupport",
                "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataCLITests",
            dependencies: [
                "KataCLI", "KataTestSupport", "KataSQLite", "KataDemo", "KataStore", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "CoachTheCoachesTests",
            dependencies: [
                "CoachTheCoaches", "KataTestSupport", "KataStore", "KataSQLite", "KataDemo", "ImprovementKata",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataExportTests",
            dependencies: ["KataExport", "CoachTheCoaches", "KataTestSupport", "ImprovementKata"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataClientTests",
            dependencies: [
                "KataClient", "KataCLI", "KataTestSupport", "KataSQLite", "KataStore", "ImprovementKata",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataStoreContractTests",
            dependencies: [
                "KataClient", "KataServer", "KataCLI", "KataSQLite", "KataPostgres", "KataStore", "CoachTheCoaches",
                "KataTestSupport", "ImprovementKata", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataPostgresTests",
            dependencies: [
                "KataPostgres", "KataPostgresSchema", "KataSQLite", "KataStore", "ImprovementKata", "KataTestSupport",
                "CoachTheCoaches", "KataClient", .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataServerTests",
            dependencies: [
                "KataServer", "KataWeb", "KataStore", "ImprovementKata", "KataCLI", "KataTestSupport", "KataSQLite",
                "CoachTheCoaches", "KataExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"), .product(name: "Yams", package: "Yams"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "KataWebTests",
            dependencies: [
                "KataWeb", "KataServer", "KataStore", "KataSQLite", "KataTestSupport", "ImprovementKata",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            swiftSettings: strictness
        ),
    ]
)
