import Foundation
import KataTestSupport

extension KataRunner {
    /// A small team: carl manages ann, ann coaches bo (2nd coach lena) since 2026-11-02, and bo has
    /// an active target condition with a working obstacle. Returns the target condition's id.
    @discardableResult
    func makeTeam() async throws -> String {
        for (handle, name) in [("carl", "Carl Jung"), ("ann", "Ann Lee"), ("bo", "Bo Chen"), ("lena", "Lena Berg")] {
            await run("person", "add", handle, "--name", name, "--unit", "Assembly")
        }
        await run("pair", "add", "--coach", "ann", "--learner", "bo", "--second-coach", "lena", "--since", "2026-11-02")
        let target = await run(
            "target", "add", "--learner", "bo", "--focus-process", "Station 4", "--condition",
            "Every unit leaves station 4 within 52 s", "--achieve-by", "2026-12-18", "--outcome", "cycle time: 52 s")
        guard target.exitCode == 0 else { throw FixtureError(message: target.errors) }
        let id = String(target.output.split(separator: " ")[2])
        await run("obstacle", "add", "--target", id, "Screws run out twice a shift", "--work")
        return id
    }
}

struct FixtureError: Error {
    var message: String
}
