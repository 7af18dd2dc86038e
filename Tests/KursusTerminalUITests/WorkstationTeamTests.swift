import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusRecords
import Testing
@testable import KursusTerminalUI

/// The player sends the team of the learner's profile with the learner's statements
/// (docs/records.md, "The learner in a statement"), read when the learner is opened.
@Suite("Workstation: the learner's team in statements")
struct WorkstationTeamTests {
    static func journalLines(team: String?) throws -> [JSONValue] {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-team-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let (loaded, diagnostics) = CoursePackageLoader.load(
            Repository.root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1"), shownAs: "digital-kompetence")
        let package = try #require(loaded, "\(diagnostics)")
        let now = Date(timeIntervalSince1970: 1_770_000_000)
        let profile = try LearnerRegistry(dataDirectory: data).add(id: "anje04", displayName: "Anna Jensen", team: team, pin: nil, now: now)
        let services = WorkstationServices(
            dataDirectory: data, content: CourseContent(package), fingerprint: nil,
            strings: try UIStrings.load(language: "da", assets: Repository.assets), records: .default, siteSecret: Data(repeating: 7, count: 32),
            clock: { now }
        )
        guard case .success(let progress) = services.openLearner(profile.summary) else {
            Issue.record("the learner did not open")
            return []
        }
        services.closeLearner(
            progress,
            events: [
                LearningEvent(at: now, .sessionLaunched(session: 1)),
                LearningEvent(at: now, .unitOpened(unitID: "evaluering", opening: 1)),
            ])
        let journal = try OutboxJournal(dataDirectory: data, learner: "anje04").file
        let text = try String(contentsOf: journal, encoding: .utf8)
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }

    @Test("a learner whose profile names a team: the session statement carries it, the anonymous survey's does not")
    func profileTeam() throws {
        let lines = try Self.journalLines(team: "Hold 3")
        #expect(lines.count == 2)
        #expect(lines.first?["context"]?["team"]?["account"]?["name"] == "Hold 3")
        #expect(lines.first?["context"]?["team"]?["account"]?["homePage"] == "https://kursus.invalid/xapi/teams")
        #expect(lines.last?["verb"]?["id"] == "http://adlnet.gov/expapi/verbs/launched")
        #expect(lines.last?["context"]?["team"] == nil)
    }

    @Test("a learner without a team: no context.team")
    func noTeam() throws {
        let lines = try Self.journalLines(team: nil)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0["context"]?["team"] == nil })
    }
}
