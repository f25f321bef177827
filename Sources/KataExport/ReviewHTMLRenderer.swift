import CoachTheCoaches
import Foundation
import ImprovementKata

/// Writes review packets as one self-contained HTML file: inline CSS, inline SVG charts, no
/// scripts, no fonts, images or links from elsewhere; printable on A4 with every packet starting
/// on a new page.
///
/// Every piece of text from the database goes through `escape`, so a name such as
/// `<img src=x onerror=alert(1)>` is shown, never run.
public enum ReviewHTMLRenderer {
    /// One packet as a complete HTML document.
    public static func render(_ packet: ReviewPacket) -> String {
        document(title: "Coaching practice review: \(packet.coach.name), \(ReviewFigures.period(packet.period))") {
            $0 += article(packet, id: "p1")
        }
    }

    /// Every packet of a `--all` export in one document, one packet per page.
    ///
    /// Written into one string as it goes, room made after the first packet: the document of
    /// 2,000 coaches is over a hundred megabytes, and a list of the packets joined afterwards
    /// would hold it three times.
    public static func render(_ collection: ReviewCollection) -> String {
        let title = "Coaching practice reviews, \(ReviewFigures.period(collection.period))"
        guard !collection.packets.isEmpty else {
            return document(title: title) {
                $0 += """
                    <article class="packet"><header class="top"><h1>\(escape(title))</h1></header>
                    <p class="empty">No coach coached in this period.</p>
                    <footer>Made \(escape(ReviewFigures.made(collection.generatedAt, collection.kataVersion))).</footer>
                    </article>
                    """
            }
        }
        return document(title: title) { text in
            for (index, packet) in collection.packets.enumerated() {
                let html = article(packet, id: "p\(index + 1)")
                if index == 0 {
                    text.reserveCapacity(text.utf8.count + (html.utf8.count + 1) * collection.packets.count * 11 / 10)
                } else {
                    text += "\n"
                }
                text += html
            }
        }
    }

    /// Text made safe for HTML element content and quoted attribute values.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A whole HTML document around the body that `body` writes.
    private static func document(title: String, body: (inout String) -> Void) -> String {
        var text = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="generator" content="kata">
            <title>\(escape(title))</title>
            <style>
            \(ReviewHTMLStyle.css)
            </style>
            </head>
            <body>

            """
        body(&text)
        text += "\n</body>\n</html>\n"
        return text
    }

    private static func article(_ packet: ReviewPacket, id: String) -> String {
        let wide = CoachedDaysCalendar(packet).weeks.count > 16
        let charts = ReviewHTMLCharts(id: id, width: wide ? 700 : 330)
        // The packet is one table cell under a header row that a browser repeats on every printed
        // page, so that page 2 still names the coach; each packet of an --all document has its own.
        var html: [String] = [
            "<article class=\"packet\" id=\"\(id)\">", charts.definitions,
            "<table class=\"sheet\"><thead><tr><td><div class=\"running\">Coaching practice review: "
                + "\(escape(packet.coach.name)) (\(escape(packet.coach.handle))), "
                + "\(escape(ReviewFigures.period(packet.period)))</div></td></tr></thead><tbody><tr><td>",
        ]
        html.append(header(packet))
        if packet.emptyPeriod {
            html.append("<p class=\"notice\">\(escape(ReviewFigures.emptyPeriodNote))</p>")
        }
        html.append("<section><h2>Practice figures</h2><div class=\"figures\">")
        for row in ReviewFigures.rows(packet) {
            html.append(
                "<div class=\"figure\"><span class=\"value\">\(escape(row.value))</span>"
                    + "<span class=\"label\">\(escape(row.label))</span>"
                    + "<span class=\"detail\">\(escape(row.detail))</span></div>")
        }
        html.append("</div></section>")
        html.append("<div class=\"charts\(wide ? " wide" : "")\">")
        html.append(
            "<section><h2>Weekly trend</h2><figure>\(charts.weeklyBars(packet))<figcaption>Coached days in each ISO "
                + "week of the period (the number on each bar); hover a bar for its cycles.</figcaption></figure>"
                + "</section>")
        html.append(
            "<section><h2>Coached days</h2><figure>\(charts.heatmap(packet))\(charts.heatmapLegend(packet))</figure>"
                + "</section>")
        html.append("</div>")
        html.append(learners(packet))
        html.append(targets(packet))
        html.append(observations(packet))
        html.append(ownDevelopment(packet))
        html.append(escalationsToDecide(packet))
        html.append(definitions(packet))
        html.append(
            "<footer>\(escape(ReviewFigures.period(packet.period))) · made "
                + "\(escape(ReviewFigures.made(packet.generatedAt, packet.kataVersion))) · format "
                + "\(escape(packet.format)). \(escape(packet.purpose))</footer>")
        html.append("</td></tr></tbody></table>")
        html.append("</article>")
        return html.joined(separator: "\n")
    }

    private static func header(_ packet: ReviewPacket) -> String {
        var meta = [("Period", ReviewFigures.period(packet.period))]
        if let unit = packet.coach.unit { meta.append(("Unit", unit)) }
        meta.append(("Made", ReviewFigures.made(packet.generatedAt, packet.kataVersion)))
        meta.append(("Privacy", ReviewFigures.privacy(packet.privacy)))
        let rows = meta.map { "<dt>\(escape($0.0))</dt><dd>\(escape($0.1))</dd>" }.joined()
        return """
            <header class="top">
            <p class="kicker">Coaching practice review</p>
            <h1>\(escape(packet.coach.name)) <span class="handle">(\(escape(packet.coach.handle)))</span></h1>
            <dl class="meta">\(rows)</dl>
            <p class="purpose">\(escape(packet.purpose))</p>
            </header>
            """
    }

    private static func learners(_ packet: ReviewPacket) -> String {
        guard !packet.learners.isEmpty else {
            return section("Learners coached", "<p class=\"empty\">No cycles with learners in this period.</p>")
        }
        let named = packet.privacy.learnerNames
        let rows = packet.learners.map { learner in
            "<tr><td>\(escape(learner.label))</td>" + (named ? "<td>\(escape(learner.handle ?? ""))</td>" : "")
                + "<td class=\"num\">\(learner.cycles)</td><td class=\"date\">\(learner.lastCycle)</td></tr>"
        }
        return section(
            "Learners coached",
            table(["Learner"] + (named ? ["Handle"] : []) + ["#Cycles", "Last cycle"], rows))
    }

    private static func targets(_ packet: ReviewPacket) -> String {
        guard !packet.targetConditions.isEmpty else {
            return section(
                "Target conditions coached",
                "<p class=\"empty\">No cycle in this period worked on a target condition.</p>")
        }
        let notes = packet.privacy.notes
        let rows = packet.targetConditions.map { target in
            "<tr><td>\(escape(target.learner))</td>" + (notes ? "<td>\(text(target.focusProcess))</td>" : "")
                + "<td class=\"date\">\(target.setOn)</td><td class=\"date\">\(target.achieveBy)</td>"
                + "<td>\(escape(ReviewFigures.outcome(status: target.status, closedOn: target.closedOn, later: target.later)))</td>"
                + "<td class=\"num\">\(target.cycles)</td>"
                + (notes
                    ? "<td class=\"text\">\(text(target.condition))</td><td class=\"text\">\(text(target.reflection))</td>"
                    : "")
                + "</tr>"
        }
        let columns =
            ["Learner"] + (notes ? ["Focus process"] : []) + ["Set on", "Achieve by", "Outcome", "#Cycles"]
            + (notes ? ["Condition", "Reflection"] : [])
        return section("Target conditions coached", table(columns, rows))
    }

    private static func observations(_ packet: ReviewPacket) -> String {
        guard !packet.observations.isEmpty else {
            return section("2nd-coach observations", "<p class=\"empty\">No observations in this period.</p>")
        }
        let notes = packet.privacy.notes
        let rows = packet.observations.map { observation in
            "<tr><td class=\"date\">\(observation.date)</td><td class=\"who\">\(escape(observation.observer.name))</td>"
                + "<td class=\"text\">\(text(observation.focus))</td><td class=\"text\">\(text(observation.trigger))</td>"
                + (notes ? "<td class=\"text\">\(text(observation.notes))</td>" : "") + "</tr>"
        }
        return section(
            "2nd-coach observations",
            table(["Date", "Observer", "Focus point", "Trigger"] + (notes ? ["Notes"] : []), rows))
    }

    private static func ownDevelopment(_ packet: ReviewPacket) -> String {
        let own = packet.ownDevelopment
        var parts = [
            "<p>Received \(ReviewFigures.cycles(own.cyclesReceived)) on \(ReviewFigures.days(own.daysCoached)) in this "
                + "period"
                + (own.coaches.isEmpty
                    ? "."
                    : ", from "
                        + own.coaches.map { "\(escape($0.label)) (\(ReviewFigures.cycles($0.cycles)))" }
                        .joined(separator: ", ") + ".")
                + "</p>"
        ]
        if let growth = own.growth {
            let items = growth.lines.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.value))</dd>" }
            parts.append(
                "<h3>Growth as a learner in this period</h3><dl class=\"growth\">\(items.joined())</dl>")
        }
        if own.targetConditions.isEmpty {
            parts.append("<p class=\"empty\">No target conditions of their own were active in this period.</p>")
        } else {
            let notes = packet.privacy.notes
            let rows = own.targetConditions.map { target in
                "<tr>" + (notes ? "<td>\(text(target.focusProcess))</td>" : "")
                    + "<td class=\"date\">\(target.setOn)</td>"
                    + "<td class=\"date\">\(target.achieveBy)</td>"
                    + "<td>\(escape(ReviewFigures.outcome(status: target.status, closedOn: target.closedOn, later: target.later)))</td>"
                    + "<td class=\"num\">\(target.cycles)</td>"
                    + (notes
                        ? "<td class=\"text\">\(text(target.condition))</td><td class=\"text\">\(text(target.reflection))</td>"
                        : "")
                    + "</tr>"
            }
            let columns =
                (notes ? ["Focus process"] : []) + ["Set on", "Achieve by", "Outcome", "#Cycles"]
                + (notes ? ["Condition", "Reflection"] : [])
            parts.append("<h3>Own target conditions</h3>" + table(columns, rows))
        }
        return section("Own development as a learner", parts.joined(separator: "\n"))
    }

    private static func escalationsToDecide(_ packet: ReviewPacket) -> String {
        let asked = packet.escalationsToDecide
        guard asked.asked > 0 else { return "" }
        var parts = ["<p>\(escape(asked.summary))</p>"]
        if !asked.zeroCostUnanswered.isEmpty {
            let items = asked.zeroCostUnanswered.map { "<li>\(escape(DeciderEscalations.words($0)))</li>" }
            parts.append(
                "<h3>Zero-cost items unanswered after \(LossReport.zeroCostWorkdays) workdays</h3><ul>\(items.joined())</ul>"
            )
        }
        return section(DeciderEscalations.heading, parts.joined(separator: "\n"))
    }

    private static func definitions(_ packet: ReviewPacket) -> String {
        let items = packet.definitions.map { "<dt>\(escape($0.label))</dt><dd>\(escape($0.definition))</dd>" }
        return "<section class=\"definitions\"><h2>What the figures mean</h2><dl>\(items.joined())</dl></section>"
    }

    private static func section(_ title: String, _ content: String) -> String {
        "<section><h2>\(escape(title))</h2>\n\(content)\n</section>"
    }

    /// A table; a column named `#Cycles` is right-aligned and shown as `Cycles`.
    private static func table(_ columns: [String], _ rows: [String]) -> String {
        let head = columns.map { column in
            column.hasPrefix("#")
                ? "<th class=\"num\">\(escape(String(column.dropFirst())))</th>" : "<th>\(escape(column))</th>"
        }
        return
            "<table><thead><tr>\(head.joined())</tr></thead><tbody>\n\(rows.joined(separator: "\n"))\n</tbody></table>"
    }

    /// Optional free text, escaped, or a dash.
    private static func text(_ value: String?) -> String {
        value.map(escape) ?? ReviewFigures.none
    }
}
