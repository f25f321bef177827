import Foundation
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore
import Testing

/// An export whose sink fails stops with the sink's error (the sink runs on a thread of its own,
/// see `BackgroundSink`).
@Suite("Store: an export into a failing sink")
struct ExportSinkTests {
    private struct DiskFull: Error {}

    @Test("an export into a failing sink throws the sink's error")
    func exportFails() async throws {
        let store = try SQLiteStore.inMemory()
        _ = try await DemoOrganisation.generate(
            into: store, coaches: 12, days: 120, seed: 7, endingOn: Day("2026-11-20")!)
        var pieces = 0
        #expect(throws: DiskFull.self) {
            try store.exportData(.jsonl) { _ in
                pieces += 1
                throw DiskFull()
            }
        }
        #expect(pieces == 1)
    }
}
