import Foundation
import HummingbirdBcrypt
import NIOPosix

/// Checks a password against its bcrypt hash away from the server's event loops.
package enum PasswordCheck {
    /// A hash of a password no one has, checked when the handle has no account, so that a wrong
    /// handle takes as long as a wrong password.
    private static let standIn = Bcrypt.hash(TokenSecret.make(), cost: 12)

    /// Whether `password` matches `hash` (always false without a hash, after as much work).
    ///
    /// `Bcrypt.verify` is synchronous and takes a quarter of a second at cost 12, so it runs on
    /// NIO's thread pool: neither an event loop nor the threads Swift's tasks share.
    package static func verify(_ password: String, against hash: String?) async -> Bool {
        // The stand-in is made (once) inside the task too: hashing it is as slow as checking.
        let matches = try? await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash ?? standIn) }
        return hash != nil && matches == true
    }

    /// The bcrypt hash of `password` at `cost` (DESIGN §10.2: 12), made on NIO's thread pool like
    /// `verify`.
    package static func hash(_ password: String, cost: UInt8 = 12) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }
}
