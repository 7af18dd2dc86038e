import Foundation
import Testing

/// Takes quizzes with the real binary in tmux: fail, retry, pass; and a power cut in
/// the middle of an attempt.
@Suite("Quizzes in a real terminal", .serialized)
struct QuizEndToEndTests {
    /// A small package: one lesson-free module with a two-question quiz, no shuffling,
    /// so the test knows where the right answers are.
    static func package() throws -> URL {
        let folder = try KursusBinary.temporaryFolder("quiz-package")
        try """
        format: kursus/1
        id: quiz-test
        title: Quiztest
        language: da
        version: "1"
        modules:
          - id: m
            title: Modul
            units:
              - id: quiz
                kind: quiz
                title: Lille quiz
                file: quiz.yaml
        """.write(to: folder.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        try """
        format: kursus-quiz/1
        pass-mark: 100
        questions:
          - id: kamera
            type: single
            text: Borgeren kan ikke se dig. Hvad gør du først?
            options:
              - text: Ringer op igen.
                feedback: Spørg først.
              - text: Spørger, om kameraet er slået fra.
                correct: true
          - id: tf
            type: true-false
            text: Man skal altid bruge video.
            answer: false
            true-feedback: Nej, telefon kan være fint.
        """.write(to: folder.appendingPathComponent("quiz.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func start(_ package: URL, data: URL) throws -> Tmux {
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(package.path)) --data-dir \(Tmux.quote(data.path)) --learner anna --lang da; echo KURSUS-EXIT:$?"
        return try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
    }

    func progress(_ data: URL) throws -> [String: Any] {
        let file = data.appendingPathComponent("learners/anna/progress/quiz-test.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: file))
        return try #require(object as? [String: Any])
    }

    func quizRecord(_ data: URL) throws -> (outcome: String?, attempts: [[String: Any]]) {
        let units = try #require(try progress(data)["units"] as? [String: [String: Any]])
        let quiz = units["quiz"]
        let attempts = (quiz?["quiz"] as? [String: Any])?["attempts"] as? [[String: Any]] ?? []
        return (quiz?["outcome"] as? String, attempts)
    }

    @Test("take a quiz, fail it, see why, retry and pass; the file records both attempts")
    func failRetryPass() throws {
        let package = try Self.package()
        let data = try KursusBinary.temporaryFolder("quiz-data")
        let tmux = try start(package, data: data)
        try tmux.waitFor("Lille quiz")
        try tmux.send("Enter")
        let intro = try tmux.waitFor("Enter start")
        #expect(intro.contains("Bestået ved: 100 %"))
        try tmux.send("Enter")
        let question = try tmux.waitFor("Spørgsmål 1 af 2 · Forsøg 1")
        #expect(question.contains("( ) 1  Ringer op igen."))
        try tmux.send("1")
        try tmux.waitFor("(•) 1")
        try tmux.send("Enter")
        let feedback = try tmux.waitFor("✗ Ikke rigtigt")
        #expect(feedback.contains("Spørg først."))
        #expect(feedback.contains("Rigtigt svar:"))
        try tmux.send("Enter")
        try tmux.waitFor("Spørgsmål 2 af 2")
        try tmux.send("2", "Enter")
        try tmux.waitFor("✓ Rigtigt")
        try tmux.send("Enter")
        let failed = try tmux.waitFor("✗ Ikke bestået")
        #expect(failed.contains("Resultat: 50 %"))
        #expect(failed.contains("Enter prøv igen"))
        #expect(try quizRecord(data).outcome == "failed")

        try tmux.send("Enter")
        try tmux.waitFor("Forsøg 2")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("✓ Rigtigt")
        try tmux.send("Enter")
        try tmux.send("2", "Enter")
        try tmux.waitFor("✓ Rigtigt")
        try tmux.send("Enter")
        let passed = try tmux.waitFor("✓ Bestået")
        #expect(passed.contains("Resultat: 100 %"))
        try tmux.send("Enter")
        let menu = try tmux.waitFor("Enter åbn")
        #expect(menu.contains("✓ 1.1  Lille quiz"))
        #expect(menu.contains("100 %"))
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")

        let record = try quizRecord(data)
        #expect(record.outcome == "passed")
        #expect(record.attempts.count == 2)
        #expect(record.attempts.map { $0["scorePercent"] as? Double } == [50, 100])
        #expect(record.attempts.allSatisfy { $0["seed"] is NSNumber && $0["finishedAt"] is String })
    }

    @Test("kill -9 in the middle of an attempt: the next start goes on at the next question")
    func killMidAttempt() throws {
        let package = try Self.package()
        let data = try KursusBinary.temporaryFolder("quiz-kill")
        let tmux = try start(package, data: data)
        try tmux.waitFor("Lille quiz")
        try tmux.send("Enter")
        try tmux.waitFor("Enter start")
        try tmux.send("Enter")
        try tmux.waitFor("Spørgsmål 1 af 2")
        try tmux.send("2", "Enter")
        try tmux.waitFor("✓ Rigtigt")
        // The answer is saved as it is given; wait until it is on disk, then cut the power.
        #expect(KursusBinary.eventually { ((try? quizRecord(data))?.attempts.first?["answers"] as? [String: Any])?["kamera"] != nil })
        kill(try tmux.programPID(), SIGKILL)
        try tmux.waitFor("KURSUS-EXIT:")

        let again = try start(package, data: data)
        let resumed = try again.waitFor("Spørgsmål 2 af 2 · Forsøg 1")
        #expect(resumed.contains("Man skal altid bruge video."))
        try again.send("2", "Enter", "Enter")
        try again.waitFor("Bestået")
        try again.send("q")
        try again.waitFor("KURSUS-EXIT:0")
        let record = try quizRecord(data)
        #expect(record.attempts.count == 1)
        #expect(record.outcome == "passed")
    }
}
