import Foundation
import KursusRecords
import KursusTestSupport
import Testing

/// Issue 16, "Encrypted at rest": a PIN-protected learner's records wait sealed in their
/// outbox journal, and the player's background sync, holding their key while they are
/// signed in, delivers them to a real Ralph LRS.
@Suite("A PIN learner's sealed records reach a real LRS", .ralph, .serialized)
struct SealedOutboxEndToEndTests {
    @Test("Bo signs in with his PIN: the journal on disk is ciphertext, and the background sync delivers every record")
    func signedInSync() throws {
        let ralph = try RalphScope.current()
        let data = try KursusBinary.temporaryFolder("sealed-outbox")
        defer { try? FileManager.default.removeItem(at: data) }
        try Data(
            "hide-learner-list: true\nrecords:\n  lrs:\n    endpoint: \(ralph.url)\n    credentials: \(ralph.credentialsFile)\n".utf8
        ).write(to: data.appendingPathComponent("config.yaml"))
        let added = try LearnersCommandTests.run(["learners", "add", "bo", "--name", "Bo Ærø", "--pin", "--data-dir", data.path], input: "2580")
        #expect(added.status == 0, "\(added.stderr)")

        let tmux = try Tmux.play(data, "")
        try tmux.waitFor("Skriv dit bruger-id")
        try tmux.sendLiteral("bo")
        try tmux.send("Enter")
        try tmux.waitFor("PIN for bo:")
        try tmux.sendLiteral("2580")
        try tmux.send("Enter")
        try tmux.waitFor("s skift bruger")
        try tmux.send("Enter")  // opens the first unit: more records

        let journal = data.appendingPathComponent("learners/bo/outbox/statements.jsonl")
        var ids: [String] = []
        var held = Set<String>()
        for _ in 0..<60 where ids.isEmpty || !Set(ids).isSubset(of: held) {
            Thread.sleep(forTimeInterval: 0.5)
            let lines = (try? String(contentsOf: journal, encoding: .utf8))?.split(separator: "\n") ?? []
            ids = lines.compactMap { line in
                (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["sealedID"] as? String
            }
            held = Set(try ralph.allStatements().map(\.id))
        }
        let text = try String(contentsOf: journal, encoding: .utf8)
        #expect(!ids.isEmpty && ids.count == text.split(separator: "\n").count, "every line sealed: \(text.prefix(300))")
        for plain in ["adlnet", "initialized", "launched", "Ærø", "actor"] {
            #expect(!text.contains(plain), "'\(plain)' is readable in the journal")
        }
        #expect(Set(ids).isSubset(of: held), "the LRS holds every sealed record: \(ids.count) made, \(held.intersection(ids).count) held")
        try tmux.send("Escape")
        Thread.sleep(forTimeInterval: 0.5)
        try tmux.send("q")
        #expect(try tmux.exitStatus() == 0)

        // The records of quitting (the session's end) are made as the player exits: it
        // waits for the last sync with Bo's key, so the LRS holds them all, and the CLI,
        // without the key, finds nothing sealed still waiting and prints no ciphertext.
        let finalLines = try String(contentsOf: journal, encoding: .utf8).split(separator: "\n")
        let finalIDs = finalLines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["sealedID"] as? String
        }
        #expect(finalIDs.count > ids.count, "quitting made records: \(finalIDs.count) lines, \(ids.count) before")
        let heldAfter = Set(try ralph.allStatements().map(\.id))
        #expect(Set(finalIDs).isSubset(of: heldAfter), "sent before exit: \(Set(finalIDs).subtracting(heldAfter).count) still waiting")
        let outbox = try KursusBinary.run(["outbox", "--data-dir", data.path, "--format", "json"])
        #expect(outbox.status == 0, "\(outbox.stderr)")
        #expect(!outbox.stderr.contains("encrypted with their PIN"), "\(outbox.stderr)")
        #expect(!outbox.stdout.contains("\"sealed\":\"") && !outbox.stderr.contains("sealedID"))
    }
}
