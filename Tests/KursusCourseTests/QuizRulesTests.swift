import Foundation
@testable import KursusCourse
import Testing

/// The quiz and lesson authoring warnings of `kursus validate` (QuizRules), on the
/// bilingual fixture with one thing changed at a time.
@Suite("Quiz rules")
struct QuizRulesTests {
    static func warnings(_ changes: [(file: String, from: String, to: String)]) throws -> [String] {
        let copy = try BilingualFixture.copy(changes)
        defer { copy.remove() }
        return BilingualFixture.validator.validate(copy.root, shownAs: "k").diagnostics.warnings.map(\.description)
    }

    @Test func anOptionWithoutFeedback() throws {
        let found = try Self.warnings([("quizzer/tjek.yaml", "        feedback: Nej. Find først ud af, hvad der er galt.\n", "")])
        #expect(
            found == [
                "k/quizzer/tjek.yaml:5:5: warning: question 'foerste-skridt': option 2 has no feedback; give every option its own feedback (why it is right or not), the correct one included"
            ])
    }

    @Test func trueFalseNeedsBothFeedbacks() throws {
        let found = try Self.warnings([("quizzer/tjek.en.yaml", "    false-feedback: No. If it is approved, you may.\n", "")])
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("k/quizzer/tjek.en.yaml:38:5: warning: question 'link': option false has no feedback") == true, "\(found)")
    }

    @Test func theCorrectOptionLongestInMoreThanAThird() throws {
        // Shortening one distractor each in questions 1 and 2 makes their correct options
        // the longest: 2 of 3 single-choice questions (1 of 3 passes, as the fixture shows).
        let found = try Self.warnings([
            ("quizzer/tjek.yaml", "At genstarte tabletten med det samme og vente på den", "At genstarte"),
            ("quizzer/tjek.yaml", "Aflyser mødet og finder en ny tid med borgeren", "Aflyser mødet"),
        ])
        #expect(
            found == [
                "k/quizzer/tjek.yaml:1:1: warning: the correct option is the longest in 2 of 3 single-choice questions ('foerste-skridt', 'lyd'); at most a third (1) may be, or the length gives the answer away"
            ])
    }

    @Test func theSameQuestionTwiceInTheCourse() throws {
        let found = try Self.warnings([
            ("quizzer/moodle.gift", "Borgeren sidder for tæt på kameraet. Hvad siger du?", "Du kan ikke høre borgeren – hvad beder du borgeren om?")
        ])
        #expect(found.count == 1)
        #expect(
            found.first?.hasPrefix(
                "k/quizzer/moodle.gift:3:1: warning: question 'q1' asks the same as question 'lyd' of unit 'tjek' (k/quizzer/tjek.yaml:16:5)")
                == true,
            "\(found)")
    }

    @Test func readingTimeFarFromTheWords() throws {
        let found = try Self.warnings([("lektioner/01-velkommen.en.md", "minutes: 1", "minutes: 4")])
        #expect(
            found == [
                "k/lektioner/01-velkommen.en.md:1:1: warning: 'minutes: 4' is far from the reading time of its 51 words (about 1 at 150 words a minute); write 'minutes: 1'"
            ])
    }

    @Test func readingTimeRule() {
        let place = SourceLocation(file: "l.md", line: 1, column: 1)
        let lesson = { (words: Int, minutes: Int) in LessonShape(keys: ["minutes"], minutes: minutes, words: words, location: place) }
        #expect(QuizRules.readingTime(lesson(600, 4)) == nil)
        #expect(QuizRules.readingTime(lesson(600, 6)) == nil)  // 2 minutes off: allowed
        #expect(QuizRules.readingTime(lesson(600, 7)) != nil)  // 3 off, more than half of 4
        #expect(QuizRules.readingTime(lesson(1500, 13)) == nil)  // 3 off but less than half of 10
        #expect(QuizRules.readingTime(lesson(1500, 16)) != nil)  // 6 off
        #expect(QuizRules.readingTime(lesson(30, 3)) == nil)  // expected 1, 2 off
    }

    @Test func wordsAndNormalisedTexts() {
        #expect(LessonShape.wordCount("Hej – du kan *fx* se hjemme-siden, ikke?") == 7)
        #expect(QuizRules.normalized("  Hvad gør du *først*?\n") == "hvad gør du først")
        // The same as splitting the lower-cased text on what CharacterSet.alphanumerics
        // leaves out (the first way, kept here as the reference).
        func reference(_ text: String) -> String {
            text.lowercased().unicodeScalars.split { !CharacterSet.alphanumerics.contains($0) }
                .map { String(String.UnicodeScalarView($0)) }.joined(separator: " ")
        }
        for text in [
            "", "  ", "Ærø — øst/vest: 3½ km!", "İstanbul ŞEHİR", "e\u{301}te\u{301}", "漢字、かな。", "x1_y2-z3", "ﬁne ǅ", "🙂 ok 🙂",
            String(repeating: "Dette er en lang forklaring. ", count: 40),
        ] {
            #expect(QuizRules.normalized(text) == reference(text), "\(text.debugDescription)")
        }
    }
}
