import Foundation
import ImprovementKata

/// The read-only cache of the caller's own scope (DESIGN §10.4): JSON documents the server sent,
/// by key (`storyboard/bo`, `due/ann`), each with the instant it was fetched.
///
/// Only for answering `storyboard` and `due` when the server cannot be reached, saying how old the
/// answer is. The server always wins: a fresh answer replaces the cached one. The file is 0600
/// beside the credentials and is replaced whole on every write.
public struct ResponseCache: Sendable {
    /// A cached document and when the server sent it.
    public struct Document: Sendable, Equatable, Codable {
        /// The JSON as the server sent it.
        public var json: String
        public var fetched: Date

        /// How long ago the server sent it.
        public func age(at now: Date) -> TimeInterval { max(0, now.timeIntervalSince(fetched)) }
    }

    private struct Contents: Codable {
        var documents: [String: Document] = [:]
    }

    let path: String

    public init(files: ClientFiles) { path = files.cache }

    /// The document kept under `key`, nil when none is.
    public func document(_ key: String) throws -> Document? {
        try contents().documents[key]
    }

    /// Keeps `body` under `key`, replacing what was there.
    public func store(_ body: Data, as key: String, fetched: Date) throws {
        guard let json = String(data: body, encoding: .utf8) else { return }
        var contents = try contents()
        contents.documents[key] = Document(json: json, fetched: fetched)
        try PrivateFile.write(try WireJSON.encoder().encode(contents), to: path)
    }

    /// Forgets every document (at sign-out: they belong to the account signed in).
    public func clear() throws {
        try PrivateFile.remove(path)
    }

    /// A cache that cannot be read is as good as none: it is only ever a fallback.
    private func contents() throws -> Contents {
        guard let data = try PrivateFile.read(path) else { return Contents() }
        return (try? WireJSON.decoder().decode(Contents.self, from: data)) ?? Contents()
    }
}

extension ResponseCache.Document {
    /// "3 hours", "2 days": the age in the largest whole unit, for "as of … ago".
    public static func describe(age: TimeInterval) -> String {
        let minutes = Int(age / 60)
        func plural(_ count: Int, _ unit: String) -> String { "\(count) \(unit)\(count == 1 ? "" : "s")" }
        if minutes < 1 { return "less than a minute" }
        if minutes < 60 { return plural(minutes, "minute") }
        if minutes < 48 * 60 { return plural(minutes / 60, "hour") }
        return plural(minutes / (24 * 60), "day")
    }
}
