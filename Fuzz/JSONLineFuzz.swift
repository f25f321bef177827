// The libFuzzer entry point for the interchange import's JSON line parser (`JSONLine`).
//
// Compiled by `Fuzz/run` together with the parser's four files from Sources/KataStore/Interchange
// (not part of the package build: it needs `-sanitize=fuzzer`). Every input goes through
// `JSONLine.brokenPromise`, the same check `JSONLineTests` runs on the seed corpus and the past
// findings in `Fuzz/findings/`; a broken promise stops the fuzzer with the input saved.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let input = Data(bytes: start, count: count)
    if let broken = JSONLine.brokenPromise(input) {
        fatalError("JSONLine broke a promise: \(broken): \(String(decoding: input, as: UTF8.self))")
    }
    return 0
}
