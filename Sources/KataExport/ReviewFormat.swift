import CoachTheCoaches
import Foundation

/// The formats of a review packet (`kata export review --format`, `GET /api/v1/reviews`), each
/// rendered by one renderer so that the command line and the API write the same bytes.
public enum ReviewFormat: String, CaseIterable, Sendable {
    case json, csv, md, html

    public func render(_ packet: ReviewPacket) throws -> String {
        switch self {
        case .json: return try ReviewJSONRenderer.render(packet)
        case .csv: return ReviewCSVRenderer.render([packet])
        case .md: return ReviewMarkdownRenderer.render(packet)
        case .html: return ReviewHTMLRenderer.render(packet)
        }
    }

    public func render(_ collection: ReviewCollection) throws -> String {
        switch self {
        case .json: return try ReviewJSONRenderer.render(collection)
        case .csv: return ReviewCSVRenderer.render(collection.packets)
        case .md: return ReviewMarkdownRenderer.render(collection)
        case .html: return ReviewHTMLRenderer.render(collection)
        }
    }

    /// The media type of a rendered document.
    public var contentType: String {
        switch self {
        case .json: return "application/json; charset=utf-8"
        case .csv: return "text/csv; charset=utf-8"
        case .md: return "text/markdown; charset=utf-8"
        case .html: return "text/html; charset=utf-8"
        }
    }
}
