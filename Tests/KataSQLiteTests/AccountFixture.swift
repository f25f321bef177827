import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport

/// Fixed instants and stand-in secrets for the account tests: no clock, no bcrypt.
enum AccountFixture {
    /// 2026-11-20 at `hour`:`minute` UTC, plus `days`.
    static func at(_ hour: Int, _ minute: Int = 0, plusDays days: Int = 0) -> Date {
        let ordinal = day("2026-11-20").ordinal + days
        return Date(timeIntervalSince1970: TimeInterval(ordinal * 86_400 + hour * 3_600 + minute * 60))
    }

    /// A string of the form of a bcrypt hash of cost 12, different for each `seed` (the store never
    /// checks a password, so the tests need no real hash).
    static func passwordHash(_ seed: Character = "a") -> String {
        "$2b$12$" + String(repeating: seed, count: 53)
    }

    /// A token of `owner` made at 09:00, with the SHA-256 of a fresh secret.
    static func token(_ owner: String, name: String = "laptop") -> (APIToken, sha256: String) {
        let token = APIToken(id: UUID(), handle: handle(owner), name: name, created: at(9))
        return (token, SecretToken.random().sha256)
    }
}
