import ArgumentParser
import Foundation

/// Fits ArgumentParser's help and error messages to the terminal.
///
/// ArgumentParser wraps every part of a help screen but the usage line, which for a command with
/// ten options runs to 200 columns and is folded by the terminal in the middle of an option. This
/// wraps that line between its arguments, continuing under the first argument:
///
/// ```
/// USAGE: kata practice [--db <path>] [--from <from>] [--to <to>]
///                      [--period <period>] [--format <format>]
/// ```
enum HelpLayout {
    /// `message` with every usage line wider than `columns` wrapped.
    static func fitted(_ message: String, columns: Int) -> String {
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard line.count > columns, line.hasPrefix("USAGE: ") || line.hasPrefix("Usage: ") else {
                return String(line)
            }
            return wrappedUsage(line, columns: columns)
        }.joined(separator: "\n")
    }

    /// The help screen of `command` at `columns`, as `kata … --help` prints it.
    static func help(for command: any ParsableCommand.Type, columns: Int) -> String {
        fitted(Kata.helpMessage(for: command, columns: columns), columns: columns)
    }

    /// The width help is written for: `COLUMNS`, else the terminal's width, else 80 (as ArgumentParser
    /// decides it).
    static func columns(environment: [String: String]) -> Int {
        if let text = environment["COLUMNS"], let columns = Int(text), columns > 0 { return columns }
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// A usage line broken between arguments (an argument in brackets or angle brackets, and a
    /// required option with its value, stay whole).
    private static func wrappedUsage(_ line: Substring, columns: Int) -> String {
        var words: [String] = []
        var word = ""
        var depth = 0
        for character in line {
            if character == " " && depth == 0 {
                if !word.isEmpty { words.append(word) }
                word = ""
                continue
            }
            if character == "[" || character == "<" { depth += 1 }
            if character == "]" || character == ">" { depth -= 1 }
            word.append(character)
        }
        if !word.isEmpty { words.append(word) }
        // A required option and its value stay together: "--coach <coach>".
        words = words.reduce(into: []) { joined, word in
            if word.hasPrefix("<"), let last = joined.last, last.hasPrefix("--") {
                joined[joined.count - 1] += " " + word
            } else {
                joined.append(word)
            }
        }
        // "USAGE:", "kata" and the subcommand names come before the first argument.
        let head = words.prefix { !$0.hasPrefix("[") && !$0.hasPrefix("<") && !$0.hasPrefix("-") }
        var indent = head.map(\.count).reduce(head.count, +)
        if indent > columns / 2 { indent = 7 }
        var lines = [head.joined(separator: " ")]
        for word in words.dropFirst(head.count) {
            if lines[lines.count - 1].count + 1 + word.count > columns && lines[lines.count - 1].count > indent {
                lines.append(String(repeating: " ", count: indent) + word)
            } else {
                lines[lines.count - 1] += " " + word
            }
        }
        return lines.joined(separator: "\n")
    }
}
