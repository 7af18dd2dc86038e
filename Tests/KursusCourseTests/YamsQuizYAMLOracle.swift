import Foundation
import KursusText
import Yams

@testable import KursusCourse

/// The quiz YAML writer as it was before issue 16 (a Yams node tree serialized by
/// libyaml's emitter), kept as the oracle the streaming `QuizYAMLWriter` must match
/// byte for byte.
enum YamsQuizYAMLOracle {
    static func yaml(for quiz: Quiz) -> String {
        let node = Node.mapping(Node.Mapping(quizPairs(quiz)))
        do {
            let body = try Yams.serialize(node: node, width: -1, allowUnicode: true)
            // Text holding what TerminalSafe cleans is double-quoted (see `string`), so its
            // C1 controls and bidi overrides can be written as YAML escapes (`\u202E`):
            // the file means the same and shows inert in a terminal or an editor.
            return QuizYAMLWriter.headerComment + "\n" + TerminalSafe.escapingUnsafe(json: body)
        } catch {
            return QuizYAMLWriter.headerComment
                + "\n# The YAML could not be written: \(String(describing: error).replacingOccurrences(of: "\n", with: " "))\n"
        }
    }

    // MARK: - Quiz

    private static func quizPairs(_ quiz: Quiz) -> [(Node, Node)] {
        var pairs = Pairs()
        pairs.add("format", string("kursus-quiz/1"))
        pairs.add("title", nonEmpty(quiz.title))
        pairs.add("intro", nonEmpty(quiz.intro))
        if quiz.passMark != Quiz.defaultPassMark { pairs.add("pass-mark", number(Double(quiz.passMark))) }
        if case .limited(let count) = quiz.attempts { pairs.add("attempts", number(Double(count))) }
        if quiz.counting != .best { pairs.add("counting", string(quiz.counting.rawValue)) }
        if quiz.feedbackTiming != .afterEachQuestion { pairs.add("feedback", string(quiz.feedbackTiming.rawValue)) }
        if quiz.shuffleQuestions { pairs.add("shuffle-questions", bool(true)) }
        if quiz.shuffleOptions { pairs.add("shuffle-options", bool(true)) }
        if let pool = quiz.pool { pairs.add("draw", number(Double(pool.draw))) }
        pairs.add("compare-with", quiz.compareWith.map(string))
        if quiz.anonymous { pairs.add("anonymous", bool(true)) }
        pairs.add("questions", .sequence(Node.Sequence(quiz.questions.map(question))))
        return pairs.items
    }

    // MARK: - Questions

    private static func question(_ question: Question) -> Node {
        var pairs = Pairs()
        pairs.add("id", string(question.id))
        pairs.add("type", string(QuestionType(question.kind).rawValue))
        pairs.add("text", string(question.text))
        if question.weight != 1 { pairs.add("weight", number(question.weight)) }
        pairs.add("category", question.category.flatMap(nonEmpty))
        pairs.add("feedback", question.generalFeedback.flatMap(nonEmpty))
        pairs.add("correct-feedback", question.feedbackCorrect.flatMap(nonEmpty))
        pairs.add("partial-feedback", question.feedbackPartial.flatMap(nonEmpty))
        pairs.add("incorrect-feedback", question.feedbackIncorrect.flatMap(nonEmpty))
        switch question.kind {
        case .singleChoice(let options):
            pairs.add("options", list(options.enumerated().map { option($0.element, position: $0.offset, single: true) }))
        case .multipleResponse(let options):
            pairs.add("options", list(options.enumerated().map { option($0.element, position: $0.offset, single: false) }))
        case .trueFalse(let correct, let feedbackTrue, let feedbackFalse):
            pairs.add("answer", bool(correct))
            pairs.add("true-feedback", feedbackTrue.flatMap(nonEmpty))
            pairs.add("false-feedback", feedbackFalse.flatMap(nonEmpty))
        case .shortAnswer(let rules):
            pairs.add("answers", list(rules.answers.map(shortAnswer)))
            if rules.caseSensitive { pairs.add("case-sensitive", bool(true)) }
        case .numeric(let answers):
            pairs.add("answers", list(answers.map(numericAnswer)))
        case .matching(let spec):
            pairs.add(
                "pairs",
                list(
                    spec.pairs.map { pair in
                        .mapping(Node.Mapping([(string("prompt"), string(pair.prompt)), (string("match"), string(pair.match))]))
                    }))
            if !spec.distractors.isEmpty { pairs.add("distractors", list(spec.distractors.map(string))) }
        case .ordering(let items):
            pairs.add("items", list(items.map(string)))
        case .likert(let scale):
            pairs.add("scale", list(scale.map(string)))
        case .freeText, .description:
            break
        }
        return .mapping(Node.Mapping(pairs.items))
    }

    /// Single choice: `correct: true` at 100 %, `weight` for partial credit. Multiple
    /// response: every option carries its `weight` (0 included), so the file never
    /// relies on the even split that `correct: true` without weights would mean.
    private static func option(_ option: QuizOption, position: Int, single: Bool) -> Node {
        var pairs = Pairs()
        pairs.add("text", string(option.text))
        if single {
            if option.weightPercent == 100 {
                pairs.add("correct", bool(true))
            } else if option.weightPercent != 0 {
                pairs.add("weight", number(option.weightPercent))
            }
        } else {
            pairs.add("weight", number(option.weightPercent))
        }
        pairs.add("feedback", option.feedback.flatMap(nonEmpty))
        if option.id != "\(position + 1)" { pairs.add("id", string(option.id)) }
        return .mapping(Node.Mapping(pairs.items))
    }

    /// A plain string at full credit without feedback, else `{text, weight, feedback}`.
    private static func shortAnswer(_ answer: AcceptedAnswer) -> Node {
        let feedback = answer.feedback.flatMap(nonEmpty)
        if answer.weightPercent == 100 && feedback == nil { return string(answer.text) }
        var pairs = Pairs()
        pairs.add("text", string(answer.text))
        if answer.weightPercent != 100 { pairs.add("weight", number(answer.weightPercent)) }
        pairs.add("feedback", feedback)
        return .mapping(Node.Mapping(pairs.items))
    }

    private static func numericAnswer(_ answer: NumericAnswer) -> Node {
        var pairs = Pairs()
        switch answer.target {
        case .value(let value, let tolerance):
            pairs.add("value", number(value))
            if tolerance != 0 { pairs.add("tolerance", number(tolerance)) }
        case .range(let range):
            pairs.add("min", number(range.lowerBound))
            pairs.add("max", number(range.upperBound))
        }
        if answer.weightPercent != 100 { pairs.add("weight", number(answer.weightPercent)) }
        pairs.add("feedback", answer.feedback.flatMap(nonEmpty))
        return .mapping(Node.Mapping(pairs.items))
    }

    // MARK: - Nodes

    /// Ordered key-value pairs; a nil value leaves the key out.
    private struct Pairs {
        var items: [(Node, Node)] = []
        mutating func add(_ key: String, _ value: Node?) {
            guard let value else { return }
            items.append((YamsQuizYAMLOracle.string(key), value))
        }
    }

    /// A string node quoted whenever YAML would otherwise read it as something else
    /// (`true`, `80`, `null`, `~`); text of several lines as a literal block (`|`),
    /// which the emitter turns into a quoted string when a block cannot hold it.
    static func string(_ text: String) -> Node {
        let scalar = plainIsText(text) ? Node.Scalar(text) : text.represented()
        let lines = text.utf8.contains(0x0A) ? text.replacing("\n", with: " ") : text
        if !TerminalSafe.isSafe(lines) {
            return .scalar(Node.Scalar(text, scalar.tag, .doubleQuoted))
        }
        if scalar.style == .any && text.contains("\n") {
            return .scalar(Node.Scalar(text, scalar.tag, .literal))
        }
        return .scalar(scalar)
    }

    /// Whether YAML reads `text`, written plain, as text for certain: Yams' `represented()`
    /// asks its resolver, whose rules (booleans, numbers, null, timestamps, `<<`, `=`)
    /// all need one of these first characters, and running its regular expressions on
    /// every string was most of the time of converting a large quiz.
    static func plainIsText(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        return !"yYnNtTfFoO+-0123456789.<~=".utf8.contains(first)
    }

    private static func nonEmpty(_ text: String) -> Node? {
        text.isEmpty ? nil : string(text)
    }

    private static func bool(_ value: Bool) -> Node {
        .scalar(Node.Scalar(value ? "true" : "false"))
    }

    private static func list(_ nodes: [Node]) -> Node {
        .sequence(Node.Sequence(nodes))
    }

    /// `50`, `3.14`, `-0.5`: whole numbers without a fraction, others in a form YAML
    /// reads as a float (with a decimal point, never `1e-05`).
    static func number(_ value: Double) -> Node {
        .scalar(Node.Scalar(QuizYAMLWriter.numberText(value)))
    }
}
