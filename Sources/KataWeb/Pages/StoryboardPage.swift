import CoachTheCoaches
import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore

/// The Storyboard page: `GET /storyboards/{learner}`.
///
/// What `kata storyboard` shows, laid out like the paper storyboard, printable on A4. Whoever may
/// read the learner's storyboard through the API may open it; anyone else gets the API's 404.
struct StoryboardPage {
    let web: WebPages

    func add(to router: Router<KataRequestContext>) {
        web.page(.get, "storyboards/{learner}", on: router) { _, context, visitor in
            let learner = try Handle(typed: context.parameters.get("learner") ?? "", field: "learner")
            let store = web.store(visitor)
            let board = try await store.storyboard(learner: learner, target: nil)
            let today = try await web.today()
            let coaches = !(try await store.pairings(coach: visitor.account.handle, learner: learner, activeOn: today))
                .isEmpty
            var view = StoryboardView(board, today: today, canLog: coaches)
            view.growth = try await store.growth(of: learner).lines.map {
                StoryboardView.GrowthLine(label: $0.label, value: $0.value)
            }
            return web.renderer.page(
                "storyboard", view, title: "Storyboard of \(board.learner.name)", visitor: visitor)
        }
    }
}

/// The storyboard as its template shows it: every value as text, in the order of `kata storyboard`.
struct StoryboardView {
    struct ChallengeView {
        var title: String
        var by: String?
        var details: String?
    }

    struct CurrentView {
        var date: String
        var fromCycle: Bool
        var text: String
        var values: [String]
        var hasValues: Bool
    }

    struct ObstacleView {
        var text: String
        var status: String
        var working: Bool
    }

    /// One of the learner's growth figures, worded as `kata storyboard` words it.
    struct GrowthLine {
        var label: String
        var value: String
    }

    struct StepView {
        var plannedOn: String
        var goSee: String?
        var step: String
        var obstacle: String?
        var expected: String
        var closed: Bool
        var happened: String
        var asExpected: String?
        var learned: String
    }

    var handle: String
    var name: String
    var unit: String?
    var canLog: Bool
    var challenge: ChallengeView?
    var focusProcess: String
    var achieveBy: String
    var status: String
    var timeLeft: String?
    var condition: String
    var amendments: [String]
    var metrics: [String]
    var reflection: String?
    var current: CurrentView?
    var obstacles: [ObstacleView]
    var steps: [StepView]
    /// The learner's growth over all their target conditions (DESIGN §11.4).
    var growth: [GrowthLine] = []
    // Stored, not computed: templates see stored properties only.
    var hasMetrics: Bool
    var hasObstacles: Bool
    var hasSteps: Bool

    init(_ board: Storyboard, today: Day, canLog: Bool) {
        handle = board.learner.handle.rawValue
        name = board.learner.name
        unit = board.learner.unit
        self.canLog = canLog && board.target.isActive
        challenge = board.challenge.map {
            ChallengeView(title: $0.title, by: $0.by?.description, details: $0.description.nonBlank)
        }
        let target = board.target
        focusProcess = target.focusProcess
        achieveBy = target.achieveBy.description
        status = target.status.rawValue
        if target.isActive {
            let left = today.days(to: target.achieveBy)
            timeLeft = left >= 0 ? "\(left) days left" : "\(-left) days past"
        } else {
            timeLeft = target.closedOn.map { "on \($0)" }
        }
        condition = target.condition
        amendments = target.amendments.map { "\($0.date): \($0.text)" }
        metrics =
            target.outcomeMetrics.map { "Outcome: " + Self.describe($0) }
            + target.processMetrics.map { "Process: " + Self.describe($0) }
        hasMetrics = !metrics.isEmpty
        reflection = target.reflection
        current = board.current.map { current in
            let values = current.metrics.map {
                "\($0.name) = \(Self.format($0.value))\($0.unit.map { " \($0)" } ?? "")"
            }
            return CurrentView(
                date: current.date.description, fromCycle: current.cycle != nil, text: current.text, values: values,
                hasValues: !values.isEmpty)
        }
        obstacles = board.obstacles.map {
            var status = $0.status.rawValue
            if let closed = $0.closedOn { status += " \(closed)" }
            return ObstacleView(text: $0.text, status: status, working: $0.status == .working)
        }
        hasObstacles = !obstacles.isEmpty
        let obstacleTexts = Dictionary(
            board.obstacles.map { ($0.id, $0.text) }, uniquingKeysWith: { first, _ in first })
        steps = board.experiments.map { step in
            StepView(
                plannedOn: step.plannedOn.description, goSee: step.goSee?.description, step: step.step,
                obstacle: step.obstacle.flatMap { obstacleTexts[$0] },
                expected: step.expected.nonBlank ?? "(no prediction written)", closed: step.isClosed,
                happened: step.happened ?? "", asExpected: step.asExpected?.rawValue, learned: step.learned ?? "")
        }
        hasSteps = !steps.isEmpty
    }

    static func describe(_ metric: Metric) -> String {
        metric.name + (metric.target.map { ": \($0)" } ?? "") + (metric.unit.map { " \($0)" } ?? "")
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
