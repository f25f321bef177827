/// The SQL migrations of a kata database on PostgreSQL, embedded in the binary at build time.
///
/// `Schema/PostgreSQL/` is the single source of truth for the layout on PostgreSQL, as
/// `Schema/Migrations/` is for SQLite. Shipped migrations are never edited: a change to the layout
/// is a new numbered file, listed here with the next version.
///
/// ```swift
/// PostgresSchema.migrations.last?.version  // 2
/// PostgresSchema.statements(in: "CREATE TABLE a (x text); INSERT INTO a VALUES ('; ')")  // 2 statements
/// ```
public enum PostgresSchema {
    /// One numbered migration: its version, identifier and SQL text.
    public struct Migration: Sendable {
        /// The layout version the database has once the migration has run (1 for `0001-initial`).
        public let version: Int
        /// The migration's file name without `.sql`, recorded beside its version.
        public let identifier: String
        /// The SQL statements of the migration.
        public let sql: String

        /// The statements one by one, as the extended query protocol takes them.
        public var statements: [String] { PostgresSchema.statements(in: sql) }
    }

    /// Every migration, oldest first.
    public static let migrations: [Migration] = [
        Migration(
            version: 1, identifier: "0001-initial",
            sql: String(decoding: PackageResources._001_initial_sql, as: UTF8.self)),
        Migration(
            version: 2, identifier: "0002-escalations",
            sql: String(decoding: PackageResources._002_escalations_sql, as: UTF8.self)),
        Migration(
            version: 3, identifier: "0003-walks",
            sql: String(decoding: PackageResources._003_walks_sql, as: UTF8.self)),
        Migration(
            version: 5, identifier: "0005-as-expected",
            sql: String(decoding: PackageResources._005_as_expected_sql, as: UTF8.self)),
    ]

    /// The statements of `sql`, split at the semicolons outside quotes, dollar-quoted bodies and
    /// comments, without the empty ones.
    public static func statements(in sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        let characters = Array(sql)
        var index = 0
        func flush() {
            let statement = current.trimmingWhitespace()
            if !statement.isEmpty && !statement.allLinesAreComments() { statements.append(statement) }
            current = ""
        }
        while index < characters.count {
            let character = characters[index]
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            switch character {
            case "-" where next == "-":
                // A comment to the end of the line.
                while index < characters.count && characters[index] != "\n" {
                    current.append(characters[index])
                    index += 1
                }
                continue
            case "/" where next == "*":
                let end = find(["*", "/"], in: characters, from: index + 2) ?? characters.count
                current.append(contentsOf: characters[index..<end])
                index = end
                continue
            case "'", "\"":
                // A string or quoted identifier; a doubled quote stays inside it.
                var end = index + 1
                while end < characters.count {
                    if characters[end] == character {
                        if end + 1 < characters.count && characters[end + 1] == character {
                            end += 2
                            continue
                        }
                        break
                    }
                    end += 1
                }
                end = min(end + 1, characters.count)
                current.append(contentsOf: characters[index..<end])
                index = end
                continue
            case "$":
                // A dollar-quoted body: $$…$$ or $tag$…$tag$.
                var tagEnd = index + 1
                while tagEnd < characters.count && (characters[tagEnd].isLetter || characters[tagEnd] == "_") {
                    tagEnd += 1
                }
                if tagEnd < characters.count && characters[tagEnd] == "$" {
                    let tag = Array(characters[index...tagEnd])
                    let end = find(tag, in: characters, from: tagEnd + 1) ?? characters.count
                    current.append(contentsOf: characters[index..<end])
                    index = end
                    continue
                }
            case ";":
                flush()
                index += 1
                continue
            default:
                break
            }
            current.append(character)
            index += 1
        }
        flush()
        return statements
    }

    /// The index just after the first `pattern` in `characters` at or after `start`.
    private static func find(_ pattern: [Character], in characters: [Character], from start: Int) -> Int? {
        guard pattern.count <= characters.count else { return nil }
        var index = start
        while index + pattern.count <= characters.count {
            if Array(characters[index..<index + pattern.count]) == pattern { return index + pattern.count }
            index += 1
        }
        return nil
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }

    fileprivate func allLinesAreComments() -> Bool {
        split(separator: "\n").allSatisfy { line in
            let text = line.drop { $0.isWhitespace }
            return text.isEmpty || text.hasPrefix("--")
        }
    }
}
