import Foundation
import HTTPTypes
import Hummingbird

/// The address a request comes from, for the sign-in limits and the loopback check of `/metrics`.
///
/// It is the peer's, unless the peer is the configured trusted proxy: then it is the last hop of
/// `X-Forwarded-For`, the one address the proxy itself saw (the earlier hops are the client's to write).
enum ClientAddress {
    static func resolve(_ request: Request, peer: String?, trustedProxy: String?) -> String? {
        // The proxy appends to the last X-Forwarded-For line; its last element is what the proxy saw.
        let forwardedFor = request.headers.last { $0.name.canonicalName == "x-forwarded-for" }?.value
        return resolve(peer: peer, forwardedFor: forwardedFor, trustedProxy: trustedProxy)
    }

    static func resolve(peer: String?, forwardedFor: String?, trustedProxy: String?) -> String? {
        guard let peer, let trustedProxy, peer == trustedProxy || peer == "::ffff:" + trustedProxy,
            let lastHop = forwardedFor?.split(separator: ",").last?.trimmingCharacters(in: .whitespaces),
            !lastHop.isEmpty
        else { return peer }
        return lastHop
    }

    /// Whether `address` is this machine (`127.0.0.0/8`, `::1`, or the first as an IPv6-mapped address).
    static func isLoopback(_ address: String) -> Bool {
        let plain = address.hasPrefix("::ffff:") ? String(address.dropFirst(7)) : address
        return plain == "::1" || plain.hasPrefix("127.") && plain.split(separator: ".").count == 4
    }
}
