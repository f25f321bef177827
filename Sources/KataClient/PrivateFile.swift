import Foundation
import ImprovementKata

/// Files only their owner may read (0600, in a 0700 folder), written whole or not at all.
///
/// A write goes to a temporary file beside the target, is flushed to disk and then renamed over
/// it, so that a process killed half-way leaves the old file or the new one, never a mixture.
/// Temporary files start with a dot; readers of a folder skip them.
enum PrivateFile {
    /// Creates `folder` and its parents as needed, new ones 0700.
    static func makeFolder(_ folder: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue { return }
        do {
            try FileManager.default.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KataError.failure("cannot create the folder \(folder): \(error.localizedDescription)")
        }
    }

    /// Replaces `path` with `data`, 0600, atomically.
    static func write(_ data: Data, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try makeFolder(folder)
        let name = (path as NSString).lastPathComponent
        let temporary = folder + "/.\(name).\(UUID().uuidString.prefix(8)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw failure("write", temporary) }
        var written = 0
        let complete = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress.map { $0 + written }, bytes.count - written)
                if count < 0 { return false }
                written += count
            }
            return fsync(descriptor) == 0
        }
        close(descriptor)
        guard complete, rename(temporary, path) == 0 else {
            let error = failure("write", path)
            unlink(temporary)
            throw error
        }
        syncFolder(folder)
    }

    /// The file's bytes, nil when there is no such file.
    static func read(_ path: String) throws -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else { throw failure("read", path) }
        return data
    }

    /// Removes `path`; a file that is not there is no error.
    static func remove(_ path: String) throws {
        guard unlink(path) == 0 || errno == ENOENT else { throw failure("remove", path) }
        syncFolder((path as NSString).deletingLastPathComponent)
    }

    /// Flushes a folder, so that a rename or removal in it survives a crash.
    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }

    private static func failure(_ verb: String, _ path: String) -> KataError {
        .failure("cannot \(verb) \(path): \(String(cString: strerror(errno))).")
    }
}
