import AsyncHTTPClient
import Foundation
import ImprovementKata
import NIOCore
import NIOPosix

extension ServerConnection {
    /// The URL as the client keeps it: scheme and host lower-cased, no trailing slash, no query.
    ///
    /// http is accepted for any host: the server itself refuses to serve other machines without TLS.
    public static func normalised(_ text: String) throws -> String {
        let refused = KataError.invalidValue(
            field: "server URL", value: text,
            expected: "http:// or https:// with a host, such as https://kata.example.org")
        guard var parts = URLComponents(string: text.trimmed), let scheme = parts.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = parts.host, !host.isEmpty,
            parts.query == nil, parts.fragment == nil, parts.user == nil, parts.password == nil
        else { throw refused }
        parts.scheme = scheme
        parts.host = host.lowercased()
        while parts.path.hasSuffix("/") { parts.path.removeLast() }
        guard let url = parts.string else { throw refused }
        return url
    }

    /// `?a=1&b=2`, each part percent-encoded; "" for no items.
    static func queryString(_ items: [(String, String)]) -> String {
        guard !items.isEmpty else { return "" }
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        func encoded(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? "" }
        return "?" + items.map { encoded($0.0) + "=" + encoded($0.1) }.joined(separator: "&")
    }

    /// Why a request got no answer, in words a coach can act on.
    static func reason(_ error: any Error, timeout: Duration) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .connectTimeout, .deadlineExceeded, .readTimeout, .writeTimeout:
                return "no answer within \(timeout.components.seconds) seconds"
            case .remoteConnectionClosed:
                return "the server closed the connection"
            default:
                return String(describing: error)
            }
        }
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty { return "the host name is not known" }
            return error.connectionErrors.map { reason($0.error, timeout: timeout) }.first ?? "cannot connect"
        }
        if let error = error as? IOError {
            switch error.errnoCode {
            case ECONNREFUSED: return "connection refused (is kata serve running there?)"
            case ENETUNREACH, EHOSTUNREACH: return "the network is unreachable"
            case ETIMEDOUT: return "no answer within \(timeout.components.seconds) seconds"
            default: return String(cString: strerror(error.errnoCode)).lowercased()
            }
        }
        if error is NIOTooManyBytesError { return "the answer is larger than \(largestAnswer / 1_048_576) MB" }
        if error is ChannelError { return "the connection failed" }
        return String(describing: error)
    }
}
