import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite
import KataStore

/// `kata cycle log`: one coaching cycle, in under a minute.
struct CycleLogCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Log a coaching cycle, guided by the five coaching questions.",
        discussion: """
            On a terminal, values not given are asked for, one coaching question at a time, showing the \
            learner's target condition, the obstacle being worked and the last step with what was expected. \
            Empty answers are fine where the kata allows them. Ctrl-C or Ctrl-D writes nothing.

            Without a terminal (or with --no-prompt) nothing is asked: a missing required value is an error \
            that names it.

            A relative go-see date (+1w, tomorrow, -3d) counts from the day of the cycle, given or typed: \
            --date 2026-12-03 --go-see +1w is 2026-12-10. A cycle dated after today is refused.

            The coach is --coach, else $KATA_COACH, else 'coach = HANDLE' in $XDG_CONFIG_HOME/kata/config, \
            else, through a server, the account signed in with 'kata login'.

            Examples:
              kata cycle log --learner bo
              kata cycle log --learner bo --minutes 15 --actual "58 s, 3 run-outs" \\
                --happened "No run-out on day shift" --as-expected partly \\
                --learned "Night shift refills late" \\
                --next-step "Refill at shift change" --expect "No run-outs on nights" \\
                --go-see tomorrow
            """)

    @OptionGroup var global: GlobalOptions
    @Option(parsing: .unconditional, help: "The learner coached.") var learner: String?
    @Option(parsing: .unconditional, help: "The coach (default: $KATA_COACH or the config file).") var coach: String?
    @Option(parsing: .unconditional, help: "The day of the cycle (default: today).") var date: DayArgument?
    @Option(parsing: .unconditional, help: "Minutes the cycle took.") var minutes: Int?
    @Option(parsing: .unconditional, help: "The 2nd coach who watched.") var secondCoach: String?
    @Option(parsing: .unconditional, help: "The target condition, when the learner has several active ones.")
    var target: String?
    @Option(parsing: .unconditional, help: "Q2: the actual condition now.") var actual: String?
    @Option(parsing: .unconditional, help: "Q2: what actually happened with the last step.") var happened: String?
    @Option(parsing: .unconditional, help: "Q2: was that what you expected?")
    var asExpected: AsExpected?
    @Option(parsing: .unconditional, help: "Q2: what was learned from it.") var learned: String?
    @Option(parsing: .unconditional, help: "Q3: the obstacle addressed now (id from the parking lot).") var obstacle:
        String?
    @Option(parsing: .unconditional, help: "Q3: a new obstacle, addressed now.") var newObstacle: String?
    @Option(parsing: .unconditional, help: "Q4: the next step.") var nextStep: String?
    @Option(parsing: .unconditional, help: "Q4: what the learner expects from it.") var expect: String?
    @Option(
        parsing: .unconditional,
        help: "Q5: when we can go and see; +1w counts from the cycle's day (default on a terminal: the next workday).")
    var goSee: DayArgument?
    @Flag(help: "Never ask; log what is given.") var noPrompt = false

    func validate() throws {
        if obstacle != nil && newObstacle != nil {
            throw ValidationError("Give either --obstacle or --new-obstacle, not both.")
        }
    }

    func run(in context: CommandContext) async throws {
        try CoachingCycle.validate(minutes: minutes)
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let prompter = noPrompt ? nil : context.input.map { Prompter(input: $0, output: context.output) }
        var coachHandle = try global.coach(coach, context)
        if coachHandle == nil, let prompter {
            coachHandle = try await prompter.askPerson("Coach (your handle)", role: "coach", in: store)
        }
        guard let coachHandle else {
            throw KataError.missing(
                fields: ["--coach"],
                hint: "Give --coach, set KATA_COACH, or put 'coach = HANDLE' in \(context.configPath).")
        }
        var learnerHandle = try learner.map { try handle($0, "--learner") }
        if learnerHandle == nil, let prompter {
            learnerHandle = try await prompter.askPerson("Learner", role: "learner", in: store)
        }
        guard let learnerHandle else {
            throw KataError.missing(fields: ["--learner"], hint: "Say whom you coached: --learner HANDLE.")
        }
        let cycleDate = try date?.day(today: today, field: "--date") ?? today
        try cycleDate.requireHappened(by: today, record: "a cycle")
        var entry = CycleEntry(
            date: cycleDate, coach: coachHandle, learner: learnerHandle,
            secondCoach: try secondCoach.map { try handle($0, "--second-coach") }, minutes: minutes,
            target: try await store.resolve(.target, target), actualCondition: actual, happened: happened,
            learned: learned, obstacle: try await store.resolve(.obstacle, obstacle),
            newObstacle: newObstacle, nextStep: nextStep, expected: expect,
            goSee: try goSee?.day(today: cycleDate, field: "--go-see"), asExpected: asExpected)
        if let prompter {
            try await CoachingDialogue(store: store, prompter: prompter, flags: given).complete(&entry)
        }
        let logged: LoggedCycle
        do {
            logged = try await store.logCycle(entry, id: UUID(), at: context.now, today: today)
        } catch let kept as RemoteStore.Kept {
            return kept.report(to: context)
        }
        report(logged, context)
    }

    /// Which values came from the command line (and so are not asked for).
    private var given: CoachingDialogue.Given {
        CoachingDialogue.Given(
            actual: actual != nil, review: happened != nil || learned != nil || asExpected != nil,
            obstacle: obstacle != nil || newObstacle != nil, nextStep: nextStep != nil, expect: expect != nil,
            goSee: goSee != nil, minutes: minutes != nil)
    }

    private func report(_ logged: LoggedCycle, _ context: CommandContext) {
        let cycle = logged.cycle
        var line = "Logged cycle \(cycle.id.short): \(cycle.coach) coached \(cycle.learner) on \(cycle.date)"
        if let minutes = cycle.minutes { line += " (\(minutes) min)" }
        context.output.line(line + ".")
        if let reviewed = logged.reviewed {
            context.output.write(StoryboardText.wrap(reviewed.step.terminalSafe, lead: "  Reviewed step: "))
        }
        if let obstacle = logged.obstacle {
            context.output.write(StoryboardText.wrap(obstacle.text.terminalSafe, lead: "  Obstacle:      "))
        }
        if let planned = logged.planned {
            context.output.write(
                StoryboardText.wrap(
                    planned.step.terminalSafe + (planned.goSee.map { " — go and see \($0)" } ?? ""),
                    lead: "  Next step:     "))
            if !planned.hasPrediction {
                context.output.line("  Note: no expectation written; ask \"What do you expect?\" before the step.")
            }
        }
        if logged.target == nil {
            context.output.line("  Note: \(cycle.learner) has no active target condition yet.")
        }
    }
}

extension AsExpected: ExpressibleByArgument {}

/// Asks questions on the terminal; nil answers mean the coach pressed Ctrl-D.
struct Prompter {
    let input: any LineReader
    let output: OutputStream

    /// Asks `question` and returns the trimmed answer, "" for Enter; Ctrl-D aborts, writing nothing.
    func ask(_ question: String, default fallback: String? = nil) throws -> String {
        output.write(question + (fallback.map { " [\($0)]" } ?? "") + " > ")
        guard let answer = input.readLine() else {
            output.line()
            throw KataError.failure("cancelled; nothing was written.")
        }
        let trimmed = answer.trimmed
        return trimmed.isEmpty ? (fallback ?? "") : trimmed
    }

    /// Asks `question` until `check` accepts the answer: a `KataError` it throws is shown, with the
    /// question asked again, so that a value the kata would refuse never costs the answers before it.
    func ask<Value>(_ question: String, default fallback: String? = nil, until check: (String) async throws -> Value)
        async throws -> Value
    {
        while true {
            let answer = try ask(question, default: fallback)
            do {
                return try await check(answer)
            } catch let error as KataError {
                output.line("  " + error.description)
            }
        }
    }

    /// Asks for the handle of someone in the database, as `role`, until the answer is one.
    func askPerson(_ question: String, role: String, in store: any KataService) async throws -> Handle {
        try await ask(question) { answer in
            let handle = try Handle(typed: answer, field: question.lowercased())
            return try await store.requiredPerson(handle, as: role).handle
        }
    }
}
