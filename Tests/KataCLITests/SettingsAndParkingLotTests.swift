import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("settings and the parking lot from the command line")
struct SettingsAndParkingLotTests {
    @Test("kata init again changes only the settings given, keeps the data, and adds and removes holidays")
    func reinit() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "ann", "--name", "Ann Lee")
        let result = await kata.run(
            "init", "--workweek", "mon-sat", "--holiday", "2026-12-24", "--holiday", "2026-12-25")
        #expect(result.exitCode == 0, "\(result.errors)")
        #expect(result.output.contains("workweek mon,tue,wed,thu,fri,sat; 2 holiday(s)"))
        await kata.run("init", "--remove-holiday", "2026-12-24")
        let settings = try kata.store().settings()
        #expect(settings.timeZone == "UTC")
        #expect(settings.calendar.workweek.count == 6)
        #expect(settings.calendar.holidays == [day("2026-12-25")])
        await #expect(try kata.store().people().map(\.handle.rawValue) == ["ann"])
    }

    @Test("obstacle work moves the current one back to the lot; close ends it; target show prints the board")
    func parkingLot() async throws {
        let kata = try await KataRunner()
        let target = try await kata.makeTeam()
        let added = await kata.run("obstacle", "add", "--target", target, "Fixture wobbles")
        let id = String(added.output.split(separator: " ")[1])
        #expect(await kata.run("obstacle", "work", id).output == "Working on obstacle \(id): Fixture wobbles\n")
        let lot = try await kata.store().obstacles()
        #expect(lot.first { $0.text == "Screws run out twice a shift" }?.status == .parked)
        #expect(await kata.run("obstacle", "close", id, "--overcome").output == "Obstacle \(id) is overcome.\n")
        #expect(await kata.run("obstacle", "list", "--open", "--format", "csv").output.contains("Fixture") == false)
        let shown = await kata.run("target", "show", target).output
        #expect(shown.contains("Station 4 · achieve by 2026-12-18 · active"))
        #expect(shown.contains("Every unit leaves station 4 within 52 s"))
    }
}
