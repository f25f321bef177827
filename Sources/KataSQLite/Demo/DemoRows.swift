import GRDB
import KataStore

/// The rows of one coach's learners' histories in the order they are written, parents first (a
/// target condition before its obstacles, an experiment before the cycle that plans it), with
/// their values ready to bind.
///
/// Made on the storyteller's thread, so that the thread holding the transaction only runs
/// statements.
struct DemoRows: Sendable {
    /// The tables of a learner's history, in the order rows go into them.
    enum Table: Int, CaseIterable, Sendable {
        case target, metric, amendment, condition, obstacle, experiment, cycle, observation
    }

    private(set) var rows: [(table: Table, values: StatementArguments)] = []
    /// How many rows go into each table, by `Table.rawValue`.
    private(set) var counts = [Int](repeating: 0, count: Table.allCases.count)
    private let calendar: DemoCalendar

    init(_ stories: [DemoLearnerStory], calendar: DemoCalendar) {
        self.calendar = calendar
        for story in stories {
            for row in story.targets { add(row) }
            for row in story.conditions {
                add(.condition, [row.id, row.target, day(row.date), row.text, row.metrics])
            }
            for row in story.obstacles {
                add(.obstacle, [row.id, row.target, row.text, row.status, day(row.createdOn), day(row.closedOn)])
            }
            for row in story.experiments {
                add(
                    .experiment,
                    [
                        row.id, row.target, row.obstacle, row.step, row.expected, day(row.plannedOn), day(row.goSee),
                        row.happened, row.learned, day(row.closedOn), row.plannedAt, row.closedAt,
                    ])
            }
            for row in story.cycles {
                add(
                    .cycle,
                    [
                        row.id, day(row.date), row.coach, row.learner, row.secondCoach, row.minutes, row.target,
                        row.actualCondition, row.obstacle, row.reviewed, row.planned,
                    ])
            }
            for row in story.observations {
                add(
                    .observation,
                    [row.id, day(row.date), row.secondCoach, row.coach, row.cycle, row.notes, row.focus, row.trigger])
            }
        }
    }

    private mutating func add(_ row: DemoTargetRecord) {
        add(
            .target,
            [
                row.id, row.learner, row.focusProcess, row.condition, day(row.achieveBy), row.challenge, row.status,
                day(row.createdOn), day(row.closedOn), row.reflection,
            ])
        var positions = ["outcome": 0, "process": 0]
        for metric in row.metrics {
            let position = positions[metric.kind, default: 0]
            positions[metric.kind] = position + 1
            add(.metric, [row.id, metric.kind, position, metric.name, metric.goal, metric.unit])
        }
        if let amendment = row.amendment {
            add(.amendment, [row.id, day(amendment.date), amendment.text])
        }
    }

    private mutating func add(_ table: Table, _ values: StatementArguments) {
        rows.append((table, values))
        counts[table.rawValue] += 1
    }

    private func day(_ offset: Int?) -> String? {
        offset.map(calendar.text)
    }

    /// How many rows go into `table`.
    func count(_ table: Table) -> Int {
        counts[table.rawValue]
    }
}
