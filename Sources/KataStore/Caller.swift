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

    /// Whether the caller has `role` (the owner of a file has every role).
    public func has(_ role: Role) -> Bool {
        switch self {
        case .owner: return true
        case let .account(_, roles): return roles.contains(role)
        }
    }
}
