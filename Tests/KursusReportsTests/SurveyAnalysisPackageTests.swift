// A small real course package for the survey and scenario analyses, the records the
// tests build by hand, and the analyses run on the bundled course.
import Foundation
import KursusCourse
import Testing

@testable import KursusReports

/// A course written to a temporary folder and loaded as `kursus report` loads it: two
/// surveys linked with `compare-with`, an anonymous evaluation, a survey compared with
/// the anonymous one, and a scenario with a timer and a pass rule.
enum AnalysisPackage {
    static let files: [String: String] = [
        "course.yaml": """
        format: kursus/1
        id: rapport-test
        title: Rapporttest
        language: da
        version: 1.0.0
        modules:
          - id: m1
            title: Modul
            units:
              - {id: foer, kind: survey, title: Før, file: quizzer/foer.yaml}
              - {id: scen, kind: scenario, title: Videobesøg, file: scenarier/s.yaml}
              - {id: efter, kind: survey, title: Efter, file: quizzer/efter.yaml}
              - {id: eval, kind: survey, title: Evaluering, file: quizzer/eval.yaml}
              - {id: eval-igen, kind: survey, title: Evaluering igen, file: quizzer/eval-igen.yaml}
        """,
        "quizzer/foer.yaml": """
        format: kursus-quiz/1
        title: Før
        questions:
          - {id: tryg, type: likert, text: "Jeg er **tryg**\\nved video.", scale: [Helt uenig, Uenig, Neutral, Enig, Helt enig]}
          - {id: kun-foer, type: likert, text: Kun før., scale: [Nej, Ja]}
          - {id: fire, type: likert, text: Fire punkter., scale: [a, b, c, d]}
          - {id: tanker, type: text, text: Tanker?}
        """,
        "quizzer/efter.yaml": """
        format: kursus-quiz/1
        title: Efter
        compare-with: foer
        questions:
          - {id: ny, type: likert, text: Kun efter., scale: [Nej, Ja]}
          - {id: tryg, type: likert, text: Jeg er tryg ved video nu., scale: [Helt uenig, Uenig, Neutral, Enig, Helt enig]}
          - {id: fire, type: likert, text: Fem punkter nu., scale: [a, b, c, d, e]}
          - {id: tanker, type: text, text: Tanker nu?}
        """,
        "quizzer/eval.yaml": """
        format: kursus-quiz/1
        title: Evaluering
        anonymous: true
        questions:
          - {id: relevans, type: likert, text: Relevant?, scale: [Helt uenig, Uenig, Neutral, Enig, Helt enig]}
          - {id: kommentar, type: text, text: Kommentarer?}
        """,
        "quizzer/eval-igen.yaml": """
        format: kursus-quiz/1
        title: Evaluering igen
        compare-with: eval
        questions:
          - {id: relevans, type: likert, text: Relevant nu?, scale: [Helt uenig, Uenig, Neutral, Enig, Helt enig]}
        """,
        "scenarier/s.yaml": """
        format: kursus-scenario/1
        id: s
        title: Scenariefilen
        participants:
          - {id: inger, name: Inger, age: 81, role: citizen}
        variables:
          score: 0
        pass:
          min-score: 2
        nodes:
          - id: v1
            choice: "Hvad siger\\ndu?"
            timer: {seconds: 30, default: 2}
            options:
              - {text: God start, feedback: Fint, quality: good, effects: [{add: score, value: 2}], goto: v2}
              - {text: Dårlig start, feedback: Nej, quality: poor, goto: v2}
              - {text: Middel start, feedback: Tja, quality: mixed, effects: [{add: score, value: 1}], goto: v2}
          - id: v2
            choice: Og så?
            options:
              - {text: God slutning, feedback: Fint, quality: good, effects: [{add: score, value: 1}], goto: slut-god}
              - {text: Dårlig slutning, feedback: Nej, quality: poor, goto: slut-skidt}
          - id: slut-god
            ending: Godt **klaret**
            rating: good
            debrief: Det gik godt.
          - id: slut-skidt
            ending: Skidt
            rating: poor
            debrief: Det gik skidt.
        """,
    ]

    /// The package, loaded from a fresh temporary folder (removed again once loaded:
    /// quizzes and scenarios are read while loading).
    static func load() throws -> CoursePackage {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-analysis-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (package, diagnostics) = CoursePackageLoader.load(root, shownAs: "rapport-test")
        #expect(!diagnostics.hasErrors, "\(diagnostics.map(\.description))")
        return try #require(package)
    }

    static let bundledCourse = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    static let moment = Date(timeIntervalSince1970: 1_780_000_000)

    static func answer(_ response: String) -> AnswerRecord {
        AnswerRecord(response: response, scaled: nil, raw: nil, maximum: nil, at: moment, seconds: nil)
    }

    /// An attempt with these answers (question id → response), finished unless told.
    static func attempt(_ answers: [String: String], finished: Bool = true) -> AttemptRecord {
        AttemptRecord(
            answers: answers.mapValues(answer),
            finished: finished ? FinishedAttempt(at: moment, success: nil, scaled: nil, seconds: nil) : nil)
    }

    /// A learner with these attempts per unit (unit id → attempt number → attempt).
    static func learner(_ account: String, team: String? = nil, attempts: [String: [Int: AttemptRecord]]) -> LearnerRecord {
        var learner = LearnerRecord(account: account, team: team)
        for (unit, byNumber) in attempts {
            var record = UnitRecord()
            record.attempts = byNumber
            learner.units[unit] = record
        }
        return learner
    }

    /// A learner with these scenario runs of unit `scen` (run number → run).
    static func runner(_ account: String, runs: [Int: RunRecord]) -> LearnerRecord {
        var learner = LearnerRecord(account: account)
        var record = UnitRecord()
        record.runs = runs
        learner.units["scen"] = record
        return learner
    }

    static func choice(_ node: String, _ option: Int, timedOut: Bool = false) -> ChoiceRecord {
        ChoiceRecord(nodeID: node, option: option, quality: nil, timedOut: timedOut, at: moment)
    }

    static func ending(_ node: String, score: Double?, success: Bool?) -> EndingRecord {
        EndingRecord(nodeID: node, rating: nil, score: score, success: success, seconds: 60, at: moment)
    }
}

@Suite("Survey and scenario analyses on the bundled course")
struct SurveyAnalysisPackageTests {
    @Test("with no records every section is there, in course order, and nothing is counted")
    func bundledCourseWithoutRecords() throws {
        let (package, _) = try CoursePackage.open(AnalysisPackage.bundledCourse, shownAs: "digital-kompetence")
        let policy = CellPolicy(minimum: 5)
        let pairs = SurveyAnalysis.beforeAfter(package: package, learners: [], policy: policy)
        #expect(pairs.map(\.afterUnitID) == ["selvvurdering-slut"])
        let section = try #require(pairs.first)
        #expect(section.beforeUnitID == "selvvurdering-start")
        #expect(!section.anonymous)
        // Nine Likert statements with the same ids on both sides; no teams, so one row each.
        #expect(section.items.count == 9)
        #expect(section.items.allSatisfy { $0.team == nil && $0.pairs == .value(0) && $0.statistics == nil })

        let surveys = SurveyAnalysis.surveys(package: package, learners: [], anonymous: [], teamFiltered: true, policy: policy)
        #expect(surveys.map(\.unitID) == ["selvvurdering-start", "selvvurdering-slut", "evaluering"])
        #expect(surveys.map(\.anonymous) == [false, false, true])
        #expect(surveys.map(\.notFilteredByTeam) == [false, false, true])
        let evaluation = try #require(surveys.last)
        #expect(evaluation.likert.count == 5 && evaluation.freeText.count == 3)
        #expect(evaluation.likert.first?.labels == ["Helt uenig", "Uenig", "Hverken enig eller uenig", "Enig", "Helt enig"])
        #expect(evaluation.freeText.allSatisfy { $0.answers == nil && $0.answerCount == .value(0) })

        let scenarios = ScenarioAnalysis.sections(package: package, learners: [], policy: policy)
        #expect(scenarios.map(\.unitID) == ["scenarie-foerste-videobesoeg", "scenarie-kol-opfoelgning", "scenarie-tablet", "scenarie-genoptraening"])
        let first = try #require(scenarios.first)
        #expect(first.endings.map(\.nodeID) == ["slut-god", "slut-delvis", "slut-svag", "slut-telefon"])
        #expect(first.endings.map(\.rating) == ["good", "mixed", "poor", "poor"])
        #expect(first.endings.first?.text == "Godt videobesøg")
        // The opening choice has a 45-second timer; the time-out columns are there, at 0.
        let opening = try #require(first.choicePoints.first { $0.nodeID == "v-kamera" })
        #expect(opening.timedOut == .value(0))
        #expect(first.passRate == nil && first.meanScore == nil && first.runs == .value(0))
    }
}
