import GRDB
import KataStore
import Testing

@testable import KataSQLite

@Suite("Store: settings for the length of one piece of work")
struct DatabasePragmasTests {
    private struct Stop: Error {}

    @Test("sets each setting for the work and back afterwards, also when the work throws")
    func restored() throws {
        let queue = try DatabaseQueue()
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA cache_size = -2000; PRAGMA foreign_keys = ON")
            let inside = try db.withPragmas(["cache_size": -4096, "foreign_keys": 0]) {
                [try Int.fetchOne(db, sql: "PRAGMA cache_size"), try Int.fetchOne(db, sql: "PRAGMA foreign_keys")]
            }
            #expect(inside == [-4096, 0])
            #expect(throws: Stop.self) { try db.withPragmas(["cache_size": -8192]) { throw Stop() } }
            #expect(try Int.fetchOne(db, sql: "PRAGMA cache_size") == -2000)
            #expect(try Int.fetchOne(db, sql: "PRAGMA foreign_keys") == 1)
        }
    }
}
