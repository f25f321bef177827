import Foundation
import KataTestSupport
import Testing

@Suite("The interchange JSON Schema")
struct ImportExportSchemaTests {
    /// Schema/JSON/interchange-v1.schema.json in the package.
    static let schema = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Schema/JSON/interchange-v1.schema.json").path

    /// Checks the schema itself, then each line of the file; exits 3 without the jsonschema module.
    static let validator = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("the Python module jsonschema is missing; install it with: pip install jsonschema")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        invalid = 0
        for number, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
            if line.strip():
                errors = list(validator.iter_errors(json.loads(line)))
                if errors:
                    invalid += 1
                    print("line %d: %s" % (number, errors[0].message[:300]))
        print("%d invalid" % invalid)
        sys.exit(1 if invalid else 0)
        """

    /// Validates the JSONL file at `path`; the exit code of the validator and what it printed.
    private func validate(_ path: String) async throws -> (code: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.validator, Self.schema, path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = try await onOwnThread {
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            return text
        }
        if process.terminationStatus == 3 || process.terminationStatus == 127 {
            Issue.record("python3 with the jsonschema module is needed to check the schema: \(output)")
        }
        return (process.terminationStatus, output)
    }

    @Test("what 'kata export data' writes validates against Schema/JSON/interchange-v1.schema.json")
    func exportValidates() async throws {
        let kata = try await KataRunner()
        #expect(await kata.run("import", try ImportExportFixture.file(kata)).exitCode == 0)
        #expect(await kata.run("person", "add", "fay", "--name", "Fay \"F\" Ó", "--unit", "Paint").exitCode == 0)
        let walk = [
            "walk", "--walker", "carl", "--learner", "ann", "--learner", "eve", "--mode", "go-see", "--with", "dora",
        ]
        #expect(await kata.run(walk + ["--learned", "Reads \"the\" chart"]).exitCode == 0)
        #expect(await kata.run("walk", "plan", "--walker", "carl", "--every", "2w").exitCode == 0)
        let path = kata.folder.appendingPathComponent("export.jsonl").path
        #expect(await kata.run("export", "data", "--out", path).exitCode == 0)
        let (code, output) = try await validate(path)
        #expect(code == 0, "\(output)")
        #expect(output.hasSuffix("0 invalid\n"))
    }

    @Test("the schema refuses what the import refuses: unknown kinds and fields, missing fields, malformed values")
    func schemaRefuses() async throws {
        let kata = try await KataRunner()
        let path = try ImportExportFixture.file(
            kata,
            [
                #"{"kind":"person","handle":"zoe","name":"Zoe"}"#,
                #"{"kind":"robot","handle":"zoe","name":"Zoe"}"#,
                #"{"kind":"person","handle":"zoe","name":"Zoe","shoeSize":42}"#,
                #"{"kind":"person","handle":"zoe"}"#,
                #"{"kind":"person","handle":"Zoe Lee","name":"Zoe"}"#,
                #"{"kind":"pairing","id":"7a000000-0000-4000-8000-000000000003","coach":"a","learner":"b","since":"3 Nov 2026"}"#,
                #"{"kind":"cycle","id":"7a000000-0000-4000-8000-000000000003","date":"2026-11-03","coach":"a","learner":"b","minutes":"twenty"}"#,
                #"{"kind":"target","id":"7a000000-0000-4000-8000-000000000004","learner":"a","focusProcess":"P","condition":"C","achieveBy":"2026-12-01","outcomeMetrics":[{"name":"m","goal":"1"}]}"#,
                #"{"kind":"walk","id":"7a000000-0000-4000-8000-000000000005","walker":"a","date":"2026-11-03","learners":["b","c"],"mode":"go-see","with":"d"}"#,
                #"{"kind":"walkPlan","walker":"a","every":"2w","since":"2026-11-02"}"#,
                #"{"kind":"walk","id":"7a000000-0000-4000-8000-000000000006","walker":"a","date":"2026-11-03","learners":[]}"#,
                #"{"kind":"walk","id":"7a000000-0000-4000-8000-000000000007","walker":"a","date":"2026-11-03","learners":["b"],"mode":"maybe"}"#,
                #"{"kind":"walkPlan","walker":"a","every":"0w"}"#,
            ], name: "bad.jsonl")
        let (code, output) = try await validate(path)
        #expect(code == 1)
        #expect(output.hasSuffix("10 invalid\n"), "\(output)")
        #expect(!output.contains("line 1:"))
        #expect(!output.contains("line 9:") && !output.contains("line 10:"), "\(output)")
    }
}
