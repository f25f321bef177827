import ImprovementKata

/// The rule an account's password must meet (DESIGN §10.2), checked before it is hashed.
///
/// The password itself never appears in an error: the message names its length only.
///
/// ```swift
/// try Password.check("correct horse battery")   // passes
/// try Password.check("short")                   // KataError.invalidValue(field: "password", …)
/// ```
public enum Password {
    /// The fewest characters a password may have.
    public static let minimumLength = 12

    /// Throws `KataError.invalidValue` for the field `password` unless `password` has at least
    /// `minimumLength` characters.
    public static func check(_ password: String) throws {
        guard password.count >= minimumLength else {
            throw KataError.invalidValue(
                field: "password", value: "\(password.count) characters",
                expected: "at least \(minimumLength) characters (a few words make a good one)")
        }
    }
}
