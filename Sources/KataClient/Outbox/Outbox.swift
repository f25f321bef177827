import Foundation
import ImprovementKata

/// Records waiting for the server (DESIGN §10.4): a 0700 folder beside the credentials with one
/// 0600 file per entry, named so that a listing sorts oldest first (`000012-<id>.json`).
///
/// Each entry is written to a temporary file and renamed into place, so that a process killed
/// while queueing leaves no half entry: a reader skips the temporary files.
public struct Outbox: Sendable {
    let folder: String

    public init(files: ClientFiles) { folder = files.outbox }

    /// Keeps `entry` after every entry already waiting.
    public func add(_ entry: OutboxEntry) throws {
        if try file(of: entry.id) != nil { throw KataError.duplicate(kind: "outbox entry", reference: entry.id.text) }
        let next = (try names().compactMap { Int($0.prefix(while: \.isNumber)) }.max() ?? 0) + 1
        let name = String(repeating: "0", count: max(0, 6 - String(next).count)) + "\(next)-\(entry.id.text).json"
        try save(entry, as: name)
    }

    /// Every entry, oldest first.
    public func entries() throws -> [OutboxEntry] {
        try names().compactMap { name in
            guard let data = try PrivateFile.read(folder + "/" + name) else { return nil }
            return try? WireJSON.decoder().decode(OutboxEntry.self, from: data)
        }
    }

    /// The entry whose id starts with `prefix` (as `kata outbox list` shows it).
    public func entry(matching prefix: String) throws -> OutboxEntry {
        try record(
            prefix, in: entries(), id: \.id, kind: "outbox entry",
            hint: "'kata outbox list' shows what waits to be sent.")
    }

    /// Removes the entry with `id`; none there is no error (another `kata sync` may have sent it).
    public func remove(_ id: UUID) throws {
        if let name = try file(of: id) { try PrivateFile.remove(folder + "/" + name) }
    }

    /// Replaces the entry with the same id, keeping its place.
    func update(_ entry: OutboxEntry) throws {
        guard let name = try file(of: entry.id) else { return }
        try save(entry, as: name)
    }

    private func save(_ entry: OutboxEntry, as name: String) throws {
        let encoder = WireJSON.encoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        try PrivateFile.write(try encoder.encode(entry), to: folder + "/" + name)
    }

    private func file(of id: UUID) throws -> String? {
        try names().first { $0.hasSuffix("-\(id.text).json") }
    }

    /// The entries' file names in order; temporary files (a write cut short) start with a dot.
    private func names() throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }.sorted()
        } catch {
            throw KataError.failure("cannot read the outbox \(folder): \(error.localizedDescription)")
        }
    }
}

extension UUID {
    /// The id as the wire contract writes it: lower-case.
    var text: String { uuidString.lowercased() }
}
