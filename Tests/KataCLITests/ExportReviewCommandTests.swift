import ArgumentParser
import Foundation
import ImprovementKata
import KataExport
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@testable import KataCLI

/// Runs `kata export review` in process (the command is not registered in `kata` yet).
private func review(_ kata: KataRunner, _ arguments: String...) async -> (code: Int32, message: String) {
    let context = CommandContext(environment: kata.environment, now: kata.now, today: kata.today)
    do {
        let command = try ExportReviewCommand.parse(arguments)
        try await command.run(in: context)
        return (0, context.output.text)
    } catch let error as KataError {
        return (Kata.exitCode(for: error), error.description)
    } catch {
        return (ExportReviewCommand.exitCode(for: error).rawValue, ExportReviewCommand.fullMessage(for: error))
    }
}

@Suite("kata export review")
struct ExportReviewCommandTests {
    @Test("--coach and --all together, or neither, is wrong usage")
    func usage() async throws {
        let kata = try await KataRunner()
        let both = await review(kata, "--coach", "ann", "--all")
        #expect(both.code == 64)
        #expect(both.message.contains("Give either --coach or --all, not both."))
        let neither = await review(kata, "--format", "html")
        #expect(neither.code == 64)
        #expect(neither.message.contains("Give --coach HANDLE"))
        await #expect(review(kata, "--all", "--format", "pdf").code == 64)
    }

    @Test("an unknown coach, or someone who never coached, is invalid data")
    func unknownCoach() async throws {
        let kata = try await KataRunner()
        #expect(await kata.run("person", "add", "nora", "--name", "Nora Never").exitCode == 0)
        let unknown = await review(kata, "--coach", "ghost")
        #expect(unknown.code == 65)
        #expect(unknown.message == "no coach 'ghost'. See 'kata person list'.")
        let never = await review(kata, "--coach", "nora", "--format", "html")
        #expect(never.code == 65)
        #expect(never.message.hasPrefix("Nora Never (nora) has never coached"))
    }

    @Test("an --out in a folder that does not exist is refused before any work, and nothing is written")
    func missingFolder() async throws {
        let kata = try await KataRunner()
        let target = kata.folder.appendingPathComponent("missing/ann.html").path
        let result = await review(kata, "--coach", "ghost", "--format", "html", "--out", target)
        #expect(result.code == 66)
        #expect(result.message.contains("missing does not exist"))
        #expect(!FileManager.default.fileExists(atPath: kata.folder.appendingPathComponent("missing").path))
    }

    @Test("with --all and md or html, an existing file is not a folder")
    func fileForFolder() async throws {
        let kata = try await KataRunner()
        let file = kata.folder.appendingPathComponent("reviews")
        try "x".write(to: file, atomically: true, encoding: .utf8)
        let result = await review(kata, "--all", "--format", "md", "--out", file.path)
        #expect(result.code == 64)
        #expect(result.message.contains("is a file; with --all and this format give a folder"))
    }

    @Test("a file is written whole through a temporary file, private to its owner, replacing an old one")
    func writesFile() async throws {
        let kata = try await KataRunner()
        let path = kata.folder.appendingPathComponent("ann.html").path
        try "old".write(toFile: path, atomically: true, encoding: .utf8)
        let written = try ReviewDestination(path: path, folder: false).write([
            (file: "ignored.html", text: "<p>new</p>")
        ])
        #expect(written == [path])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<p>new</p>")
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: kata.folder.path).filter {
            $0.hasSuffix(".tmp")
        }
        #expect(leftovers.isEmpty)
    }

    @Test("a folder destination gets one file per coach, created private")
    func writesFolder() async throws {
        let kata = try await KataRunner()
        let folder = kata.folder.appendingPathComponent("reviews").path
        let destination = try ReviewDestination(path: folder, folder: true)
        try destination.write([(file: "ann.md", text: "# Ann"), (file: "bob.md", text: "# Bob")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["ann.md", "bob.md"])
        #expect(try String(contentsOfFile: folder + "/bob.md", encoding: .utf8) == "# Bob")
        let mode = try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test("when one file cannot be put in place, none of the files and no temporary is left")
    func failedWrite() async throws {
        let kata = try await KataRunner()
        let folder = kata.folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // A folder of the target's name makes the rename fail after the first file was written.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("bob.md"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("bob.md/inside"), withIntermediateDirectories: true)
        let destination = try ReviewDestination(path: folder.path, folder: true)
        #expect(throws: KataError.self) {
            try destination.write([(file: "ann.md", text: "# Ann"), (file: "bob.md", text: "# Bob")])
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["bob.md"])
    }

    @Test(
        "the default period is the last full calendar quarter",
        arguments: [
            ("2026-11-20", "2026-07-01..2026-09-30"), ("2026-02-10", "2025-10-01..2025-12-31"),
            ("2026-10-01", "2026-07-01..2026-09-30"), ("2026-09-30", "2026-04-01..2026-06-30"),
        ])
    func defaultPeriod(today: String, expected: String) {
        #expect(ExportReviewCommand.lastFullQuarter(before: Day(today)!).description == expected)
    }

    @Test("--out names a folder unless it ends in .md or .html")
    func folderRule() {
        #expect(ReviewFormat.isFolder("reviews"))
        #expect(ReviewFormat.isFolder("reviews/"))
        #expect(!ReviewFormat.isFolder("all.html"))
        #expect(!ReviewFormat.isFolder("All.MD"))
    }
}
