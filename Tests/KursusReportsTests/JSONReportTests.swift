// The JSON report: sorted keys, ISO 8601 dates, suppressed cells, a round trip, and
// validation against Assets/schemas/report.schema.json with python3's jsonschema.
import Foundation
import Testing

@testable import KursusReports

@Suite("JSON report")
struct JSONReportTests {
    static let validator = PythonCheck.interpreter(with: "jsonschema")
    static let schema = FormatTestFolder.repository.appendingPathComponent("Assets/schemas/report.schema.json")

    /// The named sample with the optional fields the sample leaves out set too.
    static var full: Report {
        var report = SampleReport.named
        report.header.filters.until = SampleReport.date("2026-04-01T00:00:00Z")
        report.header.filters.teams = ["Afsnit A", "Afsnit B"]
        report.reading.notInCourse.append(MissingActivity(unitID: "quiz-1", questionID: "q-gammel", statements: 12))
        report.beforeAfter.append(
            BeforeAfterSection(beforeUnitID: "a", beforeTitle: "Før", afterUnitID: "b", afterTitle: "Efter", anonymous: true, items: []))
        report.surveys[0].notFilteredByTeam = true
        return report
    }

    static let reports = [
        "sample": SampleReport.report, "named": SampleReport.named, "hostile": HostileReport.report, "empty": EmptyReportFormatTests.empty,
        "full": full,
    ]

    @Test("decoding the document gives back the same report", arguments: ["sample", "named", "hostile", "full"])
    func roundTrip(name: String) throws {
        let report = try #require(Self.reports[name])
        let data = try JSONReport.data(report)
        #expect(try JSONReport.report(from: data) == report)
    }

    @Test("keys are sorted, dates are ISO 8601, suppressed cells are {\"belowMinimum\": 5}")
    func shape() throws {
        let data = try JSONReport.data(SampleReport.report)
        let text = String(decoding: data, as: UTF8.self)
        let order = [
            "\"beforeAfter\"", "\"cohort\"", "\"header\"", "\"quizzes\"", "\"reading\"", "\"scenarios\"", "\"schemaVersion\"", "\"surveys\"",
        ]
        let positions = order.compactMap { text.range(of: "\n  \($0)")?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
        #expect(text.contains("\"generatedAt\" : \"2026-03-15T08:00:00Z\""))
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let cohort = try #require(object["cohort"] as? [String: Any])
        let teams = try #require(cohort["teams"] as? [[String: Any]])
        #expect(teams[0]["learners"] as? Int == 25)
        #expect(teams[3]["learners"] as? [String: Int] == ["belowMinimum": 5])
        #expect(teams[3]["team"] == nil, "no team: the key is left out")
        #expect(object["schemaVersion"] as? Int == 1)
    }

    @Test("a figure that is not a number is a clear error naming its place, not a crash")
    func notANumber() {
        var report = SampleReport.report
        report.quizzes[0].questions[1].facility = .value(.nan)
        #expect(throws: JSONReport.Failure.notANumber(path: ".quizzes[0].questions[1].facility")) { try JSONReport.data(report) }
    }

    func validate(_ data: Data) throws -> PythonCheck.Result {
        let folder = try FormatTestFolder.make("json")
        defer { try? FileManager.default.removeItem(at: folder) }
        let document = folder.appendingPathComponent("report.json")
        try data.write(to: document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for error in errors: print(list(error.absolute_path), error.message)
            sys.exit(1 if errors else 0)
            """
        return try PythonCheck.run(Self.validator ?? "python3", ["-c", script, Self.schema.path, document.path])
    }

    @Test(
        "real encoded reports validate against the schema", .enabled(if: validator != nil, "python3 with jsonschema is not importable; skipped"),
        arguments: ["sample", "named", "hostile", "empty", "full"])
    func validates(name: String) throws {
        let report = try #require(Self.reports[name])
        let result = try validate(try JSONReport.data(report))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(
        "the schema rejects a count written as text, an unknown key and a hidden cell with a value",
        .enabled(if: validator != nil, "python3 with jsonschema is not importable; skipped"))
    func rejects() throws {
        let data = try JSONReport.data(SampleReport.report)
        let text = String(decoding: data, as: UTF8.self)
        let tampered = [
            text.replacingOccurrences(of: "\"statementsRead\" : 10242", with: "\"statementsRead\" : \"10242\""),
            text.replacingOccurrences(of: "\"schemaVersion\" : 1", with: "\"schemaVersion\" : 1, \"extra\" : true"),
            text.replacingOccurrences(of: "\"belowMinimum\" : 5", with: "\"belowMinimum\" : 5, \"value\" : 3"),
        ]
        for document in tampered {
            #expect(document != text)
            #expect(try validate(Data(document.utf8)).status == 1)
        }
    }
}
