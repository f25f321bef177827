import ImprovementKata
import Testing

@Suite("kata errors: kinds, codes and fields")
struct KataErrorKindTests {
    @Test(
        "each case has one kind and a stable code",
        arguments: [
            (
                KataError.invalidValue(field: "--date", value: "x", expected: "a date"), KataError.Kind.invalid,
                "invalid-value"
            ),
            (.missing(fields: ["--learner"], hint: ""), .usage, "missing"),
            (.unknown(kind: "learner", reference: "l9", hint: ""), .notFound, "unknown"),
            (.ruleBroken("one worked obstacle"), .conflict, "rule-broken"),
            (.duplicate(kind: "person", reference: "ann"), .conflict, "duplicate"),
            (.forbidden("you do not coach l030"), .forbidden, "forbidden"),
            (.notSignedIn("sign in with kata login"), .notSignedIn, "not-signed-in"),
            (.unavailable("cannot reach the server"), .unavailable, "unavailable"),
            (.conflict("cycle exists with other content"), .conflict, "conflict"),
            (.tooManyAttempts("try again in 15 minutes"), .tooManyAttempts, "too-many-attempts"),
            (.fileNotFound(path: "/x", hint: ""), .missingFile, "file-not-found"),
        ])
    func kindAndCode(error: KataError, kind: KataError.Kind, code: String) {
        #expect(error.kind == kind)
        #expect(error.code == code)
    }

    @Test("the field is named in interchange spelling")
    func fieldSpelling() {
        #expect(KataError.invalidValue(field: "--next-step", value: "", expected: "text").field == "nextStep")
        #expect(KataError.invalidValue(field: "--go-see", value: "x", expected: "a date").field == "goSee")
        #expect(KataError.missing(fields: ["--learner", "--coach"], hint: "").field == "learner")
        #expect(KataError.invalidValue(field: "goSee", value: "x", expected: "a date").field == "goSee")
        #expect(KataError.ruleBroken("no").field == nil)
    }

    @Test("the new kinds read as their message")
    func messages() {
        #expect(KataError.forbidden("you do not coach l030").description == "you do not coach l030")
    }
}

@Suite("kata errors a server reported")
struct ReportedKataErrorTests {
    @Test("keep the server's kind, code, message and field")
    func reported() {
        let error = KataError.reported(
            kind: .forbidden, code: "forbidden", message: "you do not coach l030", field: nil)
        #expect(error.kind == .forbidden)
        #expect(error.code == "forbidden")
        #expect(error.description == "you do not coach l030")
        #expect(
            KataError.reported(kind: .invalid, code: "invalid-value", message: "m", field: "goSee").field == "goSee")
    }
}
