import CoachTheCoaches
import KataPostgres
import KataStore

/// PostgreSQL answers with the coach-the-coaches figures worked out from its own queries, as the
/// SQLite file does (see `SQLiteStore+CoachingInsights.swift`): `kata serve --database` serves it.
extension PostgresStore: CoachingInsights {}

/// The chain of coaching worked out by CoachTheCoaches from PostgreSQL's facts, beside its walks.
extension PostgresStore: WalkService {}

/// The learner's growth (DESIGN §11.4) read through the storyboards, for the review packets.
extension PostgresStore: GrowthSource {}
