import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

/// `kata export data [--format jsonl|csv] [--out FILE]`.
struct ExportDataCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Write every record in the interchange format, or the coaching cycles as a CSV.",
        discussion: """
            jsonl (the default) is the interchange format: one JSON object per line, people first, \
            then challenges, pairings, target conditions, current conditions, obstacles, experiments, \
            coaching cycles and observations, each in order of its key. 'kata import' reads it back, \
            on this machine or another; Schema/JSON/interchange-v1.schema.json describes it.

            csv is the cycles CSV: one coaching cycle per row with the step it planned, for a \
            spreadsheet.

            Without --out the data goes to standard output. A file written with --out is private to \
            you (mode 0600), as it holds personal data, and appears only once complete.

            Examples:
              kata export data --out kata-2026-11-20.jsonl
              kata export data --format csv --out cycles.csv
              kata export data | gzip > backup.jsonl.gz
            """)

    /// The formats of `--format`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case jsonl, csv

        var interchange: InterchangeFormat { self == .jsonl ? .jsonl : .csv }
    }

    @OptionGroup var global: GlobalOptions

    @Option(
        parsing: .unconditional,
        help: "jsonl (default): every record, one JSON object per line; csv: the coaching cycles, one per row.")
    var format: Format = .jsonl

    @Option(
        parsing: .unconditional, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")
    )
    var out: String?

    func run(in context: CommandContext) async throws {
        let store = try await global.openStore(context)
        guard let out else {
            _ = try await store.exportData(format.interchange, to: OutputSink(output: context.output))
            return
        }
        let count = try await writePrivateFile(out) { sink in try await store.exportData(format.interchange, to: sink) }
        let what = format == .jsonl ? "records" : "coaching cycles"
        context.output.line("Exported \(count) \(what) to \(out).")
    }
}

/// Writes the file at `path` private to its owner (mode 0600) through a temporary file in the same
/// folder, renamed into place once complete: a reader never sees half a file, and a failed write
/// leaves any earlier file as it was.
func writePrivateFile<T>(_ path: String, _ body: (FileSink) async throws -> T) async throws -> T {
    let url = URL(fileURLWithPath: path)
    let folder = url.deletingLastPathComponent().path
    var template = Array((folder + "/." + url.lastPathComponent + ".XXXXXX").utf8CString)
    let descriptor = mkstemp(&template)
    guard descriptor >= 0 else {
        throw KataError.failure("cannot write in \(folder): \(String(cString: strerror(errno))).")
    }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    fchmod(descriptor, 0o600)
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do {
        let result = try await body(FileSink(handle: handle))
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else {
            throw KataError.failure("cannot write \(path): \(String(cString: strerror(errno))).")
        }
        return result
    } catch {
        unlink(temporary)
        if let error = error as? KataError { throw error }
        throw KataError.failure("cannot write \(path): \(error.localizedDescription)")
    }
}

/// An export written to the terminal or a test's buffer.
struct OutputSink: ExportSink {
    let output: OutputStream

    func write(_ data: Data) {
        // Pieces end at a line end, so each one is whole UTF-8 text.
        output.write(String(decoding: data, as: UTF8.self))
    }
}

/// An export written to an open file.
struct FileSink: ExportSink, @unchecked Sendable {
    /// Written from one thread at a time, in order (ExportSink's promise).
    let handle: FileHandle

    func write(_ data: Data) throws { try handle.write(contentsOf: data) }
}
