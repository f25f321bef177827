import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// Settings, people, pairings, challenges, target conditions, current conditions, obstacles and
/// id look-ups: the rest of the seam (DESIGN §10.1).
struct RecordRoutes {
    let data: DataRoutes

    func add(to api: RouterGroup<KataRequestContext>) {
        addSettings(to: api)
        addPeople(to: api)
        addChallenges(to: api)
        addTargets(to: api)
        addObstacles(to: api)
        api.get("ids/{kind}/{prefix}") { request, context in
            let values = RequestValues(request, context)
            let text = values.path("kind")
            guard let kind = RecordKind(rawValue: text) else {
                throw KataError.invalidValue(
                    field: "kind", value: text, expected: RecordKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            let prefix = values.path("prefix")
            guard !prefix.isEmpty, prefix.count <= 36, prefix.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
                throw KataError.invalidValue(
                    field: "prefix", value: prefix, expected: "the start of an id (hex digits)")
            }
            let id = try await data.caller(context).store.resolve(kind, prefix)
            return JSONResponse.make(["id": id.wireText])
        }
    }

    private func addSettings(to api: RouterGroup<KataRequestContext>) {
        api.get("settings") { _, context in JSONResponse.make(try await data.caller(context).store.settings()) }
        api.patch("settings") { request, context in
            let (signedIn, store) = try data.caller(context)
            let change = try await data.body(
                SettingsChange.self, request, context, fields: SettingsChange.CodingKeys.allCases.map(\.stringValue))
            try await store.configure(change)
            try await data.audit(signedIn, kind: "setting", record: "settings", action: "edit")
            return JSONResponse.noContent
        }
    }

    private func addPeople(to api: RouterGroup<KataRequestContext>) {
        api.get("people") { request, context in
            let unit = RequestValues(request, context).text("unit")
            return JSONResponse.list("people", try await data.caller(context).store.people(unit: unit))
        }
        api.get("people/{handle}") { request, context in
            let handle = try RequestValues(request, context).pathHandle("handle")
            let store = try data.caller(context).store
            guard let person = try await store.person(handle) else {
                throw try await store.unknownPerson(handle, as: "person")
            }
            return JSONResponse.make(person)
        }
        api.post("people") { request, context in
            let (signedIn, store) = try data.caller(context)
            let person = try await data.record(Person.self, request, context)
            try await store.addPerson(person)
            try await data.audit(signedIn, kind: "person", record: person.handle.rawValue, action: "add")
            return JSONResponse.make(person, status: .created)
        }
        api.patch("people/{handle}") { request, context in
            let handle = try RequestValues(request, context).pathHandle("handle")
            let (signedIn, store) = try data.caller(context)
            let fields = PersonChange.CodingKeys.allCases.map(\.stringValue).filter { $0 != "handle" }
            let change = try await data.body(
                PersonChange.self, request, context, fields: fields, defaults: Wire.Defaults(handle: handle))
            let person = try await store.editPerson(change)
            try await data.audit(signedIn, kind: "person", record: handle.rawValue, action: "edit")
            return JSONResponse.make(person)
        }
        api.get("pairings") { request, context in
            let values = RequestValues(request, context)
            let pairings = try await data.caller(context).store.pairings(
                coach: try values.handle("coach"), learner: try values.handle("learner"),
                secondCoach: try values.handle("secondCoach"), activeOn: try values.day("activeOn"))
            return JSONResponse.list("pairings", pairings)
        }
        api.post("pairings") { request, context in
            let (signedIn, store) = try data.caller(context)
            let pairing = try await data.record(Pairing.self, request, context)
            try await store.addPairing(pairing)
            try await data.audit(signedIn, kind: "pairing", record: pairing.id.wireText, action: "add")
            return JSONResponse.make(pairing, status: .created)
        }
        api.post("pairings/end") { request, context in
            let (signedIn, store) = try data.caller(context)
            let end = try await data.body(PairingEnd.self, request, context, fields: PairingEnd.fields)
            let pairing = try await store.endPairing(coach: end.coach, learner: end.learner, on: end.on)
            try await data.audit(signedIn, kind: "pairing", record: pairing.id.wireText, action: "end")
            return JSONResponse.make(pairing)
        }
    }

    private func addChallenges(to api: RouterGroup<KataRequestContext>) {
        api.get("challenges") { _, context in
            JSONResponse.list("challenges", try await data.caller(context).store.challenges())
        }
        api.get("challenges/{id}") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            guard let challenge = try await data.caller(context).store.challenge(id) else {
                throw KataError.unknown(
                    kind: "challenge", reference: id.wireText, hint: "See '\(RecordKind.challenge.listCommand)'.")
            }
            return JSONResponse.make(challenge)
        }
        api.post("challenges") { request, context in
            let (signedIn, store) = try data.caller(context)
            let challenge = try await data.record(Challenge.self, request, context)
            try await store.addChallenge(challenge)
            try await data.audit(signedIn, kind: "challenge", record: challenge.id.wireText, action: "add")
            return JSONResponse.make(challenge, status: .created)
        }
    }

    private func addTargets(to api: RouterGroup<KataRequestContext>) {
        api.get("targets") { request, context in
            let values = RequestValues(request, context)
            let status = try values.text("status").map { text in
                guard let status = TargetCondition.Status(rawValue: text) else {
                    throw KataError.invalidValue(
                        field: "status", value: text,
                        expected: TargetCondition.Status.allCases.map(\.rawValue).joined(separator: ", "))
                }
                return status
            }
            let targets = try await data.caller(context).store.targets(
                learner: try values.handle("learner"), status: status)
            return JSONResponse.list("targets", targets)
        }
        api.get("targets/{id}") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            return JSONResponse.make(try await data.caller(context).store.target(id))
        }
        api.post("targets") { request, context in
            let (signedIn, store) = try data.caller(context)
            let target = try await data.record(TargetCondition.self, request, context)
            try await store.addTarget(target, today: try await data.today())
            try await data.audit(signedIn, kind: "target", record: target.id.wireText, action: "add")
            return JSONResponse.make(target, status: .created)
        }
        api.post("targets/{id}/amendments") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            let (signedIn, store) = try data.caller(context)
            let amendment = try await data.body(TargetAmendment.self, request, context, fields: TargetAmendment.fields)
            let target = try await store.amendTarget(
                id, on: amendment.on, text: amendment.text,
                outcomeMetrics: try (amendment.outcomeMetrics ?? []).map { try $0.revalidated() },
                processMetrics: try (amendment.processMetrics ?? []).map { try $0.revalidated() },
                today: try await data.today())
            try await data.audit(signedIn, kind: "target", record: id.wireText, action: "amend")
            return JSONResponse.make(target)
        }
        api.post("targets/{id}/close") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            let (signedIn, store) = try data.caller(context)
            let close = try await data.body(TargetClosing.self, request, context, fields: TargetClosing.fields)
            let target = try await store.closeTarget(
                id, as: close.status, on: close.on, reflection: close.reflection, today: try await data.today())
            try await data.audit(signedIn, kind: "target", record: id.wireText, action: "close")
            return JSONResponse.make(target)
        }
        api.get("targets/{id}/conditions") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            return JSONResponse.list("conditions", try await data.caller(context).store.conditions(target: id))
        }
        api.get("targets/{id}/current") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            return JSONResponse.make(
                CurrentAnswer(current: try await data.caller(context).store.currentCondition(target: id)))
        }
        api.post("conditions") { request, context in
            let (signedIn, store) = try data.caller(context)
            let condition = try await data.record(CurrentCondition.self, request, context)
            try await store.addCondition(condition, at: data.clock(), today: try await data.today())
            try await data.audit(signedIn, kind: "condition", record: condition.id.wireText, action: "add")
            return JSONResponse.make(condition, status: .created)
        }
    }

    private func addObstacles(to api: RouterGroup<KataRequestContext>) {
        api.get("obstacles") { request, context in
            let values = RequestValues(request, context)
            let obstacles = try await data.caller(context).store.obstacles(
                target: try values.uuid("target"), learner: try values.handle("learner"),
                includeClosed: try values.bool("includeClosed") ?? true)
            return JSONResponse.list("obstacles", obstacles)
        }
        api.post("obstacles") { request, context in
            let (signedIn, store) = try data.caller(context)
            let obstacle = try await data.record(Obstacle.self, request, context)
            try await store.addObstacle(obstacle, today: try await data.today())
            try await data.audit(signedIn, kind: "obstacle", record: obstacle.id.wireText, action: "add")
            return JSONResponse.make(obstacle, status: .created)
        }
        api.post("obstacles/{id}/work") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            let (signedIn, store) = try data.caller(context)
            let work = try await data.body(ObstacleWork.self, request, context, fields: ["on"])
            let obstacle = try await store.workObstacle(id, on: work.on, today: try await data.today())
            try await data.audit(signedIn, kind: "obstacle", record: id.wireText, action: "work")
            return JSONResponse.make(obstacle)
        }
        api.post("obstacles/{id}/close") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            let (signedIn, store) = try data.caller(context)
            let close = try await data.body(ObstacleClosing.self, request, context, fields: ["status", "on"])
            let obstacle = try await store.closeObstacle(
                id, as: close.status, on: close.on, today: try await data.today())
            try await data.audit(signedIn, kind: "obstacle", record: id.wireText, action: "close")
            return JSONResponse.make(obstacle)
        }
    }
}

/// `POST /api/v1/pairings/end`.
struct PairingEnd: Decodable {
    var coach: Handle
    var learner: Handle
    var on: Day
    static let fields = ["coach", "learner", "on"]
}

/// `POST /api/v1/targets/{id}/amendments`.
struct TargetAmendment: Decodable {
    var on: Day
    var text: String?
    var outcomeMetrics: [Metric]?
    var processMetrics: [Metric]?
    static let fields = ["on", "text", "outcomeMetrics", "processMetrics"]
}

/// `POST /api/v1/targets/{id}/close`.
struct TargetClosing: Decodable {
    var status: TargetCondition.Status
    var on: Day
    var reflection: String?
    static let fields = ["status", "on", "reflection"]
}

/// `POST /api/v1/obstacles/{id}/work`.
struct ObstacleWork: Decodable {
    var on: Day?
}

/// `POST /api/v1/obstacles/{id}/close`.
struct ObstacleClosing: Decodable {
    var status: Obstacle.Status
    var on: Day
}

/// `GET /api/v1/targets/{id}/current`: `null` when nothing was recorded.
struct CurrentAnswer: Encodable {
    var current: ActualCondition?

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(current, forKey: .current)
    }

    enum CodingKeys: String, CodingKey { case current }
}
