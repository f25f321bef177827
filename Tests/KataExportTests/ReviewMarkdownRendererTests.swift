import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import Testing

@Suite("Markdown review packet")
struct ReviewMarkdownRendererTests {
    @Test("a packet states who, the period, when it was made, its purpose, the figures and their definitions")
    func content() {
        let md = ReviewMarkdownRenderer.render(ReviewSample.packet())
        #expect(
            md.hasPrefix("# Coaching practice review: Ann Lee (ann)\n\n> This packet is for a development conversation")
        )
        #expect(md.contains("- **Period:** 2026-07-01 to 2026-09-30\n"))
        #expect(md.contains("- **Unit:** Assembly\n"))
        #expect(md.contains("- **Made:** 2026-11-20 09:00 UTC by kata 0.1.0\n"))
        #expect(md.contains("| Cadence | 92% | coached days ÷ workdays |"))
        #expect(md.contains("| Coached days | 61 | of 66 workdays |"))
        #expect(md.contains("| 2026-W28 | 9 | 5 | █████ |"))
        #expect(md.contains("| 2026-W33 | 0 | 0 |  |"))
        #expect(
            md.contains(
                "| Learner A | 2026-06-15 | 2026-08-01 | achieved on 2026-07-28 | 18 |"))
        #expect(
            md.contains(
                "| 2026-08-03 | Lena Park | Ask for the expectation before the step | When the learner names the next step |\n"
            ))
        #expect(md.contains("- From Coach A: 9 cycles, last on 2026-09-24"))
        #expect(md.contains("| 2026-07-01 | 2026-09-30 | missed on 2026-10-02 | 9 |"))
        for definition in FigureDefinition.all {
            #expect(md.contains("- **\(definition.label)** (`\(definition.figure)`): "))
        }
    }

    @Test("a target condition closed after the period shows as active, its outcome marked as later, in md and html")
    func laterOutcome() {
        var packet = ReviewSample.packet()
        packet.targetConditions[1].later = LaterOutcome(status: "achieved", closedOn: Day("2026-10-09")!)
        let md = ReviewMarkdownRenderer.render(packet)
        #expect(
            md.contains("| Learner B | 2026-07-20 | 2026-10-15 | active; achieved 2026-10-09, after the period | 22 |"))
        let html = ReviewHTMLRenderer.render(packet)
        #expect(html.contains("<td>active; achieved 2026-10-09, after the period</td>"))
    }

    @Test("a period cut at the day the packet was made says that it is not over")
    func periodNotOver() {
        var packet = ReviewSample.packet()
        packet.period = ReviewPeriod(from: Day("2026-07-01")!, to: Day("2026-09-30")!, until: Day("2026-09-15")!)
        let md = ReviewMarkdownRenderer.render(packet)
        #expect(md.contains("- **Period:** 2026-07-01 to 2026-09-30, counted to 2026-09-15, the period is not over\n"))
    }

    @Test("the calendar shows coached days, empty workdays and days off by weekday and week")
    func calendar() {
        let md = ReviewMarkdownRenderer.render(ReviewSample.packet())
        // 2026-07-01 is a Wednesday; 2026-08-10 to 14 were not coached; 2026-08-22 was a Saturday with a cycle.
        #expect(md.contains("\nMon   ■ ■ ■ ■ ■ □ ■ ■ ■ ■ ■ ■ ■\n"))
        #expect(md.contains("\nWed ■ ■ ■ ■ ■ ■ □ ■ ■ ■ ■ ■ ■ ■\n"))
        #expect(md.contains("\nSat · · · · · · · ■ · · · · ·  \n"))
        #expect(!md.contains("\nSun "))
        #expect(md.contains("    Jul     Aug       Sep"))
    }

    @Test("a period without activity says so")
    func empty() {
        let md = ReviewMarkdownRenderer.render(ReviewSample.emptyPacket())
        #expect(
            md.contains(
                "**No coaching activity in this period: no cycles given or received and no 2nd-coach observations.**"))
        #expect(md.contains("No cycles with learners in this period."))
        #expect(md.contains("No observations in this period."))
        #expect(md.contains("| Last cycle | – |  |"))
    }

    @Test("names and free text cannot inject markup or break a table")
    func escaping() {
        let md = ReviewMarkdownRenderer.render(
            ReviewSample.packet(
                name: "<img src=x onerror=alert(1)>", learner: "Bo | *Star* [x](y)", focus: "Two\nLines `code`",
                privacy: ReviewPrivacy(learnerNames: true, notes: false)))
        #expect(md.contains("# Coaching practice review: \\<img src=x onerror=alert(1)\\> (ann)"))
        #expect(
            md.replacingOccurrences(of: "\n> ", with: "\n").range(of: #"(?<!\\)[<>]"#, options: .regularExpression)
                == nil)
        #expect(md.contains("| Bo \\| \\*Star\\* \\[x\\](y) | bert | 40 | 2026-09-30 |"))
        #expect(md.contains("| Two Lines \\`code\\` |"))
        #expect(ReviewMarkdownRenderer.escape("a_b & c#1 ~x~ \\") == "a\\_b \\& c\\#1 \\~x\\~ \\\\")
    }

    @Test("by default no handles and no notes; opting in adds them")
    func privacy() {
        let plain = ReviewMarkdownRenderer.render(ReviewSample.packet(notes: nil))
        #expect(plain.contains("| Learner | Cycles | Last cycle |"))
        #expect(plain.contains("| Date | Observer | Focus point | Trigger |\n"))
        #expect(plain.contains("- **Privacy:** \(ReviewMarkdownRenderer.escape(ReviewPrivacy().statement))\n"))
        let open = ReviewMarkdownRenderer.render(
            ReviewSample.packet(
                learner: "Bert Alder", notes: "Asked two good questions", condition: "Kitting in 4 minutes",
                privacy: ReviewPrivacy(learnerNames: true, notes: true)))
        #expect(open.contains("| Learner | Handle | Cycles | Last cycle |"))
        #expect(open.contains("| Bert Alder | bert | 40 | 2026-09-30 |"))
        #expect(open.contains("| When the learner names the next step | Asked two good questions |"))
        #expect(open.contains("- Bert Alder, Final assembly, line 2: *condition:* Kitting in 4 minutes"))
    }

    @Test("--all puts the packets one after another; none at all says so")
    func collection() {
        let md = ReviewMarkdownRenderer.render(
            ReviewSample.collection([ReviewSample.packet(), ReviewSample.emptyPacket()]))
        #expect(md.components(separatedBy: "\n# Coaching practice review: ").count == 2)
        #expect(md.contains("\n---\n\n# Coaching practice review: Carl Berg (carl)"))
        let none = ReviewMarkdownRenderer.render(ReviewSample.collection([]))
        #expect(none.contains("No coach coached in 2026-07-01 to 2026-09-30."))
    }
}
