import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// Statements Kursus would never make: broken JSON, wrong types, missing parts, huge
/// or deep input. Each is counted as unreadable with a reason, never a crash, and leaves
/// the records as they were.
@Suite struct StatementFactsHostileTests {
    typealias F = FactsFixture

    static var answer: Data {
        F.statements("anna", [F.answer(attempt: 1, "enkelt", .option("a"), minute: 0)])[0]
    }

    func outcome(_ data: Data) -> StatementOutcome {
        var facts = StatementFacts(package: F.package())
        let outcome = facts.add(data)
        if outcome != .used {
            #expect(facts.records == CourseRecords())
        }
        return outcome
    }

    func edited(_ path: [String], _ value: JSONValue?) throws -> Data {
        try StatementEdits.setting(Self.answer, path, value)
    }

    func isUnreadable(_ outcome: StatementOutcome, _ fragment: String) -> Bool {
        if case .unreadable(let reason) = outcome { return reason.contains(fragment) }
        return false
    }

    @Test func brokenJSONIsUnreadable() {
        for text in ["", "{", "[]", "\"statement\"", "{\"id\": }", "{} {}", "{\"a\": tru}", "{\"a\": 01}", "{\"a\": \"\\x\"}", "{\"a\": \"\u{01}\"}"]
        {
            #expect(isUnreadable(outcome(Data(text.utf8)), "not a JSON statement"), "\(text)")
        }
        #expect(isUnreadable(outcome(Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D])), "not valid UTF-8"))
        #expect(isUnreadable(outcome(Data("{\"a\": \"\\ud800\"}".utf8)), "lone surrogate"))
    }

    @Test func aMemberTwiceIsRefused() {
        let text = String(decoding: Self.answer, as: UTF8.self).replacingOccurrences(of: "\"timestamp\":", with: "\"timestamp\":\"x\",\"timestamp\":")
        #expect(isUnreadable(outcome(Data(text.utf8)), "occurs twice"))
    }

    @Test func deepNestingAndHugeInputAreRefused() {
        let deep = "{\"a\":" + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "}"
        #expect(isUnreadable(outcome(Data(deep.utf8)), "nested more than 256"))
        var huge = Data("{\"a\":\"".utf8)
        huge.append(Data(repeating: UInt8(ascii: "x"), count: 9 << 20))
        huge.append(Data("\"}".utf8))
        #expect(isUnreadable(outcome(huge), "larger than 8 MiB"))
    }

    @Test func aHugeStringInAnotherMemberDoesNotMatter() throws {
        let data = try edited(["object", "definition", "description", "da"], .string(String(repeating: "æ", count: 500_000)))
        #expect(outcome(data) == .used)
    }

    @Test func aHugeResponseIsKeptAsIs() throws {
        let response = String(repeating: "a[,]", count: 100_000)
        var facts = StatementFacts(package: F.package())
        #expect(facts.add(try edited(["result", "response"], .string(response))) == .used)
        #expect(facts.records.learners["anna"]?.units["quiz"]?.attempts[1]?.answers["enkelt"]?.response == response)
    }

    @Test func wrongTypesAreUnreadable() throws {
        #expect(isUnreadable(outcome(try edited(["result", "response"], 1)), "result.response has the wrong JSON type"))
        #expect(isUnreadable(outcome(try edited(["result", "score"], "1")), "result.score has the wrong JSON type"))
        #expect(isUnreadable(outcome(try edited(["timestamp"], 5)), "timestamp has the wrong JSON type"))
        #expect(isUnreadable(outcome(try edited(["actor"], "anna")), "actor has the wrong JSON type"))
        #expect(isUnreadable(outcome(try edited(["result", "success"], "true")), "result.success"))
        #expect(isUnreadable(outcome(try edited(["object", "id"], .array([]))), "no object id"))
    }

    @Test func missingPartsAreUnreadable() throws {
        #expect(isUnreadable(outcome(try edited(["timestamp"], nil)), "no valid timestamp"))
        #expect(isUnreadable(outcome(try edited(["timestamp"], "2025-02-30T10:00:00Z")), "no valid timestamp"))
        #expect(isUnreadable(outcome(try edited(["timestamp"], "2025-03-04T10:00:00")), "no valid timestamp"))
        #expect(isUnreadable(outcome(try edited(["verb", "id"], "http://adlnet.gov/expapi/verbs/experienced")), "verb"))
        #expect(isUnreadable(outcome(try edited(["actor", "account"], nil)), "no account name"))
        #expect(isUnreadable(outcome(try edited(["result", "response"], nil)), "without a response"))
        #expect(isUnreadable(outcome(try edited(["id"], "not-a-uuid")), "not a UUID"))
        let noCourse = try StatementEdits.setting(try edited(["context", "contextActivities"], nil), ["object", "id"], "https://example.org/q/1")
        #expect(isUnreadable(outcome(noCourse), "no activity of a Kursus course"))
        let moduleObject = try edited(["object", "id"], "https://kursus.region.example/xapi/courses/digital%20kompetence/modules/grundlag")
        #expect(isUnreadable(outcome(moduleObject), "not a unit, question or choice point"))
    }

    @Test func attemptNumbersMustBeWholeAndPositive() throws {
        let key = "https://kursus.region.example/xapi/extensions/attempt"
        for bad: JSONValue in [0, 1.5, -3, 1e12, "1"] {
            let data = try edited(["context", "extensions", key], bad)
            let result = outcome(data)
            #expect(isUnreadable(result, "attempt"), "\(bad): \(result)")
        }
        #expect(isUnreadable(outcome(try edited(["context", "extensions", key], nil)), "without a valid attempt number"))
    }

    @Test func aChoiceMustNameAnOption() throws {
        let choice = F.statements("anna", [F.choice(run: 1, good: true, minute: 0)])[0]
        for bad: JSONValue in ["", "0", "en", "-1"] {
            let data = try StatementEdits.setting(choice, ["result", "response"], bad)
            #expect(isUnreadable(outcome(data), "not an option number"))
        }
    }

    @Test func aVerbOnTheWrongKindOfUnitIsUnreadable() throws {
        let opened = F.statements("anna", [F.opened("intro", 1, minute: 0)])[0]
        let passed = try StatementEdits.setting(opened, ["verb", "id"], .string(XAPIVerb.passed.id))
        #expect(isUnreadable(outcome(passed), "this kind of unit"))
        let terminated = try StatementEdits.setting(opened, ["verb", "id"], .string(XAPIVerb.terminated.id))
        #expect(isUnreadable(outcome(terminated), "this kind of unit"))
    }

    @Test func withoutContextActivitiesTheObjectIdNamesTheCourse() throws {
        #expect(outcome(try edited(["context", "contextActivities"], nil)) == .used)
    }

    @Test func theCourseIsFoundWhateverTheActivityBase() throws {
        let text = String(decoding: Self.answer, as: UTF8.self).replacingOccurrences(
            of: "https://kursus.region.example/xapi", with: "http://lrs.example.org/a/b")
        var facts = StatementFacts(package: F.package())
        #expect(facts.add(Data(text.utf8)) == .used)
        #expect(facts.records.learners["anna"]?.units["quiz"]?.attempts[1]?.answers["enkelt"]?.response == "a")
    }

    @Test func unreadableReasonsBecomeProblemsOfTheReading() {
        var facts = StatementFacts(package: F.package())
        facts.add(Data("{".utf8))
        facts.add(Data("{".utf8))
        facts.add(Data("{}".utf8))
        var reading = ReadingSummary()
        facts.counts.add(to: &reading)
        #expect(reading.unreadable == 3 && reading.statementsRead == 3)
        #expect(
            reading.problems == [
                "2 statements could not be used: not a JSON statement (expected a key in double quotes)",
                "1 statement could not be used: the statement has no object id",
            ])
    }
}
