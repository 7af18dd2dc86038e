import Foundation
import KursusCohort
import KursusRecords
import Testing

/// What the default cohort holds, checked by simple sums over its statements.
@Suite("make-cohort: what the records show")
struct CohortContentTests {
    typealias Fixtures = CohortFixtures

    static func standard() throws -> (cohort: CohortGenerator, statements: [(learner: CohortLearner, values: [JSONValue])]) {
        try #require(Fixtures.standard)
    }

    @Test("every statement is valid xAPI; the learner's own carry their team, anonymous ones no team and no name")
    func validAndTeams() throws {
        let (cohort, all) = try Self.standard()
        var anonymous = 0
        for (learner, values) in all {
            let raw = cohort.statements(for: learner)
            #expect(raw.count == values.count)
            for statement in raw { #expect(StatementValidator.problems(in: statement.json) == []) }
            for value in values {
                let actor = value["actor"]?["account"]?["name"]?.stringValue ?? ""
                if actor.hasPrefix("anonymous-") {
                    anonymous += 1
                    #expect(value["context"]?["team"] == nil)
                    let text = JSONWriter.data(value)
                    #expect(!String(decoding: text, as: UTF8.self).contains(learner.id))
                } else {
                    #expect(actor == learner.id)
                    #expect(value["context"]?["team"]?["account"]?["name"]?.stringValue == learner.team)
                }
            }
        }
        #expect(anonymous > 200)
    }

    /// Per question of the main quiz, over every attempt: n, facility (mean scaled score)
    /// and how often each response was given.
    static func items(_ all: [(learner: CohortLearner, values: [JSONValue])], unit: String)
        -> [String: (n: Int, facility: Double, responses: [String: Int])]
    {
        var sums: [String: (n: Int, score: Double, responses: [String: Int])] = [:]
        for (_, values) in all {
            for value in values where Fixtures.verb(value) == "answered" && Fixtures.isIn(value, unit: unit) {
                let question = Fixtures.objectTail(value)
                var entry = sums[question] ?? (0, 0, [:])
                entry.n += 1
                entry.score += value["result"]?["score"]?["scaled"]?.numberValue ?? 0
                entry.responses[value["result"]?["response"]?.stringValue ?? "", default: 0] += 1
                sums[question] = entry
            }
        }
        return sums.mapValues { ($0.n, $0.score / Double(max(1, $0.n)), $0.responses) }
    }

    @Test("the main quiz has its weak questions: too easy, too hard, a distractor over the key, a distractor nobody picks")
    func weakQuestions() throws {
        let (cohort, all) = try Self.standard()
        let weak = Dictionary(uniqueKeysWithValues: cohort.design.weakQuestions.map { ($0.role, $0) })
        #expect(Set(weak.keys) == Set(WeakQuestion.Role.allCases))
        #expect(weak[.tooEasy]?.questionID == "lys-bag-dig")
        #expect(weak[.tooHard]?.questionID == "et-par-forsoeg")
        #expect(weak[.attractiveDistractor]?.questionID == "afslut-moedet")
        #expect(weak[.unusedDistractor]?.questionID == "godkendt-loesning")
        #expect(weak[.negativeDiscrimination]?.questionID == "kamera-oejenhoejde")
        let items = Self.items(all, unit: "quiz-videokonsultation")
        #expect(items.count == 20)
        let easy = try #require(items["lys-bag-dig"])
        let hard = try #require(items["et-par-forsoeg"])
        #expect(easy.n >= 60 && easy.facility > 0.9)
        #expect(hard.n >= 60 && hard.facility < 0.2)
        // Other questions lie between.
        let middling = items.filter { !["lys-bag-dig", "et-par-forsoeg"].contains($0.key) }.values.map(\.facility)
        #expect(middling.allSatisfy { $0 > 0.2 && $0 < 0.95 })
        let attractive = try #require(items["afslut-moedet"])
        let distractor = try #require(weak[.attractiveDistractor]?.optionID)
        let key = try #require(cohort.package.quizzes["quiz-videokonsultation"]?.question(withID: "afslut-moedet")).kind
        guard case .singleChoice(let options) = key, let correct = options.first(where: { $0.weightPercent >= 100 }) else {
            Issue.record("afslut-moedet is not a single choice with a key")
            return
        }
        #expect(attractive.responses[distractor, default: 0] > attractive.responses[correct.id, default: 0])
        let unused = try #require(items["godkendt-loesning"])
        let nobody = try #require(weak[.unusedDistractor]?.optionID)
        #expect(unused.responses[nobody] == nil)
        #expect(unused.responses.count == 3)
    }

    @Test("one question discriminates negatively: learners with the best first attempts get it right less often than the weakest")
    func negativeDiscrimination() throws {
        let (_, all) = try Self.standard()
        // Per learner's first attempt: the total without the item, the item's score, and
        // an ordinary question's score.
        struct Row {
            var rest: Double
            var item: Double
            var other: Double
        }
        var rows: [Row] = []
        for (_, values) in all {
            let first = values.filter {
                Fixtures.verb($0) == "answered" && Fixtures.isIn($0, unit: "quiz-videokonsultation") && Fixtures.attempt($0) == 1
            }
            guard first.count == 20 else { continue }
            func score(_ id: String) -> Double {
                first.first { Fixtures.objectTail($0) == id }?["result"]?["score"]?["scaled"]?.numberValue ?? 0
            }
            let total = first.reduce(0) { $0 + ($1["result"]?["score"]?["scaled"]?.numberValue ?? 0) }
            rows.append(Row(rest: total - score("kamera-oejenhoejde"), item: score("kamera-oejenhoejde"), other: score("oejenkontakt-kamera")))
        }
        #expect(rows.count >= 55)
        let sorted = rows.sorted { $0.rest < $1.rest }
        let low = sorted.prefix(sorted.count / 3)
        let high = sorted.suffix(sorted.count / 3)
        func mean(_ part: ArraySlice<Row>, _ value: (Row) -> Double) -> Double { part.reduce(0) { $0 + value($1) } / Double(max(1, part.count)) }
        #expect(mean(high, \.item) < mean(low, \.item) - 0.2)
        // An ordinary question goes the other way.
        #expect(mean(high, \.other) > mean(low, \.other))
    }

    @Test("before and after (compare-with): paired answers move up, by more than half a point on average")
    func beforeAfterShift() throws {
        let (_, all) = try Self.standard()
        var differences: [Int] = []
        var onlyBefore = 0
        for (_, values) in all {
            func answers(_ unit: String) -> [String: Int] {
                var found: [String: Int] = [:]
                for value in values where Fixtures.verb(value) == "answered" && Fixtures.isIn(value, unit: unit) {
                    found[Fixtures.objectTail(value)] = Int(value["result"]?["response"]?.stringValue ?? "")
                }
                return found
            }
            let before = answers("selvvurdering-start")
            let after = answers("selvvurdering-slut")
            if !before.isEmpty, after.isEmpty { onlyBefore += 1 }
            for (item, point) in after { if let earlier = before[item] { differences.append(point - earlier) } }
        }
        #expect(differences.count >= 9 * 40)
        let mean = Double(differences.reduce(0, +)) / Double(differences.count)
        #expect(mean > 0.5 && mean < 2)
        #expect(differences.filter { $0 > 0 }.count > 2 * differences.filter { $0 < 0 }.count)
        #expect(onlyBefore >= 5)
    }

    @Test("partial completion, retries, time-outs and the anonymous evaluation with Danish free text")
    func realism() throws {
        let (cohort, all) = try Self.standard()
        let started = all.filter { !$0.values.isEmpty }
        #expect(started.count < 75 && started.count >= 65)
        let finishedEvaluation = all.filter { $0.values.contains { Fixtures.verb($0) == "completed" && Fixtures.objectTail($0) == "evaluering" } }
        #expect(finishedEvaluation.count >= 35 && finishedEvaluation.count <= 65)
        let retried = all.filter { $0.values.contains { Fixtures.isIn($0, unit: "quiz-videokonsultation") && Fixtures.attempt($0) == 2 } }
        #expect(retried.count >= 5)
        let verdicts = all.flatMap(\.values).filter { Fixtures.objectTail($0) == "quiz-videokonsultation" }.map(Fixtures.verb)
        #expect(verdicts.contains("passed") && verdicts.contains("failed"))
        let choices = all.flatMap(\.values).filter { $0["object"]?["id"]?.stringValue?.contains("/nodes/") == true }
        #expect(choices.count > 500)
        #expect(choices.contains { Fixtures.resultExtension($0, "timed-out") == .bool(true) })
        let endings = all.flatMap(\.values).filter { Fixtures.resultExtension($0, "ending") != nil }
        #expect(Set(endings.compactMap { Fixtures.resultExtension($0, "ending")?.stringValue }).count >= 4)
        #expect(endings.contains { Fixtures.contextExtension($0, "run") == .number(2) })
        let texts = all.flatMap(\.values).filter { Fixtures.isIn($0, unit: "evaluering") && Fixtures.objectTail($0) == "tager-med" }
            .compactMap { $0["result"]?["response"]?.stringValue }.filter { !$0.isEmpty }
        #expect(texts.count >= 15)
        let names = Set(cohort.learners.flatMap { $0.displayName.split(separator: " ").map(String.init) })
        #expect(texts.allSatisfy { text in !names.contains { text.contains($0) } })
    }
}
