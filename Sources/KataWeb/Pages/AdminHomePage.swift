import Foundation
import Hummingbird
import KataServer

/// `GET /admin`: the admin home, linking to the accounts, the audit log and the people (DESIGN
/// §10.5); only admins open it, and the nav links here for them alone.
struct AdminHomePage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "admin", on: router) { _, _, visitor in
            try AdminAccess.require(visitor)
            return web.renderer.page("admin-home", [String: String](), title: "Administration", visitor: visitor)
        }
        AdminAccountsPage(web: web).add(to: router)
        AdminAccountPage(web: web).add(to: router)
        AdminAuditPage(web: web).add(to: router)
        AdminPeoplePage(web: web).add(to: router)
        AdminImportPage(web: web).add(to: router)
    }
}
