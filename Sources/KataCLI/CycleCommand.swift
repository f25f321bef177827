import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct CycleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cycle",
        abstract: "Log coaching cycles, read their history, correct mistakes.",
        subcommands: [CycleLogCommand.self, List.self, Show.self, Edit.self, Delete.self])

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List coaching cycles, newest first.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only this coach's cycles.") var coach: String?
        @Option(parsing: .unconditional, help: "Only cycles with this learner.") var learner: String?
        @Option(parsing: .unconditional, help: "From this day.") var from: DayArgument?
        @Option(parsing: .unconditional, help: "Up to this day.") var to: DayArgument?
        @Option(parsing: .unconditional, help: "At most this many (default: 50 in text, all in json and csv).")
        var limit: Int?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let cycles = try await store.cycles(
                CycleFilter(
                    coach: coach.map { try handle($0, "--coach") },
                    learner: learner.map { try handle($0, "--learner") },
                    from: from?.day(today: today, field: "--from"), to: to?.day(today: today, field: "--to"),
                    limit: limit ?? (format.format == .text ? 50 : nil)))
            let text = format.format == .text
            let listing = Listing(
                columns: ["id", "date", "coach", "learner", "minutes", "secondCoach", "actualCondition"],
                rows: cycles.map {
                    [
                        text ? $0.id.short : $0.id.text, $0.date.description, $0.coach.rawValue, $0.learner.rawValue,
                        $0.minutes.map(String.init) ?? "", $0.secondCoach?.rawValue ?? "",
                        text ? $0.actualCondition.orEmpty.truncated(to: 40) : $0.actualCondition.orEmpty,
                    ]
                })
            try render(
                listing, records: cycles.map(CycleRow.init), empty: "No coaching cycles.", context, format.format)
        }
    }

    struct Show: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show one cycle with the step it reviewed and the step it planned.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Argument(help: "The cycle's id (the first characters are enough).") var id: String

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let detail = try await store.cycleDetail(store.resolve(.cycle, id))
            let cycle = detail.cycle
            if format.format == .json {
                context.output.write(try jsonText(CycleRow(cycle)))
                return
            }
            if format.format == .csv {
                context.output.write(CycleRow.listing([cycle]).csv())
                return
            }
            let out = context.output
            out.line("Cycle \(cycle.id.text)")
            out.line("Date:         \(cycle.date)")
            out.line("Coach:        \(cycle.coach)\(cycle.secondCoach.map { " (2nd coach \($0))" } ?? "")")
            out.line("Learner:      \(cycle.learner)")
            if let minutes = cycle.minutes { out.line("Minutes:      \(minutes)") }
            if let target = detail.target {
                out.line("1. Target:    \(target.focusProcess) — achieve by \(target.achieveBy) [\(target.id.short)]")
            }
            if let actual = cycle.actualCondition { out.line("2. Actual:    \(actual)") }
            if let reviewed = detail.reviewed {
                out.line("   Last step: \(reviewed.step)")
                out.line("   Expected:  \(reviewed.expected.nonBlank ?? "(none written)")")
                out.line("   Happened:  \(reviewed.happened ?? "")")
                if let answer = reviewed.asExpected { out.line("   As expected: \(answer.rawValue)") }
                out.line("   Learned:   \(reviewed.learned ?? "")")
            }
            if let obstacle = detail.obstacle { out.line("3. Obstacle:  \(obstacle.text) [\(obstacle.id.short)]") }
            if let planned = detail.planned {
                out.line("4. Next step: \(planned.step)")
                out.line("   Expect:    \(planned.expected.nonBlank ?? "(none written)")")
                if let goSee = planned.goSee { out.line("5. Go see:    \(goSee)") }
            }
        }
    }

    struct Edit: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Correct a logged cycle.",
            discussion: """
                A prediction stays as written once the step's result is in. A relative --go-see counts from the \
                cycle's day. --obstacle corrects which obstacle the cycle (and the step it planned) addressed; \
                it must be on the cycle's target condition. To change which obstacle is worked now, use 'kata \
                obstacle work'.

                Example:
                  kata cycle edit 9c1e4b7a --minutes 18 --learned "Nobody refills at night"
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The cycle's id.") var id: String
        @Option(parsing: .unconditional, help: "The day of the cycle.") var date: DayArgument?
        @Option(parsing: .unconditional, help: "Minutes the cycle took.") var minutes: Int?
        @Option(parsing: .unconditional, help: "The 2nd coach who watched.") var secondCoach: String?
        @Option(parsing: .unconditional, help: "The actual condition now.") var actual: String?
        @Option(parsing: .unconditional, help: "What happened with the step reviewed.") var happened: String?
        @Option(parsing: .unconditional, help: "Whether that was what the learner expected.")
        var asExpected: AsExpected?
        @Option(parsing: .unconditional, help: "What was learned from it.") var learned: String?
        @Option(parsing: .unconditional, help: "The step planned.") var nextStep: String?
        @Option(parsing: .unconditional, help: "What the learner expects from the step planned.") var expect: String?
        @Option(parsing: .unconditional, help: "When to go and see; +1w counts from the cycle's day.") var goSee:
            DayArgument?
        @Option(
            parsing: .unconditional,
            help: "The obstacle the cycle addressed (an id from 'kata obstacle list'), to correct a wrong link.")
        var obstacle: String?

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let today = try await context.today(store)
            let cycleID = try await store.resolve(.cycle, id)
            let cycleDate: Day
            if let date {
                cycleDate = try date.day(today: today, field: "--date")
            } else {
                cycleDate = try await store.cycleDetail(cycleID).cycle.date
            }
            let correction = CycleCorrection(
                date: try date?.day(today: today, field: "--date"), minutes: minutes,
                secondCoach: try secondCoach.map { try handle($0, "--second-coach") }, actualCondition: actual,
                obstacle: try await store.resolve(.obstacle, obstacle), happened: happened, learned: learned,
                nextStep: nextStep, expected: expect, goSee: try goSee?.day(today: cycleDate, field: "--go-see"),
                asExpected: asExpected)
            let detail = try await store.editCycle(cycleID, correction, at: context.now, today: today)
            context.output.line("Corrected cycle \(detail.cycle.id.short).")
        }
    }

    struct Delete: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "delete",
            abstract: "Delete a cycle logged by mistake.",
            discussion: "The step it planned is deleted with it; the step it reviewed is open again.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The cycle's id.") var id: String

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let cycleID = try await store.resolve(.cycle, id)
            try await store.deleteCycle(cycleID)
            context.output.line("Deleted cycle \(cycleID.short).")
        }
    }
}

/// A cycle in JSON and CSV listings: the interchange fields.
struct CycleRow: Encodable {
    var id: String
    var date: Day
    var coach: String
    var learner: String
    var secondCoach: String?
    var minutes: Int?
    var target: String?
    var actualCondition: String?
    var obstacle: String?
    var reviewed: String?
    var planned: String?

    init(_ cycle: CoachingCycle) {
        id = cycle.id.text
        date = cycle.date
        coach = cycle.coach.rawValue
        learner = cycle.learner.rawValue
        secondCoach = cycle.secondCoach?.rawValue
        minutes = cycle.minutes
        target = cycle.target?.text
        actualCondition = cycle.actualCondition
        obstacle = cycle.obstacle?.text
        reviewed = cycle.reviewed?.text
        planned = cycle.planned?.text
    }

    static func listing(_ cycles: [CoachingCycle]) -> Listing {
        Listing(
            columns: [
                "id", "date", "coach", "learner", "secondCoach", "minutes", "target", "actualCondition",
                "obstacle", "reviewed", "planned",
            ],
            rows: cycles.map {
                [
                    $0.id.text, $0.date.description, $0.coach.rawValue, $0.learner.rawValue,
                    $0.secondCoach?.rawValue ?? "", $0.minutes.map(String.init) ?? "", $0.target?.text ?? "",
                    $0.actualCondition.orEmpty, $0.obstacle?.text ?? "", $0.reviewed?.text ?? "",
                    $0.planned?.text ?? "",
                ]
            })
    }
}
