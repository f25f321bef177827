import Foundation
import GRDB
import GRDBSQLite

/// A prepared INSERT executed through the SQLite C API, for the kinds that come by the hundred
/// thousand (coaching cycles, experiments, obstacles).
///
/// GRDB's general path boxes every argument and keeps each string alive for the call; binding
/// the bytes directly saves about a fifth of the importing thread's time. The statement is
/// GRDB's own, so it is finalised with the connection, and errors come back as `DatabaseError`
/// for `KataStore.translate`.
final class RawInsert {
    /// A value to bind.
    enum Value {
        case text(String)
        /// An id, bound as its interchange text without making a string of it.
        case uuid(UUID)
        case integer(Int)
        case null
    }

    private let statement: Statement
    private let db: Database
    private static let transient = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    /// Runs the statement with `values`; returns whether a row was added.
    func run(_ values: [Value]) throws -> Bool {
        let handle = statement.sqliteStatement
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case var .text(text):
                text.withUTF8 { bytes in
                    _ = sqlite3_bind_text(
                        handle, index, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
                        Int32(bytes.count), Self.transient)
                }
            case let .uuid(id):
                id.withInterchangeText { bytes in
                    _ = sqlite3_bind_text(
                        handle, index, bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count),
                        Self.transient)
                }
            case let .integer(number): sqlite3_bind_int64(handle, index, Int64(number))
            case .null: sqlite3_bind_null(handle, index)
            }
        }
        let code = sqlite3_step(handle)
        sqlite3_reset(handle)
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: statement.sql)
        }
        return sqlite3_changes(db.sqliteConnection) > 0
    }
}

extension RawInsert.Value {
    static func text(_ value: String?) -> Self { value.map(Self.text) ?? .null }
    static func integer(_ value: Int?) -> Self { value.map(Self.integer) ?? .null }
    static func uuid(_ value: UUID?) -> Self { value.map(Self.uuid) ?? .null }
}
