import CoachTheCoaches
import Foundation
import Hummingbird
import ImprovementKata
import KataStore

/// Leaders' walks, walk plans and the chain of coaching (DESIGN §11.2).
struct WalkRoutes {
    let data: DataRoutes

    func add(to api: RouterGroup<KataRequestContext>) {
        api.post("walks") { request, context in
            let (signedIn, store) = try data.caller(context)
            let walk = try await data.record(Walk.self, request, context).revalidated()
            // The same walk again (an outbox sent twice) answers 200 and writes nothing.
            guard try await store.recordWalk(walk, at: data.clock(), today: try await data.today()) else {
                return JSONResponse.make(walk)
            }
            try await data.audit(signedIn, kind: "walk", record: walk.id.wireText, action: "add")
            return JSONResponse.make(walk, status: .created)
        }
        api.get("walks") { request, context in
            let walker = try RequestValues(request, context).handle("walker")
            return JSONResponse.list("walks", try await data.caller(context).store.walks(walker: walker))
        }
        api.put("walk-plans/{walker}") { request, context in
            let (signedIn, store) = try data.caller(context)
            let walker = try RequestValues(request, context).pathHandle("walker")
            let body = try await data.body(PlanBody.self, request, context, fields: ["every", "since"])
            let plan = try WalkPlan(
                walker: walker, every: WalkPlan.weeks(parsing: body.every, field: "every"), since: body.since)
            try await store.setWalkPlan(plan)
            try await data.audit(signedIn, kind: "walkPlan", record: walker.rawValue, action: "set")
            return JSONResponse.make(PlanBody(plan))
        }
        api.get("walk-plans") { _, context in
            JSONResponse.list("walkPlans", try await data.caller(context).store.walkPlans().map(PlanBody.init))
        }
        api.get("chain") { request, context in
            let values = RequestValues(request, context)
            let chain = try await data.caller(context).store.chain(
                ChainRequest(
                    from: try values.handle("from"), weeks: try values.int("weeks", in: 1...520) ?? 4,
                    today: try await data.today()))
            return JSONResponse.make(chain)
        }
    }

    /// A walk plan as the API writes it: the cadence as `2w`.
    struct PlanBody: Codable {
        var walker: Handle?
        var every: String
        var since: Day?

        init(_ plan: WalkPlan) {
            walker = plan.walker
            every = plan.cadence
            since = plan.since
        }
    }
}

extension Walk: RecordBody {
    func revalidated() throws -> Walk {
        try Walk(
            id: id, walker: walker, date: date, learners: learners, mode: mode, with: with, learned: learned,
            followUp: followUp)
    }
}
