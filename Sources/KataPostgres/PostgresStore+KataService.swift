import Foundation
import ImprovementKata
import KataStore

/// PostgreSQL as the seam: every operation is the store's own method (the import is in
/// `PostgresStore+Import.swift`).
extension PostgresStore: KataService {}
