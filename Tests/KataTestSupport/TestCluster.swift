import Foundation
import ImprovementKata
import KataPostgres
import KataPostgresSchema
import Logging
import NIOCore
import PostgresNIO
import Testing

/// The PostgreSQL cluster the tests use: `scripts/with-postgres swift test` starts a private one
/// and says where in `KATA_TEST_POSTGRES_URL`. Each test gets a database of its own on it, made
/// empty and dropped at the end.
///
/// Without the variable the tests that need the cluster are skipped, saying how to run them; with
/// `KATA_REQUIRE_POSTGRES=1` (CI) they fail instead. The store's own tests (KataPostgresTests) and
/// the contract suite's PostgreSQL cases (KataStoreContractTests) share it.
public enum TestCluster {
    public static let url = ProcessInfo.processInfo.environment["KATA_TEST_POSTGRES_URL"]
    public static let required = ProcessInfo.processInfo.environment["KATA_REQUIRE_POSTGRES"] == "1"

    /// Whether the tests that need PostgreSQL run: a cluster is there, or CI requires one (and the
    /// tests fail without it).
    public static let runs = url != nil || required

    /// The reason shown for the skipped tests.
    public static let skipped: Comment =
        "PostgreSQL tests skipped: KATA_TEST_POSTGRES_URL is not set; run them with 'scripts/with-postgres swift test'"

    public static var logger: Logger {
        var logger = Logger(label: "kata.postgres.tests")
        logger.logLevel = .error
        return logger
    }

    /// Runs `body` with the URL of a new, empty database, dropped afterwards whatever happens.
    public static func withDatabase<T>(_ body: (String) async throws -> T) async throws -> T {
        guard let url else {
            throw KataError.failure(
                "KATA_REQUIRE_POSTGRES=1 but KATA_TEST_POSTGRES_URL is not set: run 'scripts/with-postgres swift test'")
        }
        var location = try PostgresLocation(url: url)
        let name = "kata_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try await administer(location, "CREATE DATABASE \(name)")
        let administration = location
        location.database = name
        let databaseURL = try #require(urlReplacingDatabase(url, with: name))
        do {
            let result = try await body(databaseURL)
            do {
                try await administer(administration, "DROP DATABASE \(name) WITH (FORCE)")
            } catch {
                Issue.record("dropping the test database failed: \(String(reflecting: error))")
                throw error
            }
            return result
        } catch {
            if !(error is KataError) { Issue.record("the test threw \(String(reflecting: error))") }
            try? await administer(administration, "DROP DATABASE \(name) WITH (FORCE)")
            throw error
        }
    }

    /// `url` pointing at the database `name` instead.
    public static func urlReplacingDatabase(_ url: String, with name: String) -> String? {
        guard var components = URLComponents(string: url) else { return nil }
        components.path = "/" + name
        return components.string
    }

    /// Runs the statements of `text` one after the other on a connection of their own to the
    /// database of `url`, and returns the rows of the last.
    @discardableResult
    public static func sql(_ url: String, _ text: String) async throws -> [PostgresRow] {
        try await withConnection(try PostgresLocation(url: url)) { connection in
            var rows: [PostgresRow] = []
            for statement in PostgresSchema.statements(in: text) {
                rows = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger).collect()
            }
            return rows
        }
    }

    public static func administer(_ location: PostgresLocation, _ statement: String) async throws {
        try await withConnection(location) { connection in
            _ = try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        }
    }

    /// Lends `work` a connection of its own to `location`, closed afterwards.
    public static func withConnection<T>(_ location: PostgresLocation, _ work: (PostgresConnection) async throws -> T)
        async throws -> T
    {
        let configuration = PostgresConnection.Configuration(
            host: location.host, port: location.port, username: location.user, password: location.password,
            database: location.database, tls: .disable)
        let connection = try await PostgresConnection.connect(
            on: PostgresClient.defaultEventLoopGroup.any(), configuration: configuration, id: 1, logger: logger
        ).get()
        do {
            let result = try await work(connection)
            try await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }
}
