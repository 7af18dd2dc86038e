import Foundation
import Testing
@testable import KursusProgress

/// Issue 16: a PIN-protected learner's pending records (the outbox journal) are sealed
/// like their progress, and follow their PIN when it changes, goes, or is forgotten.
@Suite("Encrypted at rest: the outbox journal")
struct SealedJournalTests {
    let folder = ProgressTestSupport.temporaryFolder("sealed-journal")
    let now = ProgressTestSupport.fixedDate
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: PINHasher(iterations: 1_000)) }

    static func statement(_ n: Int) -> OutboxStatement {
        let id = String(format: "00000000-0000-4000-8000-%012x", n)
        return OutboxStatement(id: id, json: "{\"id\":\"\(id)\",\"verb\":\"answered\",\"response\":\"Tjek mikrofonen \(n)\"}")
    }

    func journalText(_ id: String) throws -> String {
        try String(contentsOf: try OutboxJournal(dataDirectory: folder, learner: id).file, encoding: .utf8)
    }

    /// The statements of the journal's lines, opened with `key` (nil for a line that does not open).
    func opened(_ id: String, key: LearnerKey) throws -> [String?] {
        try journalText(id).split(separator: "\n").map { line in
            SealedStatementLine.open(Data(line.utf8), key: key, learner: id).map { String(decoding: $0, as: UTF8.self) }
        }
    }

    @Test("with a key, every line is sealed: no answer or verb on disk, one line a statement, the id readable")
    func sealedLines() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = LearnerKey(rawKey: Data(repeating: 3, count: 32))
        let journal = try OutboxJournal(dataDirectory: folder, learner: "bo", key: key)
        let end = try journal.append([Self.statement(1), Self.statement(2)])
        try journal.append([Self.statement(2), Self.statement(3)], knownEnd: end + 1)  // the tail is read: 2 is not repeated
        let text = try journalText("bo")
        #expect(!text.contains("Tjek mikrofonen") && !text.contains("answered"))
        #expect(text.split(separator: "\n").count == 3 && text.hasSuffix("\n"))
        #expect(try opened("bo", key: key) == [1, 2, 3].map { Self.statement($0).json })
        #expect(text.split(separator: "\n").map { SealedStatementLine.id(of: Data($0.utf8)) } == [1, 2, 3].map { Self.statement($0).id })
        // Another learner, or another key, opens nothing.
        #expect(try opened("bo", key: LearnerKey(rawKey: Data(repeating: 4, count: 32))) == [nil, nil, nil])
        let line = Data(try #require(text.split(separator: "\n").first).utf8)
        #expect(SealedStatementLine.open(line, key: key, learner: "anna") == nil)
    }

    @Test("a new PIN seals the journal anew, clearing the PIN writes it in the clear, a forgotten PIN deletes it")
    func followsThePIN() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: "2580", now: now)
        let old = try #require(try registry.signIn(id: "bo", pin: "2580", now: now).key)
        try OutboxJournal(dataDirectory: folder, learner: "bo", key: old).append([Self.statement(1), Self.statement(2)])
        #expect(try registry.hasSealedData(id: "bo"))

        try registry.setPIN(id: "bo", pin: "7777", old: old, forgetSealedData: false, now: now)
        let new = try #require(try registry.signIn(id: "bo", pin: "7777", now: now).key)
        #expect(try opened("bo", key: old) == [nil, nil])
        #expect(try opened("bo", key: new) == [1, 2].map { Self.statement($0).json })

        try registry.clearPIN(id: "bo", old: new, forgetSealedData: false, now: now)
        #expect(try journalText("bo") == Self.statement(1).json + "\n" + Self.statement(2).json + "\n")

        try registry.setPIN(id: "bo", pin: "2580", old: nil, forgetSealedData: false, now: now)
        let again = try #require(try registry.signIn(id: "bo", pin: "2580", now: now).key)
        try OutboxJournal(dataDirectory: folder, learner: "bo", key: again).append([Self.statement(3)])
        #expect(throws: LearnerError.self) { try registry.setPIN(id: "bo", pin: "1357", old: nil, forgetSealedData: false, now: now) }
        try registry.setPIN(id: "bo", pin: "1357", old: nil, forgetSealedData: true, now: now)
        #expect(!FileManager.default.fileExists(atPath: try OutboxJournal(dataDirectory: folder, learner: "bo").file.path))
    }

    @Test("a journal written in the clear before the PIN is sealed when the PIN is set, and opens with the key")
    func sealedWithThePIN() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: nil, now: now)
        try OutboxJournal(dataDirectory: folder, learner: "bo").append([Self.statement(1)])
        try registry.setPIN(id: "bo", pin: "2580", old: nil, forgetSealedData: false, now: now)
        let key = try #require(try registry.signIn(id: "bo", pin: "2580", now: now).key)
        #expect(!(try journalText("bo")).contains("Tjek mikrofonen"))
        #expect(try opened("bo", key: key) == [Self.statement(1).json])
    }
}
