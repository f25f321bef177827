import Foundation
import ImprovementKata
import KataStore
import PostgresNIO

/// Turns what PostgreSQL and postgres-nio report into words a manager can act on, with the same
/// messages as the SQLite store for the same broken rule; no SQL and no password gets through.
enum PostgresErrors {
    /// Whether `error` is PostgreSQL giving up a transaction that ran into another (it can be
    /// run again as it is).
    static func isSerializationFailure(_ error: PSQLError) -> Bool {
        let state = error.serverInfo?[.sqlState]
        return state == "40001" || state == "40P01"
    }

    /// The `KataError` for any error a database call threw (a `KataError` stays as it is).
    static func translate(_ error: any Error, at location: PostgresLocation) -> KataError {
        switch error {
        case let error as KataError: return error
        case let error as PSQLError: return translate(error, at: location)
        case let error as PostgresDecodingError:
            return .unusableDatabase(
                "the database holds a value kata cannot read in \(error.columnName); run 'kata check'.")
        case is CancellationError: return .failure("the request was cancelled before the database answered.")
        default: return .unavailable("the database \(location) cannot be used: \(error).")
        }
    }

    static func translate(_ error: PSQLError, at location: PostgresLocation) -> KataError {
        guard error.code == .server, let info = error.serverInfo else {
            return .unavailable("the database \(location) cannot be reached: \(reason(error)).")
        }
        let state = info[.sqlState] ?? ""
        let message = info[.message] ?? ""
        if let range = message.range(of: "kata: ") {
            return .ruleBroken(String(message[range.upperBound...]) + ".")
        }
        switch state {
        case "23505":
            switch info[.constraintName] {
            case "target_one_active":
                return .ruleBroken(
                    "the learner already has an active target condition for this focus process; close it first.")
            case "obstacle_one_working":
                return .ruleBroken("another obstacle of this target condition is being worked; one at a time.")
            default:
                return .ruleBroken("that record exists already.")
            }
        case "23503":
            return .ruleBroken("a reference points to a record that does not exist.")
        case "23502":
            return .ruleBroken("\(info[.columnName] ?? "a field") is required and was not given.")
        case "23514":
            return .ruleBroken(checkFailure(constraint: info[.constraintName], table: info[.tableName]))
        case "22007", "22008":
            return .ruleBroken("a date is not a real calendar date (YYYY-MM-DD).")
        case "40001", "40P01":
            // Busy, not broken: a server answers 503 and the command line keeps a cycle in its outbox.
            return .unavailable("the database is busy with other writes at the same moment; try again in a moment.")
        case "53100":
            return .failure("the database's disk is full; nothing was written.")
        case "28000", "28P01":
            return .unavailable("the database \(location) refused the sign-in: \(message).")
        case "3D000":
            return .unavailable("the database \(location) does not exist: \(message).")
        default:
            if state.hasPrefix("08") || state.hasPrefix("57P") || state.hasPrefix("53") {
                return .unavailable("the database \(location) cannot be used now: \(message).")
            }
            return .failure("the database could not complete the command (PostgreSQL error \(state)).")
        }
    }

    /// Names the field a failed CHECK constraint is about (`person_name_check` is about name).
    static func checkFailure(constraint: String?, table: String?) -> String {
        guard var name = constraint else { return "a value breaks a rule of the kata database." }
        if let table, name.hasPrefix(table + "_") { name.removeFirst(table.count + 1) }
        if let range = name.range(of: "_check", options: .backwards) { name = String(name[..<range.lowerBound]) }
        switch name {
        case "", "kata_words": return "a text that must say something is empty."
        case "kata_handle": return "a handle may have only a-z, 0-9, '.', '_' and '-' (1 to 64)."
        default: return "the value of \(name) is not allowed here."
        }
    }

    /// Why a connection failed, without the query or the password.
    static func reason(_ error: PSQLError) -> String {
        if let underlying = error.underlying { return String(describing: underlying) }
        switch error.code {
        case .serverClosedConnection, .uncleanShutdown: return "the server closed the connection"
        case .clientClosedConnection, .poolClosed: return "the store was closed"
        case .sslUnsupported: return "the server does not offer TLS (sslmode=require)"
        default: return error.code.description
        }
    }
}
