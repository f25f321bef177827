import Foundation

/// An entry on a target condition's obstacle parking lot.
///
/// Exactly one obstacle per target condition is being worked at a time ("which *one* are you
/// addressing now?"). The parking lot is not a to-do list: obstacles are parked, worked one at a
/// time, and end overcome or dropped.
public struct Obstacle: Hashable, Sendable, Codable, Identifiable {
    public var id: UUID
    public var target: UUID
    public var text: String
    public var status: Status
    public var createdOn: Day
    public var closedOn: Day?

    /// Where an obstacle stands.
    public enum Status: String, Hashable, Sendable, Codable, CaseIterable {
        case parked, working, overcome, dropped

        /// Whether the obstacle is off the parking lot for good.
        public var isClosed: Bool { self == .overcome || self == .dropped }
    }

    public init(
        id: UUID = UUID(), target: UUID, text: String, status: Status = .parked, createdOn: Day, closedOn: Day? = nil
    ) throws {
        guard !text.isBlank else { throw KataError.missing(fields: ["obstacle text"], hint: "Say what is in the way.") }
        guard status.isClosed == (closedOn != nil) else {
            throw KataError.ruleBroken("an obstacle has a closing date exactly when it is overcome or dropped.")
        }
        if let closedOn, closedOn < createdOn {
            throw KataError.ruleBroken("the obstacle is closed (\(closedOn)) before it was parked (\(createdOn)).")
        }
        self.id = id
        self.target = target
        self.text = text
        self.status = status
        self.createdOn = createdOn
        self.closedOn = closedOn
    }

    /// Throws unless the obstacle can be made the one worked on `day`: it is open and was parked by then.
    public func requireWorkable(on day: Day) throws {
        guard !status.isClosed else {
            throw KataError.ruleBroken("the obstacle is \(status.rawValue); only a parked one can be worked.")
        }
        guard day >= createdOn else {
            throw KataError.ruleBroken("the obstacle was parked on \(createdOn); it cannot be worked from \(day).")
        }
    }

    /// Ends the obstacle as overcome or dropped; not before it was parked.
    public mutating func close(as status: Status, on day: Day) throws {
        guard !self.status.isClosed else {
            throw KataError.ruleBroken("the obstacle is already \(self.status.rawValue).")
        }
        guard status.isClosed else { throw KataError.usage("choose --overcome or --dropped.") }
        guard day >= createdOn else {
            throw KataError.ruleBroken("the obstacle was parked on \(createdOn); it cannot be closed on \(day).")
        }
        self.status = status
        closedOn = day
    }
}
