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
            is how the first administrator is made. Each change is recorded in the audit log.
            """,
        subcommands: [Add.self, List.self, Edit.self, Disable.self])

    /// The bcrypt cost of every password kata hashes (DESIGN §10.2: at least 12).
    static let bcryptCost: UInt8 = 12

    /// How long a set-password link works.
    static let linkLifetime: TimeInterval = 24 * 3_600

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
            let store = try global.openFile(context)
            let name = try await store.requiredPerson(account).name
            let hash = try password.hash(context)
            let link = hash == nil ? try password.newLink(context) : nil
            let added = try store.addAccount(
                handle: account, roles: roles, passwordHash: hash,
                passwordLink: link.map { ($0.token.sha256, $0.expires) }, at: context.now)
            context.output.line("Added an account for \(account) (\(name)), \(AccountCommand.describe(added)).")
            link?.show(for: account, context)
        }
    }

    struct List: KataCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List the accounts, sorted by handle.")

        @OptionGroup var global: GlobalOptions
        @OptionGroup var format: FormatOptions

        func run(in context: CommandContext) async throws {
            let store = try global.openFile(context)
            let names = await Dictionary(
                try store.people().map { ($0.handle, $0.name) }, uniquingKeysWith: { first, _ in first })
            let rows = try store.accounts().map { AccountRow($0, name: names[$0.handle] ?? "") }
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
            let store = try global.openFile(context)
            guard try store.account(account) != nil else {
                throw KataError.unknown(kind: "account", reference: account.rawValue, hint: "See 'kata account list'.")
            }
            let hash = try password.hash(context)
            let link = passwordLink ? try password.newLink(context) : nil
            if newRoles != nil || state != nil {
                let edited = try store.editAccount(
                    account, roles: newRoles, enabled: state.map { $0 == .enable }, at: context.now)
                context.output.line("Updated \(account): \(AccountCommand.describe(edited)).")
            }
            if let hash {
                try store.setPasswordHash(account, hash: hash, at: context.now)
                context.output.line("Set the password of \(account).")
            }
            if let link {
                try store.addPasswordLink(
                    sha256: link.token.sha256, handle: account, expires: link.expires, at: context.now)
                link.show(for: account, context)
            }
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
            try global.openFile(context).editAccount(account, enabled: false, at: context.now)
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
            "The server's address, for set-password links (default: $KATA_SERVER, else http://127.0.0.1:8470).",
            valueName: "url"))
    var url: String?

    /// The bcrypt hash of the password read from standard input, nil without `--password-stdin`;
    /// refuses a password that breaks the rule before anything is written.
    func hash(_ context: CommandContext) throws -> String? {
        guard passwordStdin else { return nil }
        let reader = context.input ?? StandardInputReader()
        guard var password = reader.readLine(), !password.isEmpty else {
            throw KataError.missing(
                fields: ["password"], hint: "Give it on one line of standard input, such as '< password.txt'.")
        }
        if password.hasSuffix("\r") { password.removeLast() }
        try Password.check(password)
        return Bcrypt.hash(password, cost: AccountCommand.bcryptCost)
    }

    /// A new set-password link on the server's address, valid for `AccountCommand.linkLifetime`;
    /// refuses an address that is not http(s) before anything is written.
    func newLink(_ context: CommandContext) throws -> SetPasswordLink {
        SetPasswordLink(
            base: try serverAddress(context), token: SecretToken.random(),
            expires: context.now + AccountCommand.linkLifetime)
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

/// A one-time link that sets an account's password: the store keeps the hash of its token, and
/// the link is printed once.
struct SetPasswordLink {
    var base: String
    var token: SecretToken
    var expires: Date

    /// Prints the link for `account`: the only time it is shown.
    func show(for account: Handle, _ context: CommandContext) {
        context.output.line("Set the password before \(ReviewPacketBuilder.timestamp(expires)) at this one-time link:")
        context.output.line("  \(base)/set-password/\(token.text)")
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

    init(_ account: Account, name: String) {
        handle = account.handle.rawValue
        self.name = name
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
