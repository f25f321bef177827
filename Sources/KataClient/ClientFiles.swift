/// Where the client keeps its files: the credentials, the read-only cache and the outbox, side by
/// side in one private folder (`$XDG_CONFIG_HOME/kata`).
public struct ClientFiles: Sendable, Equatable {
    /// The folder, created 0700 when first written to.
    public let folder: String

    public init(folder: String) { self.folder = folder }

    /// The credentials of `kata login`.
    public var credentials: String { folder + "/credentials" }
    /// The read-only cache of the caller's scope.
    public var cache: String { folder + "/cache" }
    /// The outbox: one file per record waiting for the server.
    public var outbox: String { folder + "/outbox" }
}
