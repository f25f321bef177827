import Foundation
import ImprovementKata

/// Something `kata check` found wrong.
public struct Finding: Sendable, Equatable, CustomStringConvertible, Codable {
    /// Which check found it.
    public var check: String
    /// What is wrong, naming the records.
    public var detail: String
    public init(check: String, detail: String) {
        self.check = check
        self.detail = detail
    }

    public var description: String { "\(check): \(detail)" }
}
