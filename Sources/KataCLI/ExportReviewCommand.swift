import ArgumentParser
import CoachTheCoaches
import Foundation
import ImprovementKata
import KataClient
import KataExport
import KataSQLite
import KataStore

/// `kata export review`: HR review packets (DESIGN §7).
struct ExportReviewCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Make HR review packets: a coach's coaching practice and development over a period.",
        discussion: """
            A packet holds the practice figures of 'kata practice' with their definitions, the weekly \
            trend, a calendar of coached days, the 2nd-coach observations of the coach, the target \
            conditions they coached and how each ended, and their own development as a learner. It is \
            for a development conversation, not a ranking.

            Privacy by default: learners appear as Learner A, B, … and the coach's own coaches as \
            Coach A, B, … (in the order of their handles); the 2nd coach's focus points and triggers are \
            included; focus processes, target condition texts, reflections and observation notes only \
            with --include-notes, real names only with --include-learners. The free text of coaching \
            cycles is never included.

            The period defaults to the last full calendar quarter before today. A coach with no \
            activity in the period gets a packet that says so; a person who has never coached (no \
            pairing as coach, no cycle) is refused.

            Formats: json (kata-review/1, described by Schema/JSON/review-v1.schema.json), csv (one \
            row per coach, UTF-8 with a byte-order mark), md, html (one self-contained file that prints \
            on A4). With --all: json is one document and csv one table; md and html go to one file per \
            coach when --out is a folder, or to one document (one packet per page) when --out ends in \
            .md or .html or is left out. Files are written whole or not at all, readable only by you.

            Every packet a server makes is recorded in its audit log (who made it, whose, the period, \
            the opt-ins): nothing about a person is exported behind their back. With the option \
            --made-about-me, kata lists the packets made about you, through the server you are signed \
            in to; on the server's database file (--db), which has no signed-in caller, name the coach \
            with --coach. The list is a table (md), or json or csv.

            Examples:
              kata export review --made-about-me
              kata export review --coach ann --period 2026-Q3 --format html --out ann.html
              kata export review --all --period 2026-H2 --format html --out reviews
              kata export review --all --format csv --out practice-q3.csv
            """)

    @OptionGroup var global: GlobalOptions
    @OptionGroup var period: PeriodOptions

    @Option(parsing: .unconditional, help: "The coach whose packet to make.")
    var coach: String?

    @Flag(help: "Make a packet for every coach of the period (as 'kata practice' lists them).")
    var all = false

    @Option(
        parsing: .unconditional, help: "Output format: json, csv, md (default) or html.", transform: ReviewFormat.parse)
    var format: ReviewFormat = .md

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Write to this file instead of standard output; a folder for one file per coach with --all and md or "
                + "html.", valueName: "path"))
    var out: String?

    @Flag(help: "Name learners and the coach's own coaches instead of using pseudonyms.")
    var includeLearners = false

    @Flag(help: "Include free text: target condition texts, reflections and observation notes.")
    var includeNotes = false

    @Flag(help: "List the review packets made about you (on a file: about --coach), instead of making one.")
    var madeAboutMe = false

    func validate() throws {
        if madeAboutMe {
            guard !all else { throw ValidationError("Give either --made-about-me or --all, not both.") }
            guard format != .html, out == nil else {
                throw ValidationError("--made-about-me prints a list: give --format md, json or csv, and no --out.")
            }
            return
        }
        if coach == nil && !all {
            throw ValidationError("Give --coach HANDLE for one coach's packet, or --all for every coach.")
        }
        if coach != nil && all {
            throw ValidationError("Give either --coach or --all, not both.")
        }
    }

    func run(in context: CommandContext) async throws {
        if madeAboutMe { return try await listMadeAboutMe(context) }
        let store = try await global.openStore(context)
        let today = try await context.today(store)
        let range = try period.resolve(today: today, fallback: Self.lastFullQuarter(before: today))
        let privacy = ReviewPrivacy(learnerNames: includeLearners, notes: includeNotes)
        let perCoachFiles = all && (format == .md || format == .html) && out.map(ReviewFormat.isFolder) == true
        let destination = try out.map { try ReviewDestination(path: $0, folder: perCoachFiles) }
        let collection = try await store.reviews(
            ReviewRequest(
                coach: try coach.map { try KataCLI.handle($0, "--coach") }, period: range, today: today,
                privacy: privacy, now: context.now, kataVersion: Kata.version))

        if let coach, let packet = collection.packets.first {
            let text = try format.render(packet)
            guard let destination else { return context.output.write(text) }
            let path = try destination.write([(file: "\(packet.coach.handle).\(format.rawValue)", text: text)])
            context.output.line("Wrote the review of \(coach) for \(range.from) to \(range.to) to \(path[0]).")
            return
        }

        if perCoachFiles, let destination {
            guard !collection.packets.isEmpty else {
                context.output.line("No coach coached between \(range.from) and \(range.to); nothing written.")
                return
            }
            let files = try collection.packets.map { packet in
                (file: "\(packet.coach.handle).\(format.rawValue)", text: try format.render(packet))
            }
            try destination.write(files)
            context.output.line(
                "Wrote \(files.count) review packet(s) for \(range.from) to \(range.to) to \(destination.path).")
            return
        }
        let text = try format.render(collection)
        guard let destination else { return context.output.write(text) }
        let path = try destination.write([(file: "review-\(range.from)-\(range.to).\(format.rawValue)", text: text)])
        context.output.line(
            "Wrote \(collection.packets.count) review packet(s) for \(range.from) to \(range.to) to \(path[0]).")
    }

    /// `--made-about-me`: the audit entries of the packets made about the caller, or about
    /// `--coach` on a database file.
    private func listMadeAboutMe(_ context: CommandContext) async throws {
        let whose = try coach.map { try KataCLI.handle($0, "--coach") }
        let accounts = try await global.openAccounts(context, linkBase: { "" }, hash: AccountCommand.hash)
        if accounts is RemoteStore {
            guard whose == nil else {
                throw KataError.usage(
                    "through a server, --made-about-me lists the packets made about you: leave out --coach.")
            }
        } else if whose == nil {
            throw KataError.usage(
                "a database file (--db) has no signed-in coach: give --coach HANDLE with --made-about-me.")
        }
        let rows = try await accounts.reviewPacketsMade(about: whose).map(AuditRow.init)
        let listing = Listing(
            columns: ["at", "made by", "via", "period and opt-ins"],
            rows: rows.map { [$0.at, $0.account ?? "(file)", $0.via, $0.detail.orEmpty] })
        switch format {
        case .json: context.output.write(try jsonText(rows))
        case .csv: context.output.write(listing.csv())
        default:
            guard !rows.isEmpty else {
                let about = whose.map { "about \($0)" } ?? "about you"
                return context.output.line("No review packets have been made \(about).")
            }
            context.output.write(listing.text())
        }
    }

    /// The last calendar quarter that ended before `today`.
    static func lastFullQuarter(before today: Day) -> Period {
        let (year, month, _) = today.components
        let quarter = (month - 1) / 3 + 1
        let (lastYear, lastQuarter) = quarter == 1 ? (year - 1, 4) : (year, quarter - 1)
        let first = Day(year: lastYear, month: lastQuarter * 3 - 2, day: 1) ?? today
        let nextFirst = Day(year: year, month: quarter * 3 - 2, day: 1) ?? today
        return (try? Period(from: first, to: nextFirst.adding(days: -1))) ?? Period.lastFullWeeks(13, before: today)
    }
}

/// `--format` of `kata export review`.
extension ReviewFormat {
    /// `--format`'s value.
    static func parse(_ text: String) throws -> ReviewFormat {
        guard let format = ReviewFormat(rawValue: text) else {
            throw ValidationError("The value '\(text)' is invalid for '--format'; give json, csv, md or html.")
        }
        return format
    }

    static func isFolder(_ path: String) -> Bool {
        let lower = path.lowercased()
        return !(lower.hasSuffix(".md") || lower.hasSuffix(".html") || lower.hasSuffix(".htm"))
    }
}

/// Where `--out` writes: a file, or a folder of files; checked before any work is done and
/// written through temporary files that are renamed into place, so that a failure leaves no
/// partial file behind.
struct ReviewDestination {
    /// The path given.
    let path: String
    /// Whether `path` is a folder to hold the files.
    let folder: Bool

    /// Checks that `path` can be written: its folder exists and is writable.
    init(path: String, folder: Bool) throws {
        guard !path.isEmpty else { throw KataError.usage("--out needs a file or folder name.") }
        self.path = path
        self.folder = folder
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if folder && exists && !isDirectory.boolValue {
            throw KataError.usage(
                "--out \(path) is a file; with --all and this format give a folder (one file per coach), "
                    + "or a name ending in .md or .html for one document.")
        }
        let parent = (folder && exists) || isDirectory.boolValue ? path : ReviewDestination.parent(of: path)
        guard manager.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KataError.fileNotFound(
                path: parent, hint: "Create the folder first, or give another --out; nothing was written.")
        }
        guard manager.isWritableFile(atPath: parent) else {
            throw KataError.failure("cannot write to \(parent): permission denied; give another --out.")
        }
    }

    /// Writes each text to its file (named `file` inside a folder destination, or `path` itself),
    /// all or nothing; returns the paths written.
    @discardableResult
    func write(_ files: [(file: String, text: String)]) throws -> [String] {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let intoFolder =
            folder || (manager.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue)
        if folder && !manager.fileExists(atPath: path) {
            do {
                try manager.createDirectory(
                    atPath: path, withIntermediateDirectories: false,
                    attributes: [
                        .posixPermissions: 0o700
                    ])
            } catch {
                throw KataError.failure("cannot create the folder \(path): \(error.localizedDescription)")
            }
        }
        let targets = files.map { intoFolder ? (path as NSString).appendingPathComponent($0.file) : path }
        var temporaries: [String] = []
        var renamed: [String] = []
        do {
            for (index, file) in files.enumerated() {
                temporaries.append(try ReviewDestination.writeTemporary(file.text, beside: targets[index]))
            }
            for (temporary, target) in zip(temporaries, targets) {
                guard rename(temporary, target) == 0 else {
                    throw KataError.failure(
                        "cannot write \(target): \(String(cString: strerror(errno))); nothing was written.")
                }
                renamed.append(target)
            }
        } catch {
            // All or nothing: a packet set with holes would pass for a complete one.
            for path in temporaries + renamed { unlink(path) }
            throw error
        }
        return targets
    }

    /// Writes `text` to a new private file next to `target` and returns its path.
    private static func writeTemporary(_ text: String, beside target: String) throws -> String {
        let name = ".\((target as NSString).lastPathComponent).\(UUID().uuidString.prefix(8)).tmp"
        let temporary = (parent(of: target) as NSString).appendingPathComponent(name)
        let descriptor = open(temporary, O_CREAT | O_EXCL | O_WRONLY, 0o600)
        guard descriptor >= 0 else {
            throw KataError.failure("cannot write \(target): \(String(cString: strerror(errno))).")
        }
        defer { close(descriptor) }
        fchmod(descriptor, 0o600)
        // Written from the string's own bytes: an --all document can be a hundred megabytes.
        var text = text
        try text.withUTF8 { bytes in
            var written = 0
            while written < bytes.count {
                let result = Foundation.write(
                    descriptor, UnsafeRawPointer(bytes.baseAddress)?.advanced(by: written), bytes.count - written)
                guard result > 0 else {
                    let reason = String(cString: strerror(errno))
                    unlink(temporary)
                    throw KataError.failure("cannot write \(target): \(reason); nothing was written.")
                }
                written += result
            }
        }
        return temporary
    }

    private static func parent(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }
}
