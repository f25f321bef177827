import Foundation
import ImprovementKata
import KataInterchange
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
            return try importData(
                from: DataByteSource(data), named: "the import", dryRun: request.dryRun, today: today,
                progress: request.progress)
        case let .stream(stream):
            return try importData(
                from: stream, named: "the import", dryRun: request.dryRun, today: today, progress: request.progress)
        }
    }
}
