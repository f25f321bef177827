import ArgumentParser
import Foundation
import ImprovementKata
import KataClient
import KataSQLite

/// `kata sync`: sends what waits in the outbox.
struct SyncCommand: KataCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Send the records kept in the outbox while the server could not be reached.",
        discussion: """
            Records are sent oldest first, and the server checks each as if it had just been typed. \
            One it refuses stays in the outbox with the server's message ('kata outbox show ID'); \
            correct it and log it again, or drop it. Sending twice never stores a record twice.
            """)

    @OptionGroup var global: GlobalOptions

    func run(in context: CommandContext) async throws {
        let files = context.clientFiles
        let outbox = Outbox(files: files)
        guard try !outbox.entries().isEmpty else {
            context.output.line("Nothing waits in the outbox.")
            return
        }
        let connection = try Credentials.signedIn(to: global.chosenServer(context), files: files).connection(
            timeout: context.serverTimeout())
        let now = context.now
        let report = try await outbox.send(over: connection, now: now)
        for entry in report.sent {
            context.output.line(
                "Sent \(entry.kind.rawValue) \(entry.id.short) (kept \(WireJSON.instantText(entry.queued))).")
        }
        for entry in report.refused {
            context.output.line(
                "Kept \(entry.kind.rawValue) \(entry.id.short): \(entry.refusal?.message ?? "refused.")")
        }
        let waiting = report.refused.count + report.untried.count
        if let stopped = report.stopped {
            context.output.line("\(waiting == 1 ? "1 record waits" : "\(waiting) records wait") in the outbox.")
            throw stopped
        }
        guard report.refused.isEmpty else {
            throw KataError.ruleBroken(
                "the server refused \(waiting == 1 ? "1 record" : "\(waiting) records"); see 'kata outbox show ID', "
                    + "then log it again corrected, or 'kata outbox drop ID'.")
        }
    }
}

extension RemoteStore.Kept {
    /// Says that the record waits in the outbox (the command then succeeds).
    func report(to context: CommandContext) {
        context.output.line("Kept in the outbox: the server cannot be reached. 'kata sync' sends it.")
    }
}
