import CoachTheCoaches
import KataPostgres

/// PostgreSQL answers with the coach-the-coaches figures worked out from its own queries, as the
/// SQLite file does (see `SQLiteStore+CoachingInsights.swift`): `kata serve --database` serves it.
extension PostgresStore: CoachingInsights {}
