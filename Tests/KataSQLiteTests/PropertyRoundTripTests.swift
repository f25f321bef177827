import Foundation
import GRDB
import ImprovementKata
import KataDemo
import KataSQLite
import KataStore
import KataTestSupport
import Testing

/// Random valid organisations (a small demo plant of random size, seed and end day, plus people,
/// cycles and observations with random text added through the store) exported, imported into an
/// empty database and exported again give the same bytes; importing the export again changes
/// nothing. A failing case names its seed.
@Suite("property: export, import, export")
struct PropertyRoundTripTests {
    /// Code points that are hard to write as JSON or keep as UTF-8: quotes, backslashes, control
    /// characters, separators, right-to-left marks, combining marks, emoji, the ends of Unicode.
    static let alphabet: [Unicode.Scalar] =
        Array("aZ9 ,;:'\"\\/{}[]=+-".unicodeScalars) + [
            "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{D}", "\u{1B}", "\u{1F}", "\u{7F}", "\u{85}", "\u{A0}", "\u{E9}",
            "\u{301}", "\u{5D0}", "\u{627}", "\u{200B}", "\u{200E}", "\u{200F}", "\u{2028}", "\u{2029}", "\u{202E}",
            "\u{FEFF}", "\u{FFFD}", "\u{FFFF}", "\u{1F389}", "\u{1F3FD}", "\u{10FFFF}",
        ]

    /// Text of 1 to `length` code points, with at least one letter so that it is never blank.
    static func text(_ random: inout SeededGenerator, length: Int = 40) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.append("k")
        for _ in 0..<Int.random(in: 0..<length, using: &random) {
            scalars.append(alphabet.randomElement(using: &random)!)
        }
        return String(scalars)
    }

    static let seeds: [UInt64] = Array(1...40)

    @Test("gives the same bytes and changes nothing on a second import", arguments: seeds)
    func roundTrip(_ seed: UInt64) async throws {
        var random = SeededGenerator(seed: seed)
        let store = try await Self.organisation(&random)
        let first = try Self.export(store)

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kata-property-\(UUID())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("export.jsonl")
        try first.write(to: file)

        let copy = try SQLiteStore.inMemory()
        // After every date of the organisation (which ends up to 2030-12-14): nothing is in the future.
        let today = Day("2031-01-01")!
        let summary = try copy.importData(from: file.path, today: today)
        // A setting the empty database has already counts as unchanged.
        #expect(
            summary.totalAdded + summary.totalUnchanged == first.split(separator: UInt8(ascii: "\n")).count,
            "seed \(seed)")
        #expect(try copy.settings() == store.settings(), "seed \(seed): the calendar came along")
        let second = try Self.export(copy)
        #expect(
            second == first, "seed \(seed): the second export differs at byte \(Self.firstDifference(first, second))")

        let again = try copy.importData(from: file.path, today: today)
        #expect(again.totalAdded == 0, "seed \(seed)")
        #expect(try Self.export(copy) == first, "seed \(seed)")
        #expect(try copy.check().isEmpty, "seed \(seed)")
    }

    static func export(_ store: SQLiteStore) throws -> Data {
        var data = Data()
        try store.exportData(.jsonl) { data.append($0) }
        return data
    }

    static func firstDifference(_ first: Data, _ second: Data) -> Int {
        zip(first, second).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(first.count, second.count)
    }

    /// A demo plant of random size, seed and end day (leap years and year ends included), with
    /// random people, cycles and observations added.
    static func organisation(_ random: inout SeededGenerator) async throws -> SQLiteStore {
        let store = try SQLiteStore.inMemory()
        try store.configure(timeZoneUnlessSet: "UTC")
        let zones = ["Europe/Berlin", "America/Chicago", "Asia/Kolkata", "Pacific/Chatham", "UTC"]
        let workweek = Set(Weekday.allCases.filter { _ in Bool.random(using: &random) })
        try store.configure(
            timeZone: zones.randomElement(using: &random), workweek: workweek.isEmpty ? nil : workweek)
        let today = Day(year: 2020, month: 1, day: 1)!.adding(days: Int.random(in: 0...4_000, using: &random))
        try await DemoOrganisation.generate(
            into: store, coaches: Int.random(in: 1...5, using: &random), days: Int.random(in: 1...90, using: &random),
            seed: random.next(), endingOn: today)
        let handles = try await store.people().map(\.handle)
        var added: [Handle] = []
        for number in 0..<Int.random(in: 0...4, using: &random) {
            let person = try Person(
                handle: Handle(validating: "x\(number)"), name: text(&random),
                unit: random.chance(0.5) ? text(&random) : nil, reportsTo: handles.randomElement(using: &random),
                email: random.chance(0.3) ? text(&random, length: 10) : nil, active: random.chance(0.8))
            try store.addPerson(person)
            added.append(person.handle)
        }
        let everyone = handles + added
        guard everyone.count >= 2 else { return store }
        for _ in 0..<Int.random(in: 0...12, using: &random) {
            let pair = Array(everyone.shuffled(using: &random).prefix(2))
            let day = today.adding(days: -Int.random(in: 0...100, using: &random))
            let entry = CycleEntry(
                date: day, coach: pair[0], learner: pair[1],
                minutes: random.chance(0.7) ? Int.random(in: 0...1_440, using: &random) : nil,
                actualCondition: random.chance(0.8) ? text(&random, length: 200) : nil)
            // A learner with several target conditions needs one named: such a cycle is left out.
            guard
                let logged = try? store.logCycle(entry, id: UUID(uuid: random.uuid), at: Date(timeIntervalSince1970: 0))
            else { continue }
            if random.chance(0.5), let watcher = everyone.first(where: { !pair.contains($0) }) {
                try store.addObservation(
                    Observation(
                        id: UUID(uuid: random.uuid), date: day, secondCoach: watcher, coach: pair[0],
                        cycle: logged.cycle.id, notes: text(&random), focus: text(&random), trigger: text(&random)))
            }
        }
        return store
    }
}

extension SeededGenerator {
    /// Sixteen random bytes for a UUID.
    fileprivate var uuid: uuid_t {
        mutating get {
            let (high, low) = (next(), next())
            return withUnsafeBytes(of: (high, low)) { bytes in
                (
                    bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], 0x40 | (bytes[6] & 0x0F), bytes[7],
                    0x80 | (bytes[8] & 0x3F), bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
                )
            }
        }
    }
}
