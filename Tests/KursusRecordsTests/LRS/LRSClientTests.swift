import Foundation
import KursusRecords
import KursusTestSupport
import Testing

/// LRSClient against a real Ralph LRS (one server for the suite).
@Suite(.ralph, .serialized) struct LRSClientTests {
    @Test func postsABatchAndReadsItBackPageByPage() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let sent = TestStatements.batch(7, in: window)
        let result = try ralph.client().postStatements(sent.map(\.json))
        #expect(result.status == 200)
        #expect(result.storedIDs == sent.map(\.id))

        var pages: [[LRSFetchedStatement]] = []
        try ralph.client().forEachStatementPage(window.query(limit: 3)) { pages.append($0) }
        #expect(pages.map(\.count) == [3, 3, 1])
        let read = pages.flatMap { $0 }
        #expect(read.map(\.id) == sent.map(\.id))
        for (statement, original) in zip(read, sent) {
            let object = TestStatements.object(statement)
            let sentObject = (try JSONSerialization.jsonObject(with: original.json)) as? [String: Any]
            #expect(object["timestamp"] as? String == sentObject?["timestamp"] as? String)
            #expect((object["verb"] as? [String: Any])?["id"] as? String == TestStatements.answered)
            #expect(object["stored"] is String)
        }
        // The same through the collecting call.
        #expect(try ralph.client().statements(window.query(limit: 2)).map(\.id) == sent.map(\.id))
    }

    @Test func sinceIsExclusiveAndUntilInclusive() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let sent = TestStatements.batch(4, in: window)
        _ = try ralph.client().postStatements(sent.map(\.json))
        let query = LRSStatementQuery(since: window.timestamp(1), until: window.timestamp(2))
        #expect(try ralph.client().statements(query).map(\.id) == [sent[2].id])
    }

    @Test(arguments: ["", "/"]) func takesTheAddressWithOrWithoutTheTrailingSlash(ending: String) throws {
        let ralph = try RalphScope.current()
        let bare = String(ralph.url.dropLast())
        #expect(!bare.hasSuffix("/"))
        let address = try LRSAddress(bare + ending)
        #expect(address.baseURL.absoluteString == ralph.url)
        let client = LRSClient(address: address, credentials: try LRSCredentials(username: ralph.username, password: ralph.password))
        let window = TestStatements.Window()
        let statement = TestStatements.statement(at: window.timestamp(0))
        #expect(try client.postStatements([statement.json]).storedIDs == [statement.id])
        #expect(try client.statements(window.query()).map(\.id) == [statement.id])
    }

    @Test func resendingWhatTheLRSHoldsStoresNothingTwice() throws {
        let ralph = try RalphScope.current()
        let client = try ralph.client()
        let window = TestStatements.Window()
        let sent = TestStatements.batch(3, in: window)
        _ = try client.postStatements(sent.map(\.json))
        // Ralph: 204 when it held every statement of the batch with the same content.
        #expect(try client.postStatements(sent.map(\.json)) == LRSClient.StoreResult(status: 204, storedIDs: nil))
        // A batch of one held statement and one new: 200 listing only the new one.
        let new = TestStatements.statement(at: window.timestamp(10))
        #expect(try client.postStatements([sent[0].json, new.json]) == LRSClient.StoreResult(status: 200, storedIDs: [new.id]))
        let ids = try client.statements(window.query()).map(\.id)
        #expect(ids.sorted() == (sent.map(\.id) + [new.id]).sorted())
    }

    @Test func aBatchWithAnIdHeldWithOtherContentIsRefusedWhole() throws {
        let ralph = try RalphScope.current()
        let client = try ralph.client()
        let window = TestStatements.Window()
        let held = TestStatements.statement(at: window.timestamp(0), response: "a")
        _ = try client.postStatements([held.json])
        let changed = TestStatements.statement(id: held.id, at: window.timestamp(0), response: "c")
        let new = TestStatements.statement(at: window.timestamp(1))
        let error = #expect(throws: LRSError.self) { try client.postStatements([new.json, changed.json]) }
        guard case .conflict(let detail) = error else {
            Issue.record("expected a conflict, got \(String(describing: error))")
            return
        }
        #expect(detail.contains(held.id))
        // Nothing of the batch was stored: xAPI batches are all or nothing.
        #expect(try client.statements(window.query()).map(\.id) == [held.id])
    }

    @Test func putStoresOneStatementAndRecognisesItAgain() throws {
        let ralph = try RalphScope.current()
        let client = try ralph.client()
        let window = TestStatements.Window()
        let statement = TestStatements.statement(at: window.timestamp(0))
        try client.putStatement(id: statement.id, json: statement.json)
        try client.putStatement(id: statement.id, json: statement.json)
        let changed = TestStatements.statement(id: statement.id, at: window.timestamp(0), response: "other")
        #expect(throws: LRSError.self) { try client.putStatement(id: statement.id, json: changed.json) }
        #expect(try client.statements(window.query()).map(\.id) == [statement.id])
    }

    @Test func anInvalidStatementIsRefusedWithTheReason() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        var object = (try JSONSerialization.jsonObject(with: TestStatements.statement(at: window.timestamp(0)).json)) as? [String: Any] ?? [:]
        object["actor"] = nil
        let error = #expect(throws: LRSError.self) { try ralph.client().postStatements([TestStatements.json(object)]) }
        // Ralph answers schema errors with 422 (FastAPI), not 400.
        #expect(error == .rejected(status: 422, detail: "0.actor: Field required"))
    }

    @Test func textFromTheServerCannotReachTheTerminalRaw() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        // Ralph's message quotes the offending character of the id: here ESC.
        let hostile = TestStatements.statement(id: "\u{1B}]52;c;cGF5bG9hZA==\u{07}", at: window.timestamp(0))
        let error = #expect(throws: LRSError.self) { try ralph.client().postStatements([hostile.json]) }
        guard case .rejected(422, let detail) = error else {
            Issue.record("expected a 422, got \(String(describing: error))")
            return
        }
        #expect(detail.contains("\u{241B}"))  // ␛, the visible stand-in
        #expect(!detail.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        #expect(error.map { !$0.description.unicodeScalars.contains { $0.value < 0x20 } } == true)
    }

    @Test func aWrongPasswordNamesTheCredentialsFile() throws {
        let ralph = try RalphScope.current()
        let client = try ralph.client(password: "not-the-password")
        let error = #expect(throws: LRSError.self) { try client.statements() }
        guard case .unauthorized(401, _) = error else {
            Issue.record("expected 401, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("records.lrs.credentials") == true)
        #expect(error?.description.contains("not-the-password") == false)
    }

    @Test func anAddressThatIsNoXAPIEndpointNamesTheSetting() throws {
        let ralph = try RalphScope.current()
        let origin = ralph.url.replacingOccurrences(of: "/xAPI/", with: "/")
        let client = LRSClient(
            address: try LRSAddress(origin + "lrs/"), credentials: try LRSCredentials(username: ralph.username, password: ralph.password))
        let error = #expect(throws: LRSError.self) { try client.postStatements([Data("{}".utf8)]) }
        guard case .unexpectedStatus(404, _) = error else {
            Issue.record("expected 404, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("records.lrs.endpoint") == true)
    }

    @Test func anLRSThatIsNotRunningIsReportedAsUnreachable() throws {
        // Port 9 (discard) has no listener on these machines.
        let client = LRSClient(
            address: try LRSAddress("http://127.0.0.1:9/xAPI/"), credentials: try LRSCredentials(username: "u", password: "p"), timeout: 5)
        let error = #expect(throws: LRSError.self) { try client.postStatements([Data("{}".utf8)]) }
        guard case .unreachable = error else {
            Issue.record("expected unreachable, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains("marked nothing as sent") == true)
        #expect(error?.isTransient == true)
    }

    @Test func readsAreBoundedInSizeAndPages() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        _ = try ralph.client().postStatements(TestStatements.batch(20, in: window).map(\.json))

        let small = try ralph.client(limits: LRSClient.Limits(maximumResponseBytes: 2048))
        #expect(throws: LRSError.responseTooLarge(limit: 2048)) { try small.statements(window.query()) }

        let few = try ralph.client(limits: LRSClient.Limits(maximumPages: 3))
        #expect(throws: LRSError.tooManyPages(limit: 3)) { try few.statements(window.query(limit: 5)) }
        #expect(try few.statements(window.query(limit: 7)).count == 20)
    }

    // Ralph 5.1.0 behaviours the sync relies on; docs/records-lrs-notes.md describes them.

    @Test func ralphAnswersAnMboxWithoutMailtoWith500() throws {
        let ralph = try RalphScope.current()
        let window = TestStatements.Window()
        let statement = TestStatements.statement(at: window.timestamp(0), extra: ["actor": ["mbox": "anna@example.dk"]])
        let client = try ralph.client(timeout: 5)
        let error = #expect(throws: LRSError.self) { try client.postStatements([statement.json]) }
        guard case .serverError(500, _) = error else {
            Issue.record("expected 500, got \(String(describing: error))")
            return
        }
        // uvicorn closed that connection without saying so; the client must not wait on it.
        #expect(try client.statements(window.query()).isEmpty)
        let good = TestStatements.statement(at: window.timestamp(1))
        #expect(try client.postStatements([good.json]).storedIDs == [good.id])
    }

    @Test func ralphStampsAMissingTimestampSoSendingAgainConflicts() throws {
        let ralph = try RalphScope.current()
        let client = try ralph.client()
        let id = TestStatements.id()
        let object: [String: Any] = [
            "id": id, "actor": ["account": ["homePage": "https://kursus.example.dk", "name": "anna"]],
            "verb": ["id": TestStatements.answered], "object": ["id": "https://kursus.example.dk/q"],
        ]
        _ = try client.postStatements([TestStatements.json(object)])
        #expect(throws: LRSError.self) { try client.postStatements([TestStatements.json(object)]) }
    }
}
