import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import KataTestSupport
import Testing

@Suite("JSON review packet")
struct ReviewJSONRendererTests {
    @Test("a packet reads back as the same packet, with nulls written out")
    func roundTrip() throws {
        let packet = ReviewSample.packet()
        let json = try ReviewJSONRenderer.render(packet)
        #expect(json.hasPrefix("{\n"))
        #expect(json.contains("\"format\" : \"kata-review/1\""))
        #expect(json.contains("\"generatedAt\" : \"2026-11-20T09:00:00Z\""))
        #expect(json.contains("\"notes\" : null"))
        #expect(json.contains("\"handle\" : null"))
        #expect(json.contains("\"condition\" : null"))
        var decoded = try JSONDecoder().decode(ReviewPacket.self, from: Data(json.utf8))
        #expect(decoded.practiceWithDays == packet.practice)
        decoded.practice = packet.practice
        #expect(decoded == packet)
    }

    @Test("the same packet gives the same bytes")
    func deterministic() throws {
        let packet = ReviewSample.packet()
        #expect(try ReviewJSONRenderer.render(packet) == ReviewJSONRenderer.render(packet))
    }

    @Test("an --all document made packet by packet is the collection encoded whole, byte for byte")
    func allPacketByPacket() throws {
        let hostile = ReviewSample.packet(
            coach: "bo", learner: "<b>\n\"x\"</b> ü", notes: "Two\nLines ]", condition: "\"packets\" : [",
            privacy: ReviewPrivacy(learnerNames: true, notes: true))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for packets in [[], [ReviewSample.packet()], [ReviewSample.packet(), hostile, ReviewSample.emptyPacket()]] {
            let collection = ReviewSample.collection(packets)
            let whole = String(decoding: try encoder.encode(collection), as: UTF8.self) + "\n"
            #expect(try ReviewJSONRenderer.render(collection) == whole, "\(packets.count) packet(s)")
        }
    }

    @Test("packets and --all documents validate against Schema/JSON/review-v1.schema.json")
    func schema() async throws {
        let hostile = ReviewSample.packet(
            name: "=HYPERLINK(\"http://x\",\"y\")", unit: nil, learner: "<img src=x onerror=alert(1)>",
            notes: "Two\nLines", condition: "\"quotes\"", privacy: ReviewPrivacy(learnerNames: true, notes: true))
        var cut = ReviewSample.packet()
        cut.period.until = Day("2026-09-15")
        cut.targetConditions[1].later = LaterOutcome(status: "achieved", closedOn: Day("2026-10-09")!)
        let valid = [
            "cut": try ReviewJSONRenderer.render(cut),
            "packet": try ReviewJSONRenderer.render(ReviewSample.packet()),
            "hostile": try ReviewJSONRenderer.render(hostile),
            "empty": try ReviewJSONRenderer.render(ReviewSample.emptyPacket()),
            "all": try ReviewJSONRenderer.render(ReviewSample.collection([ReviewSample.packet(), hostile])),
            "none": try ReviewJSONRenderer.render(ReviewSample.collection([])),
        ]
        let packet = try ReviewJSONRenderer.render(ReviewSample.packet())
        let invalid = [
            "wrongFormat": packet.replacingOccurrences(of: "kata-review/1", with: "kata-review/2"),
            "noPurpose": packet.replacingOccurrences(of: "\"purpose\" :", with: "\"porpoise\" :"),
            "badStatus": packet.replacingOccurrences(of: "\"achieved\"", with: "\"finished\""),
            "badDate": packet.replacingOccurrences(of: "2026-07-28", with: "28.07.2026"),
            "laterActive": try ReviewJSONRenderer.render(cut).replacingOccurrences(
                of: "\"status\" : \"achieved\"\n      },", with: "\"status\" : \"active\"\n      },"),
        ]
        #expect(invalid["laterActive"] != valid["cut"])
        let errors = try await validate(valid.merging(invalid) { first, _ in first })
        for name in valid.keys {
            #expect(errors[name] == [], "\(name): \(errors[name] ?? [])")
        }
        for name in invalid.keys {
            #expect(errors[name]?.isEmpty == false, "\(name) should not validate")
        }
    }

    /// Validates each document with python3's jsonschema (draft 2020-12); returns the errors by name.
    private func validate(_ documents: [String: String]) async throws -> [String: [String]] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let schema = root.appendingPathComponent("Schema/JSON/review-v1.schema.json")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kata-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String: String] = [:]
        for (name, text) in documents {
            let file = folder.appendingPathComponent("\(name).json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            paths[file.path] = name
        }
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                print("python3 has no jsonschema module; install it with: pip install jsonschema")
                sys.exit(3)
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            validator = jsonschema.Draft202012Validator(schema)
            print(json.dumps({path: [e.message for e in validator.iter_errors(json.load(open(path)))][:5]
                for path in sys.argv[2:]}))
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schema.path] + paths.keys.sorted()
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = try await onOwnThread {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return data
        }
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0,
            let results = try? JSONDecoder().decode([String: [String]].self, from: data)
        else {
            Issue.record("schema validation needs python3 with the jsonschema module: \(text)")
            return [:]
        }
        return Dictionary(uniqueKeysWithValues: results.map { (paths[$0.key] ?? $0.key, $0.value) })
    }
}
