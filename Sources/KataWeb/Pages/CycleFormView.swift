import Foundation
import ImprovementKata
import KataStore

/// What the Log a cycle template shows: the storyboard's context before each question's fields,
/// and every field with what was typed and its message.
struct CycleFormView {
    struct Target {
        var focusProcess: String
        var achieveBy: String
        var condition: String
        var amendments: [String]
    }

    struct LastStep {
        var plannedOn: String
        var step: String
        var expected: String
        var goSee: String?
    }

    struct ObstacleChoice {
        var id: String
        var text: String
        var working: Bool
        var checked: Bool
    }

    /// One answer to "Was that what you expected?".
    struct AsExpectedChoice {
        var value: String
        var label: String
        var checked: Bool
    }

    var learner: String
    var learnerName: String
    var csrf: String
    var formError: String?
    var targetID: String?
    var target: Target?
    var lastStep: LastStep?
    var obstacles: [ObstacleChoice]
    var obstacleError: String?
    var actualCondition: FormField
    var happened: FormField
    var asExpected: [AsExpectedChoice]
    var asExpectedError: String?
    var learned: FormField
    var newObstacle: FormField
    var nextStep: FormField
    var expected: FormField
    var goSee: FormField
    var date: FormField
    var minutes: FormField

    init(form: CycleForm, board: LearnerBoard, csrf: String, errors: FieldErrors) {
        learner = board.learner.rawValue
        learnerName = board.name
        self.csrf = csrf
        let known: Set<String> = [
            "actualCondition", "happened", "asExpected", "learned", "obstacle", "newObstacle", "nextStep", "expected",
            "goSee",
            "date", "minutes",
        ]
        let elsewhere = errors.byField.filter { !known.contains($0.key) }.sorted { $0.key < $1.key }.map(\.value)
        var general = errors.general + elsewhere
        // A message next to a field far down the form is announced at its top too, where the page opens.
        let marked = errors.byField.keys.filter(known.contains).count
        if marked > 0 {
            general.append(
                "The cycle is not logged yet: \(marked == 1 ? "a field" : "\(marked) fields") below say\(marked == 1 ? "s" : "") why."
            )
        }
        formError = general.isEmpty ? nil : general.joined(separator: " ")
        if let board = board.storyboard {
            let target = board.target
            targetID = target.id.uuidString.lowercased()
            self.target = Target(
                focusProcess: target.focusProcess, achieveBy: target.achieveBy.description,
                condition: target.condition, amendments: target.amendments.map { "\($0.date): \($0.text)" })
        }
        lastStep = board.openStep.map {
            LastStep(
                plannedOn: $0.plannedOn.description, step: $0.step,
                expected: $0.expected.nonBlank ?? "(no expectation was written)", goSee: $0.goSee?.description)
        }
        let chosen = form.obstacle ?? ""
        obstacles = board.openObstacles.map {
            let id = $0.id.uuidString.lowercased()
            return ObstacleChoice(
                id: id, text: $0.text, working: $0.status == .working, checked: chosen.lowercased() == id)
        }
        obstacleError = errors["obstacle"]
        func field(_ name: String, _ label: String, _ value: String?, hint: String? = nil) -> FormField {
            FormField(name: name, label: label, value: value ?? "", error: errors[name], hint: hint)
        }
        actualCondition = field("actualCondition", "Actual condition now", form.actualCondition)
        happened = field("happened", "What actually happened?", form.happened)
        let answered = form.asExpected?.trimmed.lowercased()
        asExpected = AsExpected.allCases.map {
            AsExpectedChoice(value: $0.rawValue, label: $0.rawValue.capitalized, checked: answered == $0.rawValue)
        }
        asExpectedError = errors["asExpected"]
        learned = field("learned", "What did you learn?", form.learned)
        newObstacle = field(
            "newObstacle", board.openObstacles.isEmpty ? "The obstacle addressed now" : "Or a new obstacle",
            form.newObstacle, hint: "Parked on the storyboard and worked from now on.")
        nextStep = field("nextStep", "Next step", form.nextStep)
        expected = field("expected", "What do you expect?", form.expected)
        goSee = field("goSee", "Go and see on", form.goSee)
        goSee.type = "date"
        date = field("date", "Date of the cycle", form.date)
        date.type = "date"
        minutes = field("minutes", "Minutes it took", form.minutes)
        minutes.inputMode = "numeric"
    }
}
