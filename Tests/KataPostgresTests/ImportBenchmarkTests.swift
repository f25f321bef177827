import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import Testing

extension PostgresTests {
    /// The import of a large file into PostgreSQL, timed: run by hand with
    /// `KATA_IMPORT_BENCH=FILE scripts/with-postgres swift test --filter ImportBenchmark` on an
    /// export of `kata demo` (DESIGN §12: at least 50,000 records/s).
    @Suite(
        "PostgreSQL import benchmark",
        .enabled(if: TestCluster.runs && ProcessInfo.processInfo.environment["KATA_IMPORT_BENCH"] != nil))
    struct ImportBenchmarkTests {
        @Test("a large export imports into an empty database")
        func largeFile() async throws {
            let path = try #require(ProcessInfo.processInfo.environment["KATA_IMPORT_BENCH"])
            try await TestCluster.withDatabase { url in
                let store = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                do {
                    let request = ImportRequest(source: .file(URL(fileURLWithPath: path)))
                    let first = try await store.importData(request)
                    print(
                        "import: \(first.totalAdded) records added in \(String(format: "%.1f", first.seconds)) s, "
                            + "\(Int(Double(first.totalAdded) / first.seconds)) records/s")
                    #expect(first.totalAdded > 0)
                    // The SQLite store's import of the same file, for comparison.
                    let file = FileManager.default.temporaryDirectory.appendingPathComponent(
                        "kata-bench-\(UUID()).sqlite")
                    defer {
                        for suffix in ["", "-wal", "-shm"] {
                            try? FileManager.default.removeItem(atPath: file.path + suffix)
                        }
                    }
                    let sqlite = try SQLiteStore.open(path: file.path, create: true).importData(request)
                    print(
                        "SQLite: \(sqlite.totalAdded) records added in \(String(format: "%.1f", sqlite.seconds)) s, "
                            + "\(Int(Double(sqlite.totalAdded) / sqlite.seconds)) records/s")
                    await store.close()
                } catch {
                    await store.close()
                    throw error
                }
            }
        }
    }
}
