import KataStore

/// The people of the demo plant and who coaches whom: a plant manager, lean staff, units with
/// managers who coach two to four learners each, and some learners who coach their own team leads.
///
/// The plant is small next to its history (a few people per coach), so it is built in memory
/// first; the years of coaching cycles are then generated coach by coach and imported as they come.
struct DemoPlant {
    struct Person {
        var handle: String
        var name: String
        var unit: String
        var reportsTo: String?
    }

    struct Unit {
        var name: String
        var kind: DemoUnitKind
        var head: String?
        var leanCoach: String
        var challengeID: String
        var worksExtraShifts: Bool
    }

    struct Coach {
        var handle: String
        var unit: Int
        var practice: DemoPractice
        var secondCoach: String
        /// The first day (offset in the demo's days) of the coach's pairings.
        var since: Int
        var pairings: [Int] = []
    }

    struct Pairing {
        var id: String
        var coach: Int
        var learner: String
        var secondCoach: String
        var since: Int
        /// The last day of the pairing, when it ended before the demo's last day.
        var until: Int?
    }

    private(set) var people: [Person] = []
    private(set) var units: [Unit] = []
    private(set) var coaches: [Coach] = []
    private(set) var pairings: [Pairing] = []
    private(set) var plantManager = ""
    private(set) var plantChallengeID = ""

    /// The unit name of the plant manager.
    static let managementUnit = "Plant management"
    /// The unit name of the lean staff.
    static let leanUnit = "Lean office"

    /// How the coaches' practice is spread, coach after coach.
    ///
    /// Mostly steady or average coaches, some lapsing, one improving, one starting late; any
    /// eight coaches in a row include a lapsing one.
    private static let practicePattern: [DemoPractice] = [
        .steady, .average, .lapsing, .improving, .steady, .lateStart, .average, .lapsing, .steady, .average,
    ]

    private var names = DemoNames()
    private let days: Int

    /// A plant with `coachCount` coaches over `days` days.
    init(coaches coachCount: Int, days: Int, random: inout DemoRandom) {
        self.days = days
        plantManager = addPerson(unit: DemoPlant.managementUnit, reportsTo: nil, &random)
        plantChallengeID = random.uuidText()
        let unitCount = max(1, min(coachCount / 2, 6), coachCount / 8)
        let leanStaff = (0..<max(1, (unitCount + 3) / 4)).map { _ in
            addPerson(unit: DemoPlant.leanUnit, reportsTo: plantManager, &random)
        }
        for index in 0..<unitCount {
            let kind = DemoUnitKind.all[index % DemoUnitKind.all.count]
            let round = index / DemoUnitKind.all.count
            units.append(
                Unit(
                    name: round == 0 ? kind.name : "\(kind.name) \(round + 1)", kind: kind, head: nil,
                    leanCoach: leanStaff[index % leanStaff.count], challengeID: random.uuidText(),
                    worksExtraShifts: kind.worksExtraShifts || random.chance(0.2)))
        }
        let patternOffset = random.below(DemoPlant.practicePattern.count)
        var unitCursor = 0
        while coaches.count < coachCount {
            let unit = unitCursor % unitCount
            unitCursor += 1
            let head = units[unit].head
            let manager = addPerson(unit: units[unit].name, reportsTo: head ?? plantManager, &random)
            if head == nil { units[unit].head = manager }
            let practice = DemoPlant.practicePattern[(patternOffset + coaches.count) % DemoPlant.practicePattern.count]
            let coach = addCoach(
                manager, unit: unit, practice: practice,
                secondCoach: head == nil ? plantManager : units[unit].leanCoach,
                &random)
            var learners: [String] = []
            for _ in 0..<random.int(2...4) {
                let learner = addPerson(unit: units[unit].name, reportsTo: manager, &random)
                learners.append(learner)
                addPairing(coach: coach, learner: learner, &random)
            }
            // Chains of coaching: some learners coach their own team leads, with their coach as
            // 2nd coach. The first manager always has one, so even a tiny demo shows a chain.
            let isFirstManager = coaches.count == 1
            if coaches.count < coachCount, isFirstManager || random.chance(0.3) {
                let learner = learners[random.below(learners.count)]
                let chain = addCoach(
                    learner, unit: unit,
                    practice: DemoPlant.practicePattern[
                        (patternOffset + coaches.count) % DemoPlant.practicePattern.count],
                    secondCoach: manager, &random)
                for _ in 0..<random.int(2...3) {
                    let lead = addPerson(unit: units[unit].name, reportsTo: learner, &random)
                    addPairing(coach: chain, learner: lead, &random)
                }
            }
        }
    }

    private mutating func addPerson(unit: String, reportsTo: String?, _ random: inout DemoRandom) -> String {
        let (name, handle) = names.make(&random)
        people.append(Person(handle: handle, name: name, unit: unit, reportsTo: reportsTo))
        return handle
    }

    private mutating func addCoach(
        _ handle: String, unit: Int, practice: DemoPractice, secondCoach: String, _ random: inout DemoRandom
    ) -> Int {
        let since = practice == .lateStart ? day(atFraction: random.double(0.25...0.6)) : 0
        coaches.append(Coach(handle: handle, unit: unit, practice: practice, secondCoach: secondCoach, since: since))
        return coaches.count - 1
    }

    private mutating func addPairing(coach: Int, learner: String, _ random: inout DemoRandom) {
        var since = coaches[coach].since
        // Now and then a learner joins later (a new hire) or moves on before the end.
        if since == 0, random.chance(0.05) { since = day(atFraction: random.double(0.2...0.7)) }
        var until: Int?
        if days >= 30, random.chance(0.04) {
            until = since + Int(Double(days - 1 - since) * random.double(0.5...0.9))
        }
        pairings.append(
            Pairing(
                id: random.uuidText(), coach: coach, learner: learner, secondCoach: coaches[coach].secondCoach,
                since: since, until: until))
        coaches[coach].pairings.append(pairings.count - 1)
    }

    private func day(atFraction fraction: Double) -> Int {
        min(days - 1, Int(Double(days - 1) * fraction))
    }
}

/// How regularly a demo coach practises, so that `kata practice` has something to show.
enum DemoPractice: Sendable {
    /// Coaches on about nine workdays in ten.
    case steady
    /// Coaches on about six workdays in ten.
    case average
    /// Starts well, then the practice fades away.
    case lapsing
    /// Starts rarely and gets into the habit.
    case improving
    /// Only starts coaching partway through the demo's days.
    case lateStart
}
