/// The SQL migrations of the kata database, embedded in the binary at build time.
///
/// `Schema/Migrations/` is the single source of truth for the database layout. Shipped
/// migrations are never edited: a change to the layout is a new numbered file, listed here.
public enum KataSchema {
    /// One numbered migration: its identifier and its SQL text.
    public struct Migration: Sendable {
        /// The identifier recorded in the database once the migration has run (`0001-initial`).
        public let identifier: String
        /// The SQL statements of the migration.
        public let sql: String
    }

    /// Every migration, oldest first.
    public static let migrations: [Migration] = [
        Migration(identifier: "0001-initial", sql: String(decoding: PackageResources._001_initial_sql, as: UTF8.self)),
        Migration(
            identifier: "0002-practice-indexes",
            sql: String(decoding: PackageResources._002_practice_indexes_sql, as: UTF8.self)),
        Migration(
            identifier: "0003-accounts", sql: String(decoding: PackageResources._003_accounts_sql, as: UTF8.self)),
        Migration(
            identifier: "0004-escalations",
            sql: String(decoding: PackageResources._004_escalations_sql, as: UTF8.self)),
        Migration(identifier: "0005-walks", sql: String(decoding: PackageResources._005_walks_sql, as: UTF8.self)),
        Migration(
            identifier: "0007-as-expected",
            sql: String(decoding: PackageResources._007_as_expected_sql, as: UTF8.self)),
    ]
}
