import KataStore

extension PracticeFilter {
    /// An SQL condition on the `person` row aliased `p`, with the named arguments `:coach`,
    /// `:unit`, `:secondCoach`, `:from` and `:to`.
    var sql: String {
        var terms: [String] = []
        if coach != nil { terms.append("p.handle = :coach") }
        if unit != nil { terms.append("p.unit = :unit") }
        if secondCoach != nil {
            terms.append(
                """
                p.handle IN (SELECT coach FROM pairing WHERE secondCoach = :secondCoach
                    AND since <= :to AND (until IS NULL OR until >= :from))
                """)
        }
        return terms.isEmpty ? "1" : terms.joined(separator: " AND ")
    }
}
