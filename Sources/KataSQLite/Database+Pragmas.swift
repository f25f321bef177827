import GRDB
import KataStore

extension Database {
    /// Runs `body` with each integer setting (`PRAGMA name = value`) of `settings`, then sets each
    /// back to what it was, whether `body` throws or not.
    ///
    /// ```swift
    /// try db.withPragmas(["cache_size": -4096, "threads": 2]) { try db.execute(sql: createIndex) }
    /// ```
    func withPragmas<T>(_ settings: KeyValuePairs<String, Int>, _ body: () throws -> T) throws -> T {
        var previous: [(name: String, value: Int)] = []
        defer {
            for setting in previous.reversed() { try? execute(sql: "PRAGMA \(setting.name) = \(setting.value)") }
        }
        for (name, value) in settings {
            previous.append((name, try Int.fetchOne(self, sql: "PRAGMA \(name)") ?? 0))
            try execute(sql: "PRAGMA \(name) = \(value)")
        }
        return try body()
    }
}
