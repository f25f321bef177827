import Foundation
import GRDB
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// The rules of migration 0005 (leaders' walks and walk plans), kept by the schema even against raw SQL.
@Suite("Store: walk rules kept by the schema")
struct WalkSchemaTests {
    let id = "'0b5c7d8e-0000-4000-8000-000000000001'"

    func execute(_ store: SQLiteStore, _ sql: String) -> KataError? {
        thrownKataError { try store.write { db in try db.execute(sql: sql) } }
    }

    func walk(_ walker: String = "dee", mode: String = "NULL", companion: String = "NULL") -> String {
        "INSERT INTO walk (id, walker, date, mode, companion) VALUES (\(id), '\(walker)', '2026-11-20', \(mode), \(companion))"
    }

    @Test("a walk's walker and learners are people, its mode one of three, the walker never its own learner")
    func walks() throws {
        let store = try Fixture().store
        #expect(execute(store, walk(mode: "'maybe'")) != nil)
        #expect(execute(store, walk("zed")) != nil)
        #expect(execute(store, walk(companion: "'dee'")) != nil)
        #expect(execute(store, walk(mode: "'go-see'", companion: "'ann'")) == nil)
        let learner = "INSERT INTO walk_learner (walk, learner, position) VALUES (\(id), "
        #expect(execute(store, learner + "'dee', 0)") != nil)
        #expect(execute(store, learner + "'zed', 0)") != nil)
        #expect(execute(store, learner + "'bob', -1)") != nil)
        #expect(execute(store, learner + "'bob', 0)") == nil)
        #expect(execute(store, learner + "'bob', 1)") != nil)
        #expect(try store.walks(walker: handle("dee")).map(\.learners) == [[handle("bob")]])
    }

    @Test("a walk plan belongs to a person and has a cadence of 1 week or more, one per walker")
    func plans() throws {
        let store = try Fixture().store
        #expect(execute(store, "INSERT INTO walk_plan (walker, every) VALUES ('dee', 0)") != nil)
        #expect(execute(store, "INSERT INTO walk_plan (walker, every) VALUES ('zed', 1)") != nil)
        #expect(execute(store, "INSERT INTO walk_plan (walker, every, since) VALUES ('dee', 2, '2026-02-30')") != nil)
        #expect(execute(store, "INSERT INTO walk_plan (walker, every) VALUES ('dee', 2)") == nil)
        #expect(execute(store, "INSERT INTO walk_plan (walker, every) VALUES ('dee', 1)") != nil)
        #expect(try store.walkPlans().map(\.every) == [2])
    }
}
