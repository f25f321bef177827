import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import KataStore

/// Review packets (DESIGN §7) as the server makes them, for `GET /api/v1/reviews` and the web
/// app's Reviews page alike: the caller's store makes them (it decides who may have which), and
/// each packet made is written to the audit log, with the period and the opt-ins, before anyone
/// sees it.
///
/// ```swift
/// let collection = try await ReviewPackets.make(request, store: store, accounts: accounts,
///     by: .session(account: "hana"), at: now)
/// ReviewPackets.filename(coach: "ann", period: request.period, format: .csv)  // kata-review-ann-2026-11-01-2026-11-30.csv
/// ```
public enum ReviewPackets {
    /// The packets of `request`, each one in the audit log as made by `source`.
    public static func make(
        _ request: ReviewRequest, store: any KataBackend, accounts: any AccountDirectory, by source: AuditSource,
        at now: Date
    ) async throws -> ReviewCollection {
        let collection = try await store.reviews(request)
        let detail =
            "\(request.period.from)..\(request.period.to) learnerNames=\(request.privacy.learnerNames) "
            + "notes=\(request.privacy.notes)"
        for packet in collection.packets {
            try await accounts.recordAudit(
                AuditEntry(
                    at: now, by: source, kind: "review", record: packet.coach.handle, action: "make", detail: detail))
        }
        return collection
    }

    /// The name a downloaded packet is saved under: the coach's handle (or `all`), the period's
    /// dates and the format's extension, nothing a file system could misread.
    public static func filename(coach: Handle?, period: Period, format: ReviewFormat) -> String {
        let who = coach.map { "review-\($0.rawValue)" } ?? "reviews-all"
        let safe = who.unicodeScalars.map { scalar -> String in
            CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "-_.".unicodeScalars.contains(scalar)
                ? String(scalar) : "_"
        }
        return "kata-\(safe.joined())-\(period.from)-\(period.to).\(format.rawValue)"
    }
}
