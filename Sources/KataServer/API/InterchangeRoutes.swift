import Foundation
import HTTPTypes
import Hummingbird
import ImprovementKata
import KataStore
import NIOCore

/// `GET /api/v1/export` (every record, streamed) and `POST /api/v1/import` (all or nothing), and
/// `GET /api/v1/check`.
struct InterchangeRoutes {
    let data: DataRoutes

    /// The largest import taken (DESIGN §10.1).
    static let importLimit = SpoolFile.uploadLimit

    func add(to api: RouterGroup<KataRequestContext>) {
        api.get("export") { request, context in try await export(request, context) }
        api.post("import") { request, context in try await importData(request, context) }
        api.get("check") { _, context in
            JSONResponse.list("findings", try await data.caller(context).store.check())
        }
    }

    /// Streams the export as the store writes it; a refusal before the first bytes is an error answer.
    func export(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let text = RequestValues(request, context).text("format") ?? "jsonl"
        guard let format = InterchangeFormat(rawValue: text) else {
            throw KataError.invalidValue(field: "format", value: text, expected: "jsonl or csv")
        }
        let store = try data.caller(context).store
        let (stream, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
        let sink = StreamSink(continuation: continuation)
        // The export reads the store synchronously, for as long as the file takes: on a thread
        // that may block (see RouteThreads), like the rest of the request.
        let task = Task(executorPreference: RouteThreads.shared) {
            do {
                _ = try await store.exportData(format, to: sink)
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
        }
        let chunks = Chunks(stream)
        let first: Data?
        do {
            first = try await chunks.next()
        } catch {
            task.cancel()
            throw error
        }
        let contentType = format == .jsonl ? "application/x-ndjson" : "text/csv; charset=utf-8"
        let body = ResponseBody { writer in
            if let first { try await writer.write(ByteBuffer(bytes: first)) }
            while let chunk = try await chunks.next() { try await writer.write(ByteBuffer(bytes: chunk)) }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: [.contentType: contentType], body: body)
    }

    /// Spools the upload to a private file, then imports it all or nothing.
    func importData(_ request: Request, _ context: KataRequestContext) async throws -> Response {
        let (signedIn, store) = try data.caller(context)
        let dryRun = try RequestValues(request, context).bool("dry-run") ?? false
        let spool = try SpoolFile()
        defer { spool.remove() }
        var size = 0
        for try await buffer in request.body {
            size += buffer.readableBytes
            guard size <= Self.importLimit else {
                // Not the 8 MB of other bodies: an import takes up to 1 GB.
                return APIError(
                    .usage(
                        "the file is larger than \(Self.importLimit >> 20) MB, the most one import takes; "
                            + "split it (by kind, or cycles by date) and import the parts one after the other.")
                ).response(status: .contentTooLarge, code: "too-large")
            }
            try spool.append(Data(buffer.readableBytesView))
        }
        try spool.close()
        let summary = try await store.importData(
            ImportRequest(source: .file(spool.url), dryRun: dryRun, today: try await data.today()))
        if !dryRun {
            try await data.audit(
                signedIn, kind: "import", record: summary.format.rawValue, action: "import",
                detail: "\(summary.totalAdded) added, \(summary.totalUnchanged) unchanged")
        }
        return JSONResponse.make(summary)
    }
}

/// Hands the export's pieces to the response as they come.
private struct StreamSink: ExportSink {
    let continuation: AsyncThrowingStream<Data, any Error>.Continuation

    func write(_ data: Data) throws { continuation.yield(data) }
}

/// The export's pieces, read in order by one task at a time: the first by the route (so that a
/// refusal is still an error answer), the rest by the response body.
private final class Chunks: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<Data, any Error>.AsyncIterator

    init(_ stream: AsyncThrowingStream<Data, any Error>) { iterator = stream.makeAsyncIterator() }

    func next() async throws -> Data? { try await iterator.next() }
}
