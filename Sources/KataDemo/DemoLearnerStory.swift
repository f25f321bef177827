import KataStore

/// One learner's improvement kata over the demo's days, cycle by cycle, as the five questions
/// would record it.
///
/// A target condition toward the unit's challenge, with a parking lot of obstacles. On each day
/// the coach coaches, the learner reports the actual condition, reflects on the last step (the
/// prediction came true or not), works on one obstacle and plans the next step with what they
/// expect and when to go and see. Obstacles get overcome or dropped; the target condition ends
/// achieved, missed or dropped, and the next one begins. The records come out in plain arrays for
/// `DemoLines`; a learner's history is small even over years.
struct DemoLearnerStory {
    private(set) var targets: [DemoTargetRecord] = []
    private(set) var conditions: [DemoConditionRecord] = []
    private(set) var obstacles: [DemoObstacleRecord] = []
    /// Escalations of some of the obstacles (see `escalations(deciders:causeUnits:random:)`).
    var escalationRecords: [DemoEscalationRecord] = []
    private(set) var experiments: [DemoExperimentRecord] = []
    private(set) var cycles: [DemoCycleRecord] = []
    private(set) var observations: [DemoObservationRecord] = []

    private let pairing: DemoPlant.Pairing
    private let coach: String
    private let kind: DemoUnitKind
    private let challenge: String
    let calendar: DemoCalendar
    /// Minutes after midnight of this learner's cycles: the coach sees learners one after another.
    private let coachedRate: Double
    private let predictionRate: Double
    private let comesTrueRate: Double

    private var current = 0
    private var courses: [DemoMetricCourse] = []
    private var fate = "achieved"
    private var closeOn = 0
    private var focus = ""
    private var focusNumber = 1
    /// The template of each obstacle, by index into `obstacles`.
    private var obstacleTemplates: [Int] = []
    private var usedTemplates: Set<Int> = []
    private var parked: [Int] = []
    private var working: Int?
    private var stepsOnWorking = 0
    private var stepsNeeded = 0
    private var open: Int?
    private var openComesTrue = false
    private var nextSnapshot = 0

    private static let durations = [14, 21, 28, 28, 35, 42, 42, 56, 70, 84]

    init(
        pairing: DemoPlant.Pairing, coach: String, unit: DemoPlant.Unit, calendar: DemoCalendar,
        random: inout DemoRandom
    ) {
        self.pairing = pairing
        self.coach = coach
        kind = unit.kind
        challenge = unit.challengeID
        self.calendar = calendar
        coachedRate = random.double(0.8...0.95)
        predictionRate = random.chance(0.7) ? random.double(0.9...1) : random.double(0.5...0.85)
        comesTrueRate = random.double(0.4...0.7)
    }

    /// Plays the learner's days with the coach's habits; `watched` marks the days a 2nd coach has
    /// already watched one of this coach's cycles.
    mutating func tell(habits: DemoCoachHabits, watched: inout [Bool], random: inout DemoRandom) {
        let last = pairing.until ?? (calendar.days - 1)
        startTarget(on: pairing.since, sameFocus: false, &random)
        for offset in pairing.since...last where habits.marks[offset] != .none {
            guard random.chance(coachedRate) else { continue }
            let isWatched = habits.marks[offset] == .watched && !watched[offset]
            if isWatched { watched[offset] = true }
            coach(on: offset, habits: habits, watched: isWatched, &random)
        }
        if pairing.until != nil, targets[current].status == "active" {
            close(as: "dropped", on: last, reflection: DemoPhrases.movedReflection)
        }
    }

    private mutating func coach(on day: Int, habits: DemoCoachHabits, watched: Bool, _ random: inout DemoRandom) {
        var cycle = DemoCycleRecord(
            id: random.uuidText(), date: day, coach: coach, learner: pairing.learner,
            minutes: habits.minutes(&random), target: targets[current].id)
        let metric = courses[0]
        let now = metric.value(on: day, &random)
        cycle.actualCondition = "\(metric.name): \(now) \(metric.unit) (goal \(metric.goal) \(metric.unit))"
        if let open {
            review(open, on: day, &random)
            cycle.reviewed = experiments[open].id
        }
        if day >= closeOn {
            cycle.obstacle = working.map { obstacles[$0].id }
            close(as: fate, on: day, reflection: reflection(&random))
            startTarget(on: day, sameFocus: random.chance(0.8), &random)
        } else {
            let obstacle = workingObstacle(on: day, &random)
            cycle.obstacle = obstacles[obstacle].id
            if random.chance(0.93) { cycle.planned = plan(on: day, against: obstacle, &random) }
            if day >= nextSnapshot { snapshot(on: day, &random) }
        }
        if watched {
            cycle.secondCoach = pairing.secondCoach
            if random.chance(0.9) {
                observations.append(
                    DemoObservationRecord(
                        id: random.uuidText(), date: day, secondCoach: pairing.secondCoach, coach: coach,
                        cycle: random.chance(0.92) ? cycle.id : nil, notes: random.pick(DemoPhrases.observationNotes),
                        focus: random.pick(DemoPhrases.observationFocus),
                        trigger: random.pick(DemoPhrases.observationTriggers)))
            }
        }
        cycles.append(cycle)
    }

    // MARK: Target conditions

    private mutating func startTarget(on day: Int, sameFocus: Bool, _ random: inout DemoRandom) {
        if !sameFocus || focus.isEmpty {
            focusNumber = random.int(1...8)
            focus = numbered(random.pick(kind.focusProcesses))
        }
        let duration = random.pick(DemoLearnerStory.durations)
        let draw = random.unit()
        fate = draw < 0.55 ? "achieved" : draw < 0.88 ? "missed" : "dropped"
        switch fate {
        case "achieved": closeOn = day + duration - random.int(0...(duration / 4))
        case "missed": closeOn = day + duration + 1
        default: closeOn = day + random.int((duration / 4)...(duration * 3 / 4))
        }
        let reach: ClosedRange<Double> =
            switch fate {
            case "achieved": 0.95...1.1
            case "missed": 0.4...0.85
            default: 0.05...0.4
            }
        courses = []
        var rows: [DemoTargetRecord.MetricRow] = []
        let outcome = random.permutation(kind.outcomeMetrics.count).prefix(random.int(1...2))
        let process = random.permutation(kind.processMetrics.count).prefix(random.chance(0.15) ? 0 : random.int(1...2))
        for (rowKind, indices, templates) in [
            ("outcome", Array(outcome), kind.outcomeMetrics), ("process", Array(process), kind.processMetrics),
        ] {
            for index in indices {
                let course = DemoMetricCourse(
                    templates[index], name: numbered(templates[index].name), from: day, until: closeOn,
                    reach: random.double(reach), &random)
                courses.append(course)
                rows.append(.init(kind: rowKind, name: course.name, goal: course.goal, unit: course.unit))
            }
        }
        let id = random.uuidText()
        var target = DemoTargetRecord(
            id: id, learner: pairing.learner, focusProcess: focus, condition: random.pick(kind.patterns),
            achieveBy: day + duration, challenge: challenge, createdOn: day, metrics: rows)
        if random.chance(0.15) {
            let date = day + random.int(2...10)
            if date < min(calendar.days, closeOn) {
                target.amendment = (date, random.pick(DemoPhrases.amendments))
            }
        }
        targets.append(target)
        current = targets.count - 1

        parked = []
        usedTemplates = []
        working = nil
        for template in random.permutation(kind.obstacles.count).prefix(random.int(3...4)) {
            parked.append(addObstacle(template: template, on: day, &random))
        }
        snapshot(on: day, &random)
    }

    private mutating func close(as status: String, on day: Int, reflection: String?) {
        targets[current].status = status
        targets[current].closedOn = day
        targets[current].reflection = reflection
        if let working {
            if status == "achieved" {
                obstacles[working].status = "overcome"
                obstacles[working].closedOn = day
            } else {
                obstacles[working].status = "parked"
            }
        }
        working = nil
    }

    private func reflection(_ random: inout DemoRandom) -> String? {
        guard random.chance(0.85) else { return nil }
        switch fate {
        case "achieved": return random.pick(DemoPhrases.achievedReflections)
        case "missed": return random.pick(DemoPhrases.missedReflections)
        default: return random.pick(DemoPhrases.droppedReflections)
        }
    }

    private mutating func snapshot(on day: Int, _ random: inout DemoRandom) {
        var parts: [String] = []
        var json: [String] = []
        for course in courses {
            let value = course.value(on: day, &random)
            parts.append("\(course.name): \(value) \(course.unit)")
            let name = DemoMetricCourse.jsonString(course.name)
            let unit = DemoMetricCourse.jsonString(course.unit)
            json.append("{\"name\":\(name),\"unit\":\(unit),\"value\":\(value)}")
        }
        var text = parts.prefix(2).joined(separator: "; ") + "."
        if random.chance(0.3) { text += " " + random.pick(DemoPhrases.conditionRemarks) }
        conditions.append(
            DemoConditionRecord(
                id: random.uuidText(), target: targets[current].id, date: day, text: text,
                metrics: "[" + json.joined(separator: ",") + "]"))
        nextSnapshot = day + random.int(7...12)
    }

    private func numbered(_ text: String) -> String {
        text.contains("#") ? text.replacing("#", with: String(focusNumber)) : text
    }

    // MARK: Obstacles and experiments

    private mutating func addObstacle(template: Int, on day: Int, _ random: inout DemoRandom) -> Int {
        var text = kind.obstacles[template].text
        if usedTemplates.contains(template) { text += " on night shift" }
        usedTemplates.insert(template)
        obstacles.append(
            DemoObstacleRecord(id: random.uuidText(), target: targets[current].id, text: text, createdOn: day))
        obstacleTemplates.append(template)
        return obstacles.count - 1
    }

    /// The one obstacle addressed now: the one being worked, else one from the parking lot, else a
    /// newly found one.
    private mutating func workingObstacle(on day: Int, _ random: inout DemoRandom) -> Int {
        if let working { return working }
        let next =
            parked.isEmpty
            ? addObstacle(template: random.below(kind.obstacles.count), on: day, &random)
            : parked.remove(at: random.below(parked.count))
        obstacles[next].status = "working"
        working = next
        stepsOnWorking = 0
        stepsNeeded = random.int(2...5)
        return next
    }

    private mutating func plan(on day: Int, against obstacle: Int, _ random: inout DemoRandom) -> String {
        let steps = kind.obstacles[obstacleTemplates[obstacle]].steps
        let template = steps[stepsOnWorking % steps.count]
        let step =
            stepsOnWorking < steps.count
            ? template.step : "\(template.step) (\(random.pick(DemoPhrases.stepVariants)))"
        let expected = random.chance(predictionRate) ? template.expected : nil
        openComesTrue = random.chance(comesTrueRate)
        let draw = random.unit()
        let goSee =
            draw < 0.05 ? day : calendar.workday(after: day, count: draw < 0.75 ? 1 : random.int(2...3))
        let id = random.uuidText()
        experiments.append(
            DemoExperimentRecord(
                id: id, target: targets[current].id, obstacle: obstacles[obstacle].id, step: step, expected: expected,
                plannedOn: day, goSee: goSee))
        open = experiments.count - 1
        return id
    }

    private mutating func review(_ index: Int, on day: Int, _ random: inout DemoRandom) {
        let metric = courses[0]
        let value = metric.value(on: day, &random)
        let lead = random.pick(openComesTrue ? DemoPhrases.happenedAsExpected : DemoPhrases.happenedOtherwise)
        let detail = random.pick(openComesTrue ? DemoPhrases.detailsAsExpected : DemoPhrases.detailsOtherwise)
        experiments[index].happened = "\(lead) \(metric.name) at \(value) \(metric.unit); \(detail)"
        experiments[index].asExpected = Self.answer(comesTrue: openComesTrue, id: experiments[index].id)
        experiments[index].learned = random.pick(
            openComesTrue ? DemoPhrases.learnedAsExpected : DemoPhrases.learnedOtherwise)
        experiments[index].closedOn = day
        open = nil
        stepsOnWorking += 1
        if random.chance(0.05) {
            parked.append(addObstacle(template: random.below(kind.obstacles.count), on: day, &random))
        }
        if let working, stepsOnWorking >= stepsNeeded {
            obstacles[working].status = random.chance(0.85) ? "overcome" : "dropped"
            obstacles[working].closedOn = day
            self.working = nil
        }
    }

    /// The learner's answer to "Was that what you expected?" for a step.
    ///
    /// Mostly yes for a step that came true, partly or no for one that did not, now and then not asked. Read from the step's id (itself
    /// drawn from the seed), so that the answers draw nothing from the random stream and every other
    /// record of a seed stays as it was.
    static func answer(comesTrue: Bool, id: String) -> String? {
        let draw = id.last?.hexDigitValue ?? 0
        if comesTrue { return draw < 13 ? "yes" : draw < 15 ? "partly" : nil }
        return draw < 7 ? "no" : draw < 14 ? "partly" : nil
    }
}
