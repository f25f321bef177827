import CoachTheCoaches
import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// The Chain page: `GET /chain?weeks=[&from=]` (DESIGN §11.2, §10.5).
///
/// The reporting tree as `GET /api/v1/chain` answers it from the same store call: lean staff and
/// admins see the organisation, a manager their own line; anyone else is refused (403). Each
/// person is marked ● (coached, and their coaching touched from above or beside) or ○; the gaps
/// follow as sentences, never as a score.
struct ChainPage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "chain", on: router) { request, _, visitor in
            let query = request.uri.queryParameters
            let weeks = try Self.weeks(query["weeks"].map(String.init))
            let from = try query["from"].map(String.init).flatMap(\.nonBlankText).map {
                try Handle(typed: $0, field: "from")
            }
            let chain = try await web.backend(visitor).chain(
                ChainRequest(from: from, weeks: weeks, today: try await web.today()))
            return web.renderer.page("chain", ChainView(chain), title: "Chain", visitor: visitor)
        }
    }

    /// `weeks=4`: whole weeks from 1 to 520; 4 when not given.
    static func weeks(_ text: String?) throws -> Int {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return 4 }
        guard let weeks = Int(text), (1...520).contains(weeks) else {
            throw KataError.invalidValue(field: "weeks", value: text, expected: "a number of weeks from 1 to 520")
        }
        return weeks
    }
}

extension String {
    fileprivate var nonBlankText: String? {
        let text = trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}
