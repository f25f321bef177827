import ArgumentParser
import Foundation
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore

struct DemoCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Build an example organisation with months of coaching history, to try kata or benchmark it.",
        discussion: """
            Creates a database holding a plant: units with managers who coach their learners, lean staff and \
            the plant manager as 2nd coaches, challenges, target conditions, obstacles, experiments, coaching \
            cycles and observations, up to today. The same --seed always gives the same data, ids included.

            A database that already holds people is refused, so that demo data never mixes with real data: \
            give a new --db path.

            Examples:
              kata demo --db /tmp/kata-demo.sqlite
              kata demo --db /tmp/kata-large.sqlite --coaches 2000 --days 500
            """)

    @OptionGroup var global: GlobalOptions

    @Option(parsing: .unconditional, help: "How many coaches: managers, and learners who coach their own team leads.")
    var coaches = DemoOrganisation.defaultCoaches

    @Option(parsing: .unconditional, help: "Days of history, ending today.")
    var days = DemoOrganisation.defaultDays

    @Option(parsing: .unconditional, help: "Seed of the generator; the same seed gives the same data.")
    var seed = DemoOrganisation.defaultSeed

    func validate() throws {
        guard (1...DemoOrganisation.maximumCoaches).contains(coaches) else {
            throw ValidationError("--coaches must be from 1 to \(DemoOrganisation.maximumCoaches).")
        }
        guard (1...DemoOrganisation.maximumDays).contains(days) else {
            throw ValidationError("--days must be from 1 to \(DemoOrganisation.maximumDays).")
        }
    }

    func run(in context: CommandContext) async throws {
        let path = context.databasePath(global.database)
        let store = try global.openFile(context, create: true)
        if try await DemoOrganisation.holdsPeople(store) {
            throw KataError.ruleBroken(
                "\(path) already holds people; the demo never mixes with real data. "
                    + "Give a new database with --db, such as 'kata demo --db /tmp/kata-demo.sqlite'.")
        }
        try store.configure(timeZoneUnlessSet: "UTC")
        let today = try await context.today(store)
        let clock = ContinuousClock()
        let started = clock.now
        let summary = try await DemoOrganisation.generate(
            into: store, coaches: coaches, days: days, seed: seed, endingOn: today)
        let taken = clock.now - started
        let seconds = Double(taken.components.seconds) + Double(taken.components.attoseconds) * 1e-18
        let learner = try Self.learnerWithStoryboard(coach: summary.exampleCoach, in: store, today: today)
        report(summary, learner: learner ?? summary.exampleLearner, path: path, seconds: seconds, context)
    }

    /// A learner of `coach` whose storyboard has something on it (steps, obstacles, a current
    /// condition), the fullest first, so that the storyboard suggested is worth looking at.
    static func learnerWithStoryboard(coach: Handle, in store: SQLiteStore, today: Day) throws -> Handle? {
        var best: (handle: Handle, content: Int)?
        for pairing in try store.pairings(coach: coach, activeOn: today) {
            guard let board = try? store.storyboard(learner: pairing.learner) else { continue }
            let content = board.experiments.count + board.obstacles.count + (board.current == nil ? 0 : 1)
            if content > (best?.content ?? 0) { best = (pairing.learner, content) }
        }
        return best?.handle
    }

    /// How to run kata again, as the person typed it: `swift run kata` when this executable lies in a
    /// SwiftPM build folder (`.build/`), `kata` otherwise.
    static func invocation(executable: String) -> String {
        executable.contains("/.build/") || executable.hasPrefix(".build/") ? "swift run kata" : "kata"
    }

    private func report(
        _ summary: DemoSummary, learner: Handle, path: String, seconds: Double, _ context: CommandContext
    ) {
        let output = context.output
        output.line(
            "Built a demo plant in \(path): \(counted(coaches, "coach", "coaches")), "
                + "\(counted(days, "day", "days")) from \(summary.firstDay) to \(summary.lastDay), seed \(seed).")
        let counts: [(String, Int)] = [
            ("people", summary.people), ("pairings", summary.pairings), ("challenges", summary.challenges),
            ("target conditions", summary.targets), ("current conditions", summary.conditions),
            ("obstacles", summary.obstacles), ("experiments", summary.experiments),
            ("coaching cycles", summary.cycles), ("observations", summary.observations),
            ("holidays", summary.holidays),
        ]
        let width = counts.map { String($0.1).count }.max() ?? 1
        for (label, count) in counts {
            output.line("  " + label.padded(to: 20) + String(count).leftPadded(to: width))
        }
        output.line("Took \(String(format: "%.1f", seconds)) s.")
        output.line()
        let database = global.database.map { " --db " + shellQuoted($0) } ?? ""
        let kata = Self.invocation(executable: CommandLine.arguments.first ?? "kata")
        output.line("Try next:")
        output.line("  \(kata) due --coach \(summary.exampleCoach)\(database)")
        output.line("  \(kata) storyboard \(learner)\(database)")
        output.line("  \(kata) practice\(database)")
        output.line("  \(kata) cycle list --coach \(summary.exampleCoach)\(database)")
        if global.database == nil && (context.environment["KATA_DB"] ?? "").isEmpty {
            output.line()
            output.line(
                "The demo went into your default database. Before you record real coaching, move \(path) "
                    + "away, or keep demos apart with --db.")
        }
    }

    private func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-~+:,=@".contains($0) }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
