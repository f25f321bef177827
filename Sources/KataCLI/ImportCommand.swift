import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// `kata import FILE [--dry-run]`.
struct ImportCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import interchange JSONL, or a cycles CSV from a spreadsheet; all or nothing.",
        discussion: """
            The format is told from the content: a file starting with '{' is interchange JSONL (as \
            written by 'kata export data'); anything else is a cycles CSV with a header row: date, \
            coach, learner, and optionally id, secondCoach, minutes, target, actualCondition, obstacle, \
            reviewed, planned, step, expected, happened, learned, goSee, asExpected (yes, partly or no).

            Records may come in any order. Importing the same file again changes nothing; a record \
            whose id is in the database with other content is a conflict, shown in both versions. One \
            bad line fails the whole import with a message naming the line and the field, and nothing \
            is written.

            A large file (from about 40 MB) is imported with the database to itself when no other \
            kata command has it open: other commands wait for the import to end, up to 30 seconds.

            Examples:
              kata import --dry-run organisation.jsonl
              kata import organisation.jsonl
              kata import cycles.csv
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The file to import: interchange JSONL, or a cycles CSV.")
    var file: String

    @Flag(help: "Check the file and report what would be added, without writing anything.")
    var dryRun = false

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let indicator = ImportProgressIndicator(errors: context.errors, file: file)
        let progress: (@Sendable (ImportProgress) -> Void)? =
            context.outputIsTerminal ? { @Sendable in indicator.show($0) } : nil
        let summary: ImportSummary
        do {
            summary = try await store.importData(
                ImportRequest(
                    source: .file(URL(fileURLWithPath: file)), dryRun: dryRun, today: today, progress: progress))
            indicator.clear()
        } catch {
            indicator.clear()
            throw error
        }
        report(summary, to: context.output)
    }

    private func report(_ summary: ImportSummary, to output: OutputStream) {
        let format = summary.format == .jsonl ? "interchange JSONL" : "cycles CSV"
        let seconds = String(format: "%.2f s", summary.seconds)
        let added = counted(summary.totalAdded, "record", "records")
        let unchanged = summary.totalUnchanged
        if summary.dryRun {
            output.line(
                "Dry run of \(file) (\(format)) in \(seconds): \(added) would be added, \(unchanged) "
                    + "\(unchanged == 1 ? "is" : "are") unchanged. Nothing was written.")
        } else {
            output.line("Imported \(file) (\(format)) in \(seconds): \(added) added, \(unchanged) unchanged.")
        }
        if summary.repeatedRows > 0 {
            output.line(
                "\(counted(summary.repeatedRows, "row repeats", "rows repeat")) an earlier row of the file exactly; "
                    + "each is the same coaching cycle, counted once above.")
        }
        let kinds = InterchangeKind.allCases.filter { summary.added[$0] != nil || summary.unchanged[$0] != nil }
        guard !kinds.isEmpty else {
            output.line("The file holds no records.")
            return
        }
        let listing = Listing(
            columns: ["records", summary.dryRun ? "would add" : "added", "unchanged"],
            rows: kinds.map { kind in
                [kind.plural, String(summary.added[kind] ?? 0), String(summary.unchanged[kind] ?? 0)]
            })
        output.write(listing.text())
    }
}

/// A one-line progress indicator on standard error, redrawn at most a few times a second.
private final class ImportProgressIndicator: @unchecked Sendable {
    private let errors: OutputStream
    private let file: String
    private var lastShown = Date.distantPast
    private var shown = false

    init(errors: OutputStream, file: String) {
        self.errors = errors
        self.file = file
    }

    func show(_ progress: ImportProgress) {
        let now = Date()
        guard now.timeIntervalSince(lastShown) >= 0.2 else { return }
        lastShown = now
        shown = true
        let share =
            progress.totalBytes > 0 && progress.bytesRead > 0 ? String(format: " %3.0f%%", progress.fraction * 100) : ""
        errors.write("\rImporting \(file):\(share) \(progress.records) records")
    }

    func clear() {
        guard shown else { return }
        errors.write("\r\u{1B}[K")
        shown = false
    }
}

/// "1 record", "2 records": a count with its noun in the right number.
func counted(_ count: Int, _ one: String, _ many: String) -> String {
    "\(count) \(count == 1 ? one : many)"
}
