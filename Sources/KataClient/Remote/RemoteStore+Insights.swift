import CoachTheCoaches
import Foundation
import ImprovementKata
import KataStore

extension RemoteStore {
    /// `GET /api/v1/practice`, asking `include=` what the request wants, decoded back from the §6
    /// document.
    public func practice(_ request: PracticeRequest) async throws -> PracticeAnswer {
        var include: [String] = []
        if request.includeDailyCycles { include.append("dailyCycles") }
        if request.learnersLeftLongest { include.append("learnersLeftLongest") }
        let filter = request.filter
        let query = items(
            ("from", request.period.from.description), ("to", request.period.to.description),
            ("coach", filter.coach?.rawValue), ("unit", filter.unit), ("second-coach", filter.secondCoach?.rawValue),
            ("by", request.grouping?.rawValue), ("below", String(request.below)),
            ("include", include.isEmpty ? nil : include.joined(separator: ",")))
        let document = try await get("/api/v1/practice", query: query, as: PracticeDocument.self)
        return document.answer
    }

    /// `GET /api/v1/reviews/{coach}` or `GET /api/v1/reviews` as JSON, decoded back into packets.
    public func reviews(_ request: ReviewRequest) async throws -> ReviewCollection {
        let query = [
            ("from", request.period.from.description), ("to", request.period.to.description), ("format", "json"),
            ("learnerNames", String(request.privacy.learnerNames)), ("notes", String(request.privacy.notes)),
        ]
        guard let coach = request.coach else {
            return try await get("/api/v1/reviews", query: query, as: ReviewCollection.self)
        }
        let packet = try await get("/api/v1/reviews/\(segment(coach.rawValue))", query: query, as: ReviewPacket.self)
        return ReviewCollection(
            generatedAt: packet.generatedAt, kataVersion: packet.kataVersion, period: packet.period, packets: [packet])
    }
}

/// The practice document of DESIGN §6 as the API sends it.
struct PracticeDocument: Decodable {
    /// A coach's summary, with the coached days when `include=dailyCycles` asked for them.
    struct Coach: Decodable {
        var summary: PracticeSummary

        private enum Key: String, CodingKey { case dailyCycles }

        init(from decoder: any Decoder) throws {
            summary = try PracticeSummary(from: decoder)
            let days = try decoder.container(keyedBy: Key.self).decodeIfPresent(
                [String: Int].self, forKey: .dailyCycles)
            for (text, count) in days ?? [:] {
                guard let day = Day(text) else {
                    throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: text))
                }
                summary.dailyCycles[day] = count
            }
        }
    }

    var from: Day
    var to: Day
    var until: Day?
    var coaches: [Coach]
    var groups: [PracticeGroup]?
    var learnersLeftLongest: [UncoachedLearner]?

    var answer: PracticeAnswer {
        PracticeAnswer(
            report: PracticeReport(from: from, to: to, until: until, coaches: coaches.map(\.summary)), groups: groups,
            learnersLeftLongest: learnersLeftLongest ?? [])
    }
}
