import Foundation
import Testing
@testable import KursusRecords

@Suite struct LRSAddressTests {
    @Test(arguments: [
        ("https://lrs.example.dk/xAPI/", "https://lrs.example.dk/xAPI/"),
        ("https://lrs.example.dk/xAPI", "https://lrs.example.dk/xAPI/"),
        ("HTTP://127.0.0.1:8100/xAPI", "http://127.0.0.1:8100/xAPI/"),
        ("  https://lrs.example.dk/lrs/xapi  ", "https://lrs.example.dk/lrs/xapi/"),
        ("https://lrs.example.dk", "https://lrs.example.dk/"),
    ])
    func normalisesTheEndpoint(text: String, expected: String) throws {
        #expect(try LRSAddress(text).baseURL.absoluteString == expected)
    }

    @Test(arguments: [
        ("", "empty"),
        ("lrs.example.dk/xAPI", "https://"),
        ("ftp://lrs.example.dk/xAPI/", "https://"),
        ("https:///xAPI/", "no host"),
        ("https://kursus:secret@lrs.example.dk/xAPI/", "credentials file"),
        ("https://lrs.example.dk/xAPI/?key=1", "'?' or '#'"),
        ("https://lrs.example.dk/xAPI/#top", "'?' or '#'"),
    ])
    func refusesWhatIsNoEndpoint(text: String, reasonPart: String) {
        let error = #expect(throws: LRSError.self) { try LRSAddress(text) }
        guard case .invalidAddress(_, let reason) = error else {
            Issue.record("expected invalidAddress, got \(String(describing: error))")
            return
        }
        #expect(reason.contains(reasonPart))
        #expect(error?.description.contains("records.lrs.endpoint") == true)
    }

    @Test func theStatementsResourceKeepsAPlusInTheQuery() throws {
        let address = try LRSAddress("https://lrs.example.dk/xAPI")
        let url = try #require(address.statementsURL(query: [URLQueryItem(name: "since", value: "2031-01-01T00:00:00+01:00")]))
        #expect(url.absoluteString == "https://lrs.example.dk/xAPI/statements?since=2031-01-01T00:00:00%2B01:00")
    }

    @Test func moreIsResolvedAgainstTheOrigin() throws {
        let address = try LRSAddress("https://lrs.example.dk:8443/lrs/xAPI/")
        #expect(
            try address.resolveMore("/lrs/xAPI/statements?search_after=x").absoluteString
                == "https://lrs.example.dk:8443/lrs/xAPI/statements?search_after=x")
        #expect(try address.resolveMore("https://LRS.example.dk:8443/next").absoluteString == "https://LRS.example.dk:8443/next")
    }

    @Test(arguments: ["https://evil.example/steal", "//evil.example/steal", "http://lrs.example.dk:8443/next", "https://lrs.example.dk/next"])
    func moreMayNotLeadToAnotherServer(more: String) throws {
        let address = try LRSAddress("https://lrs.example.dk:8443/xAPI/")
        #expect(throws: LRSError.self) { try address.resolveMore(more) }
    }

    @Test func queriesWriteTimesInUTCWithMilliseconds() {
        let query = LRSStatementQuery(since: Date(timeIntervalSince1970: 1_924_992_000.25), limit: 0)
        #expect(query.queryItems == [URLQueryItem(name: "since", value: "2031-01-01T00:00:00.250Z")])
    }
}

@Suite struct LRSServerTextTests {
    @Test func controlCharactersBecomeVisibleAndWhiteSpaceOneSpace() {
        #expect(LRSServerText.clean("bad\u{1B}[31m red\n\n\tline\u{202E}") == "bad\u{241B}[31m red line\u{FFFD}")
    }

    @Test func longTextIsCut() {
        let text = LRSServerText.clean(String(repeating: "x", count: 5000))
        #expect(text.count == LRSServerText.maximumLength)
        #expect(text.hasSuffix("…"))
    }

    @Test(arguments: [
        (#"{"detail":"Invalid JSON body"}"#, "Invalid JSON body"),
        (
            #"{"detail":[{"loc":["body",0,"actor"],"msg":"Field required"},{"loc":["body",0,"id"],"msg":"bad"}]}"#,
            "0.actor: Field required; 0.id: bad"
        ),
        (#"{"message":"Statement is invalid","code":400}"#, "Statement is invalid"),
        (#"{"error":{"message":"nested"}}"#, "nested"),
        ("Internal Server Error", "Internal Server Error"),
        ("<html>\n<body>Bad gateway</body></html>", "<html> <body>Bad gateway</body></html>"),
    ])
    func findsTheReasonInAnErrorBody(body: String, expected: String) {
        #expect(LRSServerText.reason(fromBody: Data(body.utf8)) == expected)
    }

    @Test func manyValidationProblemsAreCounted() {
        let problems = (0..<5).map { #"{"loc":["body",\#($0)],"msg":"m"}"# }.joined(separator: ",")
        #expect(LRSServerText.reason(fromBody: Data(#"{"detail":[\#(problems)]}"#.utf8)) == "0: m; 1: m; 2: m (and 2 more)")
    }
}

@Suite struct RetryPolicyTests {
    @Test func waitsTwiceAsLongEachTimeUpToTheMaximum() {
        let policy = RetryPolicy(attempts: 6, firstDelay: 0.5, maximumDelay: 3)
        #expect((1...5).map { policy.delay(afterAttempt: $0) } == [0.5, 1, 2, 3, 3])
    }

    @Test func honoursRetryAfterUpToTheMaximum() {
        let policy = RetryPolicy(attempts: 3, firstDelay: 1, maximumDelay: 10)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 4) == 4)
        #expect(policy.delay(afterAttempt: 1, retryAfter: 600) == 10)
        #expect(policy.delay(afterAttempt: 3, retryAfter: 0) == 4)
    }
}
