import Foundation
import KursusCourse
import KursusEngine

/// Makes a learner's answer to a scored question as the engine's `Answer`: the key when
/// the learner knows it, else a plausible wrong or partly right answer. The score is
/// never set here: `QuizScoring` scores whatever was made, as in the player.
enum QuizAnswerMaker {
    static func answer(_ question: Question, knows: Bool, weak: WeakQuestion?, _ random: inout CohortRandom) -> Answer? {
        switch question.kind {
        case .singleChoice(let options):
            return .option(single(options, knows: knows, weak: weak, &random))
        case .multipleResponse(let options):
            // Arrays, never a Set's order: that differs from run to run.
            let right = options.filter { $0.weightPercent > 0 }.map(\.id)
            if knows { return .options(Set(right)) }
            var chosen = right.filter { _ in random.chance(0.7) }
            for option in options where option.weightPercent <= 0 && random.chance(0.3) { chosen.append(option.id) }
            if chosen == right, let drop = right.first { chosen.removeAll { $0 == drop } }
            return .options(Set(chosen))
        case .trueFalse(let correct, _, _):
            return .bool(knows ? correct : !correct)
        case .shortAnswer(let rules):
            return .text(short(question, rules, knows: knows, &random))
        case .numeric(let answers):
            return .number(numeric(question, answers, knows: knows, &random))
        case .matching(let spec):
            var given: [String: String] = [:]
            for pair in spec.pairs { given[pair.prompt] = pair.match }
            guard !knows, spec.pairs.count >= 2 else { return .pairs(given) }
            // Some prompts get another prompt's match, in a ring; sometimes one gets a distractor.
            let wrong = random.int(2...spec.pairs.count)
            let first = random.int(0...(spec.pairs.count - 1))
            let ring = (0..<wrong).map { (first + $0) % spec.pairs.count }
            for (place, index) in ring.enumerated() {
                given[spec.pairs[index].prompt] = spec.pairs[ring[(place + 1) % ring.count]].match
            }
            if let distractor = spec.distractors.first, random.chance(0.3) { given[spec.pairs[first].prompt] = distractor }
            return .pairs(given)
        case .ordering(let items):
            guard !knows, items.count >= 2 else { return .order(items) }
            // A run of items out of place: one moved to the end of the run.
            let length = random.int(2...items.count)
            let first = random.int(0...(items.count - length))
            var order = items
            let moved = order.remove(at: first)
            order.insert(moved, at: first + length - 1)
            return .order(order)
        case .likert, .freeText, .description:
            return nil
        }
    }

    static func single(_ options: [QuizOption], knows: Bool, weak: WeakQuestion?, _ random: inout CohortRandom) -> String {
        let key = CohortDesign.key(options) ?? options.max { $0.weightPercent < $1.weightPercent }
        if knows, let key { return key.id }
        let wrong = options.filter { $0.id != key?.id }
        guard !wrong.isEmpty else { return key?.id ?? "" }
        let weights = wrong.enumerated().map { index, option -> Double in
            switch weak?.role {
            case .attractiveDistractor?: return option.id == weak?.optionID ? 8 : 1
            case .unusedDistractor?: return option.id == weak?.optionID ? 0 : 1
            default: return 1.0 + 0.5 * Double(wrong.count - index)
            }
        }
        return wrong[random.weighted(weights)].id
    }

    /// An accepted text with full credit, written as a learner would; a partly right or a
    /// wrong one otherwise.
    static func short(_ question: Question, _ rules: ShortAnswerRules, knows: Bool, _ random: inout CohortRandom) -> String {
        func credit(_ text: String) -> Double { QuizScoring.score(question, answer: .text(text)).fraction }
        func written(_ pattern: String) -> String? {
            let trimmed = pattern.trimmingCharacters(in: CharacterSet(charactersIn: "*"))
            for joiner in ["-", " ", ""] {
                let text = trimmed.replacingOccurrences(of: "*", with: joiner)
                if !text.isEmpty, credit(text) > 0 { return text }
            }
            return nil
        }
        let full = rules.answers.filter { $0.weightPercent >= 100 }.compactMap { written($0.text) }
        if knows, let text = full.first { return text }
        let partial = rules.answers.filter { $0.weightPercent > 0 && $0.weightPercent < 100 }.compactMap { written($0.text) }
        if let text = partial.first, random.chance(0.4) { return text }
        for text in ["ved ikke", "nødplan", "genopkald", "tjekliste"] where credit(text) == 0 {
            return text
        }
        return ""
    }

    /// A number with full credit, one with partial credit, or one outside every target.
    static func numeric(_ question: Question, _ answers: [NumericAnswer], knows: Bool, _ random: inout CohortRandom) -> Double {
        func value(_ target: NumericTarget) -> Double {
            switch target {
            case .value(let value, _): return value
            case .range(let range): return range.lowerBound
            }
        }
        let best = answers.max { $0.weightPercent < $1.weightPercent }
        if knows, let best { return value(best.target) }
        let partial = answers.filter { $0.weightPercent > 0 && $0.weightPercent < (best?.weightPercent ?? 100) }
        if let some = partial.first, random.chance(0.5) { return value(some.target) }
        let highest =
            answers.map { answer -> Double in
                switch answer.target {
                case .value(let value, let tolerance): return value + abs(tolerance)
                case .range(let range): return range.upperBound
                }
            }.max() ?? 0
        var wrong = (highest + Double(random.int(1...4))).rounded(.up)
        for _ in 0..<10 where QuizScoring.score(question, answer: .number(wrong)).fraction > 0 { wrong += 5 }
        return wrong.isFinite ? wrong : -1
    }
}
