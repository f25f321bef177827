import Foundation
import GRDB
import GRDBSQLite
import KataInterchange
import KataStore

/// A prepared INSERT executed through the SQLite C API, for the kinds that come by the hundred
/// thousand (coaching cycles, experiments, obstacles).
///
/// GRDB's general path boxes every argument and keeps each string alive for the call; binding
/// the bytes directly saves about a fifth of the importing thread's time. The text of all values
/// is copied into one buffer of the statement's own and bound from there without SQLite making a
/// copy of each (`SQLITE_STATIC`): the system SQLite allocates without a lookaside, behind a
/// global lock, so ten copies per row were ten allocations and twenty locks. The statement is
/// GRDB's own, so it is finalised with the connection, and errors come back as `DatabaseError`
/// for `SQLiteStore.translate`.
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
    /// The text of the values being bound.
    ///
    /// Every run binds every parameter again, so no binding points into a buffer given up when
    /// this one grows.
    private var text = UnsafeMutableRawBufferPointer.allocate(byteCount: 4096, alignment: 16)
    private static let isStatic = unsafeBitCast(OpaquePointer(bitPattern: 0), to: sqlite3_destructor_type.self)

    init(_ db: Database, sql: String) throws {
        self.db = db
        statement = try db.makeStatement(sql: sql)
    }

    deinit {
        text.deallocate()
    }

    /// Runs the statement with `values`; returns whether a row was added.
    func run(_ values: [Value]) throws -> Bool {
        reserve(values)
        let handle = statement.sqliteStatement
        var used = 0
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            switch value {
            case var .text(string):
                let count = string.withUTF8 { bytes in
                    UnsafeMutableRawBufferPointer(rebasing: text[used..<used + bytes.count]).copyMemory(
                        from: UnsafeRawBufferPointer(bytes))
                    return bytes.count
                }
                bind(handle, index, used, count)
                used += count
            case let .uuid(id):
                id.write(into: UnsafeMutableRawBufferPointer(rebasing: text[used..<used + 36]))
                bind(handle, index, used, 36)
                used += 36
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

    private func bind(_ handle: OpaquePointer?, _ index: Int32, _ start: Int, _ count: Int) {
        let bytes = text.baseAddress.map { $0 + start }?.assumingMemoryBound(to: CChar.self)
        sqlite3_bind_text(handle, index, bytes, Int32(count), Self.isStatic)
    }

    /// Makes the buffer large enough for the text of `values`.
    private func reserve(_ values: [Value]) {
        var needed = 0
        for value in values {
            switch value {
            case let .text(string): needed += string.utf8.count
            case .uuid: needed += 36
            case .integer, .null: break
            }
        }
        guard needed > text.count else { return }
        text.deallocate()
        text = UnsafeMutableRawBufferPointer.allocate(byteCount: max(needed, 2 * text.count), alignment: 16)
    }
}

extension RawInsert.Value {
    static func text(_ value: String?) -> Self { value.map(Self.text) ?? .null }
    static func integer(_ value: Int?) -> Self { value.map(Self.integer) ?? .null }
    static func uuid(_ value: UUID?) -> Self { value.map(Self.uuid) ?? .null }
}
