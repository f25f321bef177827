import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// The five coaching questions asked on the terminal for the values not given on the command line.
///
/// Before the coach hears what happened, the dialogue reads back the last step and what the
/// learner expected from it: the comparison of prediction and result is where the learning is.
struct CoachingDialogue {
    let store: any KataService
    let prompter: Prompter
    let flags: Given

    /// What the command line already holds.
    struct Given {
        var actual: Bool
        var review: Bool
        var obstacle: Bool
        var nextStep: Bool
        var expect: Bool
        var goSee: Bool
        var minutes: Bool
    }

    /// Asks for what the command line left out.
    ///
    /// Every answer is checked as it is typed (a value the kata would refuse is asked again, with
    /// the reason), and what the command line gave is checked before the first question, so that
    /// nothing typed is lost to a refusal at the end.
    func complete(_ entry: inout CycleEntry) async throws {
        let out = prompter.output
        _ = try CoachingCycle(
            date: entry.date, coach: entry.coach, learner: entry.learner, secondCoach: entry.secondCoach,
            minutes: entry.minutes)
        _ = try await store.requiredPerson(entry.coach, as: "coach")
        if let second = entry.secondCoach { _ = try await store.requiredPerson(second, as: "2nd coach") }
        let learner = try await store.requiredPerson(entry.learner, as: "learner")
        out.line("Coaching \(learner.name) (\(learner.handle)) on \(entry.date) — coach \(entry.coach).")
        let active = try await store.targets(learner: entry.learner, status: .active)
        let target: TargetCondition
        if let id = entry.target, let chosen = active.first(where: { $0.id == id }) {
            target = chosen
        } else if active.count == 1, let only = active.first {
            target = only
        } else if active.isEmpty {
            if flags.review || flags.obstacle || flags.nextStep {
                throw KataError.ruleBroken(
                    "\(learner.handle) has no active target condition to record steps and obstacles against; "
                        + "set one with 'kata target add --learner \(learner.handle) …'.")
            }
            out.line("\(learner.handle) has no active target condition; set one with 'kata target add'.")
            if !flags.actual { entry.actualCondition = try prompter.ask("What is the actual condition now?").nonEmpty }
            try await askMinutes(&entry)
            return
        } else {
            target = try await chooseTarget(active)
        }
        entry.target = target.id
        let board = try await store.storyboard(learner: entry.learner, target: target.id)
        let openStep = board.experiments.last(where: { !$0.isClosed })
        // A step cannot be reviewed before it was planned: a review given on the command line is
        // refused before anything is asked, and none is asked for.
        let reviewable = openStep.map { entry.date >= $0.plannedOn } ?? false
        if var step = openStep, !reviewable, flags.review {
            try step.close(
                on: entry.date, happened: entry.happened, learned: entry.learned, asExpected: entry.asExpected)
        }
        let open = board.obstacles.filter { !$0.status.isClosed }
        guard
            isMissingSomething(
                openStep: openStep != nil, workingObstacle: open.contains { $0.status == .working }, entry: entry)
        else { return }

        out.line()
        out.line("1. What is the target condition?")
        out.write(wrap("\(target.focusProcess) — achieve by \(target.achieveBy)", lead: "   "))
        out.write(wrap(target.condition, lead: "   "))
        for amendment in target.amendments { out.write(wrap(amendment.text, lead: "   + ")) }

        out.line()
        out.line("2. What is the actual condition now?")
        if !flags.actual { entry.actualCondition = try prompter.ask("  Actual condition").nonEmpty }
        if let step = openStep, !reviewable {
            out.write(wrap(step.step, lead: "   The last step, planned on \(step.plannedOn) after this cycle: "))
        } else if let step = openStep, !flags.review {
            out.write(wrap(step.step, lead: "   Reflect on the last step (\(step.plannedOn)): "))
            out.write(wrap(step.expected.nonBlank ?? "(no expectation was written)", lead: "   What did you expect?  "))
            entry.happened = try prompter.ask("  What actually happened?").nonEmpty
            entry.asExpected = try await askAsExpected()
            entry.learned = try prompter.ask("  What did you learn?").nonEmpty
        }

        out.line()
        out.line("3. What obstacles are now preventing you from reaching the target condition?")
        if !flags.obstacle {
            try await chooseObstacle(open, &entry)
        }

        let stepStillOpen = openStep != nil && !entry.reviewsLastStep && !flags.review
        out.line()
        out.line("4. What is your next step (next experiment)? What do you expect?")
        if stepStillOpen {
            out.line("   (the last step is not reviewed yet, so no next step is planned in this cycle)")
        } else {
            if !flags.nextStep {
                let required = flags.expect || flags.goSee
                entry.nextStep = try await prompter.ask("  Next step") { answer in
                    if required && answer.isEmpty {
                        throw KataError.missing(
                            fields: ["next step"],
                            hint: "An expectation and a go-see date were given; say what the step is.")
                    }
                    return answer.nonEmpty
                }
            }
            if entry.nextStep != nil && !flags.expect {
                entry.expected = try prompter.ask("  What do you expect?").nonEmpty
            }
            if entry.nextStep != nil && !flags.goSee {
                out.line()
                out.line("5. When can we go and see what we have learned from taking that step?")
                let calendar = try await store.settings().calendar
                var next = entry.date.adding(days: 1)
                while !calendar.isWorkday(next) && next < entry.date.adding(days: 14) { next = next.adding(days: 1) }
                let planned = entry.date
                entry.goSee = try await prompter.ask("  Go and see", default: next.description) { answer in
                    let day = try Day(expression: answer, today: planned, field: "go-see date")
                    try Experiment.validate(goSee: day, plannedOn: planned)
                    return day
                }
            }
        }
        try await askMinutes(&entry)
    }

    /// Whether the command line left out something the coach should be asked: with everything
    /// given (or settled by the storyboard, like the obstacle being worked), nothing is asked.
    private func isMissingSomething(openStep: Bool, workingObstacle: Bool, entry: CycleEntry) -> Bool {
        let reviewMissing = openStep && !flags.review
        let stepBlocked = openStep && !flags.review
        let planMissing = !stepBlocked && (!flags.nextStep || !flags.expect || !flags.goSee)
        return !flags.actual || reviewMissing || (!flags.obstacle && !workingObstacle) || planMissing || !flags.minutes
    }

    /// `text` after `lead`, wrapped at 80 columns under where it starts, safe for the terminal.
    private func wrap(_ text: String, lead: String) -> String {
        StoryboardText.wrap(text.terminalSafe, lead: lead)
    }

    /// Asks whether the result was what the learner expected; Enter leaves it unsaid.
    private func askAsExpected() async throws -> AsExpected? {
        try await prompter.ask("  Was that what you expected? (yes / partly / no)") { answer in
            if answer.isEmpty { return nil }
            // A first letter is enough: y, p or n.
            let word = answer.lowercased()
            let choice = AsExpected.allCases.first { $0.rawValue == word || String($0.rawValue.prefix(1)) == word }
            guard let choice else {
                throw KataError.failure("Answer yes, partly or no (or press Enter to leave it out).")
            }
            return choice
        }
    }

    private func askMinutes(_ entry: inout CycleEntry) async throws {
        guard !flags.minutes else { return }
        entry.minutes = try await prompter.ask("Minutes taken (Enter to skip)") { answer in
            if answer.isEmpty { return nil }
            guard let minutes = Int(answer), (0...1440).contains(minutes) else {
                throw KataError.failure("Give a whole number of minutes, such as 15.")
            }
            return minutes
        }
    }

    private func chooseTarget(_ active: [TargetCondition]) async throws -> TargetCondition {
        prompter.output.line("Which target condition?")
        for (index, target) in active.enumerated() {
            prompter.output.line("  \(index + 1). \(target.focusProcess) — achieve by \(target.achieveBy)")
        }
        return try await prompter.ask("  Number", default: "1") { answer in
            guard let number = Int(answer), active.indices.contains(number - 1) else {
                throw KataError.failure("Choose a number from 1 to \(active.count).")
            }
            return active[number - 1]
        }
    }

    private func chooseObstacle(_ open: [Obstacle], _ entry: inout CycleEntry) async throws {
        let out = prompter.output
        if open.isEmpty {
            out.line("   The parking lot is empty.")
        } else {
            for (index, obstacle) in open.enumerated() {
                out.write(wrap(obstacle.text, lead: "   \(index + 1). \(obstacle.status == .working ? "▶" : " ") "))
            }
        }
        let working = open.firstIndex(where: { $0.status == .working })
        let question = "  Which one are you addressing now? (number, or type a new obstacle)"
        // A bare number picks from the list (and is asked again when it is not on it); any other text
        // is a new obstacle.
        let choice: ObstacleChoice = try await prompter.ask(question, default: working.map { String($0 + 1) }) {
            answer in
            if answer.isEmpty { return .none }
            guard answer.allSatisfy({ $0.isASCII && $0.isNumber }) else { return .new(answer) }
            guard let number = Int(answer), open.indices.contains(number - 1) else {
                throw KataError.failure(
                    open.isEmpty
                        ? "there is no obstacle \(answer): the parking lot is empty; type the obstacle."
                        : "there is no obstacle \(answer); pick 1–\(open.count) or type the obstacle.")
            }
            return .listed(open[number - 1])
        }
        switch choice {
        case .none: break
        case let .listed(obstacle): if obstacle.status != .working { entry.obstacle = obstacle.id }
        case let .new(text): entry.newObstacle = text
        }
    }

    /// An answer to "Which one are you addressing now?".
    private enum ObstacleChoice {
        case none
        case listed(Obstacle)
        case new(String)
    }
}

extension String {
    /// The text, or nil when it is empty.
    var nonEmpty: String? { isEmpty ? nil : self }
}
