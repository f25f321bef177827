import Foundation
import Hummingbird
import ImprovementKata
import KataServer
import KataStore
import MultipartKit
import NIOCore

/// A `multipart/form-data` upload read as it arrives: its small fields in memory, its one file
/// part written straight to a `SpoolFile`, so that a file of up to 1 GB never sits in memory.
///
/// ```swift
/// let upload = try await MultipartUpload.read(request, file: "file") { fields in
///     // called once, before the first byte of the file is kept: the CSRF token and the role
/// }
/// defer { upload.spool.remove() }
/// ```
struct MultipartUpload {
    /// The fields other than the file, by name (the last one of a name wins).
    var fields: [String: String]
    /// The file part, spooled; empty when the form was sent without a file.
    var spool: SpoolFile
    /// The bytes of the file.
    var size: Int

    /// The largest field other than the file.
    static let fieldLimit = 64 * 1024

    /// Reads `request`'s parts, the file part named `file` into a new spool file.
    ///
    /// `admit` sees the fields sent before the file, and again all of them at the end, and throws
    /// to refuse the upload: a browser sends the fields in the order of the form, so a form whose
    /// `csrf` comes before its file is checked before any of the file is kept. A body that is not
    /// multipart, or a file over `SpoolFile.uploadLimit`, is refused with a message.
    static func read(
        _ request: Request, file: String, admit: @escaping ([String: String]) throws -> Void
    ) async throws -> MultipartUpload {
        guard let boundary = boundary(request.headers[.contentType] ?? "") else {
            throw KataError.usage("the form could not be read; reload the page and send it again.")
        }
        let parser = MultipartParser(boundary: boundary)
        let reading = Reading(file: file, admit: admit)
        parser.onHeader = { name, value in reading.header(name, value) }
        parser.onBody = { buffer in reading.body(&buffer) }
        parser.onPartComplete = { reading.partComplete() }
        do {
            for try await buffer in request.body {
                do {
                    try parser.execute(buffer)
                } catch {
                    throw KataError.usage("the form could not be read; reload the page and send it again.")
                }
                if let error = reading.error { throw error }
            }
            if let error = reading.error { throw error }
            if reading.spool != nil && !reading.fileComplete {
                throw KataError.usage("the upload was cut off before the end of the file; send it again.")
            }
            try admit(reading.fields)
            let spool = try reading.spool ?? SpoolFile()
            try spool.close()
            return MultipartUpload(fields: reading.fields, spool: spool, size: reading.size)
        } catch {
            reading.spool?.remove()
            throw error
        }
    }

    /// The `boundary` parameter of a `multipart/form-data` content type, without its quotes.
    static func boundary(_ contentType: String) -> String? {
        let parameters = contentType.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard parameters.first?.lowercased() == "multipart/form-data" else { return nil }
        return parameters.dropFirst().compactMap { Self.value(of: "boundary", in: $0) }.first.flatMap {
            $0.isEmpty || $0.count > 200 ? nil : $0
        }
    }

    /// The value of `key=value` or `key="value"`, nil for another key.
    static func value(of key: String, in parameter: String) -> String? {
        let pair = parameter.split(separator: "=", maxSplits: 1)
        guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == key else { return nil }
        var value = pair[1].trimmingCharacters(in: .whitespaces)
        if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    /// The state of one read, updated by the parser's callbacks on the reading task.
    private final class Reading {
        let file: String
        let admit: ([String: String]) throws -> Void
        var fields: [String: String] = [:]
        var spool: SpoolFile?
        var size = 0
        /// Whether the file part ended with its boundary.
        var fileComplete = false
        var error: (any Error)?
        private var name: String?
        private var value: [UInt8] = []
        private var pending = Data()

        init(file: String, admit: @escaping ([String: String]) throws -> Void) {
            self.file = file
            self.admit = admit
        }

        func header(_ field: String, _ text: String) {
            guard field.lowercased() == "content-disposition" else { return }
            name =
                text.split(separator: ";").dropFirst().compactMap {
                    MultipartUpload.value(of: "name", in: String($0))
                }.first
        }

        func body(_ buffer: inout ByteBuffer) {
            guard error == nil else { return }
            do {
                if name == file {
                    // The parser hands the body over in pieces cut at every CR: written to the
                    // spool 64 KB at a time.
                    _ = try fileSpool()
                    pending.append(contentsOf: buffer.readableBytesView)
                    size += buffer.readableBytes
                    if pending.count >= 1 << 16 { try flush() }
                    if size > SpoolFile.uploadLimit {
                        throw KataError.usage("the file is larger than 1 GB; split it and import the parts one by one.")
                    }
                } else {
                    value += buffer.readableBytesView
                    if value.count > MultipartUpload.fieldLimit {
                        throw KataError.usage("a field of the form is larger than 64 KB; send less at a time.")
                    }
                }
            } catch {
                self.error = error
                spool?.remove()
            }
        }

        func partComplete() {
            guard error == nil else { return }
            if name == file {
                do {
                    _ = try fileSpool()
                    try flush()
                    fileComplete = true
                } catch {
                    self.error = error
                }
            } else if let name {
                fields[name] = String(decoding: value, as: UTF8.self)
            }
            name = nil
            value = []
        }

        /// Writes the bytes of the file not written yet.
        private func flush() throws {
            guard !pending.isEmpty else { return }
            try spool?.append(pending)
            pending.removeAll(keepingCapacity: true)
        }

        /// The spool of the file part, made (after `admit` has seen the fields so far) when its
        /// first bytes come.
        private func fileSpool() throws -> SpoolFile {
            if let spool { return spool }
            try admit(fields)
            let made = try SpoolFile()
            spool = made
            return made
        }
    }
}
