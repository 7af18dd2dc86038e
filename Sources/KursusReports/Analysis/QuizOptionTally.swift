import Foundation
import KursusCourse

/// How often each option of a single-choice, multiple-response or true/false question
/// was chosen, read from the responses as Kursus sends them (docs/records.md, "Questions
/// as interactions"): option ids joined by `[,]`, or `true`/`false`.
struct QuizOptionTally {
    /// Option ids in file order (`true`, `false` for a true/false question).
    var ids: [String]
    var texts: [String]
    /// Positions of the correct options, and picks per position.
    var counts: OptionCounts

    /// nil for a question without options. Ids the question does not have (an option
    /// removed in a later version) are not counted.
    init?(question: Question, responses: [String]) {
        var correct = Set<Int>()
        switch question.kind {
        case .singleChoice(let options):
            ids = options.map(\.id)
            texts = options.map { PlainText.oneLine($0.text) }
            for (index, option) in options.enumerated() where option.weightPercent >= 100 { correct.insert(index) }
        case .multipleResponse(let options):
            ids = options.map(\.id)
            texts = options.map { PlainText.oneLine($0.text) }
            for (index, option) in options.enumerated() where option.weightPercent > 0 { correct.insert(index) }
        case .trueFalse(let answer, _, _):
            ids = ["true", "false"]
            texts = ["true", "false"]
            correct.insert(answer ? 0 : 1)
        default:
            return nil
        }
        var positions: [String: Int] = [:]
        for (index, id) in ids.enumerated() where positions[id] == nil { positions[id] = index }
        var picks = Array(repeating: 0, count: ids.count)
        for response in responses {
            // A learner picks an option once, however often a response names it.
            let chosen = Set(response.components(separatedBy: "[,]").compactMap { positions[$0] })
            for index in chosen { picks[index] += 1 }
        }
        counts = OptionCounts(counts: picks, correct: correct)
    }

    /// One row per option. A count of 1 to minimum − 1 learners is hidden, and so is its
    /// share (it would give the count away), as are all shares of a question answered by
    /// fewer than the minimum.
    func rows(answered: Int, policy: CellPolicy) -> [OptionRow] {
        ids.indices.map { index in
            let chosen = counts.counts[index]
            let share: ReportCell<Double>
            if answered == 0 {
                share = .value(0)
            } else if answered < policy.minimum || (chosen > 0 && chosen < policy.minimum) {
                share = .belowMinimum(policy.minimum)
            } else {
                share = .value(100 * Double(chosen) / Double(answered))
            }
            return OptionRow(
                optionID: ids[index], text: texts[index], correct: counts.correct.contains(index), chosen: policy.count(chosen), share: share)
        }
    }
}
