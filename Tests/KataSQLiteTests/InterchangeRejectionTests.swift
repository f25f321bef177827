import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import Testing

@Suite("Interchange lines that are refused")
struct InterchangeRejectionTests {
    typealias F = InterchangeFixture

    /// A bad line and what the message must say about it.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var line: String
        var says: [String]
        var testDescription: String { name }
    }

    static let annTarget = "5a000000-0000-4000-8000-000000000001"

    static let cases: [Case] = [
        Case(
            name: "malformed JSON", line: #"{"kind":"person","handle":"zoe","name":"Zoe""#,
            says: ["line 3:", "not valid JSON"]),
        Case(name: "not an object", line: #"["person","zoe"]"#, says: ["line 3:", "not a JSON object"]),
        Case(name: "unknown kind", line: #"{"kind":"robot","id":"x"}"#, says: ["line 3: field 'kind'", "'robot'"]),
        Case(name: "missing kind", line: #"{"handle":"zoe","name":"Zoe"}"#, says: ["line 3: field 'kind'", "missing"]),
        Case(
            name: "unknown field", line: #"{"kind":"person","handle":"zoe","name":"Zoe","shoeSize":42}"#,
            says: ["line 3: field 'shoeSize'", "not a field of a person"]),
        Case(
            name: "unknown field set to null", line: #"{"kind":"person","handle":"zoe","name":"Zoe","nickname":null}"#,
            says: ["line 3: field 'nickname'"]),
        Case(
            name: "unknown field in a metric",
            line:
                #"{"kind":"target","id":"5a000000-0000-4000-8000-000000000009","learner":"zoe","focusProcess":"P","condition":"C","achieveBy":"2026-12-01","outcomeMetrics":[{"name":"m","goal":"3"}]}"#,
            says: ["line 3: field 'outcomeMetrics[0].goal'"]),
        Case(
            name: "missing required field",
            line: #"{"kind":"pairing","id":"5a000000-0000-4000-8000-000000000002","coach":"carl","learner":"zoe"}"#,
            says: ["line 3: field 'since'", "missing"]),
        Case(
            name: "required field null", line: #"{"kind":"person","handle":"zoe","name":null}"#,
            says: ["line 3: field 'name'", "null"]),
        Case(
            name: "blank required text", line: #"{"kind":"person","handle":"zoe","name":"  "}"#,
            says: ["line 3: field 'name'", "blank"]),
        Case(
            name: "impossible date",
            line:
                #"{"kind":"pairing","id":"5a000000-0000-4000-8000-000000000002","coach":"carl","learner":"zoe","since":"2026-02-30"}"#,
            says: ["line 3: field 'since'", "'2026-02-30'"]),
        Case(
            name: "minutes as words",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"carl","learner":"zoe","minutes":"twenty"}"#,
            says: ["line 3: field 'minutes'", "\"twenty\"", "whole number"]),
        Case(
            name: "minutes with a fraction",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"carl","learner":"zoe","minutes":12.5}"#,
            says: ["line 3: field 'minutes'", "12.5"]),
        Case(
            name: "minutes out of range",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"carl","learner":"zoe","minutes":2000}"#,
            says: ["line 3: field 'minutes'", "'2000'"]),
        Case(
            name: "bad handle", line: #"{"kind":"person","handle":"Zoe Lee","name":"Zoe"}"#,
            says: ["line 3: field 'handle'", "'Zoe Lee'"]),
        Case(
            name: "bad id", line: #"{"kind":"challenge","id":"42","title":"T"}"#,
            says: ["line 3: field 'id'", "'42'", "UUID"]),
        Case(
            name: "unknown person",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"carl","learner":"zed"}"#,
            says: ["line 3: field 'learner': no person 'zed'"]),
        Case(
            name: "unknown record",
            line:
                #"{"kind":"condition","id":"5a000000-0000-4000-8000-000000000004","target":"5a000000-0000-4000-8000-0000000000ff","date":"2026-11-10","text":"t"}"#,
            says: ["line 3: field 'target': no target condition '5a000000-0000-4000-8000-0000000000ff'"]),
        Case(
            name: "unknown manager", line: #"{"kind":"person","handle":"yan","name":"Yan","reportsTo":"nobody"}"#,
            says: ["line 3: field 'reportsTo': no person 'nobody'"]),
        Case(
            name: "two active target conditions for one learner and focus process",
            line:
                #"{"kind":"target","id":"5a000000-0000-4000-8000-000000000005","learner":"zoe","focusProcess":"Welding","condition":"Other","achieveBy":"2026-12-01","createdOn":"2026-11-01"}"#,
            says: ["line 3: field 'status'", "already has an active target condition", "'Welding'", annTarget]),
        Case(
            name: "two working obstacles on one target condition",
            line:
                #"{"kind":"obstacle","id":"5a000000-0000-4000-8000-000000000006","target":"\#(annTarget)","text":"B","status":"working","createdOn":"2026-11-02"}"#,
            says: ["line 3: field 'status'", "being worked already"]),
        Case(
            name: "a cycle toward another learner's target condition",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"zoe","learner":"carl","target":"\#(annTarget)"}"#,
            says: ["line 3: field 'target'", "zoe's, not carl's"]),
        Case(
            name: "a coaching cycle dated after today",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-22","coach":"carl","learner":"zoe"}"#,
            says: [
                "line 3: field 'date': the date 2026-11-22 is after today (2026-11-20): "
                    + "record a coaching cycle once it has happened."
            ]),
        Case(
            name: "an observation dated after today",
            line:
                #"{"kind":"observation","id":"5a000000-0000-4000-8000-00000000000b","date":"2026-11-21","secondCoach":"carl","coach":"zoe"}"#,
            says: [
                "line 3: field 'date': the date 2026-11-21 is after today (2026-11-20): "
                    + "record an observation once it has happened."
            ]),
        Case(
            name: "a current condition dated after today",
            line:
                #"{"kind":"condition","id":"5a000000-0000-4000-8000-00000000000c","target":"\#(annTarget)","date":"2027-01-01","text":"t"}"#,
            says: [
                "line 3: field 'date': the date 2027-01-01 is after today (2026-11-20): "
                    + "record a current condition once it has happened."
            ]),
        Case(
            name: "a metric value too close to zero to keep",
            line:
                #"{"kind":"condition","id":"5a000000-0000-4000-8000-00000000000c","target":"\#(annTarget)","date":"2026-11-10","text":"t","metrics":[{"name":"x","value":1e-400}]}"#,
            says: ["line 3: field 'metrics[0].value': 1e-400 is too close to zero"]),
        Case(
            name: "a property given twice in a line that is not JSON",
            line: #"{"kind":"person","handle":"zoe","handle":"zed", x"#, says: ["line 3:", "not valid JSON"]),
        Case(
            name: "a setting that is not one of the calendar's",
            line: #"{"kind":"setting","key":"colour","value":"blue"}"#, says: ["line 3: field 'key'", "'colour'"]),
        Case(
            name: "a time zone that does not exist",
            line: #"{"kind":"setting","key":"timeZone","value":"Mars/Olympus"}"#,
            says: ["line 3: field 'value'", "'Mars/Olympus'"]),
        Case(
            name: "reporting to oneself", line: #"{"kind":"person","handle":"yan","name":"Yan","reportsTo":"yan"}"#,
            says: ["line 3:", "cannot report to themselves"]),
        Case(
            name: "a coach coaching themselves",
            line:
                #"{"kind":"cycle","id":"5a000000-0000-4000-8000-000000000003","date":"2026-11-10","coach":"zoe","learner":"zoe"}"#,
            says: ["line 3:", "cannot coach themselves"]),
        Case(
            name: "a walk at a learner nobody is",
            line:
                #"{"kind":"walk","id":"5a000000-0000-4000-8000-0000000000b1","walker":"carl","date":"2026-11-10","learners":["zed"]}"#,
            says: ["line 3: field 'learners'", "no person 'zed'"]),
        Case(
            name: "a walk at no one's storyboard",
            line:
                #"{"kind":"walk","id":"5a000000-0000-4000-8000-0000000000b1","walker":"carl","date":"2026-11-10","learners":[]}"#,
            says: ["line 3: field 'learners'", "at least one learner"]),
        Case(
            name: "a walk to the walker's own storyboard",
            line:
                #"{"kind":"walk","id":"5a000000-0000-4000-8000-0000000000b1","walker":"carl","date":"2026-11-10","learners":["carl"]}"#,
            says: ["line 3:", "cannot walk to their own storyboard"]),
        Case(
            name: "a walk with a mode outside the list",
            line:
                #"{"kind":"walk","id":"5a000000-0000-4000-8000-0000000000b1","walker":"carl","date":"2026-11-10","learners":["zoe"],"mode":"maybe"}"#,
            says: ["line 3: field 'mode'", "'maybe'"]),
        Case(
            name: "a walk dated after today",
            line:
                #"{"kind":"walk","id":"5a000000-0000-4000-8000-0000000000b1","walker":"carl","date":"2026-11-23","learners":["zoe"]}"#,
            says: ["line 3: field 'date'", "after today"]),
        Case(
            name: "a walk plan of no weeks", line: #"{"kind":"walkPlan","walker":"carl","every":"0w"}"#,
            says: ["line 3: field 'every'", "'0w'"]),
        Case(
            name: "a walk plan of nobody", line: #"{"kind":"walkPlan","walker":"karl","every":"1w"}"#,
            says: ["line 3: field 'walker'", "no person 'karl'"]),
    ]

    /// A database with carl, and zoe (who reports to carl) working toward a target condition
    /// with a working obstacle, made by an import.
    private func base() throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try F.importFile(
            F.file([
                #"{"kind":"person","handle":"carl","name":"Carl"}"#,
                #"{"kind":"person","handle":"zoe","name":"Zoe","reportsTo":"carl"}"#,
                #"{"kind":"target","id":"\#(Self.annTarget)","learner":"zoe","focusProcess":"Welding","condition":"C","achieveBy":"2026-12-01","createdOn":"2026-11-01"}"#,
                #"{"kind":"obstacle","id":"5a000000-0000-4000-8000-000000000007","target":"\#(Self.annTarget)","text":"A","status":"working","createdOn":"2026-11-01"}"#,
            ]), into: store)
        return store
    }

    @Test("a bad line fails the whole import with its line and field, and nothing is written", arguments: cases)
    func refused(bad: Case) throws {
        let store = try base()
        let before = try F.export(store)
        let good = [
            #"{"kind":"person","handle":"newcomer","name":"New Comer"}"#,
            #"{"kind":"challenge","id":"5a000000-0000-4000-8000-000000000008","title":"Flow"}"#,
        ]
        let path = try F.file(good + [bad.line, #"{"kind":"person","handle":"after","name":"After"}"#])
        let message = try #require(F.message { try F.importFile(path, into: store) })
        for fragment in bad.says {
            #expect(message.contains(fragment), "\(message)")
        }
        #expect(message.hasPrefix("import.jsonl line 3"), "\(message)")
        #expect(try F.export(store) == before)
    }

    @Test("a reference to a record that never comes is reported at the end, with its line")
    func missingReferenceAfterAll() throws {
        let store = try base()
        let path = try F.file([
            #"{"kind":"experiment","id":"5a000000-0000-4000-8000-00000000000a","target":"5a000000-0000-4000-8000-0000000000aa","step":"S","plannedOn":"2026-11-10"}"#,
            #"{"kind":"person","handle":"later","name":"Later"}"#,
        ])
        let message = F.message { try F.importFile(path, into: store) }
        #expect(
            message?.hasPrefix("import.jsonl line 1: field 'target': no target condition") == true, "\(message ?? "")")
        #expect(try store.person(F.handle("later")) == nil)
    }

    @Test("reporting lines and challenges that go round in a loop are refused, naming the line")
    func loops() throws {
        let store = try base()
        let before = try F.export(store)
        let people = try F.file([
            #"{"kind":"person","handle":"xia","name":"Xia","reportsTo":"yan"}"#,
            #"{"kind":"person","handle":"yan","name":"Yan","reportsTo":"xia"}"#,
        ])
        let message = F.message { try F.importFile(people, into: store) }
        #expect(
            message
                == "import.jsonl line 1: field 'reportsTo': the reporting line xia → yan → xia goes round in a loop; someone in it must report to a person outside it, or to nobody."
        )
        let challenges = try F.file([
            #"{"kind":"challenge","id":"5a000000-0000-4000-8000-0000000000c1","title":"A","parent":"5a000000-0000-4000-8000-0000000000c2"}"#,
            #"{"kind":"challenge","id":"5a000000-0000-4000-8000-0000000000c2","title":"B","parent":"5a000000-0000-4000-8000-0000000000c1"}"#,
        ])
        #expect(F.message { try F.importFile(challenges, into: store) }?.contains("line 1: field 'parent'") == true)
        #expect(try F.export(store) == before)
    }

    @Test("a file that does not exist is KataError.fileNotFound")
    func missingFile() throws {
        let store = try SQLiteStore.inMemory()
        #expect(
            throws: KataError.fileNotFound(path: "/nonexistent/x.jsonl", hint: "Check the path of the file to import.")
        ) {
            try F.importFile("/nonexistent/x.jsonl", into: store)
        }
    }

    @Test("null for an optional field is the same as leaving it out")
    func nullIsAbsent() throws {
        let store = try base()
        let path = try F.file([
            #"{"kind":"cycle","id":"5a000000-0000-4000-8000-0000000000d1","date":"2026-11-10","coach":"carl","learner":"zoe","secondCoach":null,"minutes":null}"#
        ])
        #expect(try F.importFile(path, into: store).added == [.cycle: 1])
        let cycle = try #require(store.cycles().first)
        #expect(cycle.secondCoach == nil && cycle.minutes == nil)
    }

    @Test("blank lines and CRLF line ends are fine; a UTF-8 byte order mark is skipped")
    func lineEnds() throws {
        let store = try SQLiteStore.inMemory()
        let text =
            "\u{FEFF}" + #"{"kind":"person","handle":"carl","name":"Carl"}"# + "\r\n\r\n   \n"
            + #"{"kind":"person","handle":"zoe","name":"Zoe"}"# + "\r\n"
        let summary = try F.importFile(F.file(Data(text.utf8)), into: store)
        #expect(summary.format == .jsonl)
        #expect(summary.added[.person] == 2)
    }
}
