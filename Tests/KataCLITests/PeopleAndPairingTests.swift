import Foundation
import ImprovementKata
import KataSQLite
import KataStore
import KataTestSupport
import Testing

@Suite("people and pairings from the command line")
struct PeopleAndPairingTests {
    @Test("a person added is listed with unit and manager")
    func addAndList() async throws {
        let kata = try await KataRunner()
        #expect(await kata.run("person", "add", "carl", "--name", "Carl Jung").exitCode == 0)
        let added = await kata.run(
            "person", "add", "ann", "--name", "Ann Lee", "--unit", "Assembly", "--reports-to", "carl")
        #expect(added.exitCode == 0)
        #expect(added.output == "Added ann (Ann Lee).\n")
        let list = await kata.run("person", "list")
        #expect(
            list.output == """
                handle  name       unit      reportsTo  email  active
                ann     Ann Lee    Assembly  carl              yes
                carl    Carl Jung                              yes

                """)
    }

    @Test("person list as CSV has a header and CRLF rows")
    func listCSV() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "ann", "--name", "Lee, Ann \"AL\"")
        #expect(
            await kata.run("person", "list", "--format", "csv").output
                == "handle,name,unit,reportsTo,email,active\r\nann,\"Lee, Ann \"\"AL\"\"\",,,,yes\r\n")
    }

    @Test("person list as JSON gives the interchange fields")
    func listJSON() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "ann", "--name", "Ann Lee", "--unit", "Assembly")
        let data = Data(await kata.run("person", "list", "--format", "json").output.utf8)
        let people = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        try #require(people.count == 1)
        #expect(people[0]["handle"] as? String == "ann")
        #expect(people[0]["unit"] as? String == "Assembly")
        #expect(people[0]["active"] as? Bool == true)
    }

    @Test("person edit changes the unit and can clear the manager")
    func edit() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "carl", "--name", "Carl Jung")
        await kata.run("person", "add", "ann", "--name", "Ann Lee", "--reports-to", "carl")
        #expect(await kata.run("person", "edit", "ann", "--unit", "Paint", "--reports-to", "").exitCode == 0)
        let ann = try #require(try kata.store().person(Handle(validating: "ann")))
        #expect(ann.unit == "Paint")
        #expect(ann.reportsTo == nil)
    }

    @Test("a reporting loop is refused")
    func reportingLoop() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "carl", "--name", "Carl Jung")
        await kata.run("person", "add", "ann", "--name", "Ann Lee", "--reports-to", "carl")
        let result = await kata.run("person", "edit", "carl", "--reports-to", "ann")
        #expect(result.exitCode == 65)
        #expect(result.errors.contains("reports to carl already"))
    }

    @Test("pair add, list and end")
    func pairs() async throws {
        let kata = try await KataRunner()
        for person in ["ann", "bo", "lena"] { await kata.run("person", "add", person, "--name", person.capitalized) }
        let added = await kata.run(
            "pair", "add", "--coach", "ann", "--learner", "bo", "--second-coach", "lena", "--since", "2026-11-02")
        #expect(added.output == "ann coaches bo from 2026-11-02, with lena as 2nd coach.\n")
        #expect(await kata.run("pair", "add", "--coach", "ann", "--learner", "bo").exitCode == 65)
        let ended = await kata.run("pair", "end", "--coach", "ann", "--learner", "bo", "--on", "2026-11-19")
        #expect(ended.output == "ann coached bo from 2026-11-02 to 2026-11-19.\n")
        let csv = await kata.run("pair", "list", "--format", "csv").output
        #expect(csv.contains(",ann,bo,lena,2026-11-02,2026-11-19\r\n"))
        #expect(await kata.run("pair", "list", "--active").output == "No pairings.\n")
    }

    @Test("person show lists whom they coach and who coaches them")
    func show() async throws {
        let kata = try await KataRunner()
        for person in ["ann", "bo", "carl"] { await kata.run("person", "add", person, "--name", person.capitalized) }
        await kata.run("pair", "add", "--coach", "ann", "--learner", "bo", "--since", "2026-11-02")
        await kata.run("pair", "add", "--coach", "carl", "--learner", "ann", "--since", "2026-10-01")
        let shown = await kata.run("person", "show", "ann").output
        #expect(shown.contains("Coaches:     bo (since 2026-11-02)"))
        #expect(shown.contains("Coached by:  carl (since 2026-10-01)"))
    }
}

@Suite("text output and the terminal")
struct TerminalSafetyTests {
    @Test("a stored escape sequence is shown, not run, in listings; JSON keeps it exactly")
    func escapes() async throws {
        let kata = try await KataRunner()
        await kata.run("person", "add", "eve", "--name", "Eve\u{1B}[2J")
        let text = await kata.run("person", "list").output
        #expect(!text.contains("\u{1B}"))
        #expect(text.contains("Eve\\u{1B}[2J"))
        #expect(await kata.run("person", "list", "--format", "json").output.contains("Eve\\u001b[2J"))
    }
}
