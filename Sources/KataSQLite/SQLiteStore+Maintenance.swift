import Foundation
import GRDB
import ImprovementKata
import KataStore

extension SQLiteStore {
    /// Copies the database to `path` with SQLite's online backup API.
    ///
    /// The copy is a consistent snapshot even while other processes write. It is private to its owner
    /// (0600) and must not exist yet.
    public func backup(to path: String) throws {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw KataError.usage("\(path) exists already; choose a new file name for the backup.")
        }
        try SQLiteStore.createPrivateFile(at: path)
        do {
            let destination = try DatabaseQueue(path: path)
            try SQLiteStore.translatingErrors { try writer.backup(to: destination) }
            try destination.close()
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
    }

    /// Checks the file (`integrity_check`, `foreign_key_check`) and the kata's own rules; an empty
    /// list means all is well.
    public func check() throws -> [Finding] {
        try requireAdmin("check the record")
        return try read { db in
            var findings: [Finding] = []
            let integrity = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            if integrity != ["ok"] {
                findings += integrity.map { Finding(check: "integrity", detail: $0) }
            }
            for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
                let table: String = row[0]
                let rowid: Int64? = row[1]
                let parent: String = row[2]
                findings.append(
                    Finding(
                        check: "references",
                        detail: "a \(table) record (row \(rowid.map(String.init) ?? "?")) points to a missing \(parent)"
                    ))
            }
            let rules: [(String, String)] = [
                (
                    "one active target condition per learner and focus process",
                    """
                    SELECT learner || ' / ' || focusProcess FROM target WHERE status = 'active'
                    GROUP BY learner, focusProcess HAVING count(*) > 1
                    """
                ),
                (
                    "one obstacle worked at a time",
                    "SELECT target FROM obstacle WHERE status = 'working' GROUP BY target HAVING count(*) > 1"
                ),
                (
                    "one open step at a time",
                    "SELECT target FROM experiment WHERE closedOn IS NULL GROUP BY target HAVING count(*) > 1"
                ),
                (
                    "predictions are recorded before results",
                    "SELECT id FROM experiment WHERE closedAt IS NOT NULL AND closedAt < plannedAt"
                ),
                (
                    "results come after the step is planned",
                    "SELECT id FROM experiment WHERE closedOn IS NOT NULL AND closedOn < plannedOn"
                ),
                (
                    "a cycle reviews a step planned before it",
                    """
                    SELECT cycle.id FROM cycle JOIN experiment ON experiment.id = cycle.reviewed
                    WHERE experiment.plannedOn > cycle.date
                    """
                ),
                (
                    "a cycle's target condition belongs to its learner",
                    "SELECT cycle.id FROM cycle JOIN target ON target.id = cycle.target WHERE target.learner <> cycle.learner"
                ),
                (
                    "steps and obstacles belong to the same target condition",
                    """
                    SELECT experiment.id FROM experiment JOIN obstacle ON obstacle.id = experiment.obstacle
                    WHERE obstacle.target <> experiment.target
                    """
                ),
            ]
            for (rule, sql) in rules {
                for offender in try String.fetchAll(db, sql: sql) {
                    findings.append(Finding(check: rule, detail: offender))
                }
            }
            return findings
        }
    }
}
