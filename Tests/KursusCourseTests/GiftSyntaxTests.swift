import Foundation
import Testing
@testable import KursusCourse

@Suite("GIFT file syntax")
struct GiftSyntaxTests {
    @Test("comments, categories and titles; titles never reach the learner's text")
    func commentsCategoriesTitles() throws {
        let text = """
            // A comment before everything
            $CATEGORY: $course$/top/Video

            // question: 1 name: first
            ::First question::Is it on?{T}

            $CATEGORY: Other

            ::Second::Off?{F}
            """
        let questions = giftQuestions(text)
        #expect(questions.map(\.text) == ["Is it on?", "Off?"])
        #expect(questions.map(\.category) == ["$course$/top/Video", "Other"])
        #expect(questions.map(\.id) == ["q1", "q2"])
        #expect(questions.first?.location == SourceLocation(file: "t.gift", line: 5, column: 1))
    }

    @Test("ids count descriptions, so later ids stay put")
    func idsCountDescriptions() {
        let questions = giftQuestions("Welcome.\n\nFirst?{T}\n\nA note.\n\nSecond?{F}")
        #expect(questions.map(\.id) == ["q1", "q2", "q3", "q4"])
        #expect(questions.map(\.kind.takesAnswer) == [false, true, false, true])
    }

    @Test("escaped characters are text, \\n is a line break")
    func escapes() throws {
        let question = try #require(giftQuestion(##"Braces \{x\}, equals \=, tilde \~, hash \#, colon \: and backslash \\ here.{=a\=b}"##))
        #expect(question.text == ##"Braces {x}, equals =, tilde \~, hash #, colon : and backslash \\ here."##)
        #expect(
            question.kind
                == .shortAnswer(
                    ShortAnswerRules(answers: [
                        AcceptedAnswer(text: "a=b", location: SourceLocation(file: "t.gift", line: 1, column: 77))
                    ])))
        let newline = try #require(giftQuestion(#"[plain]Line one\nLine two{T}"#))
        #expect(newline.text == "Line one\\\nLine two")
    }

    @Test("[plain] escapes Markdown so it shows literally; [markdown] stays as written")
    func textFormats() throws {
        let plain = try #require(giftQuestion("[plain]2 * 3 = _six_ <b>\n# not a heading{T}"))
        #expect(plain.text == "2 \\* 3 = \\_six\\_ \\<b\\>\\\n\\# not a heading")
        let markdown = try #require(giftQuestion("[markdown]**Bold** and _it_{T}"))
        #expect(markdown.text == "**Bold** and _it_")
        let html = try #require(giftQuestion("[html]<p>One</p><p>Two &amp; <b>three</b></p>{T}"))
        #expect(html.text == "One\n\nTwo \\& **three**")
    }

    @Test("unmarked text is Moodle auto-format: HTML converted, newlines are line breaks")
    func moodleFormat() throws {
        let question = try #require(giftQuestion("First line<br>second\nthird <i>word</i>{T}"))
        #expect(question.text == "First line\\\nsecond\\\nthird *word*")
    }

    @Test("[moodle] names the default format; scripts and images in a question never show as tags")
    func moodlePrefixAndHostileHTML() throws {
        let question = try #require(giftQuestion("[moodle]A<script>alert(1)</script> <img src=x.png alt=\"Kort\"><br>B{T}"))
        #expect(question.text == "A \\[Kort\\]\\\nB")
        let unknown = try #require(giftQuestion("[note]Kept{T}"))
        #expect(unknown.text == "\\[note\\]Kept")
    }

    @Test("answers and feedback use the question's format unless they name their own")
    func answerFormats() throws {
        let question = try #require(giftQuestion("[html]Pick<br>one{=<b>a</b>#<i>yes</i> ~[markdown]*b*}"))
        guard case .singleChoice(let options) = question.kind else {
            Issue.record("expected single choice")
            return
        }
        #expect(options.map(\.text) == ["**a**", "*b*"])
        #expect(options.first?.feedback == "*yes*")
    }

    @Test("short answers and match choices are plain text: entities decoded, tags stripped, nothing escaped")
    func plainAnswers() throws {
        let question = try #require(giftQuestion("Company?{=AT&amp;T* =<b>a_b</b>}"))
        #expect(
            question.kind
                == .shortAnswer(
                    ShortAnswerRules(answers: [
                        AcceptedAnswer(text: "AT&T*", location: SourceLocation(file: "t.gift", line: 1, column: 10)),
                        AcceptedAnswer(text: "a_b", location: SourceLocation(file: "t.gift", line: 1, column: 21)),
                    ])))
    }

    @Test("a byte order mark is skipped; CRLF and CR line ends work")
    func bomAndLineEnds() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data("One?{T}\r\n\r\nTwo?{\r\n=a\r\n~b\r\n}\r\rThree?{F}".utf8))
        let (quiz, diagnostics) = GiftParser.parse(data: data, file: "w.gift")
        #expect(diagnostics.isEmpty)
        #expect(quiz?.questions.map(\.text) == ["One?", "Two?", "Three?"])
        #expect(quiz?.questions.last?.location == SourceLocation(file: "w.gift", line: 8, column: 1))
        let (fromText, _) = GiftParser.parse("\u{FEFF}Four?{T}", file: "b.gift")
        #expect(fromText?.questions.first?.text == "Four?")
    }

    @Test("quiz settings stay at the model's defaults")
    func defaults() throws {
        let (quiz, _) = GiftParser.parse("Q?{T}", file: "t.gift")
        let parsed = try #require(quiz)
        #expect(parsed.title == "")
        #expect(parsed.passMark == Quiz.defaultPassMark)
        #expect(parsed.attempts == .unlimited)
        #expect(parsed.shuffleQuestions == false)
        #expect(parsed.location == SourceLocation(file: "t.gift"))
    }

    @Test("10,000 questions parse (in linear time)")
    func largeFile() {
        var text = ""
        for index in 0..<10_000 {
            switch index % 4 {
            case 0: text += "::T\(index)::Question \(index)?{=right ~wrong#no ~other}\n\n"
            case 1: text += "Number \(index)?{#\(index):1}\n\n"
            case 2: text += "// comment\n[html]<p>Is \(index) &gt; 0?</p>{TRUE#no#yes}\n\n"
            default: text += "Name \(index)?{=a =%50%b}\n\n"
            }
        }
        let (quiz, diagnostics) = GiftParser.parse(text, file: "big.gift")
        #expect(diagnostics.isEmpty)
        #expect(quiz?.questions.count == 10_000)
        #expect(quiz?.questions.last?.id == "q10000")
        #expect(quiz?.questions.last?.location.line == 20_000 + 2_500 - 1)
    }
}
