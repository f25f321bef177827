import KataStore

/// What people of the demo plant write on storyboards and observation sheets, beyond what is
/// particular to a unit: results of steps, what was learned, reflections, and 2nd-coach feedback.
enum DemoPhrases {
    static let happenedAsExpected = ["As predicted:", "Worked as expected:", "Yes:", "Matched the prediction:"]
    static let happenedOtherwise = ["Not as expected:", "No visible effect:", "Only partly:", "Surprise:"]

    static let detailsAsExpected = [
        "the team wants to keep it.", "no extra effort for the operators.", "it held over the whole shift.",
        "the team leader saw the same on night shift.", "the operators came up with a small improvement to it.",
    ]
    static let detailsOtherwise = [
        "the old way came back after the break.", "night shift did not know about the change.",
        "a second cause showed up.", "the change made the next station wait.", "we could only try it for an hour.",
        "the numbers moved, but not by as much as we thought.",
    ]

    static let learnedAsExpected = [
        "The cause we suspected is the real one; keep the change and make it the standard.",
        "Small change, clear effect; write it into the standard work.",
        "Confirmed on both shifts; now check that it holds for a week.",
        "The effect is there but smaller than hoped; the next obstacle is now the bigger one.",
        "Prediction and result matched; the learner now predicts with numbers.",
    ]
    static let learnedOtherwise = [
        "The cause is somewhere else; go and see the night shift.",
        "We changed two things at once and cannot tell which one mattered; one factor at a time.",
        "The operators did not know about the change; explaining it is part of the step.",
        "Our measurement was too coarse; count over a full shift next time.",
        "The problem starts upstream of our process; talk to the area that supplies us.",
        "Threshold of knowledge: nobody knew the machine had this setting; ask maintenance to show us.",
    ]

    /// Words a coach adds when a step is tried again in another form.
    static let stepVariants = [
        "on night shift", "with the new operator", "for a full shift", "on the second line as well",
        "with the team leader watching", "for one more week",
    ]

    static let conditionRemarks = [
        "New operator on second shift this week.", "One breakdown on Tuesday.", "Demand up 10 % this month.",
        "Measured on day shift only.", "Night shift figures from the team leader's check sheet.",
        "Stable over the last three days.", "Two operators on holiday.",
    ]

    static let amendments = [
        "Clarified: measured over a full shift, not over 10 cycles.",
        "Added: the pattern holds on night shift as well.",
        "Added: parts presented at the point of use, within arm's reach.",
        "Clarified: counts include short stops under a minute.",
    ]

    static let achievedReflections = [
        "Achieved. The pattern holds without the learner watching; the next target condition can build on it.",
        "Achieved a few days early. Most of the gain came from the second obstacle, not the one we chose first.",
        "Achieved. Predictions got sharper over the weeks and the steps got smaller and faster.",
    ]
    static let missedReflections = [
        "Missed: the pattern works on day shift only. The night-shift obstacle goes into the next target condition.",
        "Missed by a small margin. The target was the right size; the obstacles took longer than we thought.",
        "Missed. Too many steps were taken without a prediction, so we learned less than we could have.",
    ]
    static let droppedReflections = [
        "Dropped: the product moved to another line.",
        "Dropped after the layout change; a new target condition was set for the new layout.",
        "Dropped: the focus process was stopped for a customer change.",
    ]
    static let movedReflection = "Dropped: the learner moved to another area."

    static let observationNotes = [
        "Coach asked the five questions in order; the learner answered Q2 from memory instead of from the board.",
        "The learner's prediction was vague ('it should get better') and the coach accepted it.",
        "Coach proposed the next step instead of asking the learner for it.",
        "Good reflection on the last step: the learner compared expected and actual result without a prompt.",
        "The cycle ran long; the talk drifted to the day's production problems.",
        "The obstacle worked on was not on the parking lot; the coach did not ask where it came from.",
        "Coach went to the process with the learner to see the actual condition. Strong.",
        "The target condition was described as an outcome only, without an operating pattern.",
        "Learner chose a good next step; the go-see date was left open.",
        "Coach used the coaching card and waited for answers; the pauses felt long but the learner thought it through.",
    ]
    static let observationFocus = [
        "Ask for the prediction as a number before you accept the next step.",
        "Let the learner propose the next step; then ask 'What do you expect?'",
        "Keep the cycle under 20 minutes: stop at question 5 and agree on the go-see time.",
        "Ask 'What did you learn?' and wait for the answer.",
        "Ask to see the data, not to hear about it.",
        "Ask which one obstacle they address now, and why that one.",
        "Get a concrete go-see date and have it written on the board.",
        "Separate the operating pattern of the target condition from its outcome metrics.",
    ]
    static let observationTriggers = [
        "When the learner says 'it should get better'.",
        "When you feel the urge to suggest a solution.",
        "When the clock at the board shows 15 minutes.",
        "Right after the learner reads out what happened.",
        "When the learner answers question 2 without pointing at the board.",
        "When a new obstacle comes up in the conversation.",
        "At question 5, before you leave the board.",
        "When the learner describes the target condition.",
    ]

    /// The plant's challenge, owned by the plant manager.
    static let plantChallenge = (
        title: "Build to customer demand within 24 hours, with no defect passed on",
        description:
            "Today a customer order takes 6 days from release to shipping and 1.4 % of deliveries have a complaint. "
            + "In 18 months every order ships within 24 hours of release, right first time."
    )

    /// A unit's challenge, as the unit's part of the plant challenge.
    static func unitChallenge(_ unit: String, kind: String) -> (title: String, description: String) {
        switch kind {
        case "Assembly":
            return (
                "\(unit): build in sequence at takt, 55 s, with 98 % first pass yield",
                "The line builds every car in the customer's sequence; no car leaves the line for rework."
            )
        case "Machining":
            return (
                "\(unit): every part every day, changeovers under 10 minutes",
                "Batches shrink from a week's demand to a day's; the cells run the daily mix."
            )
        case "Paint":
            return (
                "\(unit): 95 % right first time through the booths",
                "No body goes to spot repair; the booths run without a dirt hunt."
            )
        case "Logistics":
            return (
                "\(unit): parts at the line in 45 minutes from signal, no line stop for missing parts",
                "Pull replenishment for every part number, milk runs every 30 minutes."
            )
        case "Quality":
            return (
                "\(unit): every defect contained within the shift it is made",
                "Problems are found at the process within an hour; customers see none of them."
            )
        case "Maintenance":
            return (
                "\(unit): no breakdown longer than 30 minutes on the bottleneck machines",
                "Preventive maintenance done as planned and repairs to a standard on every shift."
            )
        case "Welding":
            return (
                "\(unit): robot cells at their design cycle, rework under 1 %",
                "The weld cells keep pace with assembly without overtime."
            )
        default:
            return (
                "\(unit): every order packed and labelled right, ready for its truck slot",
                "No truck waits for packing; no customer receives a wrong label."
            )
        }
    }
}
