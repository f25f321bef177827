import Foundation
import ImprovementKata
import NIOSSL
import PostgresNIO

/// Where a kata database on PostgreSQL is and how to reach it, read from a URL of the form
/// `postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=disable|prefer|require]`.
///
/// `postgresql://` is accepted too. Without a port the connection goes to 5432; without
/// `sslmode` it prefers TLS, as libpq does. The password is kept for the connection only: it is
/// never part of `description`.
///
/// ```swift
/// let location = try PostgresLocation(url: "postgres://kata@db.example.com/kata?sslmode=require")
/// location.description  // "postgres://kata@db.example.com:5432/kata"
/// ```
public struct PostgresLocation: Sendable, Equatable, CustomStringConvertible {
    /// Whether the connection is encrypted.
    public enum TransportSecurity: String, Sendable, Equatable {
        case disable, prefer, require
    }

    public var host: String
    public var port: Int
    public var user: String
    public var password: String?
    public var database: String
    public var security: TransportSecurity

    public init(
        host: String, port: Int = 5432, user: String, password: String? = nil, database: String,
        security: TransportSecurity = .prefer
    ) {
        self.host = host
        self.port = port
        self.user = user
        self.password = password
        self.database = database
        self.security = security
    }

    /// Reads a `postgres://` URL; throws `KataError.invalidValue` naming what is wrong with it.
    public init(url text: String, field: String = "--database") throws {
        func invalid(_ expected: String) -> KataError {
            KataError.invalidValue(field: field, value: PostgresLocation.hidingPassword(text), expected: expected)
        }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            scheme == "postgres" || scheme == "postgresql"
        else {
            throw invalid("a URL postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        guard let host = components.host, !host.isEmpty else {
            throw invalid("a URL with a host (postgres://USER@HOST/DATABASE)")
        }
        guard let user = components.user, !user.isEmpty else {
            throw invalid("a URL with a user (postgres://USER@HOST/DATABASE)")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw invalid("a URL with one database name after the host (postgres://USER@HOST/DATABASE)")
        }
        var security = TransportSecurity.prefer
        for item in components.queryItems ?? [] {
            guard item.name == "sslmode" else {
                throw invalid("no other parameter than sslmode (disable, prefer or require), not \(item.name)")
            }
            guard let mode = item.value.flatMap(TransportSecurity.init(rawValue:)) else {
                throw invalid("sslmode=disable, sslmode=prefer or sslmode=require")
            }
            security = mode
        }
        if let port = components.port, !(1...65535).contains(port) { throw invalid("a port from 1 to 65535") }
        self.init(
            host: host.hasPrefix("[") ? String(host.dropFirst().dropLast()) : host, port: components.port ?? 5432,
            user: components.percentEncodedUser?.removingPercentEncoding ?? user,
            password: components.percentEncodedPassword?.removingPercentEncoding, database: database,
            security: security)
    }

    /// The URL without its password, for messages and logs.
    public var description: String { "postgres://\(user)@\(host):\(port)/\(database)" }

    /// `text` with the password of a URL in it replaced by `***`, so that a message can quote it.
    static func hidingPassword(_ text: String) -> String {
        guard var components = URLComponents(string: text), components.password != nil else { return text }
        components.password = "***"
        return components.string ?? "the URL"
    }

    /// The configuration of the connection pool, with at most `poolSize` connections.
    func clientConfiguration(poolSize: Int) throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch security {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.maximumConnections = poolSize
        configuration.options.minimumConnections = 0
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "kata")]
        return configuration
    }

    /// The configuration of one connection of its own (the migrations at start).
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch security {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw KataError.failure("cannot set up TLS for \(self): \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: user, password: password, database: database, tls: tls)
        configuration.options.connectTimeout = .seconds(10)
        configuration.options.additionalStartupParameters = [("application_name", "kata")]
        return configuration
    }
}
