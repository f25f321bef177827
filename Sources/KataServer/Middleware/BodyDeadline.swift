import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// Reads a request body that must arrive whole within a deadline (DESIGN §12: a client sending one
/// byte a second must not hold the server).
///
/// The API's JSON bodies and the web app's forms are small; a client that takes longer than the
/// deadline to send one is answered 408 and its connection closed. Large uploads (imports) are
/// read as they come instead, and a connection that sends nothing at all for
/// `ServerConfiguration.idleTimeout` is closed.
///
/// ```swift
/// let buffer = try await BodyDeadline.collect(request, upTo: 8 << 20, within: .seconds(30))
/// ```
public enum BodyDeadline {
    /// The time a small body (JSON, a form) has to arrive: 30 seconds.
    public static let standard: Duration = .seconds(30)

    /// The whole body of `request`, at most `limit` bytes (else `NIOTooManyBytesError`, a 413), or
    /// `BodyTimeout` (a 408) once `deadline` has passed without it.
    public static func collect(_ request: Request, upTo limit: Int, within deadline: Duration) async throws
        -> ByteBuffer
    {
        let body = request.body
        return try await withThrowingTaskGroup(of: ByteBuffer?.self) { group in
            group.addTask { try await body.collect(upTo: limit) }
            group.addTask {
                try await Task.sleep(for: deadline)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let buffer = first else {
                throw BodyTimeout(deadline: deadline)
            }
            return buffer
        }
    }
}

/// A request body that did not arrive within its deadline: answered 408, and the connection closed.
public struct BodyTimeout: Error, Sendable {
    public let deadline: Duration

    /// What the caller is told.
    public var message: String {
        "the request body did not arrive within \(deadline.components.seconds) seconds; send it again."
    }
}
