import Foundation
import ImprovementKata
import KataStore

/// The SQLite file as the seam: most operations are the store's own methods (a synchronous method
/// satisfies an `async` requirement); these are the ones whose seam form is a value instead of a
/// closure or a path.
extension SQLiteStore: KataService {
    public func configure(_ change: SettingsChange) throws {
        try configure(
            timeZone: change.timeZone, workweek: change.workweek, addHolidays: change.addHolidays,
            removeHolidays: change.removeHolidays)
    }

    public func editPerson(_ change: PersonChange) throws -> Person {
        try editPerson(change.handle) { person in person = try change.applied(to: person) }
    }

    public func exportData(_ format: InterchangeFormat, to sink: any ExportSink) throws -> Int {
        try exportData(format) { data in try sink.write(data) }
    }

    public func importData(_ request: ImportRequest) throws -> ImportSummary {
        try requireAdmin("import records")
        let today = try request.today ?? settings().today(at: Date())
        switch request.source {
        case let .file(url):
            return try importData(from: url.path, dryRun: request.dryRun, today: today, progress: request.progress)
        case let .bytes(data):
            let spooled = FileManager.default.temporaryDirectory.appendingPathComponent("kata-import-\(UUID())")
            do {
                try data.write(to: spooled, options: .atomic)
            } catch {
                throw KataError.failure("cannot spool the import to \(spooled.path): \(error.localizedDescription)")
            }
            defer { try? FileManager.default.removeItem(at: spooled) }
            return try importData(from: spooled.path, dryRun: request.dryRun, today: today, progress: request.progress)
        }
    }
}
