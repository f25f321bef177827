import Foundation
import ImprovementKata
import KataStore

/// The database file as the server's directory of accounts: the store's methods under the names
/// the server asks by. Its `AccountAdministration` methods are the store's own (SQLiteStore+Accounts).
extension SQLiteStore: AccountDirectory, AccountAdministration, WebSessionDirectory {
    public func signInRecord(handle: Handle) throws -> SignInRecord? {
        try signInRecord(handle).map { SignInRecord(account: $0.0, passwordHash: $0.passwordHash) }
    }

    public func owner(ofToken sha256: String, at: Date) throws -> TokenOwner? {
        try tokenOwner(sha256: sha256, at: at).map { TokenOwner(account: $0.0, token: $0.1) }
    }

    public func tokens(of handle: Handle) throws -> [APIToken] { try tokens(handle: handle) }

    public func token(id: UUID) throws -> APIToken? { try token(id) }

    public func revokeToken(id: UUID, at: Date) throws { _ = try revokeToken(id, at: at) }

    public func personName(handle: Handle) throws -> String? { try person(handle)?.name }

    public func session(sha256: String, at now: Date) throws -> WebSession? {
        try sessionOwner(sha256: sha256, at: now).map { WebSession(account: $0.0, csrf: $0.csrf) }
    }
}
