/// The check of a form's `csrf` field (DESIGN §10.2): a POST whose token is not its session's is
/// refused with 403 before anything is read or written.
enum CSRF {
    static let refused =
        "this form has expired or did not come from this site (its csrf token is missing or wrong); "
        + "reload the page and send it again."

    /// Whether `sent` is `expected`, compared in time that does not depend on where they differ.
    static func matches(_ sent: String?, _ expected: String?) -> Bool {
        guard let sent, let expected, !expected.isEmpty else { return false }
        let a = Array(sent.utf8)
        let b = Array(expected.utf8)
        guard a.count == b.count else { return false }
        var difference: UInt8 = 0
        for index in a.indices { difference |= a[index] ^ b[index] }
        return difference == 0
    }
}
