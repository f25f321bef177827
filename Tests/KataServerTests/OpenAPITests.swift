import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import KataServer

/// One call of a documented operation, made against a running server.
struct DocumentedCall: Sendable {
    var operation: OpenAPIDocument.Operation
    /// What the call is about, for the failure message.
    var about: String
    var make: @Sendable (any TestClientProtocol, CallerTokens) async throws -> TestResponse

    init(
        _ method: String, _ path: String, _ about: String,
        _ make: @escaping @Sendable (any TestClientProtocol, CallerTokens) async throws -> TestResponse
    ) {
        operation = .init(method: method, path: path)
        self.about = about
        self.make = make
    }
}

/// Tokens of the fixture's accounts, made before the calls.
struct CallerTokens: Sendable {
    var ann: String
    var root: String
    /// The records of the fixture's team (`ServerFixture.makeTeam`).
    var team: Team
}

@Suite("Schema/openapi.yaml matches the server")
struct OpenAPITests {
    /// At least one call per documented operation; add the calls of a new route here.
    static let calls: [DocumentedCall] =
        [
            .init("GET", "/healthz", "up") { client, _ in try await client.call(.get, "/healthz") },
            .init("GET", "/readyz", "ready") { client, _ in try await client.call(.get, "/readyz") },
            .init("GET", "/metrics", "from loopback") { client, _ in try await client.call(.get, "/metrics") },
            .init("POST", "/api/v1/tokens", "signed in") { client, _ in try await client.signInResponse("ann") },
            .init("POST", "/api/v1/tokens", "wrong password") { client, _ in
                try await client.signInResponse("ann", password: "not it at all")
            },
            .init("POST", "/api/v1/tokens", "unknown field") { client, _ in
                try await client.call(.post, "/api/v1/tokens", json: #"{"handle":"ann","pass":"x","name":"l"}"#)
            },
            .init("GET", "/api/v1/tokens", "own") { client, tokens in
                try await client.call(.get, "/api/v1/tokens", token: tokens.ann)
            },
            .init("GET", "/api/v1/tokens", "another's, as a coach") { client, tokens in
                try await client.call(.get, "/api/v1/tokens?handle=root", token: tokens.ann)
            },
            .init("DELETE", "/api/v1/tokens/{id}", "own") { client, _ in
                let token = try await client.signIn("ann")
                let id = try await client.call(.get, "/api/v1/me", token: token).object["tokenId"] as? String ?? ""
                return try await client.call(.delete, "/api/v1/tokens/\(id)", token: token)
            },
            .init("DELETE", "/api/v1/tokens/{id}", "unknown") { client, tokens in
                try await client.call(.delete, "/api/v1/tokens/\(UUID().uuidString)", token: tokens.ann)
            },
            .init("GET", "/api/v1/me", "signed in") { client, tokens in
                try await client.call(.get, "/api/v1/me", token: tokens.root)
            },
            .init("GET", "/api/v1/me", "no token") { client, _ in try await client.call(.get, "/api/v1/me") },
        ] + dataCalls + accountCalls

    @Test("the document is OpenAPI 3.1, and every route the server has is documented and every documented one served")
    func routesAreDocumented() async throws {
        let document = try OpenAPIDocument.load()
        #expect(document.version?.hasPrefix("3.1") == true)
        let fixture = try await ServerFixture()
        let served = Set(
            fixture.router().routes.map { OpenAPIDocument.Operation(method: "\($0.method)", path: "\($0.path)") })
        #expect(served.subtracting(document.operations).sorted() == [], "served but not documented")
        #expect(document.operations.subtracting(served).sorted() == [], "documented but not served")
    }

    @Test("every documented operation of a running server answers a documented status with the documented fields")
    func operationsAnswerAsDocumented() async throws {
        let document = try OpenAPIDocument.load()
        #expect(Set(Self.calls.map(\.operation)) == document.operations, "each documented operation needs a call")
        let fixture = try await ServerFixture()
        let team = try await fixture.makeTeam()
        try await fixture.test(.live) { client in
            let tokens = CallerTokens(
                ann: try await client.signIn("ann"), root: try await client.signIn("root"), team: team)
            for call in Self.calls {
                let response = try await call.make(client, tokens)
                #expect(document.problems(with: response, to: call.operation) == [], "\(call.operation): \(call.about)")
            }
        }
    }
}

extension OpenAPITests {
    /// A cycle of ann's with bo, logged by the calls below under this id.
    static let cycle = "0c0ffee0-0000-4000-8000-000000000001"
    static let escalation = "e5ca1a7e-0000-4000-8000-000000000001"

    /// The calls of the data routes, in an order that builds on the team: as root (an admin)
    /// unless they show a refusal.
    static let dataCalls: [DocumentedCall] = [
        .init("GET", "/api/v1/settings", "as admin") { client, t in
            try await client.call(.get, "/api/v1/settings", token: t.root)
        },
        .init("PATCH", "/api/v1/settings", "a holiday") { client, t in
            try await client.call(.patch, "/api/v1/settings", token: t.root, json: #"{"addHolidays":["2026-12-25"]}"#)
        },
        .init("PATCH", "/api/v1/settings", "as a coach") { client, t in
            try await client.call(.patch, "/api/v1/settings", token: t.ann, json: #"{"timeZone":"UTC"}"#)
        },
        .init("GET", "/api/v1/people", "everyone") { client, t in
            try await client.call(.get, "/api/v1/people", token: t.root)
        },
        .init("POST", "/api/v1/people", "a new person") { client, t in
            try await client.call(
                .post, "/api/v1/people", token: t.root,
                json: #"{"handle":"gus","name":"Gus Pratt","unit":"Paint","active":true}"#)
        },
        .init("POST", "/api/v1/people", "a blank name") { client, t in
            try await client.call(
                .post, "/api/v1/people", token: t.root, json: #"{"handle":"hal","name":" ","active":true}"#)
        },
        .init("GET", "/api/v1/people/{handle}", "known") { client, t in
            try await client.call(.get, "/api/v1/people/bo", token: t.root)
        },
        .init("GET", "/api/v1/people/{handle}", "unknown") { client, t in
            try await client.call(.get, "/api/v1/people/nobody", token: t.root)
        },
        .init("PATCH", "/api/v1/people/{handle}", "a new unit") { client, t in
            try await client.call(.patch, "/api/v1/people/gus", token: t.root, json: #"{"unit":"Final"}"#)
        },
        .init("GET", "/api/v1/pairings", "of a coach") { client, t in
            try await client.call(.get, "/api/v1/pairings?coach=ann", token: t.root)
        },
        .init("POST", "/api/v1/pairings", "a new pairing") { client, t in
            try await client.call(
                .post, "/api/v1/pairings", token: t.root,
                json: #"{"id":"\#(UUID().uuidString)","coach":"dan","learner":"gus","since":"2026-11-03"}"#)
        },
        .init("POST", "/api/v1/pairings/end", "ended") { client, t in
            try await client.call(
                .post, "/api/v1/pairings/end", token: t.root,
                json: #"{"coach":"dan","learner":"gus","on":"2026-11-20"}"#)
        },
        .init("GET", "/api/v1/challenges", "all") { client, t in
            try await client.call(.get, "/api/v1/challenges", token: t.root)
        },
        .init("POST", "/api/v1/challenges", "a challenge") { client, t in
            try await client.call(
                .post, "/api/v1/challenges", token: t.root,
                json: #"{"id":"0c0ffee0-0000-4000-8000-0000000000c1","title":"Ship in 2 days"}"#)
        },
        .init("GET", "/api/v1/challenges/{id}", "known") { client, t in
            try await client.call(.get, "/api/v1/challenges/0c0ffee0-0000-4000-8000-0000000000c1", token: t.root)
        },
        .init("GET", "/api/v1/challenges/{id}", "not an id") { client, t in
            try await client.call(.get, "/api/v1/challenges/..%2F..%2Fetc", token: t.root)
        },
        .init("GET", "/api/v1/targets", "of a learner") { client, t in
            try await client.call(.get, "/api/v1/targets?learner=bo&status=active", token: t.root)
        },
        .init("POST", "/api/v1/targets", "for eve") { client, t in
            try await client.call(
                .post, "/api/v1/targets", token: t.root,
                json: #"""
                    {"id":"\#(UUID().uuidString)","learner":"eve","focusProcess":"Paint line","condition":"No drips",
                    "achieveBy":"2026-12-31","outcomeMetrics":[],"processMetrics":[],"createdOn":"2026-11-24",
                    "status":"active","amendments":[]}
                    """#)
        },
        .init("GET", "/api/v1/targets/{id}", "bo's") { client, t in
            try await client.call(.get, "/api/v1/targets/\(t.team.target.uuidString)", token: t.root)
        },
        .init("POST", "/api/v1/targets/{id}/amendments", "amended") { client, t in
            try await client.call(
                .post, "/api/v1/targets/\(t.team.target.uuidString)/amendments", token: t.root,
                json: #"{"on":"2026-11-24","text":"Every unit leaves station 4 within 50 s"}"#)
        },
        .init("POST", "/api/v1/targets/{id}/close", "an impossible date") { client, t in
            try await client.call(
                .post, "/api/v1/targets/\(t.team.target.uuidString)/close", token: t.root,
                json: #"{"status":"achieved","on":"2026-02-30"}"#)
        },
        .init("GET", "/api/v1/targets/{id}/conditions", "none yet") { client, t in
            try await client.call(.get, "/api/v1/targets/\(t.team.target.uuidString)/conditions", token: t.root)
        },
        .init("POST", "/api/v1/conditions", "a snapshot") { client, t in
            try await client.call(
                .post, "/api/v1/conditions", token: t.root,
                json: #"""
                    {"id":"\#(UUID().uuidString)","target":"\#(t.team.target.uuidString)","date":"2026-11-24",
                    "text":"58 s on average","metrics":[]}
                    """#)
        },
        .init("GET", "/api/v1/targets/{id}/current", "the snapshot") { client, t in
            try await client.call(.get, "/api/v1/targets/\(t.team.target.uuidString)/current", token: t.root)
        },
        .init("GET", "/api/v1/obstacles", "of bo") { client, t in
            try await client.call(.get, "/api/v1/obstacles?learner=bo&includeClosed=false", token: t.root)
        },
        .init("POST", "/api/v1/obstacles", "parked") { client, t in
            try await client.call(
                .post, "/api/v1/obstacles", token: t.root,
                json: #"""
                    {"id":"\#(UUID().uuidString)","target":"\#(t.team.target.uuidString)","text":"Label printer jams",
                    "status":"parked","createdOn":"2026-11-24"}
                    """#)
        },
        .init("POST", "/api/v1/obstacles/{id}/work", "the working one again") { client, t in
            try await client.call(.post, "/api/v1/obstacles/\(t.team.obstacle.uuidString)/work", token: t.root)
        },
        .init("POST", "/api/v1/cycles", "ann's cycle with bo") { client, t in
            try await client.call(
                .post, "/api/v1/cycles", token: t.ann,
                json:
                    #"{"id":"\#(cycle)","learner":"bo","date":"2026-11-24","minutes":15,"nextStep":"Kanban for screws","expected":"No stops","goSee":"2026-11-26"}"#
            )
        },
        .init("POST", "/api/v1/cycles", "the same again") { client, t in
            try await client.call(
                .post, "/api/v1/cycles", token: t.ann,
                json:
                    #"{"id":"\#(cycle)","learner":"bo","date":"2026-11-24","minutes":15,"nextStep":"Kanban for screws","expected":"No stops","goSee":"2026-11-26"}"#
            )
        },
        .init("POST", "/api/v1/cycles", "another coach's learner") { client, t in
            try await client.call(
                .post, "/api/v1/cycles", token: t.ann, json: #"{"id":"\#(UUID().uuidString)","learner":"eve"}"#)
        },
        .init("GET", "/api/v1/cycles", "ann's") { client, t in
            try await client.call(.get, "/api/v1/cycles?coach=ann&from=2026-11-01&to=2026-11-30", token: t.root)
        },
        .init("GET", "/api/v1/cycles/{id}", "the cycle") { client, t in
            try await client.call(.get, "/api/v1/cycles/\(cycle)", token: t.ann)
        },
        .init("PATCH", "/api/v1/cycles/{id}", "minutes corrected") { client, t in
            try await client.call(.patch, "/api/v1/cycles/\(cycle)", token: t.ann, json: #"{"minutes":12}"#)
        },
        .init("GET", "/api/v1/observations", "of ann") { client, t in
            try await client.call(.get, "/api/v1/observations?coach=ann", token: t.root)
        },
        .init("POST", "/api/v1/observations", "lena watched ann") { client, t in
            try await client.call(
                .post, "/api/v1/observations", token: t.root,
                json:
                    #"{"id":"\#(UUID().uuidString)","date":"2026-11-24","secondCoach":"lena","coach":"ann","focus":"Q4"}"#
            )
        },
        .init("GET", "/api/v1/walks", "carl's") { client, t in
            try await client.call(.get, "/api/v1/walks?walker=carl", token: t.root)
        },
        .init("POST", "/api/v1/walks", "carl went to see bo") { client, t in
            try await client.call(
                .post, "/api/v1/walks", token: t.root,
                json:
                    #"{"id":"\#(UUID().uuidString)","date":"2026-11-24","walker":"carl","learners":["bo"],"mode":"go-see"}"#
            )
        },
        .init("POST", "/api/v1/walks", "at nobody's storyboard") { client, t in
            try await client.call(
                .post, "/api/v1/walks", token: t.root,
                json: #"{"id":"\#(UUID().uuidString)","date":"2026-11-24","walker":"carl","learners":[]}"#)
        },
        .init("GET", "/api/v1/walk-plans", "every plan") { client, t in
            try await client.call(.get, "/api/v1/walk-plans", token: t.root)
        },
        .init("PUT", "/api/v1/walk-plans/{walker}", "carl every 2 weeks") { client, t in
            try await client.call(.put, "/api/v1/walk-plans/carl", token: t.root, json: #"{"every":"2w"}"#)
        },
        .init("PUT", "/api/v1/walk-plans/{walker}", "every 0 weeks") { client, t in
            try await client.call(.put, "/api/v1/walk-plans/carl", token: t.root, json: #"{"every":"0w"}"#)
        },
        .init("GET", "/api/v1/chain", "from the top") { client, t in
            try await client.call(.get, "/api/v1/chain?weeks=4", token: t.root)
        },
        .init("GET", "/api/v1/chain", "ann's line, then dan's: not hers") { client, t in
            _ = try await client.call(.get, "/api/v1/chain", token: t.ann)
            return try await client.call(.get, "/api/v1/chain?from=dan", token: t.ann)
        },
        .init("POST", "/api/v1/escalations", "ann escalates bo's obstacle") { client, t in
            try await client.call(
                .post, "/api/v1/escalations", token: t.ann,
                json:
                    #"{"id":"\#(escalation)","obstacle":"\#(t.team.obstacle.uuidString)","to":"carl","causeUnit":"Logistics","lossPerWeek":1800,"lossUnit":"EUR","fixCost":"none","toldOn":"2026-11-25"}"#
            )
        },
        .init("POST", "/api/v1/escalations", "the same obstacle again") { client, t in
            try await client.call(
                .post, "/api/v1/escalations", token: t.ann,
                json:
                    #"{"id":"\#(UUID().uuidString)","obstacle":"\#(t.team.obstacle.uuidString)","to":"carl","toldOn":"2026-11-25"}"#
            )
        },
        .init("GET", "/api/v1/escalations", "open ones") { client, t in
            try await client.call(.get, "/api/v1/escalations?open=true", token: t.root)
        },
        .init("GET", "/api/v1/losses", "November") { client, t in
            try await client.call(.get, "/api/v1/losses?from=2026-11-01&to=2026-11-30", token: t.root)
        },
        .init("GET", "/api/v1/losses", "as HR") { client, _ in
            try await client.call(.get, "/api/v1/losses?from=2026-11-01&to=2026-11-30", token: client.signIn("hr"))
        },
        .init("POST", "/api/v1/escalations/{id}/decision", "not the decider") { client, t in
            try await client.call(
                .post, "/api/v1/escalations/\(escalation)/decision", token: t.ann,
                json: #"{"date":"2026-11-25","action":"accepted"}"#)
        },
        .init("POST", "/api/v1/escalations/{id}/decision", "accepted") { client, t in
            try await client.call(
                .post, "/api/v1/escalations/\(escalation)/decision", token: t.root,
                json: #"{"date":"2026-11-25","action":"accepted"}"#)
        },
        .init("POST", "/api/v1/escalations/{id}/resolution", "resolved") { client, t in
            try await client.call(
                .post, "/api/v1/escalations/\(escalation)/resolution", token: t.ann,
                json: #"{"date":"2026-11-25","action":"resolved","verifiedOn":"2026-11-25"}"#)
        },
        .init("GET", "/api/v1/ids/{kind}/{prefix}", "the cycle") { client, t in
            try await client.call(.get, "/api/v1/ids/cycle/0c0ffee0", token: t.root)
        },
        .init("GET", "/api/v1/storyboards/{learner}", "bo's") { client, t in
            try await client.call(.get, "/api/v1/storyboards/bo", token: t.ann)
        },
        .init("GET", "/api/v1/due", "ann's") { client, t in
            try await client.call(.get, "/api/v1/due?coach=ann&date=2026-11-27", token: t.ann)
        },
        .init("GET", "/api/v1/practice", "November") { client, t in
            try await client.call(.get, "/api/v1/practice?from=2026-11-02&to=2026-11-29&by=unit", token: t.root)
        },
        .init("GET", "/api/v1/reviews/{coach}", "ann's") { client, t in
            try await client.call(.get, "/api/v1/reviews/ann?from=2026-11-02&to=2026-11-29", token: t.root)
        },
        .init("GET", "/api/v1/reviews", "everyone's") { client, t in
            try await client.call(.get, "/api/v1/reviews?from=2026-11-02&to=2026-11-29&format=json", token: t.root)
        },
        .init("GET", "/api/v1/check", "as admin") { client, t in
            try await client.call(.get, "/api/v1/check", token: t.root)
        },
        .init("GET", "/api/v1/export", "JSONL") { client, t in
            try await client.call(.get, "/api/v1/export", token: t.root)
        },
        .init("POST", "/api/v1/import", "a dry run") { client, t in
            let export = try await client.call(.get, "/api/v1/export", token: t.root)
            return try await client.call(
                .post, "/api/v1/import?dry-run=true", token: t.root, bytes: Array(export.body.readableBytesView))
        },
        .init("POST", "/api/v1/obstacles/{id}/close", "overcome") { client, t in
            try await client.call(
                .post, "/api/v1/obstacles/\(t.team.obstacle.uuidString)/close", token: t.root,
                json: #"{"status":"overcome","on":"2026-11-25"}"#)
        },
        .init("DELETE", "/api/v1/cycles/{id}", "the cycle") { client, t in
            try await client.call(.delete, "/api/v1/cycles/\(cycle)", token: t.ann)
        },
    ]
}

extension OpenAPITests {
    /// The calls of the account and audit routes: as root (an admin) unless they show a refusal.
    static let accountCalls: [DocumentedCall] = [
        .init("GET", "/api/v1/accounts", "as admin") { client, t in
            try await client.call(.get, "/api/v1/accounts", token: t.root)
        },
        .init("GET", "/api/v1/accounts", "as a coach") { client, t in
            try await client.call(.get, "/api/v1/accounts", token: t.ann)
        },
        .init("POST", "/api/v1/accounts", "with a set-password link") { client, t in
            try await client.call(.post, "/api/v1/accounts", token: t.root, json: #"{"handle":"gus","roles":["lean"]}"#)
        },
        .init("POST", "/api/v1/accounts", "with a password") { client, t in
            try await client.call(
                .post, "/api/v1/accounts", token: t.root,
                json: #"{"handle":"eve","password":"\#(ServerFixture.password)"}"#)
        },
        .init("POST", "/api/v1/accounts", "a short password") { client, t in
            try await client.call(
                .post, "/api/v1/accounts", token: t.root, json: #"{"handle":"fay","password":"too short"}"#)
        },
        .init("POST", "/api/v1/accounts", "twice") { client, t in
            try await client.call(.post, "/api/v1/accounts", token: t.root, json: #"{"handle":"gus"}"#)
        },
        .init("GET", "/api/v1/accounts/{handle}", "known") { client, t in
            try await client.call(.get, "/api/v1/accounts/eve", token: t.root)
        },
        .init("GET", "/api/v1/accounts/{handle}", "unknown") { client, t in
            try await client.call(.get, "/api/v1/accounts/nobody", token: t.root)
        },
        .init("PATCH", "/api/v1/accounts/{handle}", "new roles") { client, t in
            try await client.call(.patch, "/api/v1/accounts/eve", token: t.root, json: #"{"roles":["hr","lean"]}"#)
        },
        .init("PATCH", "/api/v1/accounts/{handle}", "a new link") { client, t in
            try await client.call(.patch, "/api/v1/accounts/eve", token: t.root, json: #"{"passwordLink":true}"#)
        },
        .init("PATCH", "/api/v1/accounts/{handle}", "an unknown role") { client, t in
            try await client.call(.patch, "/api/v1/accounts/eve", token: t.root, json: #"{"roles":["boss"]}"#)
        },
        .init("POST", "/api/v1/accounts/{handle}/disable", "disabled") { client, t in
            try await client.call(.post, "/api/v1/accounts/eve/disable", token: t.root)
        },
        .init("GET", "/api/v1/audit", "root's writes") { client, t in
            try await client.call(.get, "/api/v1/audit?from=2026-11-01T00:00:00Z&account=root&limit=5", token: t.root)
        },
        .init("GET", "/api/v1/audit", "not an instant") { client, t in
            try await client.call(.get, "/api/v1/audit?from=yesterday", token: t.root)
        },
        .init("GET", "/api/v1/me/review-packets", "ann's") { client, t in
            try await client.call(.get, "/api/v1/me/review-packets", token: t.ann)
        },
    ]
}
