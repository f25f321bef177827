import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataExport
import KataStore

/// Storyboards, the due list, practice (DESIGN §6) and review packets (§7).
struct InsightRoutes {
    let data: DataRoutes

    func add(to api: RouterGroup<KataRequestContext>) {
        api.get("storyboards/{learner}") { request, context in
            let values = RequestValues(request, context)
            let learner = try values.pathHandle("learner")
            let storyboard = try await data.caller(context).store.storyboard(
                learner: learner, target: try values.uuid("target"))
            return JSONResponse.make(storyboard)
        }
        api.get("due") { request, context in
            let values = RequestValues(request, context)
            let coach = try values.handle("coach")
            let day: Day
            if let asked = try values.day("date") { day = asked } else { day = try await data.today() }
            return JSONResponse.list("due", try await data.caller(context).store.due(coach: coach, on: day))
        }
        api.get("practice") { request, context in try await practice(request, context) }
        api.get("reviews/{coach}") { request, context in
            let coach = try RequestValues(request, context).pathHandle("coach")
            return try await reviews(of: coach, request, context)
        }
        api.get("reviews") { request, context in try await reviews(of: nil, request, context) }
    }

    /// The §6 document, the same bytes as `kata practice --format json` for the same question.
    func practice(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let values = RequestValues(request, context)
        let filter = PracticeFilter(
            coach: try values.handle("coach"), unit: values.text("unit"),
            secondCoach: try values.handle("second-coach"))
        guard [filter.coach != nil, filter.unit != nil, filter.secondCoach != nil].filter({ $0 }).count <= 1 else {
            throw KataError.usage("give at most one of coach, unit and second-coach.")
        }
        let grouping = try values.text("by").map { text in
            guard let grouping = PracticeGrouping(rawValue: text) else {
                throw KataError.invalidValue(field: "by", value: text, expected: "unit or second-coach")
            }
            return grouping
        }
        let below =
            try values.text("below").map { text in
                guard let share = Double(text), (0...1).contains(share) else {
                    throw KataError.invalidValue(
                        field: "below", value: text, expected: "a share from 0 to 1, such as 0.6")
                }
                return share
            } ?? 0.6
        let include = Set((values.text("include") ?? "").split(separator: ",").map(String.init))
        for part in include where !["dailyCycles", "learnersLeftLongest"].contains(part) {
            throw KataError.invalidValue(field: "include", value: part, expected: "dailyCycles or learnersLeftLongest")
        }
        let answer = try await data.caller(context).store.practice(
            PracticeRequest(
                period: try values.period(), filter: filter, today: try await data.today(),
                includeDailyCycles: include.contains("dailyCycles"), grouping: grouping, below: below,
                learnersLeftLongest: include.contains("learnersLeftLongest")))
        let text = PracticeJSON.document(answer.report, by: grouping?.rawValue, groups: answer.groups)
        guard !include.isEmpty else { return Self.document(text, contentType: "application/json; charset=utf-8") }
        return Self.document(
            try Self.adding(include, from: answer, to: text), contentType: "application/json; charset=utf-8")
    }

    /// The §6 document with the extras `include` asked for.
    ///
    /// Each coach's coached days (`dailyCycles`, by date) and the learners left longest serve the
    /// command line's calendar and text views. Without `include` the document is the CLI's, byte
    /// for byte.
    static func adding(_ include: Set<String>, from answer: PracticeAnswer, to text: String) throws -> String {
        if include == ["learnersLeftLongest"] {
            // Ten learners at most: written after the document's last member, instead of parsing
            // and writing again a document of 2,000 coaches (seconds with JSONSerialization).
            let list = try JSONSerialization.data(
                withJSONObject: leftLongest(answer), options: [.sortedKeys, .withoutEscapingSlashes])
            guard let end = text.lastIndex(of: "}") else {
                throw KataError.failure("the practice document could not be extended.")
            }
            return text[..<end] + ",\"learnersLeftLongest\":" + String(decoding: list, as: UTF8.self)
                + text[end...]
        }
        guard var document = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            var coaches = document["coaches"] as? [[String: Any]]
        else { throw KataError.failure("the practice document could not be extended.") }
        if include.contains("dailyCycles") {
            for (index, summary) in answer.report.coaches.enumerated() where index < coaches.count {
                coaches[index]["dailyCycles"] = Dictionary(
                    uniqueKeysWithValues: summary.dailyCycles.map { ($0.key.description, $0.value) })
            }
            document["coaches"] = coaches
        }
        if include.contains("learnersLeftLongest") { document["learnersLeftLongest"] = leftLongest(answer) }
        let data = try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// The learners left longest as the document's `learnersLeftLongest`.
    static func leftLongest(_ answer: PracticeAnswer) -> [[String: Any]] {
        answer.learnersLeftLongest.map { left -> [String: Any] in
            var row: [String: Any] = ["learner": left.learner, "name": left.name, "coach": left.coach]
            if let day = left.lastCycle { row["lastCycle"] = day.description }
            if let days = left.daysSinceLastCycle { row["daysSinceLastCycle"] = days }
            return row
        }
    }

    /// One coach's packet, or every coach's, as `kata export review` renders them; each packet
    /// made is in the audit log.
    func reviews(of coach: Handle?, _ request: Request, _ context: KataRequestContext) async throws -> Response {
        let values = RequestValues(request, context)
        let (signedIn, store) = try data.caller(context)
        let format =
            try values.text("format").map { text in
                guard let format = ReviewFormat(rawValue: text), coach != nil || format == .json || format == .csv
                else {
                    throw KataError.invalidValue(
                        field: "format", value: text, expected: coach == nil ? "json or csv" : "json, csv, md or html")
                }
                return format
            } ?? .json
        let privacy = ReviewPrivacy(
            learnerNames: try values.bool("learnerNames") ?? false, notes: try values.bool("notes") ?? false)
        let period = try values.period()
        let now = data.clock()
        let collection = try await ReviewPackets.make(
            ReviewRequest(
                coach: coach, period: period, today: try await data.today(), privacy: privacy, now: now,
                kataVersion: data.kataVersion),
            store: store, accounts: data.accounts, by: .token(signedIn.tokenID, account: signedIn.account.handle),
            at: now)
        let text: String
        if coach != nil, let packet = collection.packets.first {
            text = try format.render(packet)
        } else {
            text = try format.render(collection)
        }
        return Self.document(text, contentType: format.contentType)
    }

    static func document(_ text: String, contentType: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: contentType], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
