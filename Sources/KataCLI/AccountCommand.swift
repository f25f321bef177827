import ArgumentParser
import CoachTheCoaches
import Foundation
import HummingbirdBcrypt
import ImprovementKata
import KataSQLite
import KataStore

struct AccountCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "Add, list, edit and disable the accounts that sign in to a kata server.",
        discussion: """
            These work on the server's database file directly (--db), on the server machine: that \
            is how the first administrator is made. Signed in to a server, they go through its API, \
            for administrators only (anyone else exits 77); the server hashes the password and makes \
            the set-password link. Each change is recorded in the audit log.
            """,
        subcommands: [Add.self, List.self, Edit.self, Disable.self])

    /// The bcrypt cost of every password kata hashes (DESIGN §10.2: at least 12).
    static let bcryptCost: UInt8 = 12

    /// The bcrypt hash of a password typed for a database file.
    @Sendable static func hash(_ password: String) -> String { Bcrypt.hash(password, cost: bcryptCost) }

    struct Add: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "add",
            abstract: "Give a person an account on the kata server.",
            discussion: """
                With --password-stdin the password (at least 12 characters) is read from one line \
                of standard input. Without it, a one-time link to set the password is printed, \
                valid for 24 hours: send it to the person privately.

                Examples:
                  kata account add dee --role admin --password-stdin < dee-password.txt
                  kata account add eve --role lean --url https://kata.example.org
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The handle of the person the account is for.") var handle: String
        @OptionGroup var password: PasswordOptions
        @Option(
            name: .customLong("role"), parsing: .unconditionalSingleValue,
            help: "A role beyond coaching: lean, hr or admin (repeat for several).")
        var roles: [String] = []

        func run(in context: CommandContext) async throws {
            let account = try KataCLI.handle(handle, "handle")
            let roles = try AccountCommand.roles(roles)
            let accounts = try await password.accounts(global, context)
            _ = try await global.openStore(context).requiredPerson(account)
            let added = try await accounts.addAccount(
                NewAccount(handle: account, roles: roles, password: try password.typed(context)))
            context.output.line(
                "Added an account for \(account) (\(added.name)), \(AccountCommand.describe(added.account)).")
            added.setPasswordLink?.show(for: account, context)
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts, sorted by handle.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in context: CommandContext) async throws {
            let accounts = try await global.openAccounts(context, linkBase: { "" }, hash: AccountCommand.hash)
            let rows = try await accounts.accounts().map(AccountRow.init)
            switch format.format {
            case .json: context.output.write(try jsonText(rows))
            case .csv: context.output.write(AccountRow.listing(rows).csv())
            case .text:
                if rows.isEmpty {
                    context.output.line(
                        "No accounts yet. Make the first administrator with 'kata account add HANDLE --role admin'.")
                } else {
                    context.output.write(AccountRow.listing(rows).text())
                }
            }
        }
    }

    struct Edit: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit",
            abstract: "Change an account's roles, enable or disable it, or reset its password.",
            discussion: """
                The roles given with --role replace the account's roles; --no-roles takes them \
                all away. Disabling an account ends its sessions and stops its tokens at once.

                Examples:
                  kata account edit eve --role lean --role hr
                  kata account edit bob --password-link
                """)

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's handle.") var handle: String
        @Option(
            name: .customLong("role"), parsing: .unconditionalSingleValue,
            help: "A role the account is to have: lean, hr or admin (repeat for several).")
        var roles: [String] = []
        @Flag(help: "Take every role away.") var noRoles = false
        @Flag(help: "Whether the account may sign in.") var state: State?
        @OptionGroup var password: PasswordOptions
        @Flag(help: "Print a new one-time link to set the password, valid for 24 hours.") var passwordLink = false

        enum State: String, EnumerableFlag {
            case enable, disable
        }

        func run(in context: CommandContext) async throws {
            guard !roles.isEmpty || noRoles || state != nil || password.passwordStdin || passwordLink else {
                throw ValidationError(
                    "Nothing to change: give --role, --no-roles, --enable, --disable, --password-stdin or "
                        + "--password-link.")
            }
            guard roles.isEmpty || !noRoles else { throw ValidationError("Give either --role or --no-roles.") }
            guard !(password.passwordStdin && passwordLink) else {
                throw ValidationError("Give either --password-stdin or --password-link.")
            }
            let account = try KataCLI.handle(handle, "handle")
            let newRoles = noRoles ? [] : roles.isEmpty ? nil : try AccountCommand.roles(roles)
            let accounts = try await password.accounts(global, context)
            guard try await accounts.account(account) != nil else {
                throw KataError.unknown(kind: "account", reference: account.rawValue, hint: "See 'kata account list'.")
            }
            let edited = try await accounts.editAccount(
                account,
                AccountChange(
                    roles: newRoles, enabled: state.map { $0 == .enable }, password: try password.typed(context),
                    passwordLink: passwordLink ? true : nil))
            if newRoles != nil || state != nil {
                context.output.line("Updated \(account): \(AccountCommand.describe(edited.account)).")
            }
            if password.passwordStdin { context.output.line("Set the password of \(account).") }
            edited.setPasswordLink?.show(for: account, context)
        }
    }

    struct Disable: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "disable",
            abstract: "Stop an account from signing in; its sessions and tokens stop at once.")

        @OptionGroup var global: GlobalOptions
        @Argument(help: "The account's handle.") var handle: String

        func run(in context: CommandContext) async throws {
            let account = try KataCLI.handle(handle, "handle")
            let accounts = try await global.openAccounts(context, linkBase: { "" }, hash: AccountCommand.hash)
            _ = try await accounts.disableAccount(account)
            context.output.line("Disabled \(account): its sessions and tokens no longer work.")
        }
    }

    /// Roles typed as `--role` values.
    static func roles(_ texts: [String]) throws -> Set<Role> {
        Set(
            try texts.map { text in
                guard let role = Role(rawValue: text.trimmed.lowercased()) else {
                    throw KataError.invalidValue(field: "--role", value: text, expected: "lean, hr or admin")
                }
                return role
            })
    }

    /// `roles admin, lean; enabled`.
    static func describe(_ account: Account) -> String {
        let roles = account.roles.isEmpty ? "no roles" : "roles " + account.roles.names.joined(separator: ", ")
        return "\(roles), \(account.enabled ? "enabled" : "disabled")"
    }
}

/// How an account gets its password: read from standard input, or set through a one-time link.
struct PasswordOptions: ParsableArguments {
    @Flag(help: "Read the password from one line of standard input.") var passwordStdin = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The server's address, for set-password links made on a file (default: $KATA_SERVER, else "
                + "http://127.0.0.1:8470); a server makes its own.",
            valueName: "url"))
    var url: String?

    /// The password read from standard input, nil without `--password-stdin`; refuses one that
    /// breaks the rule before anything is written.
    func typed(_ context: CommandContext) throws -> String? {
        guard passwordStdin else { return nil }
        let reader = context.input ?? StandardInputReader()
        guard var password = reader.readLine(), !password.isEmpty else {
            throw KataError.missing(
                fields: ["password"], hint: "Give it on one line of standard input, such as '< password.txt'.")
        }
        if password.hasSuffix("\r") { password.removeLast() }
        try Password.check(password)
        return password
    }

    /// The accounts the command works on; set-password links made on a file start with
    /// `serverAddress` (a server makes its own).
    func accounts(_ global: GlobalOptions, _ context: CommandContext) async throws -> any AccountService {
        let address = Result { try serverAddress(context) }
        return try await global.openAccounts(context, linkBase: { try address.get() }, hash: AccountCommand.hash)
    }

    /// `--url`, else `$KATA_SERVER`, else the default address of `kata serve`, without a trailing `/`.
    func serverAddress(_ context: CommandContext) throws -> String {
        let given = url ?? context.environment["KATA_SERVER"].flatMap { $0.isEmpty ? nil : $0 }
        var address = given ?? "http://127.0.0.1:8470"
        while address.hasSuffix("/") { address.removeLast() }
        guard let parsed = URL(string: address), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
            parsed.host?.isEmpty == false
        else {
            throw KataError.invalidValue(
                field: url == nil ? "KATA_SERVER" : "--url", value: given ?? address,
                expected: "the server's address, such as https://kata.example.org")
        }
        return address
    }
}

extension PasswordLink {
    /// Prints the link for `account`: the only time it is shown.
    func show(for account: Handle, _ context: CommandContext) {
        context.output.line("Set the password before \(ReviewPacketBuilder.timestamp(expires)) at this one-time link:")
        context.output.line("  \(url)")
        context.output.line("It is shown only now: send it to \(account) privately.")
    }
}

/// An account as listed: the fields of the API's account (DESIGN §10.2).
struct AccountRow: Encodable {
    var handle: String
    var name: String
    var roles: [String]
    var enabled: Bool
    var created: String

    init(_ summary: AccountSummary) {
        let account = summary.account
        handle = account.handle.rawValue
        name = summary.name
        roles = account.roles.names
        enabled = account.enabled
        created = ReviewPacketBuilder.timestamp(account.created)
    }

    /// Accounts as a table: the same columns in text and CSV.
    static func listing(_ rows: [AccountRow]) -> Listing {
        Listing(
            columns: ["handle", "name", "roles", "enabled", "created"],
            rows: rows.map {
                [$0.handle, $0.name, $0.roles.joined(separator: ", "), $0.enabled ? "yes" : "no", $0.created]
            }
        )
    }
}
