import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// `GET /api/v1/me`: who the token signs in as.
struct MeRoute {
    let accounts: any AccountDirectory

    struct Me: Encodable {
        var handle: String
        var name: String
        var roles: [String]
        var tokenId: String
    }

    func add(to group: RouterGroup<KataRequestContext>) {
        group.get("me") { _, context in
            let signedIn = try context.requireSignedIn()
            let handle = signedIn.account.handle
            let name = try await accounts.personName(handle: handle) ?? handle.rawValue
            let me = Me(
                handle: handle.rawValue, name: name, roles: signedIn.account.roles.sorted().map(\.rawValue),
                tokenId: signedIn.tokenID.wireText)
            return JSONResponse.make(me)
        }
    }
}
