import Foundation
import ImprovementKata

/// What `kata login` keeps: the server, the token it made and whose it is (DESIGN §10.2).
///
/// The file is `$XDG_CONFIG_HOME/kata/credentials` (`~/.config/kata/credentials`), 0600 in a 0700
/// folder. The token is shown nowhere after login; only `ServerConnection` sends it.
public struct Credentials: Codable, Sendable, Equatable {
    /// The server's base URL, as `ServerConnection` keeps it.
    public var server: String
    /// The API token (`kata_` and 64 hex characters).
    public var token: String
    /// The token's id on the server, for `kata logout` and `kata token list`.
    public var tokenId: UUID
    /// The account signed in.
    public var handle: Handle

    public init(server: String, token: String, tokenId: UUID, handle: Handle) {
        self.server = server
        self.token = token
        self.tokenId = tokenId
        self.handle = handle
    }

    /// The credentials in `files`, nil when not signed in.
    public static func read(from files: ClientFiles) throws -> Credentials? {
        guard let data = try PrivateFile.read(files.credentials) else { return nil }
        do {
            return try WireJSON.decoder().decode(Credentials.self, from: data)
        } catch {
            throw KataError.failure(
                "\(files.credentials) is not a credentials file kata can read; remove it and sign in again with "
                    + "'kata login URL'.")
        }
    }

    /// Writes the credentials to `files`, 0600, replacing any there.
    public func write(to files: ClientFiles) throws {
        let encoder = WireJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        try PrivateFile.write(try encoder.encode(self), to: files.credentials)
    }

    /// Removes the credentials file; none there is no error.
    public static func delete(from files: ClientFiles) throws {
        try PrivateFile.remove(files.credentials)
    }

    /// A connection to the credentials' server with their token.
    public func connection(timeout: Duration = ServerConnection.defaultTimeout) throws -> ServerConnection {
        try ServerConnection(url: server, token: token, timeout: timeout)
    }
}
