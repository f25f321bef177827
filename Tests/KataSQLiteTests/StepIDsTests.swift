import Testing

@testable import KataSQLite

/// The set of step ids the practice scan looks planned steps up in matches exactly the text SQL's
/// `=` would, whether an id is stored in its canonical form or not.
@Suite("Practice: the ids of steps without a prediction")
struct StepIDsTests {
    private func contains(_ ids: StepIDs, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { ids.contains($0) }
    }

    @Test("an id of 36 bytes matches itself and no other id")
    func canonical() {
        let ids = StepIDs(["0c5d2a7e-1b3f-4e6a-9d8c-7b6a5f4e3d2c"])
        #expect(contains(ids, "0c5d2a7e-1b3f-4e6a-9d8c-7b6a5f4e3d2c"))
        #expect(!contains(ids, "0c5d2a7e-1b3f-4e6a-9d8c-7b6a5f4e3d2d"))
        #expect(!contains(ids, "1c5d2a7e-1b3f-4e6a-9d8c-7b6a5f4e3d2c"))
        #expect(!contains(ids, "0C5D2A7E-1B3F-4E6A-9D8C-7B6A5F4E3D2C"))
        #expect(!contains(ids, "0c5d2a7e1b3f-4e6a-9d8c-7b6a5f4e3d2c-"))
    }

    @Test("an id of another length, or in capitals, matches only the same text")
    func otherForms() {
        let ids = StepIDs(["0C5D2A7E-1B3F-4E6A-9D8C-7B6A5F4E3D2C", "step-1"])
        #expect(contains(ids, "0C5D2A7E-1B3F-4E6A-9D8C-7B6A5F4E3D2C"))
        #expect(!contains(ids, "0c5d2a7e-1b3f-4e6a-9d8c-7b6a5f4e3d2c"))
        #expect(contains(ids, "step-1"))
        #expect(!contains(ids, "step-2"))
        #expect(!StepIDs(["step-1"]).isEmpty)
        #expect(StepIDs([]).isEmpty)
    }
}
