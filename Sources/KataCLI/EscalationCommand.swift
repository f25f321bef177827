import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct EscalateCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Take an obstacle to someone who can decide what the learner cannot.",
        discussion: """
            The obstacle stays on the learner's parking lot; the escalation is a record of its own. \
            The loss is an estimate, always labelled so; what the decider was told (loss, basis, \
            day) is fixed once recorded.

            Example:
              kata escalate 3f2a9c1e --to carl --cause-unit Logistics \\
                --loss "1800 EUR/week" --basis "2 stops a shift x 15 min" \\
                --fix "Kanban loop for screws" --fix-cost none
            """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: "The obstacle's id (as 'kata obstacle list' shows it).") var obstacle: String
    @Option(parsing: .unconditional, help: "Who must decide (a handle).") var to: String
    @Option(parsing: .unconditional, help: "The unit whose process causes the obstacle.") var causeUnit: String?
    @Option(parsing: .unconditional, help: "The estimated loss: \"AMOUNT UNIT/week\", as \"1800 EUR/week\".")
    var loss: WeeklyLossArgument?
    @Option(parsing: .unconditional, help: "How the loss was estimated.") var basis: String?
    @Option(parsing: .unconditional, help: "The proposed fix.") var fix: String?
    @Option(parsing: .unconditional, help: "What the fix costs: none, operating or capital.")
    var fixCost: Escalation.FixCost?
    @Option(parsing: .unconditional, help: "When the decider was told (default: today).") var toldOn: DayArgument?
    @Option(parsing: .unconditional, help: "How the decider was told (default: by kata).") var toldHow: String?

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let escalation = try await Escalation(
            obstacle: store.resolve(.obstacle, obstacle), to: handle(to, "--to"), causeUnit: causeUnit,
            loss: loss?.loss, basis: basis, fix: fix, fixCost: fixCost,
            toldOn: toldOn?.day(today: today, field: "--told-on") ?? today, toldHow: toldHow ?? "by kata")
        let stored = try await store.escalate(escalation, today: today)
        context.output.line(
            "Escalated obstacle \(stored.obstacle.short) to \(stored.to), told on \(stored.toldOn) "
                + "(\(stored.id.short)).")
    }
}

/// `--loss "1800 EUR/week"`: a value of another form is a usage error naming the option.
struct WeeklyLossArgument: ExpressibleByArgument, Sendable {
    let loss: WeeklyLoss

    init?(argument: String) {
        guard let loss = try? WeeklyLoss(parsing: argument, field: "--loss") else { return nil }
        self.loss = loss
    }
}

extension Escalation.FixCost: ExpressibleByArgument {}

struct EscalationCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalation",
        abstract: "Decide, resolve and list escalations.",
        subcommands: [Decide.self, Resolve.self, Reopen.self, List.self])

    struct Decide: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide",
            abstract: "Answer an escalation: accept it, decline it with a reason, or defer it to a date.",
            discussion: """
                On a server only the decider, or an admin, may decide. A reasoned decline is an answer.

                Examples:
                  kata escalation decide 7c1d2e3f --accept
                  kata escalation decide 7c1d2e3f --decline --reason "Supplier change in Q1"
                  kata escalation decide 7c1d2e3f --defer --review-by 2027-01-15
                """)

        enum Decision: String, EnumerableFlag {
            case accept, decline, `defer`

            static func help(for value: Decision) -> ArgumentHelp? {
                switch value {
                case .accept: return "Accept the proposed fix."
                case .decline: return "Decline it (needs --reason)."
                case .defer: return "Decide later (needs --review-by)."
                }
            }
        }

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation's id.") var id: String
        @Flag var decision: Decision
        @Option(parsing: .unconditional, help: "Why (required with --decline).") var reason: String?
        @Option(parsing: .unconditional, help: "When to look at it again (required with --defer).")
        var reviewBy: DayArgument?
        @Option(parsing: .unconditional, help: "The day of the decision (default: today).") var date: DayArgument?

        func validate() throws {
            if decision == .decline, reason.nonBlank == nil { throw ValidationError("--decline needs --reason T.") }
            if decision == .defer, reviewBy == nil { throw ValidationError("--defer needs --review-by DATE.") }
            if decision != .defer, reviewBy != nil { throw ValidationError("--review-by goes with --defer.") }
        }

        func run(in context: CommandContext) async throws {
            let action: EscalationEvent.Action =
                switch decision {
                case .accept: .accepted
                case .decline: .declined
                case .defer: .deferred
                }
            let (escalation, event) = try await EscalationCommand.record(id, date, global, context) { day, today in
                try EscalationEvent(
                    date: day, action: action, reason: reason,
                    reviewBy: reviewBy?.day(today: today, field: "--review-by"))
            }
            context.output.line("Escalation \(escalation.id.short) is \(escalation.status.rawValue) on \(event.date).")
        }
    }

    struct Resolve: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "resolve",
            abstract: "Record that the loss stopped: the fix is in (and when it was seen working at the gemba).",
            discussion: """
                Example:
                  kata escalation resolve 7c1d2e3f --date 2026-12-01 --verified-on 2026-12-03
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation's id.") var id: String
        @Option(parsing: .unconditional, help: "The day the loss stopped (default: today).") var date: DayArgument?
        @Option(parsing: .unconditional, help: "The day the fix was seen working at the gemba.")
        var verifiedOn: DayArgument?

        func run(in context: CommandContext) async throws {
            let (escalation, event) = try await EscalationCommand.record(id, date, global, context) { day, today in
                try EscalationEvent(
                    date: day, action: .resolved, verifiedOn: verifiedOn?.day(today: today, field: "--verified-on"))
            }
            context.output.line("Escalation \(escalation.id.short) is resolved on \(event.date).")
        }
    }

    struct Reopen: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "reopen",
            abstract: "Open a declined or resolved escalation again: the loss is back, or the answer changed.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The escalation's id.") var id: String
        @Option(parsing: .unconditional, help: "Why it is open again.") var reason: String?
        @Option(parsing: .unconditional, help: "The day (default: today).") var date: DayArgument?

        func run(in context: CommandContext) async throws {
            let (escalation, event) = try await EscalationCommand.record(id, date, global, context) { day, _ in
                try EscalationEvent(date: day, action: .reopened, reason: reason)
            }
            context.output.line("Escalation \(escalation.id.short) is open again on \(event.date).")
        }
    }

    /// Records the event `make` builds (from the day of `--date`, else today, and today) on the
    /// escalation whose id starts with `id`: what decide, resolve and reopen share.
    static func record(
        _ id: String, _ date: DayArgument?, _ global: GlobalOptions, _ context: CommandContext,
        _ make: (Day, Day) throws -> EscalationEvent
    ) async throws -> (Escalation, EscalationEvent) {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let event = try make(try date?.day(today: today, field: "--date") ?? today, today)
        let escalation = try await store.recordEscalationEvent(store.resolve(.escalation, id), event, today: today)
        return (escalation, event)
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List escalations, oldest told first.",
            discussion: """
                With --format json: {"escalations": [...]}, as DESIGN section 11.5 describes.
                """)

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only those asked of this person.") var to: String?
        @Option(parsing: .unconditional, help: "Only those whose cause or affected unit is this one.")
        var unit: String?
        @Flag(help: "Only those whose loss still runs (open, accepted or deferred).") var open = false

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let escalations = try await store.escalations(
                EscalationFilter(to: to.map { try handle($0, "--to") }, unit: unit, liveOnly: open))
            switch format.format {
            case .json: context.output.write(try jsonText(EscalationJSON(escalations: escalations)))
            case .csv: context.output.write(Listing.escalations(escalations, short: false).csv())
            case .text:
                context.output.write(escalations.isEmpty ? "No escalations.\n" : EscalationList.text(escalations))
            }
        }
    }
}

/// `kata escalation list` as a table: the id with its units under it, so that a row fits 80
/// columns with the decider's handle whole, at the end.
enum EscalationList {
    static func text(_ escalations: [Escalation]) -> String {
        let table = Listing.escalations(escalations, short: true)
        let units = escalations.map {
            "caused in \($0.causeUnit ?? "an unknown unit"), felt in \($0.affectedUnit ?? "an unknown unit")"
        }
        let lines = Listing(columns: Array(table.columns.dropLast()), rows: table.rows.map { Array($0.dropLast()) })
            .text().split(separator: "\n", omittingEmptySubsequences: false)
        var text = String(lines[0]) + "\n"
        for (line, unit) in zip(lines.dropFirst(), units) {
            text += line + "\n" + String(repeating: " ", count: 10) + unit.terminalSafe + "\n"
        }
        return text
    }
}

extension Listing {
    /// The escalations as rows; the last column, cause → affected unit, is left out of the text
    /// view's row (it goes under the id).
    static func escalations(_ escalations: [Escalation], short: Bool) -> Listing {
        Listing(
            columns: ["id", "status", "toldOn", "loss (estimate)", "fixCost", "to", "cause → affected"],
            rows: escalations.map {
                [
                    short ? $0.id.short : $0.id.text, $0.status.rawValue, $0.toldOn.description,
                    $0.loss?.description ?? "", $0.fixCost?.rawValue ?? "", $0.to.rawValue,
                    "\($0.causeUnit ?? "?") → \($0.affectedUnit ?? "?")",
                ]
            })
    }
}

/// `kata escalation list --format json` (DESIGN §11.5).
struct EscalationJSON: Encodable {
    var escalations: [Escalation]
}
