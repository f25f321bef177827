import Foundation

/// The packets of every coach for one period, as `kata export review --all` makes them.
///
/// Its JSON form is the same format, `kata-review/1`, with the packets in a list.
public struct ReviewCollection: Codable, Sendable, Equatable {
    /// Always `kata-review/1`.
    public var format: String
    public var purpose: String
    public var generatedAt: String
    public var kataVersion: String
    public var period: ReviewPeriod
    /// One packet per coach, in the order of their handles.
    public var packets: [ReviewPacket]

    public init(generatedAt: String, kataVersion: String, period: ReviewPeriod, packets: [ReviewPacket]) {
        format = ReviewPacket.formatTag
        purpose = ReviewPacket.purposeStatement
        self.generatedAt = generatedAt
        self.kataVersion = kataVersion
        self.period = period
        self.packets = packets
    }
}
