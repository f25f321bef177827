import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct LossesCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "losses",
        abstract: "Show the losses left unfixed: escalations waiting on their deciders, and what it cost.",
        discussion: """
            The escalations open at the end of the period and those decided or resolved in it: days \
            waiting since the decider was told (median and oldest of the unanswered), the loss that \
            ran on while waiting (loss per week x weeks waited: an estimate), zero-cost items left \
            unanswered after 5 workdays, items deferred without a review date or past it, decision \
            lead time; rolled up by decider and by cause unit -> affected unit. Learners are never \
            named, and nothing is counted per learner. A reasoned decline is an answer.

            The period defaults to the four weeks up to today. --format json prints the document of \
            DESIGN section 11.5; csv has one row per escalation.

            Examples:
              kata losses 2026-Q4
              kata losses --to carl --format json
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var format: FormatOptions
    @Argument(help: "The period: 2026, 2026-H2, 2026-Q4, 2026-11 or 2026-W47 (default: the last 4 weeks).")
    var period: String?
    @Option(parsing: .unconditional, help: "Only escalations whose cause or affected unit is this one.")
    var unit: String?
    @Option(parsing: .unconditional, help: "Only those asked of this decider.") var to: String?

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let period = try period.map(Period.init(parsing:)) ?? Period(from: today.adding(days: -27), to: today)
        let escalations = try await store.escalationsForLosses(
            EscalationFilter(to: to.map { try handle($0, "--to") }, unit: unit.nonBlank), in: period)
        let report = LossReport(
            escalations: escalations, period: period, today: today, calendar: try await store.settings().calendar)
        switch format.format {
        case .json: context.output.write(try jsonText(report))
        case .csv: context.output.write(LossesText.csv(report))
        case .text: context.output.write(LossesText.render(report))
        }
    }
}
