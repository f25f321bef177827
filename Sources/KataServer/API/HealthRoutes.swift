import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore

/// `/healthz` (the process is up), `/readyz` (the database answers), `/metrics` (Prometheus text,
/// for loopback or an admin's token).
struct HealthRoutes {
    let readiness: Readiness
    let metrics: RequestMetrics
    let authenticator: BearerAuthenticator

    func add(to router: Router<KataRequestContext>) {
        router.get("healthz") { _, _ in JSONResponse.text("ok\n") }
        router.get("readyz") { _, _ in
            do {
                try await readiness()
            } catch {
                throw KataError.unavailable("not ready: the database does not answer.")
            }
            return JSONResponse.text("ready\n")
        }
        router.get("metrics") { request, context in
            if !(context.clientAddress.map(ClientAddress.isLoopback) ?? false) {
                let signedIn = try await authenticator.authenticate(request)
                context.notes.account = signedIn.account.handle.rawValue
                guard signedIn.caller.has(.admin) else {
                    throw KataError.forbidden("the metrics are for admins, or from the server's own machine.")
                }
            }
            return JSONResponse.text(
                await metrics.prometheusText(), contentType: "text/plain; version=0.0.4; charset=utf-8")
        }
    }
}
