import Testing

/// Every test of the PostgreSQL store, one at a time: each makes a database and connections of its
/// own, and on two cores a dozen of them at once starve the other tests' in-process servers.
@Suite("PostgreSQL store", .serialized)
enum PostgresTests {}
