import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@testable import KataClient

/// A private folder for one test's client files, removed afterwards.
final class ClientFolder {
    let files: ClientFiles
    private let root: URL

    init() {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("kata-client-\(UUID().uuidString)")
        files = ClientFiles(folder: root.appendingPathComponent("config/kata").path)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    /// An outbox in this folder holding `count` new cycle entries, and the entries in order.
    func outbox(holding count: Int) throws -> (Outbox, [OutboxEntry]) {
        let outbox = Outbox(files: files)
        let entries = (0..<count).map { _ in cycleEntry() }
        for entry in entries { try outbox.add(entry) }
        return (outbox, entries)
    }

    /// The permission bits of a file or folder.
    func permissions(_ path: String) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }
}

/// An outbox entry for a cycle with a fresh id.
func cycleEntry(id: UUID = UUID(), queued: Date = Date(timeIntervalSince1970: 1_795_165_200), note: String = "")
    -> OutboxEntry
{
    OutboxEntry(
        id: id, kind: .cycle, path: "/api/v1/cycles",
        body: #"{"id":"\#(id.uuidString.lowercased())","learner":"bo","happened":"\#(note)"}"#, queued: queued)
}

@Suite("the client's files: credentials, cache and outbox")
struct ClientFilesTests {
    @Test("credentials are written 0600 in a 0700 folder, read back and removed")
    func credentialsRoundTrip() throws {
        let folder = ClientFolder()
        let credentials = Credentials(
            server: "https://kata.example.org", token: "kata_" + String(repeating: "ab", count: 32), tokenId: UUID(),
            handle: handle("ann"))
        try credentials.write(to: folder.files)
        #expect(try folder.permissions(folder.files.credentials) == 0o600)
        #expect(try folder.permissions(folder.files.folder) == 0o700)
        #expect(try Credentials.read(from: folder.files) == credentials)
        try Credentials.delete(from: folder.files)
        #expect(try Credentials.read(from: folder.files) == nil)
        try Credentials.delete(from: folder.files)
    }

    @Test("credentials that are not JSON are refused with a message that says what to do")
    func brokenCredentials() throws {
        let folder = ClientFolder()
        try PrivateFile.write(Data("server = x".utf8), to: folder.files.credentials)
        let error = thrownKataError { try Credentials.read(from: folder.files) }
        #expect(error?.description.contains("kata login URL") == true)
    }

    @Test("the cache returns a document with its age, and a fresh answer replaces it")
    func cacheKeepsLatest() throws {
        let folder = ClientFolder()
        let cache = ResponseCache(files: folder.files)
        let fetched = Date(timeIntervalSince1970: 1_795_165_200)
        #expect(try cache.document("due/ann") == nil)
        try cache.store(Data(#"{"learners":["bo"]}"#.utf8), as: "due/ann", fetched: fetched)
        try cache.store(Data(#"{"learner":"bo"}"#.utf8), as: "storyboard/bo", fetched: fetched)
        let kept = try #require(try cache.document("due/ann"))
        #expect(kept.json == #"{"learners":["bo"]}"#)
        #expect(kept.age(at: fetched.addingTimeInterval(3 * 3600)) == 3 * 3600)
        #expect(ResponseCache.Document.describe(age: 3 * 3600 + 59) == "3 hours")
        try cache.store(Data(#"{"learners":[]}"#.utf8), as: "due/ann", fetched: fetched.addingTimeInterval(60))
        #expect(try cache.document("due/ann")?.json == #"{"learners":[]}"#)
        #expect(try cache.document("storyboard/bo")?.json == #"{"learner":"bo"}"#)
        #expect(try folder.permissions(folder.files.cache) == 0o600)
        try cache.clear()
        #expect(try cache.document("storyboard/bo") == nil)
    }

    @Test("the outbox keeps entries in the order they were added, each 0600")
    func outboxKeepsOrder() throws {
        let folder = ClientFolder()
        let (outbox, entries) = try folder.outbox(holding: 12)
        #expect(try outbox.entries() == entries)
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.files.outbox) {
            #expect(try folder.permissions(folder.files.outbox + "/" + name) == 0o600)
        }
    }

    @Test("a write cut short by a killed process leaves a temporary file that the outbox ignores")
    func truncatedWriteIsIgnored() throws {
        let folder = ClientFolder()
        let outbox = Outbox(files: folder.files)
        let first = cycleEntry()
        try outbox.add(first)
        let half = cycleEntry()
        let text = String(decoding: try WireJSON.encoder().encode(half), as: UTF8.self)
        let cut = folder.files.outbox + "/.000002-\(half.id.uuidString.lowercased()).json.1a2b3c4d.tmp"
        try Data(text.prefix(text.count / 2).utf8).write(to: URL(fileURLWithPath: cut))
        #expect(try outbox.entries() == [first])
        let next = cycleEntry()
        try outbox.add(next)
        #expect(try outbox.entries() == [first, next])
    }

    @Test("an entry is found by the first characters of its id; none or several is an error")
    func entryByPrefix() throws {
        let folder = ClientFolder()
        let outbox = Outbox(files: folder.files)
        let entry = cycleEntry()
        try outbox.add(entry)
        let id = entry.id.uuidString.lowercased()
        #expect(try outbox.entry(matching: String(id.prefix(8)).uppercased()) == entry)
        #expect(thrownKataError { try outbox.entry(matching: "zzzz") }?.unknownKind == "outbox entry")
        #expect(thrownKataError { try outbox.entry(matching: "") }?.unknownKind == "outbox entry")
        try outbox.add(cycleEntry(id: UUID(uuidString: id.prefix(8) + "-0000-4000-8000-000000000000")!))
        #expect(
            thrownKataError { try outbox.entry(matching: String(id.prefix(8))) }.map { error in
                if case .ambiguous = error { true } else { false }
            } == true)
        try outbox.remove(entry.id)
        try outbox.remove(entry.id)
        #expect(try outbox.entries().count == 1)
    }

    @Test("the same id is not queued twice")
    func duplicateRefused() throws {
        let folder = ClientFolder()
        let outbox = Outbox(files: folder.files)
        let entry = cycleEntry()
        try outbox.add(entry)
        #expect(thrownKataError { try outbox.add(entry) }?.kind == .conflict)
    }
}
