import Foundation
import ImprovementKata
import KataStore

/// The fields of `POST /admin/accounts` exactly as typed.
///
/// The handle of the person the account is for, and the roles ticked (`roles[]`, each `lean`, `hr`
/// or `admin`). The account is made without a password, so that the answer carries a one-time
/// set-password link, as `POST /api/v1/accounts` without `password` does.
struct AdminAccountForm: AdminForm {
    var csrf: String?
    var handle: String?
    var roles: [String]?

    /// The account the API would add from the same answers, or the messages of the fields that
    /// cannot be taken, by field name.
    func newAccount() -> Result<NewAccount, FieldErrors> {
        var errors = FieldErrors()
        var handle: Handle?
        if let text = self.handle.nonBlank {
            do {
                handle = try Handle(typed: text, field: "handle")
            } catch {
                errors.add(Self.refusal(error, field: "handle"))
            }
        } else {
            errors.add(KataError.missing(fields: ["handle"], hint: "Give the handle of the person the account is for."))
        }
        var roles: Set<Role> = []
        do {
            roles = try Role.set(named: self.roles ?? [])
        } catch {
            errors.add(Self.refusal(error, field: "roles"))
        }
        guard let handle, errors.isEmpty else { return .failure(errors) }
        return .success(NewAccount(handle: handle, roles: roles))
    }

    /// `error` as the message next to `field`.
    static func refusal(_ error: any Error, field: String) -> KataError {
        (error as? KataError) ?? .invalidValue(field: field, value: "", expected: "a value this form offers")
    }
}

/// The fields of `POST /admin/accounts/{handle}/roles`: the roles the account is to have, as
/// ticked (none ticked: no roles).
struct AdminRolesForm: AdminForm {
    var csrf: String?
    var roles: [String]?
}
