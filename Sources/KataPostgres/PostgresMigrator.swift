import Foundation
import ImprovementKata
import KataPostgresSchema
import KataStore
import Logging
import NIOCore
import PostgresNIO

/// Brings a database to the layout of `Schema/PostgreSQL/`, once, however many kata servers
/// start together.
///
/// The migrations run in one transaction that first takes an advisory lock of the database
/// (`pg_advisory_xact_lock`): a second server that starts meanwhile waits for it, then finds the
/// database up to date and changes nothing. The version each migration brings is kept in
/// `kata_migration`. A database whose version is newer than this kata's is refused before anything
/// is written, and so is one that has tables but no `kata_migration` (it is not a kata database).
enum PostgresMigrator {
    /// The key of the advisory lock that migrations hold: "kata" in ASCII.
    static let lockKey: Int64 = 0x6b61_7461

    /// The newest version this kata knows.
    static var latest: Int { PostgresSchema.migrations.last?.version ?? 0 }

    /// Connects to `location` on a connection of its own and migrates the database there.
    static func migrate(_ location: PostgresLocation, logger: Logger) async throws {
        let configuration = try location.connectionConfiguration()
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: PostgresClient.defaultEventLoopGroup.any(), configuration: configuration, id: 0, logger: logger
            ).get()
        } catch {
            throw PostgresErrors.translate(error, at: location)
        }
        do {
            try await migrate(connection, at: location, logger: logger)
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresErrors.translate(error, at: location)
        }
    }

    /// Migrates the database of `connection` forward; see the type's description.
    static func migrate(_ connection: PostgresConnection, at location: PostgresLocation, logger: Logger)
        async throws
    {
        // Look before locking or writing anything: an up-to-date database (every start but the
        // first) costs one read, and a newer one is refused untouched.
        if try await version(connection, at: location, logger: logger) == latest { return }
        try await PostgresStore.transaction(connection, "BEGIN", logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(lockKey))", logger: logger)
            let current = try await version(connection, at: location, logger: logger)
            guard current != latest else { return }
            if current == nil {
                try await connection.query(
                    """
                    CREATE TABLE kata_migration (
                        version integer PRIMARY KEY,
                        identifier text NOT NULL,
                        applied timestamptz NOT NULL DEFAULT now())
                    """, logger: logger)
            }
            for migration in PostgresSchema.migrations where migration.version > (current ?? 0) {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                try await connection.query(
                    "INSERT INTO kata_migration (version, identifier) VALUES (\(migration.version), \(migration.identifier))",
                    logger: logger)
            }
        }
    }

    /// The version of the database's layout (nil for an empty database); throws for a database
    /// this kata must leave alone.
    static func version(_ connection: PostgresConnection, at location: PostgresLocation, logger: Logger)
        async throws -> Int?
    {
        let rows = try await connection.rows(
            """
            SELECT to_regclass('kata_migration') IS NOT NULL,
                (SELECT count(*) FROM pg_tables WHERE schemaname = current_schema())
            """, logger)
        let (migrated, tables) = try rows.first?.decode((Bool, Int64).self) ?? (false, Int64(0))
        guard migrated else {
            if tables > 0 {
                throw KataError.unusableDatabase(
                    "\(location) has tables but is not a kata database (no kata_migration); kata leaves it untouched.")
            }
            return nil
        }
        let version =
            try await connection.rows("SELECT max(version) FROM kata_migration", logger).first?.decode(
                Int?.self) ?? nil
        if let version, version > latest {
            throw KataError.unusableDatabase(
                "the database \(location) was written by a newer version of kata (layout \(version), this kata knows "
                    + "\(latest)); it is left untouched. Update kata to use it.")
        }
        return version ?? 0
    }
}
