import CoachTheCoaches
import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// Coaching cycles and 2nd-coach observations (DESIGN §10.1).
struct CycleRoutes {
    let data: DataRoutes

    func add(to api: RouterGroup<KataRequestContext>) {
        api.post("cycles") { request, context in try await log(request, context) }
        api.get("cycles") { request, context in
            let values = RequestValues(request, context)
            let filter = CycleFilter(
                coach: try values.handle("coach"), learner: try values.handle("learner"),
                from: try values.day("from"), to: try values.day("to"),
                limit: try values.int("limit", in: 1...100_000))
            return JSONResponse.list("cycles", try await data.caller(context).store.cycles(filter))
        }
        api.get("cycles/{id}") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            return JSONResponse.make(try await data.caller(context).store.cycleDetail(id))
        }
        api.patch("cycles/{id}") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            let (signedIn, store) = try data.caller(context)
            let correction = try await data.body(
                CycleCorrection.self, request, context, fields: CycleCorrection.CodingKeys.allCases.map(\.stringValue))
            let logged = try await store.editCycle(id, correction, at: data.clock(), today: try await data.today())
            try await data.audit(signedIn, kind: "cycle", record: id.wireText, action: "edit")
            return JSONResponse.make(logged)
        }
        api.delete("cycles/{id}") { request, context in
            let id = try RequestValues(request, context).pathUUID("id")
            let (signedIn, store) = try data.caller(context)
            try await store.deleteCycle(id)
            try await data.audit(signedIn, kind: "cycle", record: id.wireText, action: "delete")
            return JSONResponse.noContent
        }
        api.post("observations") { request, context in
            let (signedIn, store) = try data.caller(context)
            let observation = try await data.record(Observation.self, request, context).revalidated()
            try await store.addObservation(observation, at: data.clock(), today: try await data.today())
            try await data.audit(signedIn, kind: "observation", record: observation.id.wireText, action: "add")
            return JSONResponse.make(observation, status: .created)
        }
        api.get("observations") { request, context in
            let values = RequestValues(request, context)
            let observations = try await data.caller(context).store.observations(
                coach: try values.handle("coach"), secondCoach: try values.handle("secondCoach"))
            return JSONResponse.list("observations", observations)
        }
    }

    /// The body of `POST /api/v1/cycles`: a cycle entry and the id the client made for it.
    struct Logged: Decodable {
        var id: UUID
        static let fields = ["id"] + CycleEntry.CodingKeys.allCases.map(\.stringValue)
    }

    /// Logs a cycle once under the client's id: the same id and content again answer 200 with the
    /// cycle and write nothing (not even to the audit log); other content under a used id, 409.
    func log(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let (signedIn, store) = try data.caller(context)
        let bytes = try await StrictJSON.data(of: request, context: context)
        let today = try await data.today()
        let id = try StrictJSON.decode(Logged.self, from: bytes, fields: Logged.fields).id
        let entry = try StrictJSON.decode(
            CycleEntry.self, from: bytes, fields: Logged.fields,
            decoder: Wire.decoder(defaults: Wire.Defaults(coach: signedIn.account.handle, date: today)))
        let recorded = try await store.recordCycle(entry, id: id, at: data.clock(), today: today)
        guard recorded.isNew else { return JSONResponse.make(recorded.cycle) }
        try await data.audit(signedIn, kind: "cycle", record: id.wireText, action: "add")
        return JSONResponse.make(recorded.cycle, status: .created)
    }
}
