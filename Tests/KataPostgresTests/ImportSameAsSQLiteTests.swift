import Foundation
import ImprovementKata
import KataPostgres
import KataSQLite
import KataStore
import KataTestSupport
import PostgresNIO
import Testing

extension PostgresTests {
    /// The import into PostgreSQL against the SQLite store's, the reference for every rule and
    /// message: the same files give the same summary, the same refusal word for word, and the same
    /// export afterwards; a refused import leaves PostgreSQL as it was.
    @Suite("PostgreSQL imports as SQLite does", .enabled(if: TestCluster.runs, TestCluster.skipped))
    struct ImportSameAsSQLiteTests {
        typealias Twins = SameAsSQLiteTests.Twins
        typealias Answer = SameAsSQLiteTests.Answer
        typealias Collected = SameAsSQLiteTests.Collected

        static let today = Day("2026-11-20")!
        static let target = "5a000000-0000-4000-8000-000000000001"

        /// A fresh SQLite store and PostgreSQL database, and the URL of the latter for counting rows.
        static func withTwins(_ body: (Twins, String) async throws -> Void) async throws {
            try await TestCluster.withDatabase { url in
                let postgres = try await PostgresStore.connect(url: url, poolSize: 2, logger: TestCluster.logger)
                do {
                    try await body(Twins(sqlite: try SQLiteStore.inMemory(), postgres: postgres), url)
                    await postgres.close()
                } catch {
                    await postgres.close()
                    throw error
                }
            }
        }

        /// What an import reports, but for the time it took.
        struct Counts: Equatable {
            var summary: ImportSummary

            init(_ summary: ImportSummary) {
                self.summary = summary
                self.summary.seconds = 0
            }
        }

        /// Imports `text` into both stores; expects the same summary or the same refusal.
        @discardableResult
        static func importBoth(
            _ twins: Twins, _ text: String, dryRun: Bool = false, sourceLocation: SourceLocation = #_sourceLocation
        ) async -> Answer<Counts> {
            let request = ImportRequest(source: .bytes(Data(text.utf8)), dryRun: dryRun, today: today)
            return await twins.same(
                { Counts(try $0.importData(request)) }, { Counts(try await $0.importData(request)) },
                sourceLocation: sourceLocation)
        }

        /// The JSONL exports of both stores; expected to be the same.
        static func exports(_ twins: Twins, sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
            let (fromSQLite, fromPostgres) = (Collected(), Collected())
            _ = try twins.sqlite.exportData(.jsonl, to: fromSQLite)
            try await twins.postgres.exportData(.jsonl, to: fromPostgres)
            #expect(fromPostgres.text == fromSQLite.text, sourceLocation: sourceLocation)
            return fromPostgres.text
        }

        /// The number of rows of every table that holds records, in PostgreSQL.
        static func rowCounts(_ url: String) async throws -> String {
            let tables = [
                "setting", "holiday", "person", "challenge", "pairing", "target", "target_metric", "target_amendment",
                "condition", "obstacle", "experiment", "cycle", "observation",
            ]
            let sql = "SELECT " + tables.map { "(SELECT count(*) FROM \($0))::text" }.joined(separator: " || ',' || ")
            let rows = try await TestCluster.sql(url, sql)
            return try rows.first?.decode(String.self) ?? ""
        }

        static func lines(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

        /// carl, and zoe (who reports to carl) working toward a target condition with a working
        /// obstacle.
        static let base = lines([
            #"{"kind":"person","handle":"carl","name":"Carl"}"#,
            #"{"kind":"person","handle":"zoe","name":"Zoe","reportsTo":"carl"}"#,
            #"{"kind":"target","id":"\#(target)","learner":"zoe","focusProcess":"Welding","condition":"C","achieveBy":"2026-12-01","createdOn":"2026-11-01"}"#,
            #"{"kind":"obstacle","id":"5a000000-0000-4000-8000-000000000007","target":"\#(target)","text":"A","status":"working","createdOn":"2026-11-01"}"#,
        ])

        /// Bad third lines (the kinds of refusal the SQLite importer's tests take), each between
        /// good lines.
        static let badLines = [
            #"{"kind":"person","handle":"zoe","name":"Zoe""#,
            #"{"kind":"robot","id":"x"}"#,
            #"{"kind":"person","handle":"zoe","name":"Zoe","shoeSize":42}"#,
            #"{"kind":"pairing","id":"5a000000-0000-4000-8000-000000000002","coach":"carl","learner":"zoe"}"#,
            #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"carl","learner":"zoe","minutes":12.5}"#,
            #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"carl","learner":"zed"}"#,
            #"{"kind":"condition","id":"5a000000-0000-4000-8000-000000000004","target":"5a000000-0000-4000-8000-0000000000ff","date":"2026-11-10","text":"t"}"#,
            #"{"kind":"target","id":"5a000000-0000-4000-8000-000000000005","learner":"zoe","focusProcess":"Welding","condition":"Other","achieveBy":"2026-12-01","createdOn":"2026-11-01"}"#,
            #"{"kind":"obstacle","id":"5a000000-0000-4000-8000-000000000006","target":"\#(target)","text":"B","status":"working","createdOn":"2026-11-02"}"#,
            #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-22","coach":"carl","learner":"zoe"}"#,
            #"{"kind":"holiday","date":"2026-12-24","name":"Christmas Eve"}"#,
            #"{"kind":"person","handle":"zoe","name":"Zoe Other","reportsTo":"carl"}"#,
        ]

        @Test("a bad line or a conflict anywhere: the same message, and nothing written to PostgreSQL")
        func refused() async throws {
            try await Self.withTwins { twins, url in
                #expect(!(await Self.importBoth(twins, Self.base).isError))
                let before = try await Self.exports(twins)
                let counts = try await Self.rowCounts(url)
                let good = [
                    #"{"kind":"person","handle":"newcomer","name":"New Comer"}"#,
                    #"{"kind":"challenge","id":"5a000000-0000-4000-8000-000000000008","title":"Flow"}"#,
                ]
                for bad in Self.badLines {
                    let file = Self.lines(good + [bad, #"{"kind":"person","handle":"after","name":"After"}"#])
                    let answer = await Self.importBoth(twins, file)
                    guard case let .error(message) = answer else {
                        Issue.record("imported: \(bad)")
                        continue
                    }
                    #expect(message.hasPrefix("the import line 3"), "\(message)")
                }
                // A reference that never comes, and reporting lines in a loop: named at the end.
                let never = Self.lines([
                    #"{"kind":"experiment","id":"5a000000-0000-4000-8000-00000000000a","target":"5a000000-0000-4000-8000-0000000000aa","step":"S","plannedOn":"2026-11-10"}"#,
                    #"{"kind":"person","handle":"later","name":"Later"}"#,
                ])
                #expect(await Self.importBoth(twins, never).isError)
                let loop = Self.lines([
                    #"{"kind":"person","handle":"xia","name":"Xia","reportsTo":"yan"}"#,
                    #"{"kind":"person","handle":"yan","name":"Yan","reportsTo":"xia"}"#,
                ])
                #expect(await Self.importBoth(twins, loop).isError)
                #expect(try await Self.exports(twins) == before)
                #expect(try await Self.rowCounts(url) == counts)
                // Only an admin imports.
                let coach = twins.scoped(to: .account(handle: try Handle(validating: "carl"), roles: []))
                #expect(await Self.importBoth(coach, Self.base).isError)
            }
        }

        /// An organisation made through the SQLite store's operations, with text that is hard to
        /// write as JSON or as `COPY` text: quotes, backslashes, tabs, line breaks, emoji.
        static func organisation() throws -> String {
            let store = try SQLiteStore.inMemory()
            let tricky = "He said \"stop\", \\ then left;\ttab\nnew line\r ✓ 🎉 \\N"
            func handle(_ text: String) throws -> Handle { try Handle(validating: text) }
            func day(_ text: String) throws -> Day { try #require(Day(text)) }
            let (carl, ann, eve, dora) = (try handle("carl"), try handle("ann"), try handle("eve"), try handle("dora"))
            try store.configure(
                timeZone: "Europe/Berlin", workweek: [.monday, .tuesday, .wednesday, .thursday, .friday],
                addHolidays: [try day("2026-12-24")], removeHolidays: [])
            try store.addPerson(Person(handle: carl, name: "Carl \"the coach\" Díaz", unit: "Assembly"))
            try store.addPerson(Person(handle: dora, name: "Dora 🎉", unit: "Lean office"))
            try store.addPerson(
                Person(handle: ann, name: "Ann \\ Lee", unit: "Assembly", reportsTo: carl, email: "ann@example.com"))
            try store.addPerson(Person(handle: eve, name: "Eve", unit: "Assembly", reportsTo: carl, active: false))
            let plant = try Challenge(title: "Zero defects by 2028", owner: dora, by: day("2028-01-31"))
            try store.addChallenge(plant)
            let line = try Challenge(title: "One-piece flow", description: tricky, parent: plant.id)
            try store.addChallenge(line)
            try store.addPairing(Pairing(coach: carl, learner: ann, secondCoach: dora, since: day("2026-09-01")))
            let old = try TargetCondition(
                learner: eve, focusProcess: "Kitting", condition: "Kits complete at 7:00", achieveBy: day("2026-10-15"),
                createdOn: day("2026-09-15"))
            try store.addTarget(old)
            try store.closeTarget(old.id, as: .achieved, on: day("2026-10-14"), reflection: tricky)
            let target = try TargetCondition(
                learner: ann, focusProcess: "Final assembly", condition: "52 s takt", achieveBy: day("2026-12-18"),
                challenge: line.id, outcomeMetrics: [try Metric(name: "cycle time", target: "≤ 52", unit: "s")],
                processMetrics: [try Metric(name: "stops per shift", target: "0")], createdOn: day("2026-11-02"))
            try store.addTarget(target)
            try store.amendTarget(target.id, on: day("2026-11-09"), text: tricky, processMetrics: [])
            try store.addCondition(
                CurrentCondition(
                    target: target.id, date: day("2026-11-03"), text: tricky,
                    metrics: [try MetricValue(name: "cycle time", value: 58.5, unit: "s")]))
            let now = Date(timeIntervalSince1970: 1_794_000_000)
            try store.logCycle(
                CycleEntry(
                    date: day("2026-11-03"), coach: carl, learner: ann, minutes: 18, actualCondition: tricky,
                    newObstacle: "Screws run out", nextStep: "Kanban card", expected: tricky, goSee: day("2026-11-04")),
                at: now)
            let second = try store.logCycle(
                CycleEntry(
                    date: day("2026-11-04"), coach: carl, learner: ann, secondCoach: dora, minutes: 22,
                    actualCondition: "55 s", happened: "One stop", learned: "Hang the card at 6:45",
                    nextStep: "Hang the card at 6:45", expected: "No stop", goSee: day("2026-11-05")), at: now)
            try store.addObservation(
                Observation(
                    date: day("2026-11-04"), secondCoach: dora, coach: carl, cycle: second.cycle.id, notes: tricky,
                    focus: "Let the learner answer", trigger: "When you want to give the answer"))
            let sink = Collected()
            _ = try store.exportData(.jsonl, to: sink)
            return sink.text
        }

        @Test("an organisation: the same summary and export; again, all unchanged; a dry run writes nothing")
        func organisation() async throws {
            try await Self.withTwins { twins, url in
                let file = try Self.organisation()
                let empty = try await Self.rowCounts(url)
                let dry = await Self.importBoth(twins, file, dryRun: true)
                guard case let .value(counts) = dry else {
                    Issue.record("the dry run failed: \(dry)")
                    return
                }
                #expect(counts.summary.dryRun && counts.summary.totalAdded == file.split(separator: "\n").count)
                #expect(try await Self.rowCounts(url) == empty)
                let first = await Self.importBoth(twins, file)
                #expect(
                    first == .value(Counts(ImportSummary(format: .jsonl, dryRun: false, added: counts.summary.added))))
                #expect(try await Self.exports(twins) == file)
                let second = await Self.importBoth(twins, file)
                #expect(
                    second
                        == .value(Counts(ImportSummary(format: .jsonl, dryRun: false, unchanged: counts.summary.added)))
                )
                // The file's lines in reverse order: every reference comes before its record.
                let reversed = Self.lines(file.split(separator: "\n").reversed().map(String.init))
                #expect(await Self.importBoth(twins, reversed) == second)
                // The same file as a stream of small pieces.
                let pieces = Pieces(Data(file.utf8), size: 37)
                let request = ImportRequest(source: .stream(ImportStream { pieces.take() }), today: Self.today)
                #expect(
                    Counts(try await twins.postgres.importData(request)).summary.unchanged == counts.summary.added)
                // One line changed: a conflict, shown as both have it.
                let changed = file.replacingOccurrences(of: #""name":"Eve""#, with: #""name":"Eve Other""#)
                guard case let .error(message) = await Self.importBoth(twins, changed) else {
                    Issue.record("a conflict was imported")
                    return
                }
                #expect(message.contains("in the database:") && message.contains("in the file:"), "\(message)")
                #expect(try await Self.exports(twins) == file)
            }
        }

        @Test("an organisation into an empty database, in reverse order, gives the export of the file")
        func reversedIntoEmpty() async throws {
            try await Self.withTwins { twins, _ in
                let file = try Self.organisation()
                let reversed = Self.lines(file.split(separator: "\n").reversed().map(String.init))
                #expect(!(await Self.importBoth(twins, reversed).isError))
                #expect(try await Self.exports(twins) == file)
            }
        }

        @Test("a cycles CSV: derived ids and target conditions, repeated rows, steps closed by a later sheet")
        func cycleSheet() async throws {
            try await Self.withTwins { twins, url in
                #expect(!(await Self.importBoth(twins, Self.base).isError))
                let step = "5a000000-0000-4000-8000-0000000000e1"
                let sheet = """
                    date;coach;learner;minutes;step;expected;happened;learned;planned
                    2026-11-10;carl;zoe;15;Try A;"A works; fast";It did;Keep it;
                    2026-11-10;carl;zoe;15;Try A;"A works; fast";It did;Keep it;
                    2026-11-12;carl;zoe;12;Try B;B works;;;\(step)

                    """
                let first = await Self.importBoth(twins, sheet)
                #expect(
                    first
                        == .value(
                            Counts(
                                ImportSummary(
                                    format: .csv, dryRun: false, added: [.cycle: 2, .experiment: 2], repeatedRows: 1))))
                _ = try await Self.exports(twins)
                // A later sheet reviews the open step: it is closed on that day.
                let review = """
                    date,coach,learner,reviewed,step,expected
                    2026-11-14,carl,zoe,\(step),Try C,C works

                    """
                #expect(!(await Self.importBoth(twins, review).isError))
                let export = try await Self.exports(twins)
                #expect(export.contains(#""closedOn":"2026-11-14""#))
                // The same sheets again add nothing; a row for someone unknown is refused alike.
                let counts = try await Self.rowCounts(url)
                #expect(!(await Self.importBoth(twins, sheet).isError))
                #expect(!(await Self.importBoth(twins, review).isError))
                #expect(await Self.importBoth(twins, "date,coach,learner\n2026-11-15,carl,zed\n").isError)
                #expect(try await Self.rowCounts(url) == counts)
            }
        }

        /// Pieces handed out one per call, safe across threads.
        final class Pieces: @unchecked Sendable {
            private let lock = NSLock()
            private var pieces: [Data]

            init(_ data: Data, size: Int) {
                pieces = stride(from: 0, to: data.count, by: size).map {
                    data.subdata(in: $0..<min(data.count, $0 + size))
                }
            }

            func take() -> Data? { lock.withLock { pieces.isEmpty ? nil : pieces.removeFirst() } }
        }
    }
}
