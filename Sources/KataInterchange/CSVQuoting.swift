import Foundation
import KataStore

/// Finds quotes in a CSV file that the CSV library would read as other text than was written.
///
/// The library is lenient: in `"a"b"` it drops the `b`, and a quote never closed runs to the end
/// of the file, so a file cut short imports without a word. Both are refused instead, naming the
/// row. A quote inside a value that does not start with one (`5" screws`) is kept as written, as
/// spreadsheets do.
package enum CSVQuoting {
    /// A misplaced quote: the row (as the importer counts them) and what is wrong.
    package struct Problem: Equatable {
        package var row: Int
        package var text: String
    }

    /// The separator of the file at `path`, told from its header row: a semicolon (what Excel
    /// and LibreOffice write in German or French locales) or a tab where the first row that is
    /// not empty holds more of those than commas, a comma otherwise.
    package static func separator(path: String) throws -> UInt8 {
        guard let handle = FileHandle(forReadingAtPath: path) else { return UInt8(ascii: ",") }
        defer { try? handle.close() }
        let start = try handle.read(upToCount: 1 << 16) ?? Data()
        let text = start.starts(with: [0xEF, 0xBB, 0xBF]) ? start.dropFirst(3) : start[...]
        let header =
            text.split(whereSeparator: { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }).first {
                $0.contains { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") }
            } ?? []
        let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        let counts = candidates.map { separator in header.count { $0 == separator } }
        guard let most = counts.max(), most > counts[0], let index = counts.firstIndex(of: most) else {
            return UInt8(ascii: ",")
        }
        return candidates[index]
    }

    /// The first misplaced quote in the file at `path`, cells separated by `separator`; nil when
    /// there is none.
    package static func firstProblem(path: String, separator: UInt8 = UInt8(ascii: ",")) throws -> Problem? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var scanner = Scanner(separator: separator)
        var first = true
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            var bytes = chunk[...]
            if first, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            first = false
            if let problem = scanner.scan(bytes) { return problem }
        }
        return scanner.end()
    }

    /// The state of a scan, carried from one chunk to the next.
    struct Scanner {
        private enum State {
            case fieldStart, unquoted, quoted, quoteInQuoted, afterCR
        }

        private var state = State.fieldStart
        private var row = 1
        private var quoteRow = 1
        private let comma: UInt8

        init(separator: UInt8 = UInt8(ascii: ",")) { comma = separator }

        mutating func scan(_ bytes: Data.SubSequence) -> Problem? {
            let quote = UInt8(ascii: "\"")
            let cr = UInt8(ascii: "\r")
            let lf = UInt8(ascii: "\n")
            for byte in bytes {
                if state == .afterCR {
                    state = .fieldStart
                    if byte == lf { continue }
                }
                switch state {
                case .fieldStart, .unquoted:
                    if byte == quote && state == .fieldStart {
                        state = .quoted
                        quoteRow = row
                    } else if byte == comma {
                        state = .fieldStart
                    } else if byte == lf {
                        row += 1
                        state = .fieldStart
                    } else if byte == cr {
                        row += 1
                        state = .afterCR
                    } else {
                        state = .unquoted
                    }
                case .quoted:
                    if byte == quote { state = .quoteInQuoted }
                case .quoteInQuoted:
                    if byte == quote {
                        state = .quoted
                    } else if byte == comma {
                        state = .fieldStart
                    } else if byte == lf {
                        row += 1
                        state = .fieldStart
                    } else if byte == cr {
                        row += 1
                        state = .afterCR
                    } else {
                        return Problem(
                            row: row,
                            text: "a quoted value is followed by other text before the next separator; inside quotes, "
                                + "write a quote as two (\"\").")
                    }
                case .afterCR:
                    break
                }
            }
            return nil
        }

        /// The problem at the end of the file: a quote still open.
        func end() -> Problem? {
            guard state == .quoted else { return nil }
            return Problem(
                row: quoteRow,
                text: "a quote opened in this row is never closed; the file may be cut short. Close it, and "
                    + "inside quotes write a quote as two (\"\").")
        }
    }
}
