extension InterchangeImport {
    /// The page cache of an import, in KiB: 32 MB, and up to 24 MB more out of the memory that
    /// remembering experiments (`rememberedExperiments`) is expected to leave unused.
    ///
    /// A file whose coaching cycles do not come in the order of their ids (written coach by coach,
    /// say, rather than by `kata export data`) inserts into the cycle table's primary-key index at
    /// random places. Once that index outgrows the cache, SQLite writes its pages out and reads
    /// them back for nearly every cycle: on a million cycles written coach by coach, a 64 MB cache
    /// instead of 32 MB took the import's system time from 2.2 s to 1.3 s, and its peak memory from
    /// 87 MB to 127 MB. The demo's export, with nearly as many experiments as cycles, spends about
    /// 40 MB remembering them and peaked at 198 MB with 64 MB of cache: it keeps 32 MB.
    static func pageCacheKiB(expectedRecords: Int) -> Int {
        // About 32 bytes for each experiment remembered, with the dictionary's room to grow.
        let rememberingKiB = min(expectedRecords / 2, rememberedExperiments) * 32 / 1024
        return 32_768 + min(24_576, max(0, 32_768 - rememberingKiB))
    }
}
