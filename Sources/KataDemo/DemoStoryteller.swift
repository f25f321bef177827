import KataStore

/// Makes up the histories of the demo's coaches and their learners, coach by coach, in the
/// order they are written.
///
/// Each coach and each learner draws from a stream of their own, so a history depends only on
/// the seed and on who the people are, not on the order anything else was made up in.
struct DemoStoryteller {
    let plant: DemoPlant
    let calendar: DemoCalendar
    let seed: UInt64

    /// The histories of the learners of coach `index`.
    func stories(ofCoach index: Int) -> [DemoLearnerStory] {
        let coach = plant.coaches[index]
        let unit = plant.units[coach.unit]
        var habitsRandom = DemoRandom(seed: seed, stream: 1 << 32 | UInt64(index))
        let habits = DemoCoachHabits(
            coach: coach, worksExtraShifts: unit.worksExtraShifts, calendar: calendar, random: &habitsRandom)
        var watched = [Bool](repeating: false, count: calendar.days)
        var stories: [DemoLearnerStory] = []
        for pairingIndex in coach.pairings {
            var random = DemoRandom(seed: seed, stream: 2 << 32 | UInt64(pairingIndex))
            var story = DemoLearnerStory(
                pairing: plant.pairings[pairingIndex], coach: coach.handle, unit: unit,
                calendar: calendar, random: &random)
            story.tell(habits: habits, watched: &watched, random: &random)
            // A stream of its own, so that the coaching histories stay what they were without it.
            var escalationRandom = DemoRandom(seed: seed, stream: 3 << 32 | UInt64(pairingIndex))
            story.escalationRecords = story.escalations(
                deciders: [unit.head ?? plant.plantManager, plant.plantManager],
                causeUnits: plant.units.map(\.name).filter { $0 != unit.name }, random: &escalationRandom)
            stories.append(story)
        }
        return stories
    }
}
