import Foundation
import KursusCourse
import KursusEngine
import KursusRecords
import Testing

@testable import KursusReports

/// The fast statement reader against the strict one (`JSONParser`): the same values
/// from every statement Kursus makes; and the timestamp and duration readers.
@Suite struct StatementFactsScannerTests {
    typealias F = FactsFixture

    static var everyStatement: [Data] {
        let events =
            StatementFactsTests.annasEvents + [
                F.choice(run: 2, good: false, timedOut: true, minute: 21), F.ended(run: 2, good: false, minute: 22, seconds: 40),
                F.answer("evaluering", attempt: 1, "relevans", .likert(3), minute: 23),
                F.finished("evaluering", attempt: 1, score: nil, passed: nil, minute: 24, seconds: 160),
            ]
        return F.statements("anna", events)
    }

    func suffixed(_ members: [String: JSONValue]?, _ name: String) -> JSONValue? {
        members?.first { $0.key.hasSuffix("/extensions/" + name) }?.value
    }

    @Test func theScannerReadsWhatTheStrictParserReads() throws {
        for data in Self.everyStatement {
            let scanned = try StatementScanner.scan(data)
            let json = try JSONParser.parse(data)
            #expect(scanned.id == json["id"]?.stringValue)
            #expect(scanned.timestamp == json["timestamp"]?.stringValue)
            #expect(scanned.actorHomePage == json["actor"]?["account"]?["homePage"]?.stringValue)
            #expect(scanned.actorName == json["actor"]?["account"]?["name"]?.stringValue)
            #expect(scanned.verbID == json["verb"]?["id"]?.stringValue)
            #expect(scanned.objectID == json["object"]?["id"]?.stringValue)
            let activities = json["context"]?["contextActivities"]
            let ids = ((activities?["grouping"]?.arrayValue ?? []) + (activities?["parent"]?.arrayValue ?? [])).compactMap { $0["id"]?.stringValue }
            #expect(Set(scanned.contextActivityIDs) == Set(ids) && scanned.contextActivityIDs.count == ids.count)
            let context = json["context"]?["extensions"]?.objectValue
            #expect(scanned.courseVersion == suffixed(context, "course-version")?.stringValue)
            #expect(scanned.attempt == suffixed(context, "attempt")?.numberValue)
            #expect(scanned.run == suffixed(context, "run")?.numberValue)
            let result = json["result"]
            #expect(scanned.response == result?["response"]?.stringValue)
            #expect(scanned.success == result?["success"]?.boolValue)
            #expect(scanned.duration == result?["duration"]?.stringValue)
            #expect(scanned.scaled == result?["score"]?["scaled"]?.numberValue)
            #expect(scanned.raw == result?["score"]?["raw"]?.numberValue)
            #expect(scanned.maximum == result?["score"]?["max"]?.numberValue)
            let extensions = result?["extensions"]?.objectValue
            #expect(scanned.quality == suffixed(extensions, "quality")?.stringValue)
            #expect(scanned.timedOut == suffixed(extensions, "timed-out")?.boolValue)
            #expect(scanned.ending == suffixed(extensions, "ending")?.stringValue)
            #expect(scanned.rating == suffixed(extensions, "rating")?.stringValue)
            #expect(scanned.typeProblem == nil)
        }
    }

    @Test func escapesAndOneActivityInsteadOfAnArrayAreRead() throws {
        let text = """
            {"id":"0b5c1e4e-3f0e-5d7c-9a51-1d2b3c4d5e6f","actor":{"account":{"homePage":"h","name":"\\u00e6\\ud83d\\ude00\\n"}},
             "context":{"contextActivities":{"grouping":{"id":"a\\/b"}}},"result":{"score":{"scaled":-2.5e-1,"raw":12345678901234568}}}
            """
        let scanned = try StatementScanner.scan(Data(text.utf8))
        #expect(scanned.actorName == "æ😀\n")
        #expect(scanned.contextActivityIDs == ["a/b"])
        #expect(scanned.scaled == -0.25)
        #expect(scanned.raw == 12_345_678_901_234_568)
    }

    @Test func escapedKeysAreMatchedByTheirText() throws {
        let scanned = try StatementScanner.scan(Data(#"{"verb":{"\u0069d":"v"}}"#.utf8))
        #expect(scanned.verbID == "v")
    }

    @Test func timestampsAreReadInEveryZone() {
        #expect(StatementTime.timestamp("2025-03-04T09:15:02.250Z") == Date(timeIntervalSince1970: 1_741_079_702.25))
        #expect(StatementTime.timestamp("2025-03-04T10:15:02.250+01:00") == Date(timeIntervalSince1970: 1_741_079_702.25))
        #expect(StatementTime.timestamp("2025-03-04T04:15:02.25-0500") == Date(timeIntervalSince1970: 1_741_079_702.25))
        #expect(StatementTime.timestamp("2025-03-04T11:15:02+02") == Date(timeIntervalSince1970: 1_741_079_702))
        #expect(StatementTime.timestamp("1970-01-01T00:00:00Z") == Date(timeIntervalSince1970: 0))
        #expect(StatementTime.timestamp("2024-02-29T00:00:00Z") == Date(timeIntervalSince1970: 1_709_164_800))
        for bad in ["2023-02-29T00:00:00Z", "2025-03-04 09:15:02Z", "2025-03-04T09:15:02", "2025-03-04T24:00:00Z", "2025-03-04T09:15:02.Z", "x"] {
            #expect(StatementTime.timestamp(bad) == nil, "\(bad)")
        }
    }

    @Test func durationsAreRead() {
        #expect(StatementTime.seconds("PT1H2M3S") == 3723)
        #expect(StatementTime.seconds("PT0S") == 0)
        #expect(StatementTime.seconds("PT6M52S") == 412)
        #expect(StatementTime.seconds("PT1.5S") == 1.5)
        #expect(StatementTime.seconds("P1DT1H") == 90000)
        for bad in ["", "PT", "PTS", "PT1S2M", "1S", "PT-1S"] {
            #expect(StatementTime.seconds(bad) == nil, "\(bad)")
        }
    }

    @Test func activityIdsArePlacedAndDecoded() {
        let ids = CourseActivityIDs(courseID: "digital kompetence")
        let course = "https://x.example/xapi/courses/digital%20kompetence"
        #expect(ids.place(objectID: course, contextIDs: []) == .course)
        #expect(ids.place(objectID: course + "/units/%C3%A6ble", contextIDs: [course]) == .unit("æble"))
        #expect(ids.place(objectID: course + "/units/q/questions/a%2Fb", contextIDs: [course]) == .question(unit: "q", question: "a/b"))
        #expect(ids.place(objectID: course + "/units/s/nodes/valg", contextIDs: [course]) == .node(unit: "s", node: "valg"))
        for bad in ["/units/%ZZ", "/units/%FF", "/units/", "/units/q/questions/", "/units/q/other/x", "/units/q/questions/a/b", "/modules/m"] {
            if case .unknown = ids.place(objectID: course + bad, contextIDs: [course]) {
            } else {
                Issue.record("\(bad) was placed")
            }
        }
        #expect(
            ids.place(objectID: "https://x.example/xapi/courses/andet/units/a", contextIDs: ["https://x.example/xapi/courses/andet"]) == .otherCourse)
    }

    @Test func statementIdsAreKeyedBy128Bits() {
        let key = StatementKey("0b5c1e4e-3f0e-5d7c-9a51-1d2b3c4d5e6f")
        #expect(key != nil)
        #expect(key == StatementKey("0B5C1E4E-3F0E-5D7C-9A51-1D2B3C4D5E6F"))
        #expect(key != StatementKey("0b5c1e4e-3f0e-5d7c-9a51-1d2b3c4d5e60"))
        for bad in ["", "0b5c1e4e3f0e5d7c9a511d2b3c4d5e6f", "0b5c1e4e-3f0e-5d7c-9a51-1d2b3c4d5e6g", "0b5c1e4e-3f0e-5d7c-9a51_1d2b3c4d5e6f"] {
            #expect(StatementKey(bad) == nil, "\(bad)")
        }
    }
}
