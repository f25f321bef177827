import KataStore

// The units of the demo plant that support production: logistics, quality, maintenance and
// packaging.

extension DemoUnitKind {
    static let logistics = DemoUnitKind(
        name: "Logistics",
        focusProcesses: ["Milk run # to line 1", "Goods receipt, dock #", "Supermarket for line #", "Outbound bay #"],
        patterns: [
            "The milk run leaves every 30 minutes on time and brings only what the kanban cards ask for; "
                + "the line never stops for missing parts.",
            "Trucks are unloaded within an hour of arrival and the parts are in the supermarket the same shift.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Line stops for missing parts", unit: "stops per week", start: 5...9, goal: 1...1),
            DemoMetricTemplate(name: "Replenishment lead time", unit: "min", start: 70...95, goal: 40...45),
            DemoMetricTemplate(name: "Trucks unloaded within 60 min", unit: "%", start: 50...65, goal: 90...95),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "Milk run departures on time", unit: "%", start: 60...75, goal: 95...98),
            DemoMetricTemplate(name: "Kanban cards scanned at pick", unit: "%", start: 70...85, goal: 98...100),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Kanban cards are collected late from the line",
                steps: [
                    DemoStep(
                        "Put a card post at every station on the milk run route", "All cards collected each round"),
                    DemoStep("Driver collects the cards first, then delivers", "No card older than 30 min"),
                ]),
            DemoObstacleTemplate(
                text: "Forklift traffic blocks the milk run route",
                steps: [
                    DemoStep("Reroute forklifts to aisle C during the milk run", "Round time under 25 min"),
                    DemoStep("Mark a crossing with a stop line at aisle B", "No waiting at the crossing"),
                ]),
            DemoObstacleTemplate(
                text: "Supermarket locations are not labelled",
                steps: [
                    DemoStep("Label every location with part number and picture", "Picking errors drop to zero"),
                    DemoStep("Fixed location for the 20 fastest-moving parts", "Pick time per round down 5 min"),
                ]),
            DemoObstacleTemplate(
                text: "Empties pile up at the line",
                steps: [
                    DemoStep("Milk run takes the empties back on every round", "No more than one stack per station"),
                    DemoStep("Mark a place for empties at each station", "Empties found at their place only"),
                ]),
            DemoObstacleTemplate(
                text: "Supplier labels cannot be scanned",
                steps: [
                    DemoStep("Send the supplier photos of the unreadable labels", "New labels scan within 2 weeks"),
                    DemoStep("Reprint the labels at goods receipt for this supplier", "Every box scans at pick"),
                ]),
        ],
        worksExtraShifts: true)

    static let quality = DemoUnitKind(
        name: "Quality",
        focusProcesses: [
            "Incoming inspection of castings", "Final audit, line #", "Complaint handling (8D)", "Gauge room",
        ],
        patterns: [
            "Every nonconformity is contained within an hour and the cause is found at the process, not at a desk.",
            "Incoming parts are released within four hours of arrival, with the checks that matter most done first.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Inspection lead time", unit: "h", start: 6...10, goal: 3...4, decimals: 1),
            DemoMetricTemplate(name: "Defects reaching the customer", unit: "ppm", start: 180...300, goal: 40...60),
            DemoMetricTemplate(name: "8D reports closed within 10 days", unit: "%", start: 30...50, goal: 80...90),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "Nonconformities contained within 1 h", unit: "%", start: 40...60, goal: 95...98),
            DemoMetricTemplate(name: "Audits done to plan", unit: "%", start: 60...80, goal: 95...100),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Inspection plan does not say which check comes first",
                steps: [
                    DemoStep("Reorder the plan: critical dimensions first", "Rejects found in the first 30 min"),
                    DemoStep("Time each check for ten lots", "Three checks take 70 % of the time"),
                ]),
            DemoObstacleTemplate(
                text: "Samples wait in the lab queue",
                steps: [
                    DemoStep("Lab takes samples in arrival order with a visible queue board", "No sample waits > 2 h"),
                    DemoStep("Reserve a lab slot at 10:00 for incoming samples", "Lead time under 4 h"),
                ]),
            DemoObstacleTemplate(
                text: "Containment starts only when the supervisor is in",
                steps: [
                    DemoStep(
                        "Give team leaders the containment card and authority", "Containment within 1 h, any shift"),
                    DemoStep("Practise the containment card in a 10-minute drill", "Team leaders follow every step"),
                ]),
            DemoObstacleTemplate(
                text: "Root cause analyses stop at 'operator error'",
                steps: [
                    DemoStep("Ask 5 whys at the process with the operator present", "A machine or method cause found"),
                    DemoStep(
                        "Add a 'why did the process allow it' box to the 8D form", "No 8D closed on operator error"),
                ]),
            DemoObstacleTemplate(
                text: "Gauges on the line are out of calibration",
                steps: [
                    DemoStep("Put a calibration due date sticker on every gauge", "No overdue gauge in use"),
                    DemoStep("Gauge room swaps due gauges on its morning round", "All gauges in date by Friday"),
                ]),
        ],
        worksExtraShifts: false)

    static let maintenance = DemoUnitKind(
        name: "Maintenance",
        focusProcesses: [
            "Press # preventive maintenance", "Weld robot cell #", "Compressed air network", "Conveyor drives, hall #",
        ],
        patterns: [
            "Preventive maintenance is done on the planned day in the planned time, and breakdowns are answered "
                + "within ten minutes with the right spare part.",
            "Every breakdown of more than ten minutes gets a cause found at the machine within a day.",
        ],
        outcomeMetrics: [
            DemoMetricTemplate(
                name: "Unplanned downtime on press #", unit: "min per week", start: 180...320, goal: 45...60),
            DemoMetricTemplate(name: "Mean time to repair", unit: "min", start: 45...70, goal: 20...25),
            DemoMetricTemplate(name: "Open air leaks", unit: "leaks", start: 25...40, goal: 5...8),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "PM tasks done on schedule", unit: "%", start: 55...75, goal: 95...98),
            DemoMetricTemplate(name: "Spare parts found at first attempt", unit: "%", start: 50...70, goal: 90...95),
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Spare parts are not where the system says",
                steps: [
                    DemoStep("Count and relabel the 30 most used spares", "Found at first attempt 9 times in 10"),
                    DemoStep("Book spares out at the cabinet with a scanner", "Stock in the system matches the shelf"),
                ]),
            DemoObstacleTemplate(
                text: "PM tasks are written too vaguely to follow",
                steps: [
                    DemoStep("Rewrite the press PM card with photos and limits", "Task done in 45 min, not 90"),
                    DemoStep("Technician does the new card while the planner watches", "No questions about the steps"),
                ]),
            DemoObstacleTemplate(
                text: "Breakdown calls come by phone and get lost",
                steps: [
                    DemoStep("Andon light for maintenance on the press", "Response within 10 min"),
                    DemoStep("Log every call on the whiteboard with the time", "No call without a response"),
                ]),
            DemoObstacleTemplate(
                text: "No access to the press during production",
                steps: [
                    DemoStep(
                        "Plan PM in the 30-min break overlap on Wednesdays", "PM done on schedule 4 weeks in a row"),
                    DemoStep("Split the PM into three 10-minute blocks", "Blocks fit into changeovers"),
                ]),
            DemoObstacleTemplate(
                text: "No standard for the hydraulic pressure fault",
                steps: [
                    DemoStep("Write a one-page fault tree from the last 5 repairs", "Repair time under 30 min"),
                    DemoStep("Walk the night-shift technicians through the fault tree", "Same repair time on nights"),
                ]),
        ],
        worksExtraShifts: false)

    static let packaging = DemoUnitKind(
        name: "Packaging",
        focusProcesses: ["Packing line #", "Pallet build area", "Label and ship station"],
        patterns: [
            "Every pallet is built to the pack standard in one pass, labelled right and ready for the truck "
                + "by its slot time."
        ],
        outcomeMetrics: [
            DemoMetricTemplate(name: "Packing time per pallet", unit: "min", start: 14...20, goal: 9...11),
            DemoMetricTemplate(name: "Labelling errors per week", unit: "errors", start: 4...9, goal: 1...1),
        ],
        processMetrics: [
            DemoMetricTemplate(name: "Pallets built to the pack standard", unit: "%", start: 60...80, goal: 95...100)
        ],
        obstacles: [
            DemoObstacleTemplate(
                text: "Cartons are not pre-folded when the line starts",
                steps: [
                    DemoStep("Fold the first 20 cartons at the end of the previous shift", "Line starts on time"),
                    DemoStep("Carton stand next to the packer at hip height", "Folding keeps pace with the line"),
                ]),
            DemoObstacleTemplate(
                text: "Label printer jams at shift change",
                steps: [
                    DemoStep("Change the label roll before it runs out, at 50 labels left", "No jam at shift change"),
                    DemoStep("Clean the print head at every roll change", "Print quality holds"),
                ]),
            DemoObstacleTemplate(
                text: "No pack standard for new part numbers",
                steps: [
                    DemoStep(
                        "Photo pack standard made with the first pallet of a new part", "Second pallet built right"),
                    DemoStep("Engineering sends the pack drawing a week before launch", "Standard ready before day 1"),
                ]),
            DemoObstacleTemplate(
                text: "Stretch wrap runs out mid-pallet",
                steps: [
                    DemoStep("Mark a 'change now' line on the roll core", "No pallet half-wrapped"),
                    DemoStep("Keep a spare roll at the wrapper", "Roll change under 2 min"),
                ]),
        ],
        worksExtraShifts: false)
}
