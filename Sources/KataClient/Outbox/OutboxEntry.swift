import Foundation

/// A record kept while the server could not be reached (DESIGN §10.4), to be sent later as it was typed.
///
/// Its id is the record's own, made by the client, so that sending it again after a lost answer
/// stores it once (the server answers 200 for a repeat).
public struct OutboxEntry: Codable, Sendable, Equatable {
    /// What kind of record waits.
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case cycle, observation, walk
    }

    /// Why the server refused the entry the last time it was sent.
    public struct Refusal: Codable, Sendable, Equatable {
        /// The error's stable code (`rule-broken`, `forbidden`, …).
        public var code: String
        /// The server's message, as the command would have printed it.
        public var message: String
        /// When it was refused.
        public var at: Date
    }

    /// The record's id, the same in the body.
    public var id: UUID
    public var kind: Kind
    /// The API path it is posted to (`/api/v1/cycles`).
    public var path: String
    /// The JSON body, as the command made it.
    public var body: String
    /// When the command kept it.
    public var queued: Date
    /// The server's last refusal, nil if it was never refused.
    public var refusal: Refusal?

    public init(id: UUID, kind: Kind, path: String, body: String, queued: Date, refusal: Refusal? = nil) {
        self.id = id
        self.kind = kind
        self.path = path
        self.body = body
        self.queued = queued
        self.refusal = refusal
    }
}
