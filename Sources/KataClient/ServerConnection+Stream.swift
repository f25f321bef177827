import AsyncHTTPClient
import Foundation
import ImprovementKata
import NIOCore
import NIOHTTP1

extension ServerConnection {
    /// How long an export or an import may take: they move whole records, not one.
    static let transferTimeout: Duration = .seconds(30 * 60)

    /// Sends a request whose answer may be large and hands the answer's body to `receive` piece by
    /// piece as it arrives, instead of holding it (an export); returns the status.
    ///
    /// - Parameters:
    ///   - upload: a file sent as the body, read in pieces as the server takes them (an import).
    public func stream(
        _ method: Method, _ path: String, query: [(String, String)] = [], upload: URL? = nil,
        contentType: String = "application/octet-stream", into receive: (Data) throws -> Void
    ) async throws -> Int {
        var request = HTTPClientRequest(url: url + path + ServerConnection.queryString(query))
        request.method = HTTPMethod(rawValue: method.rawValue)
        request.headers.add(name: "User-Agent", value: "kata")
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let upload {
            let (pieces, size) = try ServerConnection.pieces(of: upload)
            request.headers.add(name: "Content-Type", value: contentType)
            request.body = .stream(pieces, length: .known(size))
        }
        let response: HTTPClientResponse
        do {
            response = try await ServerConnection.client.execute(
                request, timeout: .init(ServerConnection.transferTimeout))
        } catch {
            throw unreachable(error)
        }
        let status = Int(response.status.code)
        guard (200..<300).contains(status) else {
            let body = (try? await response.body.collect(upTo: 1_048_576)).map { Data($0.readableBytesView) } ?? Data()
            throw ErrorAnswer.error(status: status, body: body, retryAfter: response.headers.first(name: "Retry-After"))
        }
        do {
            for try await piece in response.body {
                try receive(Data(piece.readableBytesView))
            }
        } catch let error as KataError {
            throw error
        } catch {
            throw unreachable(error)
        }
        return status
    }

    /// The file's bytes in 64 KB pieces, read only as they are asked for, and its size.
    static func pieces(of file: URL) throws -> (AsyncThrowingStream<ByteBuffer, any Error>, Int64) {
        let handle: FileHandle
        let size: Int64
        do {
            handle = try FileHandle(forReadingFrom: file)
            size = Int64(try handle.seekToEnd())
            try handle.seek(toOffset: 0)
        } catch {
            throw KataError.fileNotFound(path: file.path, hint: "Check the path of the file to import.")
        }
        let reader = PieceReader(handle: handle)
        return (AsyncThrowingStream(unfolding: { try reader.next() }), size)
    }
}

/// Reads a file piece by piece for an upload; closes it at the end.
private final class PieceReader: @unchecked Sendable {
    private let handle: FileHandle
    private let lock = NSLock()

    init(handle: FileHandle) { self.handle = handle }

    func next() throws -> ByteBuffer? {
        try lock.withLock {
            guard let data = try handle.read(upToCount: 65_536), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return ByteBuffer(bytes: data)
        }
    }
}
