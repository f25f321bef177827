import Mustache
import Testing

@testable import KataWeb

@Suite("Templates compiled into the binary")
struct TemplateTests {
    @Test("every template parses", arguments: Templates.all.keys.sorted())
    func parses(_ name: String) throws {
        let text = try #require(Templates.all[name])
        _ = try MustacheTemplate(string: text)
    }

    @Test("a value is escaped for HTML wherever a page shows it")
    func escapes() throws {
        let renderer = try PageRenderer()
        let html = renderer.render("problem", ["heading": "<script>alert(1)</script>", "message": "a & \"b\" 'c'"])
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("a &amp; &quot;b&quot; &#39;c&#39;"))
        #expect(!html.contains("<script>"))
    }
}
