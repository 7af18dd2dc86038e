import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// Statements made by the real `StatementBuilder`, read back into `CourseRecords`.
@Suite struct StatementFactsTests {
    typealias F = FactsFixture

    static let annasEvents: [LearningEvent] = [
        LearningEvent(at: F.at(minutes: 0), .sessionLaunched(session: 1)),
        F.opened("intro", 1, minute: 1),
        LearningEvent(at: F.at(minutes: 6), .lessonCompleted(unitID: "intro")),
        F.opened("quiz", 1, minute: 7),
        F.answer(attempt: 1, "enkelt", .option("b"), minute: 8, seconds: 42),
        F.answer(attempt: 1, "flere", .options(["x"]), minute: 9),
        F.answer(attempt: 1, "sandt", .bool(false), minute: 10),
        F.finished(attempt: 1, score: 50, passed: false, minute: 11, seconds: 120),
        F.answer(attempt: 2, "enkelt", .option("a"), minute: 12),
        F.answer(attempt: 2, "flere", .options(["x", "y"]), minute: 13),
        F.answer(attempt: 2, "sandt", .bool(false), minute: 14),
        F.finished(attempt: 2, score: 100, passed: true, minute: 15, seconds: 60),
        F.choice(run: 1, good: true, minute: 16),
        F.ended(run: 1, good: true, minute: 17, seconds: 95),
        F.answer("foer", attempt: 1, "tryg", .likert(2), minute: 18),
        F.finished("foer", attempt: 1, score: nil, passed: nil, minute: 19, seconds: 30),
        LearningEvent(at: F.at(minutes: 20), .sessionEnded(session: 1, seconds: 754)),
    ]

    static func read(_ statements: [Data], filters: ReportFilters = ReportFilters()) -> (StatementFacts, [StatementOutcome]) {
        var facts = StatementFacts(package: F.package(), filters: filters)
        let outcomes = statements.map { facts.add($0) }
        return (facts, outcomes)
    }

    @Test func everyKindOfStatementIsRead() throws {
        let statements = F.statements("anna", Self.annasEvents)
        let (facts, outcomes) = Self.read(statements)
        #expect(outcomes == Array(repeating: .used, count: 17))
        #expect(facts.counts.used == 17 && facts.counts.read == 17)
        #expect(facts.records.versionsSeen == ["2.0.0"])
        let anna = try #require(facts.records.learners["anna"])
        #expect(anna.statements == 17)
        #expect(anna.sessionSeconds == 754)
        #expect(anna.firstActivity == F.at(minutes: 0) && anna.lastActivity == F.at(minutes: 20))
        #expect(anna.team == nil && anna.name == nil)

        let intro = try #require(anna.units["intro"])
        #expect(intro.openings == [F.at(minutes: 1)] && intro.completedAt == F.at(minutes: 6))

        let quiz = try #require(anna.units["quiz"])
        #expect(quiz.openings == [F.at(minutes: 7)])
        let first = try #require(quiz.attempts[1])
        // A wrong single choice: no credit; weight 1.
        #expect(first.answers["enkelt"] == AnswerRecord(response: "b", scaled: 0, raw: 0, maximum: 1, at: F.at(minutes: 8), seconds: 42))
        // One of two right options of weight 2: half the credit, 1 point of 2.
        #expect(first.answers["flere"] == AnswerRecord(response: "x", scaled: 0.5, raw: 1, maximum: 2, at: F.at(minutes: 9), seconds: 10))
        #expect(first.answers["sandt"]?.response == "false" && first.answers["sandt"]?.scaled == 1)
        #expect(first.finished == FinishedAttempt(at: F.at(minutes: 11), success: false, scaled: 0.5, seconds: 120))
        #expect(quiz.attempts[2]?.answers["flere"]?.response == "x[,]y")
        #expect(quiz.attempts[2]?.finished == FinishedAttempt(at: F.at(minutes: 15), success: true, scaled: 1, seconds: 60))

        let run = try #require(anna.units["scenarie"]?.runs[1])
        #expect(run.choices == [ChoiceRecord(nodeID: "valg", option: 1, quality: "good", timedOut: false, at: F.at(minutes: 16))])
        #expect(run.ending == EndingRecord(nodeID: "godt", rating: "good", score: 2, success: true, seconds: 95, at: F.at(minutes: 17)))

        let survey = try #require(anna.units["foer"]?.attempts[1])
        // The third point of the scale (index 2) is sent as its id, "3"; survey answers carry no score.
        #expect(survey.answers["tryg"] == AnswerRecord(response: "3", scaled: nil, raw: nil, maximum: nil, at: F.at(minutes: 18), seconds: 10))
        #expect(survey.finished == FinishedAttempt(at: F.at(minutes: 19), success: nil, scaled: nil, seconds: 30))
        #expect(facts.records.anonymousSubmissions.isEmpty)
    }

    @Test func anAnonymousSurveyIsKeptApartFromTheLearner() throws {
        let events = [
            F.opened("evaluering", 1, minute: 30),
            F.answer("evaluering", attempt: 1, "relevans", .likert(3), minute: 31, seconds: 7),
            F.finished("evaluering", attempt: 1, score: nil, passed: nil, minute: 32, seconds: 160),
        ]
        let (facts, outcomes) = Self.read(F.statements("anna", events))
        #expect(outcomes == [.used, .used, .used])
        #expect(facts.records.learners.isEmpty)
        // The opening has an actor of its own; the answer and the submission share one.
        #expect(facts.records.anonymousSubmissions.count == 1)
        let (actor, submission) = try #require(facts.records.anonymousSubmissions.first)
        #expect(actor.hasPrefix("anonymous-") && !actor.contains("anna"))
        #expect(submission.unitID == "evaluering" && submission.submitted)
        // Monday 2025-03-03 00:00 UTC: the week, not the moment.
        #expect(submission.week == Date(timeIntervalSince1970: 1_740_960_000))
        #expect(submission.answers["relevans"]?.response == "4")
        #expect(submission.answers["relevans"]?.seconds == 7)
    }

    @Test func statementsOfAnotherCourseAreCountedNotUsed() {
        var other = F.course
        other.id = "andet-kursus"
        let statements = F.statements(
            "anna", [F.opened("intro", 1, minute: 0), LearningEvent(at: F.start, .sessionLaunched(session: 1))], course: other)
        let (facts, outcomes) = Self.read(statements)
        #expect(outcomes == [.otherCourse, .otherCourse])
        #expect(facts.records.learners.isEmpty)
        var reading = ReadingSummary()
        facts.counts.add(to: &reading)
        #expect(reading.statementsRead == 2 && reading.otherCourses == 2 && reading.problems.isEmpty)
    }

    @Test func aCourseWhoseIdEndsLikeOursIsAnotherCourse() {
        var other = F.course
        other.id = "ny digital kompetence"
        let (_, outcomes) = Self.read(F.statements("anna", [F.opened("intro", 1, minute: 0)], course: other))
        #expect(outcomes == [.otherCourse])
    }

    @Test func unitsAndQuestionsALaterVersionRemovedAreCountedApart() throws {
        var old = F.course
        old.version = "1.0.0"
        old.modules[0].units.append(CourseUnit(id: "gammel", kind: .lesson, title: "Gammel", file: "g.md", location: F.location))
        let statements = F.statements(
            "anna",
            [
                F.opened("gammel", 1, minute: 0), LearningEvent(at: F.at(minutes: 1), .lessonCompleted(unitID: "gammel")),
                F.answer(attempt: 1, "fjernet", .option("a"), minute: 2), F.answer(attempt: 1, "enkelt", .option("a"), minute: 3),
            ], course: old)
        let (facts, outcomes) = Self.read(statements)
        #expect(
            outcomes == [
                .notInCourse(unitID: "gammel", questionID: nil), .notInCourse(unitID: "gammel", questionID: nil),
                .notInCourse(unitID: "quiz", questionID: "fjernet"), .used,
            ])
        #expect(facts.records.learners["anna"]?.units["gammel"] == nil)
        #expect(facts.records.learners["anna"]?.units["quiz"]?.attempts[1]?.answers.keys.sorted() == ["enkelt"])
        #expect(facts.records.versionsSeen == ["1.0.0"])
        var reading = ReadingSummary()
        facts.counts.add(to: &reading)
        #expect(
            reading.notInCourse == [
                MissingActivity(unitID: "gammel", questionID: nil, statements: 2),
                MissingActivity(unitID: "quiz", questionID: "fjernet", statements: 1),
            ])
    }

    @Test func sinceAndUntilLeaveStatementsOut() {
        let events = [F.opened("intro", 1, minute: 0), F.opened("intro", 2, minute: 10), F.opened("intro", 3, minute: 20)]
        let filters = ReportFilters(since: F.at(minutes: 10), until: F.at(minutes: 20))
        let (facts, outcomes) = Self.read(F.statements("anna", events), filters: filters)
        #expect(outcomes == [.filteredOut, .used, .filteredOut])
        #expect(facts.records.learners["anna"]?.units["intro"]?.openings == [F.at(minutes: 10)])
        #expect(facts.counts.filteredOut == 2)
    }

    @Test func anAnonymousSubmissionCountsWhenItsWeekOverlapsThePeriod() {
        let answer = F.statements("anna", [F.answer("evaluering", attempt: 1, "relevans", .likert(3), minute: 0)])
        // The statement says Monday 2025-03-03; the period starts on the Tuesday after it.
        let (_, inside) = Self.read(answer, filters: ReportFilters(since: F.start))
        #expect(inside == [.used])
        let (_, after) = Self.read(answer, filters: ReportFilters(since: F.start.addingTimeInterval(7 * 86400)))
        #expect(after == [.filteredOut])
        let (_, before) = Self.read(answer, filters: ReportFilters(until: Date(timeIntervalSince1970: 1_740_960_000)))
        #expect(before == [.filteredOut])
    }

    @Test func theSameStatementReadTwiceIsUsedOnce() {
        let statements = F.statements("anna", [F.opened("intro", 1, minute: 0)])
        let (facts, outcomes) = Self.read(statements + statements)
        #expect(outcomes == [.used, .duplicate])
        #expect(facts.records.learners["anna"]?.units["intro"]?.openings.count == 1)
        var reading = ReadingSummary()
        facts.counts.add(to: &reading)
        #expect(reading.statementsRead == 2 && reading.duplicates == 1)
    }

    @Test func aProfileGivesNameAndTeamAndItsTeamWinsOverTheStatements() throws {
        let plain = try #require(F.statements("anna", [F.opened("intro", 1, minute: 0)]).first)
        let withTeam = try StatementEdits.setting(plain, ["context", "team"], teamGroup("Team Nord"))
        let later = try StatementEdits.setting(
            try #require(F.statements("anna", [F.opened("intro", 2, minute: 5)]).first), ["context", "team"], teamGroup("Team Syd"))

        var facts = StatementFacts(package: F.package())
        #expect(facts.add(withTeam) == .used)
        #expect(facts.records.learners["anna"]?.team == "Team Nord")
        #expect(facts.add(later) == .used)
        #expect(facts.records.learners["anna"]?.team == "Team Syd")

        var profiled = StatementFacts(package: F.package())
        profiled.add(withTeam, team: "Akut", name: "Anna Jensen")
        profiled.add(later)
        #expect(profiled.records.learners["anna"]?.team == "Akut")
        #expect(profiled.records.learners["anna"]?.name == "Anna Jensen")
    }

    func teamGroup(_ name: String) -> JSONValue {
        ["objectType": "Group", "account": ["homePage": "https://kursus.region.example/xapi/teams", "name": .string(name)]]
    }

    @Test func aTimedOutChoiceAndAFailedRunAreRead() throws {
        let events = [F.choice(run: 2, good: false, timedOut: true, minute: 1), F.ended(run: 2, good: false, minute: 2, seconds: 40)]
        let (facts, _) = Self.read(F.statements("bo", events))
        let run = try #require(facts.records.learners["bo"]?.units["scenarie"]?.runs[2])
        #expect(run.choices == [ChoiceRecord(nodeID: "valg", option: 2, quality: "poor", timedOut: true, at: F.at(minutes: 1))])
        #expect(run.ending == EndingRecord(nodeID: "skidt", rating: nil, score: 0, success: false, seconds: 40, at: F.at(minutes: 2)))
    }
}

/// Changing a statement made by the builder, to make one Kursus would not.
enum StatementEdits {
    static func setting(_ statement: Data, _ path: [String], _ value: JSONValue?) throws -> Data {
        JSONWriter.data(set(try JSONParser.parse(statement), path[...], value))
    }

    static func set(_ json: JSONValue, _ path: ArraySlice<String>, _ value: JSONValue?) -> JSONValue {
        guard let key = path.first else { return value ?? .null }
        var members = json.objectValue ?? [:]
        if path.count == 1 {
            members[key] = value
        } else {
            members[key] = set(members[key] ?? .object([:]), path.dropFirst(), value)
        }
        return .object(members)
    }
}
