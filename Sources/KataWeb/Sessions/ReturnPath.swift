import Foundation

/// Where the browser goes back to after signing in: the page it asked for without a session.
///
/// Only a path on this server is taken (`/storyboards/bo`, `/cycles/new?learner=bo`): never an
/// address of another site (`https://…`, `//host/…`, `/\host`), so that a link cannot send someone
/// who signs in elsewhere.
///
/// ```swift
/// ReturnPath.checked("/cycles/new?learner=bo")   // "/cycles/new?learner=bo"
/// ReturnPath.checked("//evil.example/")          // nil
/// ```
enum ReturnPath {
    /// `text` when it is a path on this server, else nil.
    static func checked(_ text: String?) -> String? {
        guard let text, text.hasPrefix("/"), !text.hasPrefix("//"), !text.hasPrefix("/\\"), text.count <= 2_000,
            text.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7f })
        else { return nil }
        return text
    }

    /// The sign-in page that returns to `path` (the plain one for Today).
    static func signIn(returningTo path: String) -> String {
        guard path != "/", let checked = checked(path) else { return "/login" }
        return "/login?next=" + (checked.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
    }
}
