import CoachTheCoaches
import KataSQLite
import KataStore

/// The SQLite file answers with the coach-the-coaches figures worked out from its own queries.
///
/// Declared here because this is where both modules are seen: KataSQLite fetches (its
/// `InsightSource`) without the calculations, CoachTheCoaches calculates without SQL, and
/// `CoachingInsights`' default for an `InsightSource` joins them.
extension SQLiteStore: CoachingInsights {}

/// The chain of coaching worked out by CoachTheCoaches from the file's facts, beside its walks.
extension SQLiteStore: WalkService {}

/// The learner's growth (DESIGN §11.4) read through the storyboards, for the review packets.
extension SQLiteStore: GrowthSource {}
