import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import KataServer

@Suite("/healthz, /readyz and /metrics")
struct HealthTests {
    @Test("/healthz answers ok and /readyz ready while the database answers")
    func healthAndReady() async throws {
        let fixture = try await ServerFixture()
        try await fixture.test { client in
            let health = try await client.call(.get, "/healthz")
            #expect(health.status == .ok && health.text == "ok\n")
            let ready = try await client.call(.get, "/readyz")
            #expect(ready.status == .ok && ready.text == "ready\n")
        }
    }

    @Test("/metrics counts requests by route and status and has a latency histogram, for loopback callers")
    func metricsFromLoopback() async throws {
        let fixture = try await ServerFixture()
        let metrics = try await fixture.test(.live) { client in
            try await client.call(.get, "/healthz")
            try await client.call(.get, "/healthz")
            try await client.call(.get, "/api/v1/me")
            return try await client.call(.get, "/metrics")
        }
        #expect(metrics.status == .ok)
        #expect(metrics.headers[.contentType] == "text/plain; version=0.0.4; charset=utf-8")
        #expect(metrics.text.contains(#"kata_http_requests_total{route="/healthz",method="GET",status="200"} 2"#))
        #expect(metrics.text.contains(#"kata_http_requests_total{route="/api/v1/me",method="GET",status="401"} 1"#))
        #expect(metrics.text.contains(#"kata_http_request_duration_seconds_count{route="/healthz"} 2"#))
        #expect(metrics.text.contains(#"kata_http_request_duration_seconds_bucket{route="/healthz",le="+Inf"} 2"#))
    }

    @Test("/metrics from another machine needs an admin's token: 401 without one, 403 for a coach")
    func metricsFromElsewhere() async throws {
        let fixture = try await ServerFixture(trustedProxy: "127.0.0.1")
        try await fixture.test(.live) { client in
            let remote: HTTPFields = [HTTPField.Name("X-Forwarded-For")!: "203.0.113.20"]
            let ann = try await client.signIn("ann")
            let root = try await client.signIn("root")
            #expect(try await client.call(.get, "/metrics", headers: remote).status == .unauthorized)
            #expect(try await client.call(.get, "/metrics", token: ann, headers: remote).status == .forbidden)
            #expect(try await client.call(.get, "/metrics", token: root, headers: remote).status == .ok)
        }
    }
}
