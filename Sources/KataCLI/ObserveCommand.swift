import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite
import KataStore

struct ObserveCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Record a 2nd coach's observation of a coaching cycle: notes, one focus point, its trigger.",
        discussion: """
            The 2nd coach is --second-coach, else $KATA_COACH, else 'coach = HANDLE' in the config \
            file.

            Example:
              kata observe --coach ann --second-coach lena \\
                --notes "Asked Q4 before reviewing the last step" \\
                --focus "Read the expectation back before asking what happened" \\
                --trigger "When the learner starts to describe the result"
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "The coach observed.") var coach: String
    @Option(parsing: .unconditional, help: "The 2nd coach observing (default: $KATA_COACH or the config file).")
    var secondCoach: String?
    @Option(parsing: .unconditional, help: "The cycle observed (its id).") var cycle: String?
    @Option(parsing: .unconditional, help: "The day (default: today).") var date: DayArgument?
    @Option(parsing: .unconditional, help: "What was observed.") var notes: String
    @Option(parsing: .unconditional, help: "One focus point for the coach to practise.") var focus: String
    @Option(parsing: .unconditional, help: "The trigger: when to apply the focus point.") var trigger: String

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        guard let observer = try secondCoach.map({ try handle($0, "--second-coach") }) ?? global.coach(nil, context)
        else {
            throw KataError.missing(fields: ["--second-coach"], hint: "Say who observed: --second-coach HANDLE.")
        }
        let observation = try Observation(
            date: date?.day(today: today, field: "--date") ?? today, secondCoach: observer,
            coach: handle(coach, "--coach"), cycle: try await store.resolve(.cycle, cycle), notes: notes,
            focus: focus, trigger: trigger)
        do {
            try await store.addObservation(observation, at: context.now, today: today)
        } catch let kept as RemoteStore.Kept {
            return kept.report(to: context)
        }
        context.output.line(
            "Recorded \(observation.secondCoach)'s observation of \(observation.coach) on \(observation.date) "
                + "(\(observation.id.short)).")
    }
}

struct DueCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "due",
        abstract: "Learners to go and see today: go-see dates due, or not coached for more than a workday.",
        discussion: """
            Example:
              kata due --coach ann
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: FormatOptions
    @Option(
        parsing: .unconditional,
        help: "Only this coach's learners (default: $KATA_COACH or the config file; all when unset).")
    var coach: String?
    @Option(parsing: .unconditional, help: "The day to plan (default: today).") var date: DayArgument?

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let day = try date?.day(today: today, field: "--date") ?? today
        let due = try await store.due(coach: context.coach(coach), on: day)
        let listing = Listing(
            columns: ["coach", "learner", "name", "lastCycle", "goSee", "why"],
            rows: due.map {
                [
                    $0.coach.rawValue, $0.learner.handle.rawValue, $0.learner.name, $0.lastCycle?.description ?? "",
                    $0.goSee?.goSee?.description ?? "", $0.reasons.joined(separator: "; "),
                ]
            })
        guard format.format == .text, !due.isEmpty else {
            try render(
                listing, records: due.map(DueRow.init), empty: "Nobody is due on \(day).", context, format.format)
            return
        }
        context.output.write(Self.text(due))
    }

    /// One aligned line per learner, with the reasons under it, each wrapped at 80 columns with a
    /// hanging indent, so that a long step never runs off the terminal.
    static func text(_ due: [DueLearner]) -> String {
        let table = Listing(
            columns: ["coach", "learner", "name", "lastCycle", "goSee"],
            rows: due.map {
                [
                    $0.coach.rawValue, $0.learner.handle.rawValue, $0.learner.name, $0.lastCycle?.description ?? "",
                    $0.goSee?.goSee?.description ?? "",
                ]
            }
        ).text().split(separator: "\n").map(String.init)
        var out = (table.first ?? "") + "\n"
        for (learner, line) in zip(due, table.dropFirst()) {
            out += line + "\n"
            for reason in learner.reasons { out += StoryboardText.wrap(reason.terminalSafe, lead: "    ") }
        }
        return out
    }
}

/// A due learner in JSON.
struct DueRow: Encodable {
    var coach: String
    var learner: String
    var name: String
    var lastCycle: Day?
    var workdaysSinceLastCycle: Int?
    var goSee: Day?
    var step: String?
    var reasons: [String]

    init(_ due: DueLearner) {
        coach = due.coach.rawValue
        learner = due.learner.handle.rawValue
        name = due.learner.name
        lastCycle = due.lastCycle
        workdaysSinceLastCycle = due.workdaysSinceLastCycle
        goSee = due.goSee?.goSee
        step = due.goSee?.step
        reasons = due.reasons
    }
}
