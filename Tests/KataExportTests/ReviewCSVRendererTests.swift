import CoachTheCoaches
import Foundation
import ImprovementKata
import KataExport
import Testing

@Suite("CSV review table")
struct ReviewCSVRendererTests {
    @Test("one row per coach under a header, UTF-8 with a byte-order mark and CRLF line ends")
    func table() throws {
        let csv = ReviewCSVRenderer.render([ReviewSample.packet(), ReviewSample.emptyPacket()])
        #expect(
            csv.hasPrefix("\u{FEFF}format,coach,name,unit,from,to,until,generatedAt,kataVersion,emptyPeriod,cycles,"))
        #expect(Array(csv.utf8.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(csv.hasSuffix("\r\n"))
        let rows = try parseCSV(String(csv.dropFirst()))
        #expect(rows.count == 3)
        #expect(rows[0] == ReviewCSVRenderer.columns)
        let ann = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(ann["format"] == "kata-review/1")
        #expect(ann["coach"] == "ann")
        #expect(ann["from"] == "2026-07-01" && ann["to"] == "2026-09-30")
        #expect(ann["generatedAt"] == "2026-11-20T09:00:00Z")
        #expect(ann["cycles"] == "123")
        #expect(ann["coachedDays"] == "61")
        // Shares to four places, minutes to one: 61 / 66 is 0.92424242…
        #expect(ann["cadence"] == "0.9242")
        #expect(ann["until"] == "")
        #expect(ann["privacy"] == ReviewPrivacy().statement)
        #expect(ann["averageMinutes"] == "17.5")
        #expect(ann["predictionRate"] == "0.9")
        #expect(ann["targetConditionsAchieved"] == "1" && ann["targetConditionsActive"] == "1")
        #expect(ann["cyclesReceived"] == "9")
        #expect(ann["purpose"]?.contains("not a ranking") == true)
        let carl = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[2]))
        #expect(carl["emptyPeriod"] == "true")
        #expect(carl["lastCycle"] == "" && carl["averageMinutes"] == "" && carl["predictionRate"] == "")
        #expect(carl["unit"] == "")
    }

    @Test("figures carry no float noise: shares to four decimal places, minutes to one")
    func rounding() throws {
        var packet = ReviewSample.packet()
        packet.practice.cadence = 0.48125000000000007
        packet.practice.predictionRate = 0.1 + 0.2
        packet.practice.averageMinutes = 52.0 / 3
        let rows = try parseCSV(String(ReviewCSVRenderer.render([packet]).dropFirst()))
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        #expect(row["cadence"] == "0.4813")
        #expect(row["predictionRate"] == "0.3")
        #expect(row["averageMinutes"] == "17.3")
        packet.practice.cadence = 1
        packet.practice.averageMinutes = 20
        let whole = try parseCSV(String(ReviewCSVRenderer.render([packet]).dropFirst()))
        #expect(Dictionary(uniqueKeysWithValues: zip(whole[0], whole[1]))["cadence"] == "1")
        #expect(Dictionary(uniqueKeysWithValues: zip(whole[0], whole[1]))["averageMinutes"] == "20")
        // The JSON keeps the full value.
        packet.practice.cadence = 0.48125000000000007
        #expect(try ReviewJSONRenderer.render(packet).contains("\"cadence\" : 0.48125000000000007"))
    }

    @Test("text a spreadsheet would run is defused with an apostrophe and kept", arguments: ReviewSample.hostileNames)
    func defusing(name: String) throws {
        let csv = ReviewCSVRenderer.render([ReviewSample.packet(name: name, unit: name)])
        let rows = try parseCSV(String(csv.dropFirst()))
        #expect(rows.count == 2)
        #expect(rows[1].count == ReviewCSVRenderer.columns.count)
        let row = Dictionary(uniqueKeysWithValues: zip(rows[0], rows[1]))
        let runs = ["=", "+", "-", "@", "\t", "\r"].contains { name.hasPrefix($0) }
        #expect(row["name"] == (runs ? "'" + name : name))
        #expect(row["unit"] == (runs ? "'" + name : name))
    }

    @Test("commas, quotes and line breaks are quoted per RFC 4180")
    func quoting() {
        let csv = ReviewCSVRenderer.render([ReviewSample.packet(name: "O'Brien, \"Bo\"", unit: "Two\nLines")])
        #expect(csv.contains(",\"O'Brien, \"\"Bo\"\"\",\"Two\nLines\","))
        let hyperlink = ReviewCSVRenderer.render([ReviewSample.packet(name: "=HYPERLINK(\"http://x\",\"y\")")])
        #expect(hyperlink.contains(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\","))
    }
}

/// Reads RFC 4180 CSV strictly: quoted fields with doubled quotes, CRLF between records.
func parseCSV(_ text: String) throws -> [[String]] {
    struct Malformed: Error {}
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var scalars = Array(text.unicodeScalars)[...]
    while let scalar = scalars.popFirst() {
        if quoted {
            if scalar == "\"" {
                if scalars.first == "\"" {
                    field.unicodeScalars.append(scalars.removeFirst())
                } else {
                    quoted = false
                }
            } else {
                field.unicodeScalars.append(scalar)
            }
        } else if scalar == "\"" {
            guard field.isEmpty else { throw Malformed() }
            quoted = true
        } else if scalar == "," {
            row.append(field)
            field = ""
        } else if scalar == "\r" {
            guard scalars.popFirst() == "\n" else { throw Malformed() }
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else {
            guard scalar != "\n" else { throw Malformed() }
            field.unicodeScalars.append(scalar)
        }
    }
    guard !quoted, field.isEmpty, row.isEmpty else { throw Malformed() }
    return rows
}
