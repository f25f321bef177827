import Foundation
import ImprovementKata
import NIOCore

/// Where and how `kata serve` listens (DESIGN §10.1).
///
/// ```swift
/// let configuration = try ServerConfiguration(listen: "0.0.0.0:8470", publicURL: "https://kata.example.org")
/// ```
public struct ServerConfiguration: Sendable, Equatable {
    /// The address served when `--listen` is not given: loopback only.
    public static let defaultListen = "127.0.0.1:8470"
    /// The largest request body taken: 8 MB (DESIGN §10.1).
    public static let defaultBodyLimit = 8 * 1024 * 1024

    /// The host or address listened on.
    public var host: String
    /// The port listened on; 0 picks a free one (for tests).
    public var port: Int
    /// The address users reach the server at, such as the reverse proxy's `https://` URL.
    public var publicURL: URL?
    /// The one peer address whose `X-Forwarded-For` is believed: the reverse proxy's.
    public var trustedProxy: String?
    /// The largest request body, in bytes.
    public var bodyLimit: Int
    /// Seconds after which a connection that sends nothing is closed: 60, as nginx's default.
    public var idleTimeout: Int64 = 60
    /// Seconds a JSON body or a form has to arrive whole, else 408: 30.
    public var bodyDeadline: Int64 = 30

    /// A configuration checked as `init(listen:publicURL:trustedProxy:)` checks it.
    public init(
        host: String = "127.0.0.1", port: Int = 8470, publicURL: URL? = nil, trustedProxy: String? = nil,
        bodyLimit: Int = ServerConfiguration.defaultBodyLimit
    ) throws {
        self.host = host
        self.port = port
        self.publicURL = publicURL
        self.trustedProxy = trustedProxy
        self.bodyLimit = bodyLimit
        try check()
    }

    /// Parses the options of `kata serve`: `--listen HOST:PORT`, `--public-url URL`, `--trust-proxy ADDR`.
    ///
    /// Throws `KataError.usage` (exit 64) for a non-loopback address without an `https` public URL:
    /// other machines are served through TLS at a reverse proxy, never in clear.
    public init(
        listen: String = ServerConfiguration.defaultListen, publicURL: String? = nil, trustedProxy: String? = nil
    )
        throws
    {
        let (host, port) = try Self.hostAndPort(listen)
        var url: URL?
        if let publicURL {
            guard let parsed = URL(string: publicURL), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                parsed.host?.isEmpty == false
            else {
                throw KataError.invalidValue(
                    field: "--public-url", value: publicURL, expected: "a URL such as https://kata.example.org")
            }
            url = parsed
        }
        if let trustedProxy, (try? SocketAddress(ipAddress: trustedProxy, port: 0)) == nil {
            throw KataError.invalidValue(
                field: "--trust-proxy", value: trustedProxy, expected: "the proxy's IP address, such as 127.0.0.1")
        }
        try self.init(host: host, port: port, publicURL: url, trustedProxy: trustedProxy)
    }

    /// The address set-password links start with: the public URL, else the address listened on.
    package var linkBase: String {
        guard var text = publicURL?.absoluteString else {
            return host.contains(":") ? "http://[\(host)]:\(port)" : "http://\(host):\(port)"
        }
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// Whether only this machine can reach the server.
    public var listensOnLoopback: Bool { host == "localhost" || ClientAddress.isLoopback(host) }

    private func check() throws {
        guard (0...65_535).contains(port) else {
            throw KataError.invalidValue(
                field: "--listen", value: "\(host):\(port)", expected: "a port from 0 to 65535")
        }
        guard listensOnLoopback || publicURL?.scheme?.lowercased() == "https" else {
            throw KataError.usage(
                "--listen \(host):\(port) serves other machines, and kata serves them only through TLS: put a reverse "
                    + "proxy with TLS in front and give its address as --public-url https://…, or listen on "
                    + "127.0.0.1.")
        }
    }

    /// `127.0.0.1:8470`, `[::1]:8470`, `kata.local:80`.
    private static func hostAndPort(_ listen: String) throws -> (String, Int) {
        let invalid = KataError.invalidValue(
            field: "--listen", value: listen, expected: "HOST:PORT, such as 127.0.0.1:8470 or [::1]:8470")
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]) else {
            throw invalid
        }
        var host = String(listen[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(" ") else { throw invalid }
        return (host, port)
    }
}
