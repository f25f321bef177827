import KataStore

// The units of the demo plant. Written the way a lean coach would find them on the storyboards:
// concrete focus processes, measurable target conditions, obstacles seen at the process and
// small steps with a prediction each. Production units here, the supporting ones in
// DemoUnitKind+Support.swift.

extension DemoUnitKind {
    /// The kinds of unit, in the order a plant's units are named.
    static let all: [DemoUnitKind] = [
        assembly, machining, paint, logistics, quality, maintenance, welding, packaging,
    ]

    static let assembly = DemoUnitKind(
        name: "Assembly",
        focusProcesses: [
            "Final assembly line #, stations 1–6", "Door module sub-assembly", "Kitting for line #",
            "Cockpit pre-assembly", "Engine dress line #",
        ],
        patterns: [
            "Each station works to standard work at takt, parts are presented at the point of use, and every "
                + "andon pull is answered within a minute.",
            "Operators finish their work content within takt without walking to fetch parts; the team leader "
                + "checks the standard work sequence every hour.",
            "Kits reach the line 15 minutes before they are needed, complete and in build sequence; nobody leaves "
                + "the station to look for parts.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Cycle time at station #", unit: "s", start: 56...68, goal: 48...54),
            DemoMetricTemplate(name: "First pass yield", unit: "%", start: 88...93, goal: 96...98, decimals: 1),
            DemoMetricTemplate(name: "Line stops per shift", unit: "stops", start: 6...12, goal: 1...3),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "Andon pulls answered within 60 s", unit: "%", start: 45...70, goal: 90...95),
            DemoMetricTemplate(name: "Stations working to standard work", unit: "%", start: 55...75, goal: 95...100),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Operators walk to the rack for fasteners",
                steps: [
                    DemoStep(
                        "Move the fastener bins to the station, within arm's reach",
                        "Walking stops and the cycle time drops by about 4 s"),
                    DemoStep(
                        "Mark the bin positions with floor tape and a photo of the layout",
                        "Bins stay where they belong on both shifts"),
                ]),
            DemoObstacleTemplate(
                text: "Torque tool cable catches on the conveyor",
                steps: [
                    DemoStep("Hang the torque tool from a balancer above the station", "No snags, steadier cycle time"),
                    DemoStep("Shorten the cable and add a swivel joint", "Fewer than 2 snags per shift"),
                ]),
            DemoObstacleTemplate(
                text: "Wrong parts in the kit cart",
                steps: [
                    DemoStep("Add a picture card to each kit position", "No wrong-part errors on day shift"),
                    DemoStep(
                        "Kitter checks the cart against the build list before it leaves",
                        "Errors found at the kitting area, not at the line"),
                ]),
            DemoObstacleTemplate(
                text: "Team leader cannot answer andon while covering an absence",
                steps: [
                    DemoStep(
                        "Trial a floater on the shift for one week", "Andon answered within 60 s in 9 of 10 pulls"),
                    DemoStep("Team leader covers stations 1–3 only", "Response under a minute on stations 4–6 too"),
                ]),
            DemoObstacleTemplate(
                text: "New operators overrun takt on the wiring harness step",
                steps: [
                    DemoStep(
                        "Split the harness routing into two standard work elements",
                        "New operators keep takt after 3 days"),
                    DemoStep(
                        "Team leader demonstrates the routing at the start of the shift",
                        "Fewer than 2 overcycles per hour"),
                ]),
            DemoObstacleTemplate(
                text: "Scratched panels reworked at the end of the line",
                steps: [
                    DemoStep("Fit foam covers on the fixture edges", "Scratches halve within a week"),
                    DemoStep(
                        "Mark where each scratch is on a check sheet for one shift", "Most scratches come from one spot"
                    ),
                ]),
        ],
        worksExtraShifts: true)

    static let machining = DemoUnitKind(
        name: "Machining",
        focusProcesses: [
            "CNC cell # (housings)", "Lathe cell # (shafts)", "Gear blank grinding", "Deburring station #",
        ],
        patterns: [
            "Changeovers follow the SMED sequence with everything prepared before the machine stops; the "
                + "first-off part is approved within five minutes.",
            "The cell runs one-piece flow between the machines with one part of standard stock per machine.",
            "Tools are changed on a planned count, never when a part fails.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Changeover time on CNC #", unit: "min", start: 35...55, goal: 15...20),
            DemoMetricTemplate(name: "Scrap rate", unit: "%", start: 1.5...3.0, goal: 0.5...0.8, decimals: 1),
            DemoMetricTemplate(name: "OEE", unit: "%", start: 55...65, goal: 75...82),
        ],
        processMetrics: [
            DemoMetricTemplate(
                name: "Changeovers done to the SMED sequence", unit: "%", start: 20...45, goal: 90...100),
            DemoMetricTemplate(name: "First-off part approved within 5 min", unit: "%", start: 40...60, goal: 95...100),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Fixture for the next job is not ready when the machine stops",
                steps: [
                    DemoStep("Prepare the next fixture on a cart during the last 20 parts", "Changeover 8 min shorter"),
                    DemoStep("Add the fixture check to the changeover checklist", "No waiting for fixtures"),
                ]),
            DemoObstacleTemplate(
                text: "Operator searches for the right tool holders",
                steps: [
                    DemoStep("Shadow board for tool holders next to the machine", "Search time under 1 min"),
                    DemoStep("Colour-code the holders by job family", "No wrong holder picked this week"),
                ]),
            DemoObstacleTemplate(
                text: "First-off part waits for the quality inspector",
                steps: [
                    DemoStep(
                        "Operator measures the first-off part with the gauge at the cell",
                        "First-off approved within 5 min"),
                    DemoStep("Post the CMM program list at the cell", "Inspector needed for new parts only"),
                ]),
            DemoObstacleTemplate(
                text: "Coolant concentration drifts",
                steps: [
                    DemoStep("Check concentration with the refractometer at shift start", "Stays between 6 and 8 %"),
                    DemoStep("Post the readings on the board", "Drift seen before it marks the surface"),
                ]),
            DemoObstacleTemplate(
                text: "Chips jam the conveyor on long runs",
                steps: [
                    DemoStep("Clean the chip conveyor at every tool change", "No jam in a full shift"),
                    DemoStep("Try an insert with a different chip breaker", "Shorter chips, no jams"),
                ]),
            DemoObstacleTemplate(
                text: "Inserts are changed when they fail, not on a count",
                steps: [
                    DemoStep("Set the counter to change inserts after 400 parts", "No scrap from worn inserts"),
                    DemoStep("Keep the worn inserts and look at the wear pattern", "Wear is even; 400 is safe"),
                ]),
        ],
        worksExtraShifts: false)

    static let paint = DemoUnitKind(
        name: "Paint",
        focusProcesses: ["Top-coat booth #", "Pre-treatment line", "Sealing line #", "Spot repair"],
        patterns: [
            "Bodies leave the booth right first time; gun settings are checked every shift and dirt sources are "
                + "removed the same day.",
            "Every body is sealed to the standard sequence with no touch-up after the oven.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Paint defects per 100 bodies", unit: "defects", start: 8...14, goal: 2...4),
            DemoMetricTemplate(name: "Right first time", unit: "%", start: 78...86, goal: 92...95, decimals: 1),
            DemoMetricTemplate(
                name: "Dirt inclusions per body", unit: "count", start: 3...6, goal: 0.8...1.5, decimals: 1),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "Gun tip checks done per shift", unit: "%", start: 50...70, goal: 100...100),
            DemoMetricTemplate(name: "Booth cleaned to standard", unit: "%", start: 60...75, goal: 95...100),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Dust from the sanding area gets into the booth",
                steps: [
                    DemoStep("Keep the sanding-area door closed during booth runs", "Dirt inclusions down by a third"),
                    DemoStep("Add a tack-rag wipe before the booth", "Fewer than 1 inclusion per body"),
                ]),
            DemoObstacleTemplate(
                text: "Gun settings differ between shifts",
                steps: [
                    DemoStep("Post the gun settings card at the booth entrance", "Both shifts run the same settings"),
                    DemoStep("Shift handover includes a gun setting check", "Film thickness within spec on every body"),
                ]),
            DemoObstacleTemplate(
                text: "Film thickness varies on the roof edge",
                steps: [
                    DemoStep("Change the robot path overlap on the roof edge from 50 to 60 %", "Thickness in spec"),
                    DemoStep("Measure 5 points on 10 bodies before and after", "Spread halves"),
                ]),
            DemoObstacleTemplate(
                text: "Masking tape left on bodies after the booth",
                steps: [
                    DemoStep("Use blue tape so it shows on light colours", "No tape found at final inspection"),
                    DemoStep("Count the tape pieces put on and taken off", "Counts match on every body"),
                ]),
            DemoObstacleTemplate(
                text: "Air make-up unit filters changed late",
                steps: [
                    DemoStep("Put the filter change on the weekly PM list", "Filters changed on time"),
                    DemoStep("Read the pressure drop gauge daily", "Change made before the limit"),
                ]),
        ],
        worksExtraShifts: true)

    static let welding = DemoUnitKind(
        name: "Welding",
        focusProcesses: ["Robot weld cell #", "Manual bracket welding", "Spot welding line #"],
        patterns: [
            "The robot cell runs at its planned cycle with no waiting for loading, and every weld passes the "
                + "first check.",
            "Welders follow the weld sequence card and check the first part of every batch.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Weld rework per shift", unit: "welds", start: 10...18, goal: 3...4),
            DemoMetricTemplate(name: "Cycle time of robot cell #", unit: "s", start: 75...90, goal: 62...68),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "Tip dressing done on schedule", unit: "%", start: 50...70, goal: 95...100),
            DemoMetricTemplate(name: "First-part weld checks done", unit: "%", start: 55...75, goal: 95...100),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Electrode tips wear faster than planned",
                steps: [
                    DemoStep("Dress the tips every 200 welds instead of 300", "Weld rework halves"),
                    DemoStep("Check the cooling water flow at the gun", "Flow below spec on gun 2"),
                ]),
            DemoObstacleTemplate(
                text: "Part fit-up varies between batches",
                steps: [
                    DemoStep("Measure the gap on 10 parts of each batch", "Gap over 1 mm only from press line 2"),
                    DemoStep("Add a clamp at the second weld point", "Gap under 0.5 mm on every part"),
                ]),
            DemoObstacleTemplate(
                text: "Robot waits for the operator to load the fixture",
                steps: [
                    DemoStep("Stage the next parts on a turntable within reach", "Robot never waits more than 5 s"),
                    DemoStep("Swap the order of loading and unloading", "Loading done before the robot returns"),
                ]),
            DemoObstacleTemplate(
                text: "Spatter builds up on the fixture clamps",
                steps: [
                    DemoStep("Anti-spatter spray on the clamps at shift start", "Clamps clean all shift"),
                    DemoStep("Copper covers on the two worst clamps", "No cleaning stop in a shift"),
                ]),
        ],
        worksExtraShifts: true)
}
