import Foundation
import ImprovementKata
import KataStore

/// Walks, walk plans and the chain of coaching, asked of the server (DESIGN §11.2); `walk` is kept
/// in the outbox when the server cannot be reached, as `cycle log` and `observe` are (§10.4).
extension RemoteStore {
    public func recordWalk(_ walk: Walk, at now: Date, today: Day?) async throws -> Bool {
        let (_, status) = try await postKeeping(.walk, id: walk.id, "/api/v1/walks", try encoded(walk), as: Walk.self)
        // 200: the server had this walk under its id already; 201: stored now (or sent from the outbox).
        return status != 200
    }

    public func walks(walker: Handle?) async throws -> [Walk] {
        try await get("/api/v1/walks", query: items(("walker", walker?.rawValue)), as: WalkList.self).walks
    }

    public func setWalkPlan(_ plan: WalkPlan) async throws {
        try await send(
            .put, "/api/v1/walk-plans/\(segment(plan.walker.rawValue))",
            PlanBody(walker: nil, every: plan.cadence, since: plan.since))
    }

    public func walkPlans() async throws -> [WalkPlan] {
        try await get("/api/v1/walk-plans", as: PlanList.self).walkPlans.map { body in
            guard let walker = body.walker else {
                throw KataError.failure("the server answered a walk plan without its walker.")
            }
            return try WalkPlan(walker: walker, every: WalkPlan.weeks(parsing: body.every), since: body.since)
        }
    }

    public func chain(_ request: ChainRequest) async throws -> ChainReport {
        try await get(
            "/api/v1/chain",
            query: items(("from", request.from?.rawValue), ("weeks", String(request.weeks))), as: ChainReport.self)
    }
}

struct WalkList: Decodable { var walks: [Walk] }
struct PlanList: Decodable { var walkPlans: [PlanBody] }

/// A walk plan as the API writes it: the cadence as `2w`.
struct PlanBody: Codable {
    var walker: Handle?
    var every: String
    var since: Day?
}
