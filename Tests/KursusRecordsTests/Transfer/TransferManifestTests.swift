import Foundation
import Testing
@testable import KursusRecords

@Suite("Transfer manifest and statement lines: what a transfer file may hold")
struct TransferManifestTests {
    static let sha = String(repeating: "ab", count: 32)

    static func manifest(
        format: String = "\"kursus-records\"", version: Int = 1, statements: Int = 3,
        learners: String = "[{\"learner\":\"anna\",\"statements\":2},{\"learner\":\"bo\",\"statements\":1}]",
        members: String? = nil, kursusVersion: String = "0.1.0"
    ) -> Data {
        let members = members ?? "{\"statements.jsonl\":{\"bytes\":10,\"sha256\":\"\(sha)\"}}"
        return Data(
            """
            {"format":\(format),"formatVersion":\(version),"createdAt":"2026-03-16T09:00:00Z","kursusVersion":"\(kursusVersion)",\
            "selection":"pending","statements":\(statements),"learners":\(learners),"members":\(members)}
            """.utf8)
    }

    static func problem(_ data: Data) -> String? {
        do {
            _ = try TransferManifest.decode(data, path: "f")
            return nil
        } catch {
            switch error {
            case let .badManifest(_, reason): return reason
            case let .newerFormat(_, found, _): return "newer \(found)"
            default: return error.description
            }
        }
    }

    @Test("a sound manifest is read")
    func sound() throws {
        let manifest = try TransferManifest.decode(Self.manifest(), path: "f")
        #expect(manifest.statements == 3 && manifest.learners.count == 2 && manifest.statementsMember?.sha256 == Self.sha)
    }

    @Test("manifests that do not fit are refused with their reason")
    func refused() {
        #expect(Self.problem(Data("[]".utf8)) == "manifest.json is not a JSON object")
        #expect(
            Self.problem(Self.manifest(format: "\"zip\""))
                == "manifest.json does not say \"format\": \"kursus-records\"; this is not a Kursus transfer file")
        #expect(Self.problem(Self.manifest(version: 2)) == "newer 2")
        #expect(Self.problem(Self.manifest(statements: 4)) == "the learners' counts add up to 3, but \"statements\" says 4")
        #expect(Self.problem(Self.manifest(learners: "[{\"learner\":\"../x\",\"statements\":3}]")) == "\"../x\" is not a learner id Kursus accepts")
        #expect(
            Self.problem(Self.manifest(learners: "[{\"learner\":\"a\",\"statements\":1},{\"learner\":\"a\",\"statements\":2}]"))
                == "learner 'a' is listed twice")
        #expect(
            Self.problem(Self.manifest(learners: "[{\"learner\":\"a\",\"statements\":-1},{\"learner\":\"b\",\"statements\":4}]"))
                == "learner 'a' has a negative count")
        #expect(
            Self.problem(Self.manifest(members: "{\"statements.jsonl\":{\"bytes\":1,\"sha256\":\"ABC\"}}"))
                == "the SHA-256 of statements.jsonl is not 64 lowercase hex digits")
        #expect(Self.problem(Self.manifest(members: "{}")) == "\"members\" must describe statements.jsonl and nothing else")
        #expect(Self.problem(Self.manifest(kursusVersion: "\\u001b[2J")) == "\"kursusVersion\" is not a version number")
        #expect(
            Self.problem(Data("{\"format\":\"kursus-records\",\"formatVersion\":1}".utf8))
                == "manifest.json lacks a field or has one of the wrong type")
    }

    @Test("statement lines: a JSON object with a lowercase UUID id; anything else is refused, never echoed raw")
    func statementLines() {
        func problem(_ text: String) -> StatementLine.Problem? {
            if case let .failure(problem) = StatementLine.id(of: Data(text.utf8)) { return problem }
            return nil
        }
        #expect(problem(RecordsFixtures.statement(1)) == nil)
        #expect(problem("{\"id\":\"\(RecordsFixtures.id(1))\",\"verb\":{\"display\":{\"da\":\"\\u001b[2J\\u009b\"}}}") == nil)
        #expect(problem("") == .notJSON)
        #expect(problem("{\"id\":\"\(RecordsFixtures.id(1))\",\"x\":\"a\u{1B}[2Jb\"}") == .notJSON)
        #expect(problem("{\"id\":\"\(RecordsFixtures.id(1))\"") == .notJSON)
        #expect(problem("\"\(RecordsFixtures.id(1))\"") == .notAnObject)
        #expect(problem("[{\"id\":\"\(RecordsFixtures.id(1))\"}]") == .notAnObject)
        #expect(problem("{\"id\":42}") == .noID)
        #expect(problem("{\"id\":\"x\\u001b[31m\"}") == .idNotUUID("x\u{1B}[31m"))
        #expect(problem("{\"id\":\"{00000000-0000-4000-8000-000000000001}\"}") == .idNotUUID("{00000000-0000-4000-8000-000000000001}"))
        #expect(problem("{\"id\":\"00000000-0000-4000-8000-00000000000G\"}") == .idNotUUID("00000000-0000-4000-8000-00000000000G"))
        // Deep nesting is refused, not a crash.
        #expect(problem(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)) != nil)
        #expect(
            problem(
                "{\"id\":\"\(RecordsFixtures.id(1))\",\"x\":" + String(repeating: "{\"a\":", count: 50_000) + "1"
                    + String(repeating: "}", count: 50_001)) != nil)
    }
}
