import Foundation
import ImprovementKata
import KataStore

/// PostgreSQL as the seam: every operation is the store's own method, but for the import, which
/// is not built on PostgreSQL yet.
extension PostgresStore: KataService {
    /// Refuses the import with what to do instead: the interchange import into PostgreSQL (all or
    /// nothing, with `COPY`) is not built yet.
    public func importData(_ request: ImportRequest) async throws -> ImportSummary {
        try requireAdmin("import records")
        throw KataError.failure(
            "importing into PostgreSQL is not built yet; nothing was written. Import into a database file "
                + "('kata import --db FILE') instead.")
    }
}
