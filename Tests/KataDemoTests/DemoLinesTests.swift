import Foundation
import ImprovementKata
import KataInterchange
import KataStore
import Testing

@testable import KataDemo

/// What the demo hands to the seam's import: interchange lines as DESIGN §8 has them, parents
/// before the records that refer to them, so that an import holds nothing back.
@Suite("The demo's interchange lines")
struct DemoLinesTests {
    static let today = Day("2026-06-30")!

    /// Every line of a demo of `coaches` coaches over `days` days, as the import would read them.
    private func lines(coaches: Int, days: Int, seed: UInt64) throws -> [Data] {
        var random = DemoRandom(seed: seed)
        let plant = DemoPlant(coaches: coaches, days: days, random: &random)
        var calendarRandom = DemoRandom(seed: seed, stream: 1)
        let calendar = DemoCalendar(days: days, endingOn: Self.today, calendar: WorkCalendar(), random: &calendarRandom)
        let first = Self.today.adding(days: -(days - 1))
        let opening = try DemoLines(
            plant: plant, holidays: DemoHolidays.holidays(in: first.year...Self.today.year), days: days,
            calendar: calendar, walks: DemoWalks(plant: plant, calendar: calendar, seed: seed), random: &random)
        let stream = DemoStream(
            opening: opening, storyteller: DemoStoryteller(plant: plant, calendar: calendar, seed: seed))
        var bytes = Data()
        var pieces = 0
        while let piece = try stream.next() {
            #expect(piece.last == UInt8(ascii: "\n"))
            bytes.append(piece)
            pieces += 1
        }
        #expect(pieces == coaches + 1)
        return bytes.split(separator: UInt8(ascii: "\n")).map { Data($0) }
    }

    @Test("every line is a record JSONDecoder reads, and refers only to records on lines before it")
    func parentsFirst() throws {
        let lines = try lines(coaches: 6, days: 90, seed: 3)
        var seen: Set<String> = []
        var kinds: [InterchangeKind: Int] = [:]
        for (number, line) in lines.enumerated() {
            let record = try JSONDecoder().decode(InterchangeRecord.self, from: line)
            let references: [String?]
            switch record {
            case .holiday, .setting: references = []
            case let .person(person): references = [person.reportsTo?.rawValue]
            case let .challenge(challenge): references = [challenge.owner?.rawValue, challenge.parent?.uuidString]
            case let .pairing(pairing):
                references = [pairing.coach.rawValue, pairing.learner.rawValue, pairing.secondCoach?.rawValue]
            case let .target(target): references = [target.learner.rawValue, target.challenge?.uuidString]
            case let .condition(condition): references = [condition.target.uuidString]
            case let .obstacle(obstacle): references = [obstacle.target.uuidString]
            case let .experiment(experiment):
                references = [experiment.target.uuidString, experiment.obstacle?.uuidString]
            case let .cycle(cycle):
                references = [
                    cycle.coach.rawValue, cycle.learner.rawValue, cycle.secondCoach?.rawValue, cycle.target?.uuidString,
                    cycle.obstacle?.uuidString, cycle.reviewed?.uuidString, cycle.planned?.uuidString,
                ]
            case let .observation(observation):
                references = [
                    observation.coach.rawValue, observation.secondCoach.rawValue, observation.cycle?.uuidString,
                ]
            case let .escalation(escalation): references = [escalation.obstacle.uuidString, escalation.to.rawValue]
            case let .walkPlan(plan): references = [plan.walker.rawValue]
            case let .walk(walk):
                references = [walk.walker.rawValue, walk.with?.rawValue] + walk.learners.map(\.rawValue)
            }
            for case let reference? in references {
                #expect(seen.contains(reference.lowercased()), "line \(number + 1) refers to \(reference) before it")
            }
            seen.insert(record.key)
            kinds[record.kind, default: 0] += 1
        }
        #expect(kinds[.holiday] == 11)
        #expect((kinds[.cycle] ?? 0) > 100)
        #expect((kinds[.experiment] ?? 0) > 50)
        #expect((kinds[.observation] ?? 0) > 0)
        #expect((kinds[.walkPlan] ?? 0) > 1)
        #expect((kinds[.walk] ?? 0) > 5)
    }

    @Test("the same seed gives the same bytes, another seed other ones")
    func seeded() throws {
        #expect(try lines(coaches: 3, days: 30, seed: 1) == lines(coaches: 3, days: 30, seed: 1))
        #expect(try lines(coaches: 3, days: 30, seed: 1) != lines(coaches: 3, days: 30, seed: 2))
    }
}
