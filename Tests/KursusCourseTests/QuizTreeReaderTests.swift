import Foundation
import Testing

@testable import KursusCourse

/// Quiz files are read from libyaml's events (`YAMLTreeReader`) as scenarios and
/// course.yaml are: both ways must give the same quiz and the same diagnostics, on every
/// quiz in the repository and on odd values at every place a quiz reads a value.
struct QuizTreeReaderTests {
    /// Both ways agree on `text` read as a quiz.
    static func expectSame(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let fast = QuizFile.parse(text, file: "q.yaml", fast: true)
        let full = QuizFile.parse(text, file: "q.yaml", fast: false)
        #expect(fast.quiz == full.quiz, "quiz from \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
        #expect(
            fast.diagnostics.map(\.description) == full.diagnostics.map(\.description),
            "diagnostics of \(text.prefix(300).debugDescription)", sourceLocation: sourceLocation)
    }

    /// Quiz texts in the repository: the bundled course, the fixtures, the fuzzing corpus
    /// and the examples in docs/quiz-format.md.
    static func repositoryQuizzes() -> [(name: String, text: String, bundled: Bool)] {
        YAMLTreeReaderTests.yamlFiles(in: ["Courses", "Tests/Fixtures", "Fuzz/Corpus/quiz"]) { url, text in
            text.contains("kursus-quiz/1") || url.path.contains("/quiz")
        } + YAMLTreeReaderTests.docExamples(["quiz-format.md", "tutorial.md", "authoring.md"], containing: "kursus-quiz/1")
    }

    @Test func everyQuizInTheRepositoryReadsTheSameBothWays() {
        let files = Self.repositoryQuizzes()
        #expect(files.count >= 20, "\(files.count) files")
        for file in files {
            Self.expectSame(file.text)
        }
    }

    @Test func theBundledQuizzesNeedNoFallBack() {
        let bundled = Self.repositoryQuizzes().filter(\.bundled)
        #expect(bundled.count >= 4)
        for file in bundled {
            #expect(YAMLTreeReader.read(file.text) != nil, "\(file.name) fell back")
        }
    }

    /// A quiz with a placeholder at each place a value of its own kind is read.
    static let quiz = """
        format: kursus-quiz/1
        title: T
        pass-mark: PASS
        attempts: ATTEMPTS
        shuffle-questions: SHUFFLE
        questions:
          - id: a
            type: single
            text: TEXT
            options:
              - text: x
                correct: CORRECT
              - text: y
          - id: b
            type: numeric
            text: N
            answers:
              - NUMBER
              - value: NUMBER
                tolerance: NUMBER
          - id: c
            type: true-false
            text: T
            answer: CORRECT
          - id: d
            type: short
            text: S
            answers: [SHORT]

        """

    @Test("odd values at every place read the same both ways", arguments: ["PASS", "ATTEMPTS", "SHUFFLE", "TEXT", "CORRECT", "NUMBER", "SHORT"])
    func oddValuesAgree(place: String) {
        for value in YAMLTreeOddFileTests.values {
            Self.expectSame(Self.quiz.replacingOccurrences(of: place, with: value))
        }
    }

    @Test func oddTextsAgree() {
        for text in YAMLTreeOddFileTests.texts {
            Self.expectSame(text)
            Self.expectSame("format: kursus-quiz/1\ntitle: T\nquestions:\n  - id: a\n    type: single\n    text: " + text)
        }
    }
}
