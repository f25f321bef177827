import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// Practice and review packets by caller (DESIGN §10.3): practice of the coaches in one's scope,
/// review packets for HR.
@Suite("Access: practice and review packets")
struct AccessInsightTests {
    static func november() throws -> PracticeRequest {
        PracticeRequest(
            period: try Period(from: day("2026-11-01"), to: day("2026-11-30")), today: AccessFixture.today,
            grouping: .unit, learnersLeftLongest: true)
    }

    static let scopes: [(Who, [String], [String])] = [
        (.learner, [], []), (.coach, ["ann"], ["bo"]), (.otherCoach, ["dan"], ["eve", "fay"]),
        (.secondCoach, ["ann"], ["bo"]), (.manager, ["ann"], ["bo"]), (.hr, [], []),
        (.lean, ["ann", "dan"], ["bo", "eve", "fay"]), (.admin, ["ann", "dan"], ["bo", "eve", "fay"]),
        (.owner, ["ann", "dan"], ["bo", "eve", "fay"]),
    ]

    @Test(
        "reports the practice of oneself, the coaches one 2nd-coaches and those below one; all of it for lean staff",
        arguments: scopes)
    func practice(who: Who, coaches: [String], learners: [String]) async throws {
        let answer = try await AccessFixture().store(who).practice(Self.november())
        #expect(answer.report.coaches.map(\.coach) == coaches)
        #expect(answer.groups?.map(\.coaches).reduce(0, +) == coaches.count)
        #expect(answer.learnersLeftLongest.map(\.learner).sorted() == learners)
    }

    @Test("answers a practice filter naming a coach outside one's scope as an unknown coach")
    func practiceOfAnother() async throws {
        let fixture = try AccessFixture()
        var request = try Self.november()
        request.filter = PracticeFilter(coach: handle("dan"))
        let answer = await awaited { try await fixture.store(.coach).practice(request) }
        #expect(answer.hasPrefix("notFound: no coach 'dan'."))
        #expect(!answer.contains("Dan Roe"))
        #expect(try await fixture.store(.lean).practice(request).report.coaches.map(\.coach) == ["dan"])
        #expect(await awaited { try await fixture.store(.manager).practice(request) } == answer)
    }

    @Test("keeps to the caller's scope when a large report is read on two connections")
    func parallelRead() async throws {
        let folder = try TemporaryFolder()
        let fixture = try AccessFixture(
            store: SQLiteStore.open(path: folder.url.appendingPathComponent("kata.sqlite").path, create: true))
        // 44 pairings over ten years: past the coaches × days from which two connections read at once.
        for number in 1...40 {
            let learner = handle("dl\(number)")
            try fixture.owner.addPerson(Person(handle: learner, name: "Learner \(number)"))
            try fixture.owner.addPairing(Pairing(coach: handle("dan"), learner: learner, since: day("2017-01-02")))
        }
        let request = PracticeRequest(
            period: try Period(from: day("2017-01-01"), to: day("2026-11-30")), today: AccessFixture.today)
        #expect(try await fixture.store(.manager).practice(request).report.coaches.map(\.coach) == ["ann"])
        #expect(try await fixture.store(.otherCoach).practice(request).report.coaches.map(\.coach) == ["dan"])
        #expect(try await fixture.store(.lean).practice(request).report.coaches.map(\.coach) == ["ann", "dan"])
        var named = request
        named.filter = PracticeFilter(coach: handle("dan"))
        #expect(
            await awaited { try await fixture.store(.coach).practice(named) }.hasPrefix("notFound: no coach 'dan'."))
    }

    static func review(of coach: Handle?) throws -> ReviewRequest {
        ReviewRequest(
            coach: coach, period: try Period(from: day("2026-11-01"), to: day("2026-11-30")),
            today: AccessFixture.today, now: AccessFixture.now,
            kataVersion: "test")
    }

    @Test(
        "makes a coach's review packet for HR, admins and the coach alone",
        arguments: [
            (Who.learner, false), (.coach, false), (.otherCoach, true), (.secondCoach, false), (.manager, false),
            (.lean, false), (.hr, true), (.admin, true), (.owner, true),
        ])
    func reviews(who: Who, allowed: Bool) async throws {
        let fixture = try AccessFixture()
        let whole = try await fixture.owner.reviews(try Self.review(of: handle("dan")))
        let request = try Self.review(of: handle("dan"))
        let answer = await awaited({ try await fixture.store(who).reviews(request) }, { $0 == whole ? "ok" : "other" })
        #expect(answer == (allowed ? "ok" : "forbidden: only HR, an admin or the coach may make dan's review packet."))
    }

    @Test("makes every coach's review packets for HR and admins only")
    func everyReview() async throws {
        let fixture = try AccessFixture()
        #expect(try await fixture.store(.hr).reviews(try Self.review(of: nil)).packets.count == 2)
        #expect(
            await awaited { try await fixture.store(.lean).reviews(try Self.review(of: nil)) }
                == "forbidden: only HR, an admin or the coach may make the review packets of every coach.")
    }
}

/// `outcome(_:_:)` of work that awaits.
private func awaited<T>(_ work: () async throws -> T, _ show: (T) -> String = { _ in "ok" }) async -> String {
    do {
        return show(try await work())
    } catch let error as KataError {
        return "\(error.kind.rawValue): \(error.description)"
    } catch {
        return "unexpected: \(error)"
    }
}
