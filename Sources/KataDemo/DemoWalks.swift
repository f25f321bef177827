import KataStore

/// The demo's leaders' walks (DESIGN §11.2): the plant manager plans a walk every two weeks and
/// the unit heads one a week; most keep to it, some fall behind, one never walks, so that
/// `kata chain` shows walks against plans and gaps on the first try.
///
/// Drawn from a stream of their own, so that adding walks changed nothing else of the demo.
struct DemoWalks {
    struct Walk {
        var id: String
        var walker: String
        var date: Int
        var learners: [String]
        var mode: String
        var with: String?
        var learned: String
    }

    struct Plan {
        var walker: String
        var every: Int
        var since: Int
    }

    private(set) var walks: [Walk] = []
    private(set) var plans: [Plan] = []

    static let lessons = [
        "The learner read the target condition from the board before I asked.",
        "The run chart stops a week ago; the learner knows why and says so.",
        "The next step is small enough to try before the end of the shift.",
        "The obstacle being worked is one the learner can reach; the others stay parked.",
        "The prediction was written before the step; the result surprised us both.",
    ]

    init(plant: DemoPlant, calendar: DemoCalendar, seed: UInt64) {
        var random = DemoRandom(seed: seed, stream: 2)
        let days = calendar.days
        var walkers: [(handle: String, every: Int, keeps: Double, learners: [String], with: String?)] = []
        walkers.append((plant.plantManager, 2, 0.9, plant.pairings.map(\.learner), nil))
        for (index, unit) in plant.units.enumerated() {
            guard let head = unit.head else { continue }
            let learners = plant.pairings.filter {
                plant.coaches[$0.coach].unit == index && plant.coaches[$0.coach].handle != head
            }
            .map(\.learner)
            // Every third head keeps to the plan, the next falls behind, the next never walks.
            let keeps = [0.9, 0.5, 0.0][index % 3]
            walkers.append(
                (head, 1, keeps, learners.isEmpty ? plant.pairings.map(\.learner) : learners, unit.leanCoach))
        }
        for walker in walkers where !walker.learners.isEmpty {
            plans.append(Plan(walker: walker.handle, every: walker.every, since: 0))
            var week = 0
            while week * 7 < days {
                let start = week * 7
                week += walker.every
                guard random.chance(walker.keeps) else { continue }
                let offsets = (start..<min(start + 7 * walker.every, days)).filter(calendar.isWorkday)
                guard !offsets.isEmpty else { continue }
                let date = offsets[random.below(offsets.count)]
                var learners = [random.pick(walker.learners)]
                let other = random.pick(walker.learners)
                if random.chance(0.4) && other != learners[0] { learners.append(other) }
                walks.append(
                    Walk(
                        id: random.uuidText(), walker: walker.handle, date: date, learners: learners,
                        mode: random.pick(["cycle", "observe", "go-see"]),
                        with: random.chance(0.3) ? walker.with : nil, learned: random.pick(Self.lessons)))
            }
        }
    }
}
