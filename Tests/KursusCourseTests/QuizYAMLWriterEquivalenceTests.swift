import Foundation
import Testing
import Yams

@testable import KursusCourse

/// The streaming quiz writer (issue 16: import-gift of 10,000 questions in under a
/// second) must write exactly the bytes the Yams-based writer wrote, and what it writes
/// must read back as the same strings and the same quiz.
@Suite("Quiz YAML writer: same bytes as Yams, hostile strings")
struct QuizYAMLWriterEquivalenceTests {
    static let here = SourceLocation(file: "h.yaml")

    /// Strings that YAML would misread, or a terminal would act on, written plain.
    static let hostile: [String] = [
        "", " ", "  lead", "trail ", " both ", "a: b", "a:b", ":x", ": x", "x:", "x #y", "x#y", "#x", "- x", "-x", "-", "--- x", "---",
        "...", "... x", "? x", "?x", "& x", "&x", "*x", "!x", "%x", "@x", "`x`", "'q'", "\"q\"", "it's", "say \"hi\"", "[a]", "{a}",
        "a, b", "a [b] {c}", "|x", ">x", "x |", "yes", "Yes", "no", "NO", "on", "Off", "y", "n", "true", "False", "TRUE", "null", "Null",
        "~", "<<", "=", "12", "-12", "+12", "012", "0x1F", "0o17", "0b101", "1_000", "1:30", "190:20:30", "3.14", ".5", "1e10",
        "1.5e-3", "6.8523015e+5", ".inf", "-.Inf", ".NaN", "2024-01-02", "2024-1-2 10:20:30", "2024-01-02T10:20:30Z",
        "2001-12-14 21:59:43.10 -5", "12 apples", "2024-01-02 meeting", "true\n", "12\n", "null\r\n", "no\u{2028}",
        "a\nb", "a\n\nb", "a\n", "a\n\n", "\n", "\n\n", "\na", " a\nb", "a \nb", "a\n b", "line one\nline two  ",
        "x\n\ny\n\n", "- a\n- b", "key: v\nk2: v2", "#c\nx", "multi\nline 'single' and \"double\"", "tab\there", "multi\nline\ttab",
        "cr\rhere", "crlf\r\nhere", "crlf line\r\n", "bell\u{07}", "esc\u{1B}[31m red", "del\u{7F}", "nul\u{0}x", "c1 \u{9B}31m",
        "\u{9B}", "nel\u{85}x", "nbsp\u{A0}x", "\u{A0}", "bidi \u{202E}evil", "\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}",
        "iso \u{2066}x\u{2067}\u{2068}y\u{2069}", "\u{202E}\nx", "ls\u{2028}x", "ps\u{2029}", "a\u{2028}\nb", "bom\u{FEFF}",
        "\u{FEFF}x", "emoji 😀 ok", "𝔘nicode", "\u{FFFE}", "\u{E000}private", "Ærø æøå ÆØÅ", "back\\slash", "\\", "\\n",
        "«quoted» – dash", String(repeating: "very long line with: colons and # hashes ", count: 400),
        String(repeating: "x", count: 20_000), "long\n" + String(repeating: "y", count: 5_000) + "\nend",
    ]

    /// Every place a string can stand in a quiz file, each holding `text`.
    static func quiz(with text: String) -> Quiz {
        let option = QuizOption(id: "1", text: text, weightPercent: 100, feedback: text)
        return Quiz(
            title: text, intro: text, compareWith: text,
            questions: [
                Question(
                    id: "q1", text: text, generalFeedback: text, feedbackCorrect: text, kind: .singleChoice([option]), category: text,
                    location: here),
                Question(
                    id: "q2", text: text,
                    kind: .shortAnswer(ShortAnswerRules(answers: [AcceptedAnswer(text: text), AcceptedAnswer(text: text, weightPercent: 50)])),
                    location: here),
                Question(id: "q3", text: text, kind: .ordering([text, text]), location: here),
                Question(
                    id: "q4", text: text, kind: .matching(MatchingSpec(pairs: [MatchPair(prompt: text, match: text)], distractors: [text])),
                    location: here),
                Question(id: "q5", text: text, kind: .trueFalse(correct: false, feedbackTrue: text, feedbackFalse: text), location: here),
            ],
            location: here)
    }

    @Test("every hostile string, in every place, is written byte for byte as the Yams writer wrote it")
    func sameBytesAsYams() {
        for text in Self.hostile {
            let quiz = Self.quiz(with: text)
            let streamed = QuizYAMLWriter.yaml(for: quiz)
            let oracle = YamsQuizYAMLOracle.yaml(for: quiz)
            #expect(streamed == oracle, "\(text.debugDescription)\n--- streamed\n\(streamed)\n--- yams\n\(oracle)")
        }
    }

    @Test("every hostile string reads back as itself")
    func readsBack() throws {
        // Yams reads the escape `"\uFEFFx"` back without its byte order mark (PyYAML keeps
        // it); the Yams-based writer wrote the same bytes, so that is the reader's doing.
        for text in Self.hostile where text != "\u{FEFF}x" {
            let yaml = QuizYAMLWriter.yaml(for: Self.quiz(with: text))
            let root = try #require(try Yams.compose(yaml: yaml, .default, .default, .utf8), "\(text.debugDescription)")
            #expect(root["title"]?.string == (text.isEmpty ? nil : text), "\(text.debugDescription)")
            #expect(root["compare-with"]?.string == text, "\(text.debugDescription)")
            let questions = try #require(root["questions"]?.sequence)
            #expect(questions[0]["text"]?.string == text, "\(text.debugDescription)")
            #expect(questions[0]["options"]?.sequence?.first?["feedback"]?.string == (text.isEmpty ? nil : text))
            #expect(questions[1]["answers"]?.sequence?.first?.string == text, "\(text.debugDescription)")
            #expect(questions[1]["answers"]?.sequence?.last?["text"]?.string == text, "\(text.debugDescription)")
            #expect(questions[2]["items"]?.sequence?.map(\.string) == [text, text], "\(text.debugDescription)")
            #expect(questions[3]["pairs"]?.sequence?.first?["match"]?.string == text, "\(text.debugDescription)")
            #expect(questions[3]["distractors"]?.sequence?.first?.string == text, "\(text.debugDescription)")
        }
    }

    @Test("C0 and C1 controls, DEL and bidi overrides are escaped; nothing raw reaches a terminal")
    func controlsEscaped() {
        let yaml = QuizYAMLWriter.yaml(for: Self.quiz(with: "a\u{1B}[31m\u{9B}2J\u{7F}\u{202E}b\u{2066}c\tz"))
        #expect(yaml.contains(#""a\e[31m\x9B2J\x7F\u202eb\u2066c\tz""#), "\(yaml)")
        #expect(!yaml.unicodeScalars.contains { $0 != "\n" && TerminalSafeProbe.isUnsafe($0) })
    }

    @Test("numbers, weights and empty lists are written as Yams wrote them")
    func numbersAndEmptyLists() {
        let quiz = Quiz(
            passMark: 65, attempts: .limited(2), pool: QuestionPool(draw: 1),
            questions: [
                Question(
                    id: "n", text: "How much?", weight: 0.25,
                    kind: .numeric([
                        NumericAnswer(target: .value(-0.5, tolerance: 0.00001)), NumericAnswer(target: .range(1...1e16), weightPercent: 33.33333),
                    ]), location: Self.here),
                Question(id: "none", text: "No options", kind: .singleChoice([]), location: Self.here),
                Question(
                    id: "many", text: "Weights", kind: .multipleResponse([QuizOption(id: "b", text: "0", weightPercent: -12.5)]), location: Self.here),
                Question(id: "empty", text: "", kind: .ordering([]), location: Self.here),
            ],
            location: Self.here)
        #expect(QuizYAMLWriter.yaml(for: quiz) == YamsQuizYAMLOracle.yaml(for: quiz))
        let empty = Quiz(questions: [], location: Self.here)
        #expect(QuizYAMLWriter.yaml(for: empty) == YamsQuizYAMLOracle.yaml(for: empty))
    }

    @Test("a literal block keeping two final line breaks ends the document with '...', as Yams did")
    func keptLiteralEndsDocument() {
        let quiz = Quiz(questions: [Question(id: "q", text: "a\n\n", kind: .freeText, location: Self.here)], location: Self.here)
        let yaml = QuizYAMLWriter.yaml(for: quiz)
        #expect(yaml.hasSuffix("  text: |+\n    a\n\n...\n"), "\(yaml)")
        #expect(yaml == YamsQuizYAMLOracle.yaml(for: quiz))
    }

    @Test("the benchmark's question shapes: same bytes as Yams, in any chunk size, and the same quiz read back")
    func benchShapes() throws {
        let file = GiftRoundTripTests.repository.appendingPathComponent("Tests/Fixtures/gift/bench-shapes.gift")
        let parsed = GiftParser.parse(data: try Data(contentsOf: file), file: "bench-shapes.gift")
        #expect(!parsed.diagnostics.hasErrors)
        let quiz = try #require(parsed.quiz)
        #expect(quiz.questions.count == 40)
        let yaml = QuizYAMLWriter.yaml(for: quiz)
        #expect(yaml == YamsQuizYAMLOracle.yaml(for: quiz))
        for chunkSize in [1, 100, 4096] {
            var bytes: [UInt8] = []
            QuizYAMLWriter.write(quiz, chunkSize: chunkSize) { bytes.append(contentsOf: $0) }
            #expect(bytes == Array(yaml.utf8), "chunk size \(chunkSize)")
        }
        let reread = QuizFile.parse(yaml, file: "bench-shapes.yaml")
        #expect(reread.diagnostics.isEmpty, "\(reread.diagnostics.map(\.description))")
        let back = try #require(reread.quiz)
        #expect(GiftRoundTripTests.placeless(back) == GiftRoundTripTests.placeless(quiz))
    }

    @Test("every string Yams' resolver reads as something else, if it could be written plain, is handed to it")
    func resolverPrefilter() {
        // Text with a line break is written as a literal block or quoted, never plain.
        for text in Self.hostile where !text.utf8.contains(0x0A) {
            if !QuizYAMLWriter.mayResolveAsOther(text) {
                #expect(text.represented().style != .singleQuoted, "\(text.debugDescription) resolves as non-text")
            }
        }
        #expect(!QuizYAMLWriter.mayResolveAsOther("Tjekker mikrofonen"))
        #expect(!QuizYAMLWriter.mayResolveAsOther("2024-01-02 meeting"))
        #expect(QuizYAMLWriter.mayResolveAsOther("2024-01-02 10:20:30"))
        #expect(QuizYAMLWriter.mayResolveAsOther("True"))
    }
}

/// What `TerminalSafe` replaces, asked of one scalar.
private enum TerminalSafeProbe {
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}
