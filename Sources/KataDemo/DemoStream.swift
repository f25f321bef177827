import Foundation
import KataStore

/// The demo as interchange JSONL for the seam's import: the plant first, then the histories of
/// one coach's learners at a time, made up only when the import asks for more.
///
/// The import reads it on a thread of its own while it writes what it read before, so on two
/// cores making up and writing overlap, and memory stays flat however large the demo.
final class DemoStream: @unchecked Sendable {
    private let lock = NSLock()
    private let storyteller: DemoStoryteller
    // Guarded by `lock`.
    private var opening: DemoLines?
    private var nextCoach = 0

    init(opening: DemoLines, storyteller: DemoStoryteller) {
        self.opening = opening
        self.storyteller = storyteller
    }

    /// The next piece of JSONL; nil after the last coach.
    func next() throws -> Data? {
        try lock.withLock {
            if let opening {
                self.opening = nil
                return opening.bytes
            }
            guard nextCoach < storyteller.plant.coaches.count else { return nil }
            defer { nextCoach += 1 }
            return try DemoLines(storyteller.stories(ofCoach: nextCoach), calendar: storyteller.calendar).bytes
        }
    }
}
