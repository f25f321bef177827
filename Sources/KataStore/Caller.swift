import ImprovementKata

/// Who asks the store for something: the identity the access rules of DESIGN §10.3 are decided on.
///
/// A database file used directly belongs to whoever holds it (`owner`); on a server every request
/// comes from a signed-in account.
public enum Caller: Sendable, Equatable {
    /// The holder of a database file: may read and write everything in it.
    case owner
    /// A signed-in account, with its person's handle and roles.
    case account(handle: Handle, roles: Set<Role>)

    /// The handle of the person calling, nil for the owner of a file.
    public var handle: Handle? {
        if case let .account(handle, _) = self { return handle }
        return nil
    }

    /// The handle whose scope limits what the caller reads (DESIGN §10.3): nil for the owner of a
    /// file, lean staff and admins, who read across the organisation.
    public var readScope: Handle? {
        guard case let .account(handle, roles) = self, roles.isDisjoint(with: [.lean, .admin]) else { return nil }
        return handle
    }

    /// Refuses anyone but the owner of a file and admins: `what` says what only an admin may do
    /// ("add people").
    public func requireAdmin(_ what: String) throws {
        guard !has(.admin) else { return }
        throw KataError.forbidden("only an admin may \(what).")
    }

    /// Whether the caller has `role` (the owner of a file has every role).
    public func has(_ role: Role) -> Bool {
        switch self {
        case .owner: return true
        case let .account(_, roles): return roles.contains(role)
        }
    }
}
