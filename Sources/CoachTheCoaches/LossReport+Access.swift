import Foundation
import ImprovementKata
import KataStore

extension LossReport {
    /// Whether `caller` may see the losses view (DESIGN §10.3).
    ///
    /// The owner of a file, lean staff and admins see it across the organisation, a manager
    /// (someone reports to them, as `store` knows) for the people below them; HR and everyone
    /// else none.
    public static func mayRead(_ caller: Caller, in store: any KataService) async throws -> Bool {
        guard let me = caller.readScope else { return true }
        return try await store.hasReports(me)
    }

    /// The refusal for a caller who may not see the losses view.
    public static let notAllowed = KataError.forbidden("the losses view is for lean staff, managers and admins.")
}
