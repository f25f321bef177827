import Foundation
import ImprovementKata
import KataTestSupport
import Testing

@testable import KataServer

@Suite("kata serve: where it listens")
struct ServeConfigurationTests {
    @Test("by default it listens on 127.0.0.1:8470 with an 8 MB body limit")
    func defaults() throws {
        let configuration = try ServerConfiguration(listen: ServerConfiguration.defaultListen)
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8470)
        #expect(configuration.bodyLimit == 8 * 1024 * 1024)
        #expect(configuration.listensOnLoopback)
        #expect(try ServerConfiguration(listen: "[::1]:9000").host == "::1")
        #expect(try ServerConfiguration(listen: "localhost:9000").listensOnLoopback)
    }

    @Test("a non-loopback address needs an https public URL")
    func nonLoopbackNeedsTLS() throws {
        for publicURL in [nil, "http://kata.example.org"] {
            #expect {
                try ServerConfiguration(listen: "0.0.0.0:8470", publicURL: publicURL)
            } throws: { error in
                (error as? KataError)?.kind == .usage && "\(error)".contains("--public-url https://")
            }
        }
        let served = try ServerConfiguration(listen: "0.0.0.0:8470", publicURL: "https://kata.example.org")
        #expect(served.publicURL?.absoluteString == "https://kata.example.org")
    }

    @Test("a malformed --listen, --public-url or --trust-proxy is refused naming the option")
    func malformedOptions() {
        let cases: [(String, String?, String?, String)] = [
            ("8470", nil, nil, "listen"), ("127.0.0.1:http", nil, nil, "listen"),
            ("127.0.0.1:70000", nil, nil, "listen"), ("127.0.0.1:8470", "kata.example.org", nil, "publicUrl"),
            ("127.0.0.1:8470", nil, "proxy.local", "trustProxy"),
        ]
        for (listen, publicURL, proxy, field) in cases {
            #expect {
                try ServerConfiguration(listen: listen, publicURL: publicURL, trustedProxy: proxy)
            } throws: { error in
                (error as? KataError)?.field == field
            }
        }
    }

    @Test("kata serve refuses a public --listen without --public-url https:// (exit 64)")
    func serveRefusesPublicListen() async throws {
        let kata = try await KataRunner()
        let result = await kata.run("serve", "--listen", "0.0.0.0:8470")
        #expect(result.exitCode == 64)
        #expect(result.errors.contains("--public-url https://"))
    }

    @Test("kata serve on a database file that does not exist exits 66 and creates nothing")
    func serveWithoutDatabase() async throws {
        let kata = try await KataRunner(initialise: false)
        let result = await kata.run("serve", "--listen", "127.0.0.1:0")
        #expect(result.exitCode == 66)
        #expect(result.errors.contains("kata init"))
        #expect(!FileManager.default.fileExists(atPath: kata.databasePath))
    }
}
