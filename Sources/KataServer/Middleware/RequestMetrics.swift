import Foundation

/// Counts of requests by route, method and status, a latency histogram by route, and server
/// errors, written in the Prometheus text format for `/metrics`.
actor RequestMetrics {
    /// The upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Key: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (lhs: Key, rhs: Key) -> Bool {
            (lhs.route, lhs.method, lhs.status) < (rhs.route, rhs.method, rhs.status)
        }
    }

    private struct Latency {
        var counts = [Int](repeating: 0, count: RequestMetrics.buckets.count)
        var sum = 0.0
        var count = 0
    }

    private var requests: [Key: Int] = [:]
    private var latencies: [String: Latency] = [:]

    func record(route: String, method: String, status: Int, seconds: Double) {
        requests[Key(route: route, method: method, status: status), default: 0] += 1
        var latency = latencies[route] ?? Latency()
        for (index, bound) in Self.buckets.enumerated() where seconds <= bound { latency.counts[index] += 1 }
        latency.sum += seconds
        latency.count += 1
        latencies[route] = latency
    }

    /// The Prometheus text exposition (format 0.0.4).
    func prometheusText() -> String {
        var lines = [
            "# HELP kata_http_requests_total Requests answered, by route, method and status.",
            "# TYPE kata_http_requests_total counter",
        ]
        for (key, count) in requests.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "kata_http_requests_total{route=\"\(Self.escaped(key.route))\",method=\"\(key.method)\","
                    + "status=\"\(key.status)\"} \(count)")
        }
        lines += [
            "# HELP kata_http_server_errors_total Requests answered with a 5xx status, by route.",
            "# TYPE kata_http_server_errors_total counter",
        ]
        let errors = requests.filter { $0.key.status >= 500 }.reduce(into: [String: Int]()) {
            $0[$1.key.route, default: 0] += $1.value
        }
        for (route, count) in errors.sorted(by: { $0.key < $1.key }) {
            lines.append("kata_http_server_errors_total{route=\"\(Self.escaped(route))\"} \(count)")
        }
        lines += [
            "# HELP kata_http_request_duration_seconds Time to answer a request, by route.",
            "# TYPE kata_http_request_duration_seconds histogram",
        ]
        for (route, latency) in latencies.sorted(by: { $0.key < $1.key }) {
            let label = "route=\"\(Self.escaped(route))\""
            for (index, bound) in Self.buckets.enumerated() {
                lines.append(
                    "kata_http_request_duration_seconds_bucket{\(label),le=\"\(bound)\"} \(latency.counts[index])")
            }
            lines.append("kata_http_request_duration_seconds_bucket{\(label),le=\"+Inf\"} \(latency.count)")
            lines.append("kata_http_request_duration_seconds_sum{\(label)} \(latency.sum)")
            lines.append("kata_http_request_duration_seconds_count{\(label)} \(latency.count)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func escaped(_ label: String) -> String {
        label.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
