import Foundation
import ImprovementKata

/// An upload kept in a folder only the server's user can read (0700, the file 0600), removed
/// after the import: by `POST /api/v1/import` for the one request, by the web app's import page
/// until the admin confirms the dry run.
///
/// ```swift
/// let spool = try SpoolFile()
/// defer { spool.remove() }
/// try spool.append(data)
/// try spool.close()
/// … ImportRequest(source: .file(spool.url)) …
/// ```
///
/// One writer at a time: it is appended to by the request that receives the upload, and only
/// read (as a file) or removed after `close`.
package final class SpoolFile: @unchecked Sendable {
    /// The largest upload taken (DESIGN §10.1): by the API's import and the web app's import page.
    package static let uploadLimit = 1 << 30

    /// The private folder, which `remove` deletes with the file.
    package let folder: URL
    /// The file the upload is written to.
    package let url: URL
    private let handle: FileHandle

    package init() throws {
        let manager = FileManager.default
        folder = manager.temporaryDirectory.appendingPathComponent("kata-upload-\(UUID().uuidString.lowercased())")
        url = folder.appendingPathComponent("upload")
        do {
            try manager.createDirectory(
                at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            guard manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown)
            }
            handle = try FileHandle(forWritingTo: url)
        } catch {
            try? manager.removeItem(at: folder)
            throw KataError.unavailable("the server cannot keep the upload for importing; try again later.")
        }
    }

    package func append(_ data: Data) throws {
        do {
            try handle.write(contentsOf: data)
        } catch {
            throw KataError.unavailable(
                "the server cannot keep the upload for importing (disk full?); nothing was imported.")
        }
    }

    package func close() throws { try? handle.close() }

    package func remove() {
        try? handle.close()
        try? FileManager.default.removeItem(at: folder)
    }
}
