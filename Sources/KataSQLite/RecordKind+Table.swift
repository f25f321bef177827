import KataStore

extension RecordKind {
    /// The table its records are kept in.
    var table: String { rawValue }
}
