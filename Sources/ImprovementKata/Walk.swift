import Foundation

/// A leader's Kata walk (DESIGN §11.2): a walk to learners' storyboards, to run a cycle, watch one
/// or go and see, optionally with someone (the lean coach, say), and what the walker learned.
public struct Walk: Hashable, Sendable, Codable, Identifiable {
    /// What the walker did at the storyboards.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Ran a coaching cycle with the learner.
        case cycle
        /// Watched the learner's coach run one.
        case observe
        /// Went to see what the learner's last step showed.
        case goSee = "go-see"
    }

    public var id: UUID
    public var walker: Handle
    public var date: Day
    /// The learners whose storyboards the walk went to, at least one, each once.
    public var learners: [Handle]
    public var mode: Mode?
    /// Who walked along.
    public var with: Handle?
    public var learned: String?
    public var followUp: String?

    /// A walk; refuses one at no learner, a walker among the learners, and a walker walking with
    /// themself.
    public init(
        id: UUID = UUID(), walker: Handle, date: Day, learners: [Handle], mode: Mode? = nil, with: Handle? = nil,
        learned: String? = nil, followUp: String? = nil
    ) throws {
        guard !learners.isEmpty else {
            throw KataError.missing(
                fields: ["learners"], hint: "Name the learners whose storyboards \(walker) walked to: --learner H.")
        }
        if learners.contains(walker) {
            throw KataError.ruleBroken(
                "\(walker) cannot walk to their own storyboard; a walk goes to learners' storyboards.")
        }
        if with == walker {
            throw KataError.ruleBroken("\(walker) cannot walk with themself; --with names who walked along.")
        }
        var seen = Set<Handle>()
        self.id = id
        self.walker = walker
        self.date = date
        self.learners = learners.filter { seen.insert($0).inserted }
        self.mode = mode
        self.with = with
        self.learned = learned.nonBlank
        self.followUp = followUp.nonBlank
    }
}

/// A walker's own cadence of walks (DESIGN §11.2): one every `every` weeks, since a day.
public struct WalkPlan: Hashable, Sendable, Codable {
    public var walker: Handle
    /// Weeks between walks, 1 or more.
    public var every: Int
    public var since: Day?

    public init(walker: Handle, every: Int, since: Day? = nil) throws {
        guard every >= 1 else {
            throw KataError.invalidValue(field: "every", value: "\(every)w", expected: "a number of weeks: 1w, 2w, …")
        }
        self.walker = walker
        self.every = every
        self.since = since
    }

    /// The cadence as written: `2w`.
    public var cadence: String { "\(every)w" }

    /// Reads a cadence written `1w`, `2w`, … (weeks, 1 or more); `field` names it in the error.
    public static func weeks(parsing text: String, field: String = "every") throws -> Int {
        let digits = text.dropLast()
        guard text.hasSuffix("w"), !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), digits.count <= 3,
            let weeks = Int(digits),
            weeks >= 1
        else {
            throw KataError.invalidValue(field: field, value: text, expected: "a number of weeks: 1w, 2w, …")
        }
        return weeks
    }

    /// How many walks the plan expects in the `weeks` weeks that end on `to`: one per `every`
    /// weeks of the window on or after `since`, counted in whole weeks.
    public func expectedWalks(weeks: Int, to: Day) -> Int {
        let start = to.adding(days: -(7 * weeks) + 1)
        let first = max(start, since ?? start)
        guard first <= to else { return 0 }
        let days = first.days(to: to) + 1
        return days / 7 / every
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
