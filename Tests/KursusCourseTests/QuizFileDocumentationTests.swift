import Foundation
import Testing
@testable import KursusCourse

/// The documentation's examples read cleanly, and Assets/schemas/quiz.schema.json knows
/// exactly the keys the parser knows.
@Suite("Quiz files: documentation and JSON Schema")
struct QuizFileDocumentationTests {
    typealias T = QuizFileTest

    /// The examples of docs/quiz-format.md put together in one file (the `...` placeholders
    /// filled in). The same file is checked against Assets/schemas/quiz.schema.json.
    static let documentationExample = """
        format: kursus-quiz/1          # required
        title: Videokonsultationens faser   # optional; the manifest's unit title wins
        intro: |                       # optional Markdown, shown before the first question
          Ti spørgsmål om ...
        pass-mark: 80                  # percent, 0-100; default 80 (surveys ignore it)
        attempts: 3                    # a whole number ≥ 1, or "unlimited" (the default)
        counting: best                 # best | last: which attempt's score counts (default best)
        feedback: after-each           # after-each | at-end (default after-each)
        shuffle-questions: true        # default false
        shuffle-options: true          # default false; ordering and matching are always shuffled
        draw: 8                        # optional pool: each attempt asks 8 of the questions
        compare-with: selvvurdering-start   # surveys: an earlier survey unit whose answers are shown beside these
        anonymous: false               # surveys: true keeps the answers apart from the learner in the learning record (below)
        questions:                     # required, at least one
          - type: single
            text: Borgeren kan ikke se dig, men du kan se borgeren. Hvad gør du først?
            options:
              - text: Afslutter opkaldet og ringer op igen.
                feedback: Det kan virke, men spørg først.
              - text: Spørger, om kameraet er dækket eller slået fra i appen.
                correct: true
                feedback: Ja. Start med det enkleste.
              - text: Beder borgeren genstarte tabletten.
          - type: true-false
            text: En videokonsultation kræver altid et kamera hos borgeren.
            answer: false
            true-feedback: Nej, lyd alene kan række.    # shown when the learner answers true
            false-feedback: Rigtigt.    # shown when the learner answers false
          - type: short
            text: Hvad hedder den app, ...?
            answers:                  # at least one
              - "video*"              # a plain text: full credit
              - text: videoopkald
                weight: 50
                feedback: Næsten.
            case-sensitive: false     # default false
          - type: numeric
            text: Hvad er normal iltmætning i procent (nedre grænse)?
            answers:
              - value: 95
                tolerance: 1          # default 0; bounds are inclusive
              - min: 90               # or a range, inclusive
                max: 94
                weight: 50
                feedback: Lidt lavt.
          - type: matching
            text: Sæt hvert problem sammen med det første skridt.
            pairs:                    # at least two
              - prompt: Ingen lyd
                match: Tjek om mikrofonen er slået fra
              - prompt: Sort billede
                match: Tjek om kameraet er dækket
            distractors:              # optional answers that match no prompt
              - Genstart routeren
          - type: ordering
            text: Sæt trinnene i rækkefølge.
            items:                    # at least two, in the correct order
              - Tjek forbindelsen
              - Hils og præsenter dig
              - Aftal plan B
          - type: likert
            text: Jeg føler mig tryg ved at lede en videokonsultation.
            scale: [Helt uenig, Uenig, Hverken/eller, Enig, Helt enig]   # 2-11 labels, low to high
          - type: text
            text: Hvad vil du bruge fra kurset i din hverdag?
            max-length: 2000          # optional; default 2000 characters
          - type: description
            text: Tak for dine svar.
        """

    @Test("the examples of docs/quiz-format.md read without a problem")
    func documentationExamples() throws {
        #expect(T.parse(Self.documentationExample).diagnostics.isEmpty)
        let quiz = try #require(T.parse(Self.documentationExample).quiz)
        #expect(quiz.questions.count == 9)
        #expect(
            quiz.questions.map { QuestionType($0.kind).rawValue } == [
                "single", "true-false", "short", "numeric", "matching", "ordering", "likert", "text", "description",
            ])
        #expect(quiz.pool?.draw == 8)
    }

    func schema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets/schemas/quiz.schema.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    func keys(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys ?? [:].keys)
    }

    @Test("top-level, question, option, answer and pair keys are the same as the parser's")
    func sameKeys() throws {
        let schema = try schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(keys(schema) == Set(QuizFileParser.quizKeys))
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for type in QuestionType.allCases {
            let name = "question" + type.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(keys(definitions[name]) == Set(["type"] + type.keys), "\(type.rawValue)")
        }
        #expect(keys(definitions["option"]) == Set(QuizFileParser.optionKeys))
        #expect(keys(definitions["pair"]) == Set(QuizFileParser.pairKeys))
        let numericForms = try #require((definitions["numericAnswer"] as? [String: Any])?["oneOf"] as? [Any])
        #expect(numericForms.map(keys).reduce(Set<String>()) { $0.union($1) } == Set(QuizFileParser.numericAnswerKeys))
        let shortForms = try #require((definitions["shortAnswer"] as? [String: Any])?["oneOf"] as? [Any])
        #expect(shortForms.map(keys).reduce(Set<String>()) { $0.union($1) } == Set(QuizFileParser.shortAnswerKeys))
    }
}
