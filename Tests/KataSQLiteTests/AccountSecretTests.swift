import Foundation
import ImprovementKata
import KataStore
import KataTestSupport
import Testing

@Suite("Secrets: tokens and the password rule")
struct AccountSecretTests {
    @Test("a token is kata_ and 64 lower-case hex digits, new each time, and its description hides it")
    func tokenForm() {
        let tokens = (0..<20).map { _ in SecretToken.random() }
        #expect(Set(tokens.map(\.text)).count == 20)
        for token in tokens {
            #expect(token.text.hasPrefix("kata_"))
            #expect(token.text.count == 69)
            #expect(SecretToken(presented: token.text) == token)
            #expect(!"\(token)".contains(token.text.dropFirst(5)))
            #expect(!String(reflecting: token).contains(token.text.dropFirst(5)))
        }
    }

    @Test("only text of a token's form is taken as one")
    func presented() {
        let digits = String(repeating: "0123456789abcdef", count: 4)
        #expect(SecretToken(presented: "kata_" + digits)?.text == "kata_" + digits)
        for bad in [
            "kata_" + digits.uppercased(), "kata_" + digits.dropLast(), "kata_" + digits + "0", digits, "kata_", "",
        ] {
            #expect(SecretToken(presented: bad) == nil, "\(bad)")
        }
    }

    @Test("the hash kept is the SHA-256 of the token's text in lower-case hex")
    func sha256() {
        #expect(SecretToken.sha256(of: "abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let token = SecretToken.random()
        #expect(token.sha256 == SecretToken.sha256(of: token.text))
        #expect(token.sha256.count == 64)
    }

    @Test("a password has at least 12 characters, and the error names its length, never the password")
    func passwordRule() throws {
        try Password.check("twelve chars")
        try Password.check("naïve café ☕️ ok")
        let error = thrownKataError { try Password.check("eleven char") }
        #expect(error?.invalidField == "password")
        #expect(error?.field == "password")
        #expect(error?.description.contains("eleven") == false)
        #expect(error?.description.contains("11 characters") == true)
    }
}
