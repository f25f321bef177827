import KataStore

/// The course of one metric of a demo target condition: from where it starts toward its goal,
/// reaching the goal when the target condition will be achieved and falling short when it will
/// be missed or dropped, with day-to-day noise on top.
struct DemoMetricCourse {
    let name: String
    let unit: String
    /// The goal as the storyboard shows it: `≤ 52`, `≥ 97.5`.
    let goal: String
    private let decimals: Int
    private let start: Double
    private let aim: Double
    private let from: Int
    private let until: Int
    private let reach: Double
    private let ceiling: Double

    /// A course from day `from` to day `until`, covering `reach` of the way from the start to
    /// the goal (1 is all the way).
    init(
        _ template: DemoMetricTemplate, name: String, from: Int, until: Int, reach: Double,
        _ random: inout DemoRandom
    ) {
        self.name = name
        unit = template.unit
        decimals = template.decimals
        start = DemoMetricCourse.rounded(random.double(template.start), decimals: decimals)
        aim = DemoMetricCourse.rounded(random.double(template.goal), decimals: decimals)
        goal = (template.lowerIsBetter ? "≤ " : "≥ ") + DemoMetricCourse.format(aim, decimals: decimals)
        self.from = from
        self.until = max(from + 1, until)
        self.reach = reach
        ceiling = template.unit == "%" ? 100 : .infinity
    }

    /// The value measured on `day`, as written.
    func value(on day: Int, _ random: inout DemoRandom) -> String {
        let elapsed = Double(min(max(0, day - from), until - from)) / Double(until - from)
        let noise = random.double(-1...1) * abs(aim - start) * 0.08
        let value = min(ceiling, max(0, start + (aim - start) * reach * elapsed + noise))
        return DemoMetricCourse.format(value, decimals: decimals)
    }

    private static func rounded(_ value: Double, decimals: Int) -> Double {
        decimals == 0 ? value.rounded() : (value * 10).rounded() / 10
    }

    /// A non-negative value with at most `decimals` (0 or 1) decimals, as JSON would write it:
    /// `52`, `97.5`, never `52.0`.
    static func format(_ value: Double, decimals: Int) -> String {
        guard decimals > 0 else { return String(Int(value.rounded())) }
        let tenths = Int((value * 10).rounded())
        return tenths % 10 == 0 ? String(tenths / 10) : String(tenths / 10) + "." + String(tenths % 10)
    }

    /// `text` as a JSON string literal.
    static func jsonString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                result +=
                    "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
