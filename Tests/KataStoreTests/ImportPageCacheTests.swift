import Testing

@testable import KataStore

/// A large import gets a larger page cache when it is not expected to spend its memory on
/// remembering experiments, and never more than the budget allows.
@Suite("Store: the page cache of an import")
struct ImportPageCacheTests {
    @Test("a file of a million cycles and few experiments gets 56 MB of page cache instead of 32 MB")
    func cyclesWithoutExperiments() {
        // The generated organisation of Benchmarks/run: 190 MB, about a million cycles.
        #expect(InterchangeImport.pageCacheKiB(expectedRecords: 190_725_116 / 400) == 57_344)
        #expect(InterchangeImport.pageCacheKiB(expectedRecords: 1_000) == 57_344)
    }

    @Test("a file that will remember a million experiments keeps 32 MB, so that its peak stays under 200 MB")
    func manyExperiments() {
        // The demo's export: 1.06 GB, 844,510 experiments.
        #expect(InterchangeImport.pageCacheKiB(expectedRecords: 1_058_265_406 / 400) == 32_768)
        #expect(InterchangeImport.pageCacheKiB(expectedRecords: 10_000_000) == 32_768)
    }

    @Test("the cache shrinks step by step as the experiments to remember grow")
    func inBetween() {
        let sizes = stride(from: 0, through: 4_000_000, by: 250_000).map {
            InterchangeImport.pageCacheKiB(expectedRecords: $0)
        }
        #expect(zip(sizes, sizes.dropFirst()).allSatisfy { $0 >= $1 })
        #expect(sizes.allSatisfy { (32_768...57_344).contains($0) })
    }
}
