import CoachTheCoaches
import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// The Practice page: `GET /practice?period=|from=&to=[&group=unit|second-coach][&below=60]`
/// (DESIGN §6, §10.5).
///
/// The §6 figures of every coach the visitor may see, as `GET /api/v1/practice` answers them from
/// the same store call: lean staff and admins see everyone, a 2nd coach the coaches they oversee,
/// a manager their line, anyone their own practice as coach. Sorted by handle, never ranked; each
/// coach with a strip of coached days per week, the roll-up when `group` asks for one, only the
/// coaches below a cadence with `below` (a percentage), and the learners left longest.
struct PracticePage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "practice", on: router) { request, _, visitor in
            let query = request.uri.queryParameters
            let today = try await web.today()
            let choice = try PracticePeriod(query, today: today)
            let grouping = try Self.grouping(query["group"].map(String.init))
            let below = try Self.below(query["below"].map(String.init))
            let answer = try await web.backend(visitor).practice(
                PracticeRequest(
                    period: choice.period, today: today, includeDailyCycles: false, grouping: grouping,
                    below: Double(below ?? Self.defaultBelow) / 100, learnersLeftLongest: true))
            let workweek = try await web.server.store(.owner).settings().calendar.workweek.count
            let view = PracticeView(
                answer, choice: choice, grouping: grouping, below: below, workweek: workweek)
            return web.renderer.page("practice", view, title: "Practice", visitor: visitor)
        }
    }

    /// The cadence, in percent, under which a coach is flagged and counted in the roll-up when
    /// `below` is not given: 60 %, as `kata practice` flags it.
    static let defaultBelow = 60

    /// `group=unit` or `group=second-coach`; nil when not given.
    static func grouping(_ text: String?) throws -> PracticeGrouping? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let grouping = PracticeGrouping(rawValue: text) else {
            throw KataError.invalidValue(field: "group", value: text, expected: "unit or second-coach")
        }
        return grouping
    }

    /// `below=60`: a whole percentage of workdays, 0 to 100; nil when not given.
    static func below(_ text: String?) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let percent = Int(text.hasSuffix("%") ? String(text.dropLast()) : text), (0...100).contains(percent)
        else {
            throw KataError.invalidValue(
                field: "below", value: text, expected: "a whole percentage of workdays from 0 to 100, such as 60")
        }
        return percent
    }
}

extension WebPages {
    /// The store that answers for `visitor`, with the practice figures of DESIGN §6.
    func backend(_ visitor: Visitor) -> any KataBackend { server.store(visitor.caller) }
}
