import Foundation
import Testing
@testable import KursusCourse

/// Constructs found in real GIFT files (Moodle exports, hand-written and generated banks),
/// each in a short snippet written for the test. See docs/gift.md, "Real-world files".
@Suite("GIFT real-world files")
struct GiftRealWorldTests {
    private func messages(_ text: String) -> [String] {
        GiftParser.parse(text, file: "r.gift").diagnostics.map { "\($0.location.line):\($0.location.column): \($0.severity.rawValue): \($0.message)" }
    }

    @Test("<pre> keeps its line breaks and spaces, as a browser shows it")
    func preformatted() throws {
        let question = try #require(giftQuestion("[html]<p>What prints?</p>\n<pre>\nint a \\= 1;\nprint(a  + 1);\n</pre>\n{}"))
        #expect(question.text == "What prints?\n\nint\u{A0}a\u{A0}=\u{A0}1;\\\nprint(a\u{A0}\u{A0}+\u{A0}1);")
        // Outside <pre> white space still collapses.
        let after = try #require(giftQuestion("[html]<pre>x  y</pre><p>a  b</p>{}"))
        #expect(after.text == "x\u{A0}\u{A0}y\n\na b")
    }

    @Test("a line holding only a no-break space does not end the question (PHP's trim keeps it)")
    func noBreakSpaceLine() throws {
        let question = try #require(giftQuestion("Pick one {\n\u{A0}\n=right\n~wrong\n}"))
        #expect(question.text == "Pick one")
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("not single choice: \(question.kind)")
            return
        }
        #expect(options.map(\.text) == ["right", "wrong"])
    }

    @Test("a byte order mark at a line start (exports joined with cat) is dropped")
    func byteOrderMarkInside() {
        let text = "First? {=a ~b}\n\n\u{FEFF}// question: 0  name: Switch category to $course$/top/B\n$CATEGORY: $course$/top/B\n\nSecond? {=a ~b}\n"
        let questions = giftQuestions(text)
        #expect(questions.map(\.text) == ["First?", "Second?"])
        #expect(questions.map(\.category) == [nil, "$course$/top/B"])
    }

    @Test("a weight after '=' in multiple choice: full credit, as in Moodle, with a warning")
    func weightAfterEquals() throws {
        #expect(
            messages("Q {=%50%half ~wrong =full}") == [
                "1:4: warning: in a multiple-choice question an '=' answer gets full credit and Moodle ignores the weight after it (showing '%50%' as part of the answer); Kursus gives full credit too. For partial credit write '~%50%'"
            ])
        let half = try #require(giftQuestion("Q {=%50%half ~wrong =full}"))
        guard case .singleChoice(let choices) = half.kind else {
            Issue.record("not single choice: \(half.kind)")
            return
        }
        #expect(choices.map(\.text) == ["half", "wrong", "full"])
        #expect(choices.map(\.weightPercent) == [100, 0, 100])
        // '=%100%' (common in hand-written banks) means the same in both: no warning.
        #expect(messages("Q {=%100%Roma ~%-15%Milano}").isEmpty)
        let question = try #require(giftQuestion("Q {=%100%Roma ~%-15%Milano}"))
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("not single choice: \(question.kind)")
            return
        }
        #expect(options.map(\.text) == ["Roma", "Milano"])
        #expect(options.map(\.weightPercent) == [100, -15])
    }

    @Test("an unescaped '=' inside a word starts a new answer, as in Moodle, with a warning")
    func equalsInsideWord() {
        #expect(
            messages("Selector? {\n~app=frontend OR rel\\=beta\n=app\\=frontend\n}") == [
                "2:5: warning: the '=' in 'app=frontend' starts a new right answer, as in Moodle; write '\\=' if it is part of the text"
            ])
        #expect(messages("Formula? {=E=mc2}").first?.hasPrefix("1:13: warning: the '=' in 'E=mc2'") == true)
        // Compact answers and escaped signs are fine.
        #expect(messages("Oui? {=oui~non}").isEmpty)
        #expect(messages("Sum? {=a \\= b ~c}").isEmpty)
    }

    @Test("'//' after the answer block is text in Moodle, not a comment: read the same, with a warning")
    func commentAfterBlock() throws {
        let (quiz, diagnostics) = GiftParser.parse("Colour? {=red =blue} // primary colours", file: "r.gift")
        #expect(diagnostics.map(\.severity) == [.warning])
        #expect(diagnostics.first?.location.column == 22)
        #expect(quiz?.questions.first?.text == "Colour? _____ // primary colours")
        // A URL in the text is no comment.
        #expect(messages("See http://example.org {T}").isEmpty)
    }

    @Test("shapes Moodle's exporter writes: empty '#' feedback, '~#', '##', ids and tags in comments")
    func moodleExportShapes() throws {
        let text = """
            // question: 105  name: Short
            // [id:S-1] [tag:space]
            ::Short::[html]<p>Largest planet?</p>{
            \t=%100%Jupiter#
            \t=%0%*#<p>No.</p>
            \t####<p>Jupiter.</p>
            }

            ::Num::[html]<p>Pi?</p>{#
            \t=%100%3.14:0.005#
            \t~#
            }

            ::TF::[html]<p>Water boils at 100 °C.</p>{TRUE##<p>Yes.</p>####<p>At 1 atm.</p>}

            ::Multi::[html]<p>Primes?</p>{
            \t~%33.33333%<p>2</p>
            \t~%33.33333%<p>3</p>
            \t~%33.33333%<p>5</p>
            \t~%-100%<p>4</p>
            }
            """
        let questions = giftQuestions(text)
        #expect(questions.count == 4)
        guard questions.count == 4 else { return }
        guard case .shortAnswer(let rules) = questions[0].kind else {
            Issue.record("not short answer: \(questions[0].kind)")
            return
        }
        #expect(rules.answers.map(\.text) == ["Jupiter", "*"])
        #expect(rules.answers.map(\.feedback) == [nil, "No."])
        #expect(questions[0].generalFeedback == "Jupiter.")
        guard case .numeric(let numbers) = questions[1].kind else {
            Issue.record("not numeric: \(questions[1].kind)")
            return
        }
        #expect(numbers.count == 1)
        #expect(questions[1].feedbackIncorrect == nil)
        #expect(questions[2].kind == .trueFalse(correct: true, feedbackTrue: "Yes.", feedbackFalse: nil))
        #expect(questions[2].generalFeedback == "At 1 atm.")
        guard case .multipleResponse(let options) = questions[3].kind else {
            Issue.record("not multiple response: \(questions[3].kind)")
            return
        }
        #expect(options.map(\.weightPercent) == [33.33333, 33.33333, 33.33333, -100])
    }

    @Test("an empty multiple-choice answer is left out with a warning, as Moodle leaves it out")
    func emptyChoiceAnswer() throws {
        #expect(
            messages("Q {=right ~wrong ~<p></p>\n~\n}").map { $0.prefix(60) } == [
                "1:18: warning: this answer has no text, so it is left out, a",
                "2:1: warning: this answer has no text, so it is left out, as",
            ])
        let question = try #require(giftQuestion("Q {=right ~wrong ~<p></p>\n~\n}"))
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("not single choice: \(question.kind)")
            return
        }
        #expect(options.map(\.text) == ["right", "wrong"])
        #expect(options.map(\.id) == ["1", "2"])
    }

    @Test("CRLF line ends with a byte order mark read like LF")
    func windowsLineEnds() throws {
        let lf = "$CATEGORY: $course$/top/Default for X\n\n::Q::[html]Moodle is an acronym.{\n\t=%100%Moodler#\n}\n"
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let crlf = GiftParser.parse(data: Data(bytes), file: "r.gift")
        let plain = GiftParser.parse(lf, file: "r.gift")
        #expect(crlf.diagnostics.isEmpty)
        #expect(crlf.quiz?.questions == plain.quiz?.questions)
        #expect(crlf.quiz?.questions.first?.category == "$course$/top/Default for X")
    }
}
