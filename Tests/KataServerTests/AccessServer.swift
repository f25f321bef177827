import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import KataWeb
import Testing

@testable import KataServer

/// Every kind of caller the HTTP access matrix runs each route as (DESIGN §10.3, §12): the signed-in
/// people of `AccessFixture`, and those who must not get in.
enum CallerKind: String, CaseIterable, Sendable, CustomStringConvertible {
    case anonymous, learner, coach, otherCoach, secondCoach, manager, lean, hr, admin
    /// Fay's account, disabled after her token was made.
    case disabled
    /// Eve's account, whose only token is revoked.
    case revoked

    /// The person of `AccessFixture` the caller is, nil for anonymous.
    var who: Who? {
        switch self {
        case .anonymous: return nil
        case .learner: return .learner
        case .coach: return .coach
        case .otherCoach: return .otherCoach
        case .secondCoach: return .secondCoach
        case .manager: return .manager
        case .lean: return .lean
        case .hr: return .hr
        case .admin: return .admin
        case .disabled, .revoked: return nil
        }
    }

    /// The kinds that are signed in with a token that works, in the order of a row's statuses.
    static let signedIn: [CallerKind] = [.learner, .coach, .otherCoach, .secondCoach, .manager, .lean, .hr, .admin]

    var description: String { rawValue }
}

/// The organisation of `AccessFixture` behind a server whose accounts are in the same database:
/// an account and a token for each kind of caller, and the password of ann's account for signing in.
struct AccessServer: Sendable {
    static let password = "correct horse battery staple"
    /// Its bcrypt hash at cost 12, as the schema requires: made once for every fixture.
    static let hash = Task { try await PasswordCheck.hash(password) }

    let fixture: AccessFixture
    /// The token each kind of caller sends; none for anonymous.
    let tokens: [CallerKind: String]
    /// The web session each kind of caller's browser has: its cookie secret and its forms' CSRF
    /// token; none for anonymous and revoked (Eve has no session; Fay's is her disabled account's).
    let sessions: [CallerKind: (secret: String, csrf: String)]
    /// The pre-session CSRF token of the sign-in and set-password forms, sent as cookie and field.
    static let formToken = SecretToken.random().text
    /// A one-time set-password link of hal's, for `POST /set-password/{token}`.
    let passwordLink: String
    /// Another token of ann's, for revoking.
    let spareToken: APIToken
    /// A third token of ann's, for revoking from the admin page.
    let adminSpareToken: APIToken
    /// A challenge everyone may read.
    let challenge: Challenge
    /// Eve's obstacle escalated by her coach dan to carl (who manages ann, not dan).
    let eveEscalation: Escalation

    init() async throws {
        let fixture = try AccessFixture()
        let owner = fixture.owner
        let now = AccessFixture.now
        let hash = try await Self.hash.value
        var tokens: [CallerKind: String] = [:]
        var sessions: [CallerKind: (secret: String, csrf: String)] = [:]
        func session(_ who: Handle, _ kind: CallerKind) throws {
            let secret = SecretToken.random()
            let csrf = SecretToken.random().text
            try owner.addSession(sha256: secret.sha256, handle: who, csrf: csrf, at: now)
            sessions[kind] = (secret.text, csrf)
        }
        func token(_ who: String, _ kind: CallerKind?) throws -> APIToken {
            let secret = SecretToken.random()
            let token = APIToken(id: UUID(), handle: handle(who), name: "laptop", created: now)
            try owner.addToken(token, sha256: secret.sha256)
            if let kind { tokens[kind] = secret.text }
            return token
        }
        for kind in CallerKind.signedIn {
            guard case let .account(who, roles) = kind.who?.caller else { continue }
            try owner.addAccount(
                handle: who, roles: roles, passwordHash: who == handle("ann") ? hash : nil, at: now, by: .file)
            _ = try token(who.rawValue, kind)
            try session(who, kind)
        }
        let link = SecretToken.random()
        try owner.addPasswordLink(sha256: link.sha256, handle: handle("hal"), expires: now + 86_400, at: now)
        passwordLink = link.text
        spareToken = try token("ann", nil)
        adminSpareToken = try token("ann", nil)
        // A person without an account, for the admin page's Add an account.
        try owner.addPerson(Person(handle: handle("ivy"), name: "Ivy Park"))
        try owner.addAccount(handle: handle("fay"), roles: [], passwordHash: nil, at: now, by: .file)
        _ = try token("fay", .disabled)
        try session(handle("fay"), .disabled)
        try owner.editAccount(handle("fay"), enabled: false, at: now, by: .file)
        try owner.addAccount(handle: handle("eve"), roles: [], passwordHash: nil, at: now, by: .file)
        try owner.revokeToken(try token("eve", .revoked).id, at: now)
        challenge = try Challenge(title: "Ship in 2 days")
        try owner.addChallenge(challenge)
        eveEscalation = try owner.escalate(
            Escalation(
                obstacle: fixture.eveObstacle.id, to: handle("carl"), causeUnit: "Paint shop",
                loss: WeeklyLoss(amount: 600, unit: "EUR"), fixCost: Escalation.FixCost.none,
                toldOn: day("2026-11-10")),
            today: AccessFixture.today)
        self.fixture = fixture
        self.tokens = tokens
        self.sessions = sessions
    }

    /// The whole record as it is now, as interchange JSONL: a dry-run import of it changes nothing.
    func export() -> [UInt8] {
        var bytes: [UInt8] = []
        _ = try? fixture.owner.exportData(.jsonl) { bytes += $0 }
        return bytes
    }

    func router() throws -> Router<KataRequestContext> {
        buildRouter(
            configuration: try ServerConfiguration(host: "127.0.0.1", port: 0), accounts: fixture.owner, store: store,
            readiness: {},
            clock: { AccessFixture.now }, log: RequestLog { _ in }, pages: WebApp())
    }

    var store: StoreForCaller { { [owner = fixture.owner] in owner.scoped(to: $0) } }

    /// Runs `test` against the application in process.
    func test<Value>(_ test: @Sendable (any TestClientProtocol) async throws -> Value) async throws -> Value {
        let application = Application(router: try router())
        return try await application.test(.router, test)
    }
}
