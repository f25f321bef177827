import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataServer

/// The data routes of DESIGN §10.1 over a temporary database: what they answer, what they write
/// and what they refuse.
@Suite("Data routes: cycles, storyboards, due, observations, practice, reviews, export and import")
struct DataRouteTests {
    static let cycleID = "7d1e0c5a-3b0e-4c1e-9a55-2f6b9b1d0c01"

    static func cycleBody(id: String = cycleID, minutes: Int = 15, extra: String = "") -> String {
        #"{"id":"\#(id)","learner":"bo","date":"2026-11-24","minutes":\#(minutes),"actualCondition":"58 s","#
            + #""nextStep":"Kanban for screws","expected":"No stops","goSee":"2026-11-26"\#(extra)}"#
    }

    @Test(
        "POST /api/v1/cycles logs the cycle (coach: the caller) and audits it; the same id and content again answer 200 with one row"
    )
    func logCycleIdempotent() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            let first = try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody())
            #expect(first.status == .created, "\(first.text)")
            let cycle = first.object["cycle"] as? [String: Any] ?? [:]
            #expect(cycle["coach"] as? String == "ann")
            #expect(cycle["id"] as? String == Self.cycleID)
            #expect((first.object["planned"] as? [String: Any])?["step"] as? String == "Kanban for screws")
            let again = try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody())
            #expect(again.status == .ok, "\(again.text)")
            #expect(again.object["cycle"] is [String: Any])
            let tokenID = try await client.call(.get, "/api/v1/me", token: ann).object["tokenId"] as? String ?? ""
            let audit = await fixture.accounts.auditLog.filter { $0.kind == "cycle" }
            #expect(audit.count == 1)
            #expect(audit.first?.account?.rawValue == "ann")
            #expect(audit.first?.via == "token:" + tokenID)
            #expect(audit.first?.record == Self.cycleID)
            #expect(audit.first?.action == "add")
        }
        #expect(try fixture.database.cycles(CycleFilter()).count == 1)
    }

    @Test("another cycle under a used id is 409 with both versions, and nothing is written")
    func logCycleConflict() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            #expect(
                try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody()).status == .created)
            let other = try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody(minutes: 30))
            #expect(other.status == .conflict)
            #expect(other.errorCode == "conflict")
            let message = other.errorMessage ?? ""
            #expect(message.contains(#""minutes":15"#) && message.contains(#""minutes":30"#), "\(message)")
        }
        let cycles = try fixture.database.cycles(CycleFilter())
        #expect(cycles.map(\.minutes) == [15])
    }

    @Test("a coach logging a cycle for another coach's learner is 403 'you do not coach …', and nothing is written")
    func forbiddenWrite() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        let response = try await fixture.test { client in
            let ann = try await client.signIn("ann")
            return try await client.call(
                .post, "/api/v1/cycles", token: ann, json: #"{"id":"\#(UUID().uuidString)","learner":"eve"}"#)
        }
        #expect(response.status == .forbidden)
        #expect(response.errorCode == "forbidden")
        #expect(response.errorMessage?.contains("you do not coach eve") == true, "\(response.text)")
        #expect(try fixture.database.cycles(CycleFilter()).isEmpty)
        #expect(await fixture.accounts.auditLog.filter { $0.kind == "cycle" }.isEmpty)
    }

    @Test("a cycle, a storyboard and an obstacle list one may not see answer as for ones that do not exist")
    func invisibleReads() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            #expect(
                try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody()).status == .created)
            let dan = try await client.signIn("dan")
            let unknownID = "7d1e0c5a-3b0e-4c1e-9a55-2f6b9b1d0c99"
            let hidden = try await client.call(.get, "/api/v1/cycles/\(Self.cycleID)", token: dan)
            let missing = try await client.call(.get, "/api/v1/cycles/\(unknownID)", token: dan)
            #expect(hidden.status == .notFound)
            #expect(missing.status == .notFound)
            #expect(
                hidden.text.replacingOccurrences(of: Self.cycleID, with: "ID")
                    == missing.text.replacingOccurrences(of: unknownID, with: "ID"))
            #expect(try await client.call(.get, "/api/v1/storyboards/bo", token: dan).status == .notFound)
            let listed = try await client.call(.get, "/api/v1/cycles?learner=bo", token: dan)
            #expect(listed.status == .ok)
            #expect((listed.object["cycles"] as? [Any])?.isEmpty == true)
            let seen = try await client.call(.get, "/api/v1/cycles?learner=bo", token: ann)
            #expect((seen.object["cycles"] as? [Any])?.count == 1)
        }
    }

    @Test(
        "GET /api/v1/storyboards/{learner} and /api/v1/due answer the coach's learner, with today from the server's clock"
    )
    func storyboardAndDue() async throws {
        let fixture = try await ServerFixture()
        let team = try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            #expect(
                try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody()).status == .created)
            let board = try await client.call(.get, "/api/v1/storyboards/bo", token: ann)
            #expect(board.status == .ok, "\(board.text)")
            #expect((board.object["target"] as? [String: Any])?["id"] as? String == team.target.uuidString.lowercased())
            #expect((board.object["experiments"] as? [Any])?.count == 1)
            #expect((board.object["current"] as? [String: Any])?["text"] as? String == "58 s")
            let due = try await client.call(.get, "/api/v1/due?coach=ann&date=2026-11-26", token: ann)
            let learners = (due.object["due"] as? [[String: Any]] ?? []).compactMap {
                ($0["learner"] as? [String: Any])?["handle"] as? String
            }
            #expect(learners == ["bo"], "\(due.text)")
            let today = try await client.call(.get, "/api/v1/due?coach=ann", token: ann)
            #expect(today.status == .ok)
            let bad = try await client.call(.get, "/api/v1/due?date=2026-13-01", token: ann)
            #expect(bad.status == .badRequest)
            #expect(bad.errorField == "date")
        }
    }

    @Test("GET /api/v1/practice answers the same bytes as kata practice --format json for the same question")
    func practiceSameBytes() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            #expect(
                try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody()).status == .created)
            let root = try await client.signIn("root")
            for (query, arguments) in [
                ("from=2026-11-02&to=2026-11-29", [String]()),
                ("from=2026-11-02&to=2026-11-29&by=unit", ["--by", "unit"]),
                ("from=2026-11-16&to=2026-11-29&coach=ann", ["--coach", "ann"]),
            ] {
                let api = try await client.call(.get, "/api/v1/practice?" + query, token: root)
                #expect(api.status == .ok, "\(api.text)")
                let cli = await fixture.kata.run(
                    ["practice", "--format", "json"] + Self.period(query) + arguments)
                #expect(cli.exitCode == 0, "\(cli.errors)")
                #expect(api.text == cli.output)
                #expect(api.headers[.contentType]?.hasPrefix("application/json") == true)
            }
        }
    }

    @Test("include=learnersLeftLongest adds the list to the same document, whose other members stay as they are")
    func practiceLeftLongest() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let root = try await client.signIn("root")
            let plain = try await client.call(.get, "/api/v1/practice?from=2026-11-02&to=2026-11-29", token: root)
            let extended = try await client.call(
                .get, "/api/v1/practice?from=2026-11-02&to=2026-11-29&include=learnersLeftLongest", token: root)
            #expect(plain.status == .ok && extended.status == .ok, "\(extended.text)")
            var document = try #require(
                try JSONSerialization.jsonObject(with: Data(extended.text.utf8)) as? [String: Any])
            let left = try #require(document.removeValue(forKey: "learnersLeftLongest") as? [[String: Any]])
            #expect(!left.isEmpty && left.allSatisfy { $0["learner"] is String && $0["coach"] is String }, "\(left)")
            let expected = try #require(try JSONSerialization.jsonObject(with: Data(plain.text.utf8)) as? NSDictionary)
            #expect(NSDictionary(dictionary: document) == expected)
        }
    }

    /// `--from` and `--to` of a query's period.
    static func period(_ query: String) -> [String] {
        let fields = query.split(separator: "&").map { $0.split(separator: "=").map(String.init) }
        return fields.filter { ["from", "to"].contains($0[0]) }.flatMap { ["--" + $0[0], $0[1]] }
    }

    @Test("GET /api/v1/reviews/{coach} renders the packet as kata export review does, and audits who made it")
    func reviews() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            #expect(
                try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody()).status == .created)
            let hr = try await client.signIn("hr")
            let json = try await client.call(.get, "/api/v1/reviews/ann?from=2026-11-02&to=2026-11-29", token: hr)
            #expect(json.status == .ok, "\(json.text)")
            #expect(json.object["format"] as? String == "kata-review/1")
            let markdown = try await client.call(
                .get, "/api/v1/reviews/ann?from=2026-11-02&to=2026-11-29&format=md&learnerNames=true", token: hr)
            #expect(markdown.headers[.contentType]?.hasPrefix("text/markdown") == true)
            #expect(markdown.text.contains("Ann Lee"))
            let audit = await fixture.accounts.auditLog.filter { $0.kind == "review" }
            #expect(audit.count == 2)
            #expect(audit.last?.account?.rawValue == "hr" && audit.last?.record == "ann")
            #expect(audit.last?.detail?.contains("learnerNames=true") == true)
            let all = try await client.call(
                .get, "/api/v1/reviews?from=2026-11-02&to=2026-11-29&format=html", token: hr)
            #expect(all.status == .badRequest)
            #expect(all.errorField == "format")
            let notAllowed = try await client.call(
                .get, "/api/v1/reviews/dan?from=2026-11-02&to=2026-11-29", token: ann)
            #expect(notAllowed.status == .forbidden || notAllowed.status == .notFound, "\(notAllowed.text)")
        }
    }

    @Test("POST /api/v1/observations records a 2nd coach's observation; GET lists it")
    func observations() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let lena = try await client.signIn("lena")
            let id = UUID().uuidString.lowercased()
            let made = try await client.call(
                .post, "/api/v1/observations", token: lena,
                json: #"{"id":"\#(id)","date":"2026-11-24","secondCoach":"lena","coach":"ann","focus":"Q4 step size"}"#)
            #expect(made.status == .created, "\(made.text)")
            let listed = try await client.call(.get, "/api/v1/observations?coach=ann", token: lena)
            let ids = (listed.object["observations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ids == [id])
            let selfObserved = try await client.call(
                .post, "/api/v1/observations", token: lena,
                json: #"{"id":"\#(UUID().uuidString)","date":"2026-11-24","secondCoach":"lena","coach":"lena"}"#)
            #expect(selfObserved.status.code / 100 == 4, "\(selfObserved.text)")
        }
        #expect(try fixture.database.observations(coach: nil, secondCoach: nil).count == 1)
    }

    @Test("GET /api/v1/export streams every record as JSONL for an admin, and is 403 for a coach")
    func export() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let root = try await client.signIn("root")
            let jsonl = try await client.call(.get, "/api/v1/export", token: root)
            #expect(jsonl.status == .ok)
            #expect(jsonl.headers[.contentType] == "application/x-ndjson")
            let lines = jsonl.text.split(separator: "\n")
            #expect(lines.contains { $0.contains(#""kind":"person""#) && $0.contains(#""handle":"bo""#) })
            let csv = try await client.call(.get, "/api/v1/export?format=csv", token: root)
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            let ann = try await client.signIn("ann")
            let refused = try await client.call(.get, "/api/v1/export", token: ann)
            #expect(refused.status == .forbidden)
            #expect(refused.errorCode == "forbidden")
            let wrong = try await client.call(.get, "/api/v1/export?format=xml", token: root)
            #expect(wrong.status == .badRequest && wrong.errorField == "format")
        }
    }

    @Test("POST /api/v1/import imports all or nothing; a dry run reports and writes nothing")
    func importAllOrNothing() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        let person = #"{"kind":"person","handle":"zoe","name":"Zoe Park","active":true}"#
        let header = #"{"kind":"kata","version":1}"#
        try await fixture.test { client in
            let root = try await client.signIn("root")
            let exported = try await client.call(.get, "/api/v1/export", token: root).text
            let firstLine = exported.split(separator: "\n").first.map(String.init) ?? header
            let good = [firstLine, person].joined(separator: "\n") + "\n"
            let bad =
                [firstLine, person, #"{"kind":"person","handle":"Bad Handle!","name":"x"}"#].joined(separator: "\n")
                + "\n"
            let refused = try await client.call(.post, "/api/v1/import", token: root, bytes: Array(bad.utf8))
            #expect(refused.status.code / 100 == 4, "\(refused.text)")
            #expect(try fixture.database.person(Handle(validating: "zoe")) == nil)
            let dry = try await client.call(.post, "/api/v1/import?dry-run=true", token: root, bytes: Array(good.utf8))
            #expect(dry.status == .ok, "\(dry.text)")
            #expect(dry.object["dryRun"] as? Bool == true)
            #expect((dry.object["added"] as? [String: Any])?["person"] as? Int == 1)
            #expect(try fixture.database.person(Handle(validating: "zoe")) == nil)
            let done = try await client.call(.post, "/api/v1/import", token: root, bytes: Array(good.utf8))
            #expect(done.status == .ok, "\(done.text)")
            let ann = try await client.signIn("ann")
            let notAdmin = try await client.call(.post, "/api/v1/import", token: ann, bytes: Array(good.utf8))
            #expect(notAdmin.status == .forbidden)
        }
        #expect(try fixture.database.person(Handle(validating: "zoe"))?.name == "Zoe Park")
        #expect(await fixture.accounts.auditLog.filter { $0.kind == "import" }.count == 1)
    }

    @Test(
        "bad bodies and values are 400 naming the field, and write nothing",
        arguments: [
            (#"{"id":"7d1e0c5a-3b0e-4c1e-9a55-2f6b9b1d0c01","learner":"bo","mood":"good"}"#, "mood"),
            (#"{"id":"7d1e0c5a-3b0e-4c1e-9a55-2f6b9b1d0c01","learner":"bo","minutes":"ten"}"#, "minutes"),
            (#"{"id":"7d1e0c5a-3b0e-4c1e-9a55-2f6b9b1d0c01","learner":"bo","date":"2026-02-30"}"#, "date"),
            (#"{"id":"not-a-uuid","learner":"bo"}"#, "id"),
            (#"{"id":"7d1e0c5a-3b0e-4c1e-9a55-2f6b9b1d0c01","learner":"bo","minutes":5000}"#, "minutes"),
            (#"[1,2]"#, "body"),
        ])
    func badInput(body: String, field: String) async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        let response = try await fixture.test { client in
            let ann = try await client.signIn("ann")
            return try await client.call(.post, "/api/v1/cycles", token: ann, json: body)
        }
        #expect(response.status == .badRequest, "\(response.text)")
        #expect(response.errorField == field, "\(response.text)")
        #expect(try fixture.database.cycles(CycleFilter()).isEmpty)
    }

    @Test("a body that is not UTF-8 and an id in the path that is not a UUID are 400")
    func badBytesAndPaths() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let ann = try await client.signIn("ann")
            let bytes = try await client.call(.post, "/api/v1/cycles", token: ann, bytes: [0x7B, 0xFF, 0xFE, 0x7D])
            #expect(bytes.status == .badRequest && bytes.errorField == "body")
            let path = try await client.call(.get, "/api/v1/cycles/..%2F..%2Fetc%2Fpasswd", token: ann)
            #expect(path.status == .badRequest && path.errorField == "id", "\(path.text)")
            let handle = try await client.call(.get, "/api/v1/storyboards/..", token: ann)
            #expect(handle.status.code / 100 == 4, "\(handle.text)")
            let anonymous = try await client.call(.get, "/api/v1/cycles")
            #expect(anonymous.status == .unauthorized)
        }
    }

    @Test(
        "PATCH /api/v1/people/{handle}: a field left out keeps its value, reportsTo null clears the manager; a coach may not"
    )
    func editPerson() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        try await fixture.test { client in
            let root = try await client.signIn("root")
            let unit = try await client.call(.patch, "/api/v1/people/bo", token: root, json: #"{"unit":"Paint"}"#)
            #expect(unit.status == .ok, "\(unit.text)")
            #expect(unit.object["reportsTo"] as? String == "ann")
            #expect(unit.object["unit"] as? String == "Paint")
            let cleared = try await client.call(.patch, "/api/v1/people/bo", token: root, json: #"{"reportsTo":null}"#)
            #expect(cleared.status == .ok, "\(cleared.text)")
            #expect(cleared.object["reportsTo"] == nil)
            let handle = try await client.call(.patch, "/api/v1/people/bo", token: root, json: #"{"handle":"eve"}"#)
            #expect(handle.status == .badRequest && handle.errorField == "handle")
            let ann = try await client.signIn("ann")
            let refused = try await client.call(.patch, "/api/v1/people/bo", token: ann, json: #"{"unit":"Weld"}"#)
            #expect(refused.status == .forbidden)
            let settings = try await client.call(.get, "/api/v1/settings", token: root)
            #expect(settings.object["workweek"] as? [Int] == [1, 2, 3, 4, 5])
        }
        let bo = try fixture.database.person(Handle(validating: "bo"))
        #expect(bo?.unit == "Paint" && bo?.reportsTo == nil)
    }

    @Test(
        "PATCH /api/v1/settings with no working day is 400 naming workweek; the settings and /readyz stay as they were")
    func workweekWithoutDays() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let root = try await client.signIn("root")
            let refused = try await client.call(.patch, "/api/v1/settings", token: root, json: #"{"workweek":[]}"#)
            #expect(refused.status == .badRequest, "\(refused.text)")
            #expect(refused.errorField == "workweek")
            let settings = try await client.call(.get, "/api/v1/settings", token: root)
            #expect(settings.object["workweek"] as? [Int] == [1, 2, 3, 4, 5])
            #expect(try await client.call(.get, "/readyz").status == .ok)
        }
    }

    @Test("the same cycle sent five times at once is stored once, and every answer is 201 or 200 with it")
    func concurrentRetries() async throws {
        let fixture = try await ServerFixture()
        try await fixture.makeTeam()
        let statuses = try await fixture.test(.live) { client in
            let ann = try await client.signIn("ann")
            return try await withThrowingTaskGroup(of: UInt.self) { group in
                for _ in 0..<5 {
                    group.addTask {
                        UInt(
                            try await client.call(.post, "/api/v1/cycles", token: ann, json: Self.cycleBody()).status
                                .code)
                    }
                }
                return try await group.reduce(into: [UInt]()) { $0.append($1) }
            }
        }
        #expect(statuses.sorted() == [200, 200, 200, 200, 201])
        #expect(try fixture.database.cycles(CycleFilter()).count == 1)
        #expect(await fixture.accounts.auditLog.filter { $0.kind == "cycle" }.count == 1)
    }
}
