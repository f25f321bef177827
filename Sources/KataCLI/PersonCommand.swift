import ArgumentParser
import Foundation
import ImprovementKata
import KataSQLite
import KataStore

struct PersonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "Add, list, show and edit people.",
        subcommands: [Add.self, List.self, Show.self, Edit.self])

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Add a person.",
            discussion: """
                A handle is an employee id or short name: 1 to 64 characters of a-z, 0-9, '.', '_', '-'.

                Example:
                  kata person add ann --name "Ann Lee" --unit Assembly --reports-to carl
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's unique handle, such as ann or e10442.") var handle: String
        @Option(parsing: .unconditional, help: "The display name.") var name: String
        @Option(parsing: .unconditional, help: "Department or value stream.") var unit: String?
        @Option(parsing: .unconditional, help: "Handle of the person's manager.") var reportsTo: String?
        @Option(parsing: .unconditional, help: "E-mail address.") var email: String?

        func run(in context: CommandContext) async throws {
            let person = try Person(
                handle: KataCLI.handle(handle, "handle"), name: name, unit: unit,
                reportsTo: reportsTo.map { try KataCLI.handle($0, "--reports-to") }, email: email)
            let store = try await global.openStore(context)
            try await store.addPerson(person)
            context.output.line("Added \(person.handle) (\(person.name)).")
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List people, sorted by handle.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Option(parsing: .unconditional, help: "Only people of this unit.") var unit: String?

        func run(in context: CommandContext) async throws {
            let people = try await global.openStore(context).people(unit: unit)
            switch format.format {
            case .json:
                context.output.write(try jsonText(people.map(PersonRow.init)))
            case .csv, .text:
                let listing = PersonRow.listing(people)
                if format.format == .csv {
                    context.output.write(listing.csv())
                } else if people.isEmpty {
                    context.output.line("No people yet. Add one with 'kata person add HANDLE --name \"Full Name\"'.")
                } else {
                    context.output.write(listing.text())
                }
            }
        }
    }

    struct Show: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show a person with their coaching relationships.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions
        @Argument(help: "The person's handle.") var handle: String

        func run(in context: CommandContext) async throws {
            let store = try await global.openStore(context)
            let person = try await store.requiredPerson(KataCLI.handle(handle, "handle"))
            let asCoach = try await store.pairings(coach: person.handle)
            let asLearner = try await store.pairings(learner: person.handle)
            if format.format == .json {
                context.output.write(try jsonText(PersonRow(person)))
                return
            }
            if format.format == .csv {
                context.output.write(PersonRow.listing([person]).csv())
                return
            }
            let out = context.output
            out.line("\(person.name) (\(person.handle))\(person.active ? "" : " — no longer active")")
            if let unit = person.unit { out.line("Unit:        \(unit)") }
            if let manager = person.reportsTo { out.line("Reports to:  \(manager)") }
            if let email = person.email { out.line("E-mail:      \(email)") }
            out.line("Coaches:     " + describe(asCoach.map { ($0.learner, $0) }))
            out.line("Coached by:  " + describe(asLearner.map { ($0.coach, $0) }))
        }

        private func describe(_ pairs: [(Handle, Pairing)]) -> String {
            guard !pairs.isEmpty else { return "nobody" }
            return pairs.map { other, pairing in
                "\(other) (since \(pairing.since)\(pairing.until.map { ", until \($0)" } ?? ""))"
            }.joined(separator: ", ")
        }
    }

    struct Edit: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change a person's name, unit, manager, e-mail or active flag.",
            discussion: """
                Example:
                  kata person edit ann --unit "Final Assembly" --reports-to dora
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The person's handle.") var handle: String
        @Option(parsing: .unconditional, help: "New display name.") var name: String?
        @Option(parsing: .unconditional, help: "New unit (empty to clear).") var unit: String?
        @Option(parsing: .unconditional, help: "New manager's handle (empty to clear).") var reportsTo: String?
        @Option(parsing: .unconditional, help: "New e-mail (empty to clear).") var email: String?
        @Flag(inversion: .prefixedNo, help: "Whether the person is still in the organisation.") var active: Bool?

        func run(in context: CommandContext) async throws {
            guard name != nil || unit != nil || reportsTo != nil || email != nil || active != nil else {
                throw ValidationError(
                    "Nothing to change: give --name, --unit, --reports-to, --email or --active/--no-active.")
            }
            let manager = try reportsTo.map { $0.isEmpty ? nil : try KataCLI.handle($0, "--reports-to") }
            let store = try await global.openStore(context)
            let person = try await store.editPerson(
                PersonChange(
                    handle: KataCLI.handle(handle, "handle"), name: name, unit: unit, reportsTo: manager, email: email,
                    active: active))
            context.output.line("Updated \(person.handle) (\(person.name)).")
        }
    }
}

/// A person as listed in JSON: the interchange fields.
struct PersonRow: Encodable {
    var handle: String
    var name: String
    var unit: String?
    var reportsTo: String?
    var email: String?
    var active: Bool

    init(_ person: Person) {
        handle = person.handle.rawValue
        name = person.name
        unit = person.unit
        reportsTo = person.reportsTo?.rawValue
        email = person.email
        active = person.active
    }

    /// People as a table: the same columns in text and CSV.
    static func listing(_ people: [Person]) -> Listing {
        Listing(
            columns: ["handle", "name", "unit", "reportsTo", "email", "active"],
            rows: people.map { person in
                [
                    person.handle.rawValue, person.name, person.unit.orEmpty, person.reportsTo?.rawValue ?? "",
                    person.email.orEmpty, person.active ? "yes" : "no",
                ]
            })
    }
}
