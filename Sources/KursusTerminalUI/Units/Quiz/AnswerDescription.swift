import Foundation
import KursusText
import KursusCourse
import KursusEngine

/// Answers in words for feedback and reviews: what the learner answered and what was
/// right, as Markdown lines.
enum AnswerDescription {
    static func given(_ answer: Answer?, _ question: Question, _ strings: UIStrings) -> [String] {
        guard let answer else { return [strings(.quizNoAnswer)] }
        switch (answer, question.kind) {
        case (.option(let id), .singleChoice(let options)):
            return [options.first { $0.id == id }?.text ?? id]
        case (.options(let ids), .multipleResponse(let options)):
            let chosen = options.filter { ids.contains($0.id) }.map { "- " + $0.text }
            return chosen.isEmpty ? [strings(.quizNoAnswer)] : chosen
        case (.bool(let value), _):
            return [strings(value ? .quizTrue : .quizFalse)]
        case (.text(let text), _), (.freeText(let text), _):
            return [text.isEmpty ? strings(.quizNoAnswer) : literal(text)]
        case (.number(let number), _):
            return [format(number, strings)]
        case (.pairs(let pairs), .matching(let spec)):
            // Answers are Markdown, as the options of other questions are (and as `correct` shows them).
            return spec.pairs.map { "- \($0.prompt) → \(pairs[$0.prompt] ?? strings(.quizNoAnswer))" }
        case (.order(let items), _):
            return items.enumerated().map { "\($0.offset + 1). \($0.element)" }
        case (.likert(let index), .likert(let scale)):
            return [scale.indices.contains(index) ? scale[index] : "\(index + 1)"]
        default:
            return [strings(.quizNoAnswer)]
        }
    }

    /// The right answer; empty for unscored questions.
    static func correct(_ question: Question, _ strings: UIStrings) -> [String] {
        switch question.kind {
        case .singleChoice(let options):
            guard let best = options.max(by: { $0.weightPercent < $1.weightPercent }) else { return [] }
            return [best.text]
        case .multipleResponse(let options):
            return options.filter { $0.weightPercent > 0 }.map { "- " + $0.text }
        case .trueFalse(let correct, _, _):
            return [strings(correct ? .quizTrue : .quizFalse)]
        case .shortAnswer(let rules):
            let full = rules.answers.filter { $0.weightPercent >= 100 }
            // A wildcard reads as "…" to a learner ("teach…back"), not as a star.
            return (full.isEmpty ? Array(rules.answers.prefix(1)) : full).prefix(3).map {
                literal($0.text).replacingOccurrences(of: "\\*", with: strings.asciiOnly ? "..." : "…")
            }
        case .numeric(let answers):
            guard let best = answers.max(by: { $0.weightPercent < $1.weightPercent }) else { return [] }
            switch best.target {
            case .value(let value, let tolerance):
                return [tolerance == 0 ? format(value, strings) : "\(format(value, strings)) ± \(format(tolerance, strings))"]
            case .range(let range):
                return ["\(format(range.lowerBound, strings))–\(format(range.upperBound, strings))"]
            }
        case .matching(let spec):
            return spec.pairs.map { "- \($0.prompt) → \($0.match)" }
        case .ordering(let items):
            return items.enumerated().map { "\($0.offset + 1). \($0.element)" }
        case .likert, .freeText, .description:
            return []
        }
    }

    /// A number as the UI language writes it (decimal comma in Danish), without a trailing `.0`.
    static func format(_ number: Double, _ strings: UIStrings) -> String {
        guard number.isFinite else { return "–" }
        var text = number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        if strings.language == "da" { text = text.replacingOccurrences(of: ".", with: ",") }
        return text
    }

    static func percent(_ value: Double, _ strings: UIStrings) -> String {
        format((value * 10).rounded() / 10, strings)
    }

    /// Learner text shown as typed: Markdown characters are escaped so `*` stays `*`.
    static func literal(_ text: String) -> String { MarkdownEscaping.literal(text) }
}
