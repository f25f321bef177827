import KataStore

// The records of one learner's history as the demo builds them. Dates are offsets in the demo's
// days (see DemoCalendar); ids are UUID text. They live only until `DemoLines` has written the
// learner's history as interchange lines.

struct DemoTargetRecord {
    struct MetricRow {
        var kind: String
        var name: String
        var goal: String
        var unit: String
    }

    var id: String
    var learner: String
    var focusProcess: String
    var condition: String
    var achieveBy: Int
    var challenge: String
    var status = "active"
    var createdOn: Int
    var closedOn: Int?
    var reflection: String?
    var metrics: [MetricRow]
    var amendment: (date: Int, text: String)?
}

struct DemoConditionRecord {
    var id: String
    var target: String
    var date: Int
    var text: String
    /// The metric values as the JSON array the schema keeps.
    var metrics: String
}

struct DemoObstacleRecord {
    var id: String
    var target: String
    var text: String
    var status = "parked"
    var createdOn: Int
    var closedOn: Int?
}

struct DemoExperimentRecord {
    var id: String
    var target: String
    var obstacle: String?
    var step: String
    var expected: String?
    var plannedOn: Int
    var goSee: Int?
    var happened: String?
    /// `yes`, `partly` or `no`: whether the result was what the learner expected.
    var asExpected: String?
    var learned: String?
    var closedOn: Int?
}

struct DemoCycleRecord {
    var id: String
    var date: Int
    var coach: String
    var learner: String
    var secondCoach: String?
    var minutes: Int?
    var target: String?
    var actualCondition: String?
    var obstacle: String?
    var reviewed: String?
    var planned: String?
}

struct DemoObservationRecord {
    var id: String
    var date: Int
    var secondCoach: String
    var coach: String
    var cycle: String?
    var notes: String
    var focus: String
    var trigger: String
}
