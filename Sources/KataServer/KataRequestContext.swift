import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore
import NIOCore

/// The signed-in account a request comes from, and the token it signed with.
public struct SignedIn: Sendable, Equatable {
    public var account: Account
    public var tokenID: UUID

    /// The identity the access rules decide on.
    public var caller: Caller { account.caller }
    /// How the audit log names the credential (`token:<id>`).
    var via: String { "token:" + tokenID.wireText }
}

/// What one request carries through kata's middleware and routes.
public struct KataRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The peer of the connection; nil when there is none (requests made in process by tests).
    public let peerAddress: String?
    /// The address the request comes from: the peer, or the last proxy hop behind a trusted proxy.
    public internal(set) var clientAddress: String?
    /// The account the bearer token signs in as; nil on routes that need none.
    public internal(set) var signedIn: SignedIn?
    /// The largest body taken, from the server's configuration.
    public internal(set) var maxUploadSize: Int
    /// The time a JSON body has to arrive whole, from the server's configuration.
    public internal(set) var bodyDeadline: Duration = BodyDeadline.standard
    /// Shared by every copy of the context, so that the request log learns who signed in.
    package let notes = RequestNotes()

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
        maxUploadSize = ServerConfiguration.defaultBodyLimit
    }

    /// The signed-in account, or `notSignedIn` on a route that was reached without one.
    func requireSignedIn() throws -> SignedIn {
        guard let signedIn else { throw KataError.notSignedIn(BearerAuthenticator.signInFirst) }
        return signedIn
    }
}

/// What the routes tell the request log about a request, once it is known.
package final class RequestNotes: @unchecked Sendable {
    private let lock = NSLock()
    private var storedAccount: String?

    /// The handle of the account the request was made as.
    package var account: String? {
        get { lock.withLock { storedAccount } }
        set { lock.withLock { storedAccount = newValue } }
    }
}

extension UUID {
    /// The id as the API writes it: lower case.
    var wireText: String { uuidString.lowercased() }
}
