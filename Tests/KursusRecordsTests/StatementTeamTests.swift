import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusRecords

/// The learner's team in `context.team` (docs/records.md, "The learner in a statement"):
/// on the learner's own statements only, never on an anonymous survey's.
@Suite("Statements: the learner's team")
struct StatementTeamTests {
    static let settings = RecordSettings(activityBase: "https://kursus.region.example/xapi", accountHomePage: "https://login.region.example")

    static func builder(team: String?, settings: RecordSettings = settings) -> StatementBuilder {
        StatementBuilder(
            course: RecordFixtures.course, quizzes: RecordFixtures.quizzes, scenarios: ["scenarie-inger": RecordFixtures.scenario],
            learnerID: "anna", settings: settings, siteSecret: RecordFixtures.secret, team: team
        )
    }

    static func isAnonymous(_ statement: JSONValue) -> Bool {
        statement["actor"]?["account"]?["homePage"]?.stringValue == settings.activityBase + "/anonymous"
    }

    @Test("a learner with a team: every own statement carries it as an identified Group on <activity base>/teams")
    func teamPresent() throws {
        let builder = Self.builder(team: "Hold 2")
        let expected: JSONValue = [
            "objectType": "Group", "account": ["homePage": "https://kursus.region.example/xapi/teams", "name": "Hold 2"],
        ]
        let statements = RecordFixtures.everyEvent.flatMap { builder.statementValues(for: $0) }
        let own = statements.filter { !Self.isAnonymous($0) }
        #expect(own.count == 19)
        for statement in own {
            #expect(statement["context"]?["team"] == expected)
            #expect(StatementValidator.problems(in: statement) == [])
        }
        // Compact bytes as sent: the group sits in the context, keys sorted.
        let launched = try #require(builder.statements(for: RecordFixtures.everyEvent[0]).first)
        let text = String(decoding: launched.json, as: UTF8.self)
        #expect(text.contains(#""team":{"account":{"homePage":"https://kursus.region.example/xapi/teams","name":"Hold 2"},"objectType":"Group"}"#))
    }

    @Test("no team, or a blank one: no context.team, and otherwise the same statement as before teams were sent")
    func teamAbsent() throws {
        for team in [nil, "", "   "] as [String?] {
            let builder = Self.builder(team: team)
            for event in RecordFixtures.everyEvent {
                for statement in builder.statementValues(for: event) {
                    #expect(statement["context"]?["team"] == nil)
                    #expect(statement["context"]?["registration"] != nil)
                }
            }
        }
        // The team changes nothing but the context: same id, same everything else.
        let with = try #require(Self.builder(team: "Hold 2").statementValues(for: RecordFixtures.everyEvent[3]).first)
        let without = try #require(Self.builder(team: nil).statementValues(for: RecordFixtures.everyEvent[3]).first)
        guard case .object(var context) = with["context"], case .object(var withMembers) = with else {
            Issue.record("not objects")
            return
        }
        context["team"] = nil
        withMembers["context"] = .object(context)
        #expect(JSONValue.object(withMembers) == without)
    }

    @Test("an anonymous survey's statements never carry the team, however the learner is identified")
    func anonymousWithoutTeam() throws {
        for pseudonymous in [false, true] {
            var settings = Self.settings
            settings.pseudonymous = pseudonymous
            let builder = Self.builder(team: "Hold 2", settings: settings)
            let anonymous = RecordFixtures.everyEvent.filter {
                switch $0.kind {
                case .unitOpened(let unit, _), .questionAnswered(let unit, _, _, _, _), .attemptFinished(let unit, _, _, _, _):
                    return unit == "evaluering"
                default: return false
                }
            }
            #expect(anonymous.count == 4)
            for event in anonymous {
                let statement = try #require(builder.statementValues(for: event).first)
                #expect(Self.isAnonymous(statement))
                #expect(statement["context"]?["team"] == nil)
                let bytes = try #require(builder.statements(for: event).first).json
                #expect(!String(decoding: bytes, as: UTF8.self).contains("Hold 2"))
                #expect(!String(decoding: bytes, as: UTF8.self).contains("/teams"))
            }
        }
    }

    @Test("a hostile team name is escaped: quotes, backslashes, control characters and a line break stay inside one JSON string")
    func hostileTeamEscaped() throws {
        let hostile = "Hold \"1\"\\\u{1B}[2J\n\u{7}</script>"
        let builder = Self.builder(team: hostile)
        let statement = try #require(builder.statements(for: RecordFixtures.everyEvent[0]).first)
        // One line, no raw control byte anywhere.
        #expect(!statement.json.contains { $0 < 0x20 || $0 == 0x7F })
        let text = String(decoding: statement.json, as: UTF8.self)
        #expect(text.contains(#""name":"Hold \"1\"\\\u001b[2J\u000a\u0007</script>""#))
        // Read back, the name is exactly the team, and the statement is valid.
        let parsed = try JSONParser.parse(statement.json)
        #expect(parsed["context"]?["team"]?["account"]?["name"]?.stringValue == hostile)
        #expect(StatementValidator.problems(in: statement.json) == [])
    }

    @Test("a builder made for another learner makes exactly what a new builder for that learner makes")
    func forLearner() throws {
        for pseudonymous in [false, true] {
            var settings = Self.settings
            settings.pseudonymous = pseudonymous
            let first = Self.builder(team: "Hold 1", settings: settings)
            let other = first.forLearner("bo", team: nil)
            let fresh = StatementBuilder(
                course: RecordFixtures.course, quizzes: RecordFixtures.quizzes, scenarios: ["scenarie-inger": RecordFixtures.scenario],
                learnerID: "bo", settings: settings, siteSecret: RecordFixtures.secret
            )
            for event in RecordFixtures.everyEvent {
                #expect(other.statements(for: event) == fresh.statements(for: event))
                #expect(other.statements(for: event) != first.statements(for: event))
            }
        }
    }
}
