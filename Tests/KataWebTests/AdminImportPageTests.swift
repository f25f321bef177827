import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import ImprovementKata
import KataSQLite
import KataServer
import KataStore
import KataTestSupport
import NIOCore
import Testing

@testable import KataWeb

@Suite("Admin: import a file, a dry run first")
struct AdminImportPageTests {
    static let person = #"{"kind":"person","handle":"zoe","name":"Zoe Park","unit":"Assembly"}"#
    static let pairing =
        #"{"kind":"pairing","id":"7a000000-0000-4000-8000-0000000000f1","coach":"ann","learner":"zoe","since":"2026-11-02"}"#
    static let good = [person, pairing].joined(separator: "\n") + "\n"

    /// Whether zoe, the person of the file, is in the database.
    static func zoeWritten(_ fixture: WebFixture) throws -> Bool {
        try fixture.owner.people(unit: nil).contains { $0.handle.rawValue == "zoe" }
    }

    /// The id of the checked file in a summary page.
    static func uploadID(_ page: TestResponse) -> String? {
        page.text.firstMatch(of: /name="upload" value="([0-9a-f]+)"/).map { String($0.1) }
    }

    @Test("the form: a file input for .jsonl and .csv, the CSRF token, multipart, the dry-run button")
    func form() async throws {
        let fixture = try await WebFixture()
        let (page, home) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            return (try await client.get("/admin/import", &browser), try await client.get("/admin", &browser))
        }
        #expect(page.status == .ok)
        #expect(page.text.contains(#"enctype="multipart/form-data""#))
        #expect(page.text.contains(#"name="file" type="file" accept=".jsonl,.csv""#))
        #expect(page.text.contains("Check the file (dry run)"))
        #expect(page.text.contains("Nothing is written until the check passes"))
        #expect(home.text.contains(#"<a href="/admin/import">"#))
    }

    @Test("a dry run of a new person and a pairing shows the counts and writes nothing")
    func dryRun() async throws {
        let fixture = try await WebFixture()
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            return try await client.upload("/admin/import", file: Self.good, &browser)
        }
        #expect(page.status == .ok, "\(page.text)")
        #expect(page.text.contains("interchange JSONL"))
        #expect(page.text.contains(#"<tr><th scope="row">people</th><td>1</td><td>0</td></tr>"#), "\(page.text)")
        #expect(page.text.contains(#"<tr><th scope="row">pairings</th><td>1</td><td>0</td></tr>"#))
        #expect(page.text.contains(#"action="/admin/import/confirm""#) && page.text.contains("Import these records"))
        #expect(Self.uploadID(page) != nil)
        #expect(
            page.text.contains(/name="csrf" value="[^"]+">\s*<input type="hidden" name="upload"/),
            "the confirmation carries the session's token")
        #expect(try !Self.zoeWritten(fixture))
        #expect(try await fixture.audit("import").isEmpty)
    }

    @Test("a dry run of a cycles CSV names the format, counts the cycle once and says a row repeated")
    func csvDryRun() async throws {
        let fixture = try await WebFixture()
        let csv = "date,coach,learner,minutes\n2026-11-18,dan,eve,15\n2026-11-18,dan,eve,15\n"
        let before = try fixture.owner.cycles(CycleFilter()).count
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            return try await client.upload("/admin/import", file: csv, name: "cycles.csv", &browser)
        }
        #expect(page.status == .ok, "\(page.text)")
        #expect(page.text.contains("Format: cycles CSV. Records to add: 1;"), "\(page.text)")
        #expect(page.text.contains(#"<tr><th scope="row">coaching cycles</th><td>1</td><td>0</td></tr>"#))
        #expect(page.text.contains("Rows repeated in the file, counted once: 1."))
        #expect(try fixture.owner.cycles(CycleFilter()).count == before)
    }

    @Test("confirming imports the checked file, audits it as the API does, and the id is spent")
    func confirm() async throws {
        let fixture = try await WebFixture()
        let (done, shown, again) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            let checked = try await client.upload("/admin/import", file: Self.good, &browser)
            let id = try #require(Self.uploadID(checked), "\(checked.text)")
            let done = try await client.post("/admin/import/confirm", [("upload", id)], &browser)
            let shown = try await client.get(done.location ?? "/admin/import", &browser)
            let again = try await client.post("/admin/import/confirm", [("upload", id)], &browser)
            return (done, shown, again)
        }
        #expect(done.status == .seeOther, "\(done.text)")
        #expect(done.location == "/admin/import?done=imported&added=2&unchanged=0")
        #expect(shown.text.contains("Imported: 2 added, 0 unchanged."))
        #expect(try Self.zoeWritten(fixture))
        let entries = try await fixture.audit("import")
        #expect(entries.count == 1)
        let entry = try #require(entries.first)
        #expect(entry.account == handle("ada") && entry.via == "session")
        #expect(entry.record == "jsonl" && entry.action == "import" && entry.detail == "2 added, 0 unchanged")
        #expect(again.status == .notFound && again.text.contains("upload it again"), "\(again.text)")
    }

    @Test("a file with a bad line is refused with its line and field, and nothing is written")
    func badLine() async throws {
        let fixture = try await WebFixture()
        let bad = [Self.person, #"{"kind":"person","handle":"Bad Handle!","name":"x"}"#].joined(separator: "\n")
        let page = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            return try await client.upload("/admin/import", file: bad, &browser)
        }
        #expect(page.status == .badRequest, "\(page.text)")
        #expect(page.text.contains("line 2") && page.text.contains("handle"), "\(page.text)")
        #expect(!page.text.contains("Import these records"))
        #expect(try !Self.zoeWritten(fixture))
        #expect(try await fixture.audit("import").isEmpty)
    }

    @Test("a wrong CSRF token is 403 and nothing is written; someone not an admin is 403")
    func refusals() async throws {
        let fixture = try await WebFixture()
        let (wrong, ann, annPage) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            let wrong = try await client.upload("/admin/import", file: Self.good, csrf: "not-the-token", &browser)
            var annBrowser = try await client.signIn("ann")
            let ann = try await client.upload("/admin/import", file: Self.good, &annBrowser)
            let annPage = try await client.get("/admin/import", &annBrowser)
            return (wrong, ann, annPage)
        }
        #expect(wrong.status == .forbidden && wrong.text.contains("<h1>Not allowed</h1>"))
        #expect(ann.status == .forbidden && ann.text.contains("<h1>Not allowed</h1>"))
        #expect(annPage.status == .forbidden)
        #expect(try !Self.zoeWritten(fixture))
    }

    @Test("another admin presenting the id, or the id after an hour, gets 404 and nothing is written")
    func othersAndExpired() async throws {
        let fixture = try await WebFixture()
        let directory = try #require(fixture.accounts as? InMemoryAccountDirectory)
        await directory.add(
            Account(handle: handle("fay"), roles: [.admin], created: AccessFixture.now), name: "fay",
            password: WebFixture.password, cost: 4)
        let (other, expired) = try await fixture.test { client in
            var ada = try await client.signIn("ada")
            try await client.get("/admin/import", &ada)
            let checked = try await client.upload("/admin/import", file: Self.good, &ada)
            let id = try #require(Self.uploadID(checked))
            var fay = try await client.signIn("fay")
            let other = try await client.post("/admin/import/confirm", [("upload", id)], &fay)
            fixture.clock.advance(hours: 1.5)
            let expired = try await client.post("/admin/import/confirm", [("upload", id)], &ada)
            return (other, expired)
        }
        #expect(other.status == .notFound, "\(other.text)")
        #expect(expired.status == .notFound && expired.text.contains("upload it again"), "\(expired.text)")
        #expect(try !Self.zoeWritten(fixture))
        #expect(try await fixture.audit("import").isEmpty)
    }

    @Test(
        "a file before the CSRF token, or a body of another boundary, is 403; no file, or a body not multipart, is 400"
    )
    func malformed() async throws {
        let fixture = try await WebFixture()
        let (fileFirst, empty, notMultipart, cut) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            let csrf = browser.csrf ?? ""
            let fileFirst = try await client.multipart(
                "/admin/import", [("file", "a.jsonl", Self.good), ("csrf", nil, csrf)], &browser)
            let empty = try await client.multipart(
                "/admin/import", [("csrf", nil, csrf), ("file", "", "")], &browser)
            let notMultipart = try await client.post("/admin/import", [("file", Self.good)], &browser)
            var cutBrowser = browser
            let cut = try await client.multipart(
                "/admin/import", [("csrf", nil, csrf), ("file", "a.jsonl", Self.good)],
                contentType: "multipart/form-data; boundary=another-boundary", &cutBrowser)
            return (fileFirst, empty, notMultipart, cut)
        }
        #expect(fileFirst.status == .forbidden && fileFirst.text.contains("<h1>Not allowed</h1>"))
        #expect(empty.status == .badRequest && empty.text.contains("missing file"), "\(empty.text)")
        #expect(empty.text.contains(#"enctype="multipart/form-data""#), "the form again")
        #expect(notMultipart.status == .badRequest, "\(notMultipart.text)")
        #expect(cut.status == .forbidden, "no part found, so no CSRF token: \(cut.text)")
        #expect(try !Self.zoeWritten(fixture))
    }

    @Test("a file that no longer fits when confirmed is refused whole (400), unaudited, and its id is spent")
    func changedSinceCheck() async throws {
        let fixture = try await WebFixture()
        let (refused, again) = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            let checked = try await client.upload("/admin/import", file: Self.good, &browser)
            let id = try #require(Self.uploadID(checked))
            // Between the check and the confirmation, zoe is added with another name.
            try fixture.owner.addPerson(Person(handle: handle("zoe"), name: "Zoe Other"))
            let refused = try await client.post("/admin/import/confirm", [("upload", id)], &browser)
            let again = try await client.post("/admin/import/confirm", [("upload", id)], &browser)
            return (refused, again)
        }
        #expect(refused.status == .badRequest, "\(refused.text)")
        #expect(refused.text.contains("Nothing was imported"), "\(refused.text)")
        #expect(try fixture.owner.person(handle("zoe"))?.name == "Zoe Other")
        #expect(try await fixture.owner.pairings(learner: handle("zoe")).isEmpty)
        #expect(try await fixture.audit("import").isEmpty)
        #expect(again.status == .notFound)
    }

    @Test("an upload cut off before its closing boundary is refused and nothing is kept")
    func cutOff() async throws {
        let fixture = try await WebFixture()
        let response = try await fixture.test { client in
            var browser = try await client.signIn("ada")
            try await client.get("/admin/import", &browser)
            let boundary = "cut-boundary"
            let body =
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n"
                + "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.jsonl\"\r\n\r\n"
                + Self.good
            let headers: HTTPFields = [
                .contentType: "multipart/form-data; boundary=\(boundary)", .cookie: browser.cookieHeader,
            ]
            return try await client.execute(
                uri: "/admin/import", method: .post, headers: headers, body: ByteBuffer(string: body))
        }
        #expect(response.status == .badRequest && response.text.contains("cut off"), "\(response.text)")
        #expect(try !Self.zoeWritten(fixture))
    }

    @Test("the boundary of a multipart content type, quoted or not; another type has none")
    func boundary() {
        #expect(MultipartUpload.boundary("multipart/form-data; boundary=abc") == "abc")
        #expect(MultipartUpload.boundary("Multipart/Form-Data;boundary=ABC") == "ABC")
        #expect(MultipartUpload.boundary(#"multipart/form-data; charset=utf-8; boundary="x-y""#) == "x-y")
        #expect(MultipartUpload.boundary("application/x-www-form-urlencoded") == nil)
        #expect(MultipartUpload.boundary("multipart/form-data") == nil)
        #expect(MultipartUpload.boundary("multipart/form-data; boundary=") == nil)
    }

    @Test("the kept files: the account's own, once, for an hour")
    func keptFiles() throws {
        let uploads = ImportUploads()
        let now = AccessFixture.now
        let spool = try SpoolFile()
        let id = uploads.keep(spool, for: handle("ada"), at: now)
        #expect(id.count == 32)
        #expect(uploads.take(id, for: handle("fay"), at: now) == nil)
        #expect(uploads.take(id, for: handle("ada"), at: now) === spool)
        #expect(uploads.take(id, for: handle("ada"), at: now) == nil)
        let old = try SpoolFile()
        let oldID = uploads.keep(old, for: handle("ada"), at: now)
        uploads.sweep(at: now.addingTimeInterval(ImportUploads.lifetime + 1))
        #expect(uploads.count == 0 && uploads.take(oldID, for: handle("ada"), at: now) == nil)
        #expect(!FileManager.default.fileExists(atPath: old.folder.path))
        spool.remove()
    }
}

extension TestClientProtocol {
    /// `POST uri` as `multipart/form-data` from `browser`: the `csrf` field (the last page's
    /// unless given) first, then `file` as the part named `file`, as a browser sends the form.
    @discardableResult
    func upload(
        _ uri: String, file: String, name: String = "people.jsonl", csrf: String? = nil, _ browser: inout Browser
    ) async throws -> TestResponse {
        try await multipart(
            uri, [("csrf", nil, csrf ?? browser.csrf ?? ""), ("file", name, file)], &browser)
    }

    /// `POST uri` as `multipart/form-data` from `browser` with `parts` in their order: each a
    /// name, the file name of a file part, and the content.
    @discardableResult
    func multipart(
        _ uri: String, _ parts: [(String, String?, String)], contentType: String? = nil, _ browser: inout Browser
    ) async throws -> TestResponse {
        let boundary = "----kata-test-\(UUID().uuidString)"
        var body = ""
        for (name, fileName, content) in parts {
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let fileName { body += "; filename=\"\(fileName)\"\r\nContent-Type: application/octet-stream" }
            body += "\r\n\r\n\(content)\r\n"
        }
        body += "--\(boundary)--\r\n"
        var headers: HTTPFields = [.contentType: contentType ?? "multipart/form-data; boundary=\"\(boundary)\""]
        if !browser.cookies.isEmpty { headers[.cookie] = browser.cookieHeader }
        let response = try await execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        browser.read(response)
        return response
    }
}
