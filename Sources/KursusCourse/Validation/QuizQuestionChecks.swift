/// The checks of one question, collecting findings that name the question and point at
/// the option, answer or pair concerned (or at the question when that has no place).
struct QuestionCheck {
    let question: Question
    private(set) var found: [Diagnostic] = []

    init(question: Question) {
        self.question = question
    }

    var label: String { "question '\(question.id)'" }

    mutating func error(at place: SourceLocation? = nil, _ message: String) {
        found.append(.error(place ?? question.location, "\(label): \(message)"))
    }

    mutating func warning(at place: SourceLocation? = nil, _ message: String) {
        found.append(.warning(place ?? question.location, "\(label): \(message)"))
    }

    /// Single choice and multiple response: enough options, weights in range, distinct
    /// texts, and a full score within reach.
    mutating func options(_ options: [QuizOption]) {
        let multiple: Bool
        if case .multipleResponse = question.kind { multiple = true } else { multiple = false }
        if options.count < 2 {
            let count = options.count == 1 ? "only one option" : "no options"
            error("has \(count); a \(multiple ? "multiple" : "single") question needs at least two")
        }
        var firstWithText: [String: Int] = [:]
        for (index, option) in options.enumerated() {
            let text = option.text.trimmedForComparison
            if text.isEmpty {
                warning(at: option.location, "option \(index + 1) has no text")
            } else if let earlier = firstWithText[text] {
                error(at: option.location, "option \(index + 1) has the same text as option \(earlier); each option must differ")
            } else {
                firstWithText[text] = index + 1
            }
        }
        guard weightsInRange(options.map { ($0.weightPercent, $0.location) }, noun: "option") else { return }
        if multiple {
            let positive = options.map(\.weightPercent).filter { $0 > 0 }.reduce(0, +)
            if positive <= 0 {
                error("no option is correct: mark the right ones 'correct: true' or give them positive weights")
            } else if positive < 99.99 {
                error(
                    "the positive option weights add up to only \(QuizChecks.format(positive)) %, so a full score is impossible; make them add up to 100"
                )
            }
        } else if !options.isEmpty {
            let best = options.map(\.weightPercent).max() ?? 0
            if best <= 0 {
                error("no option is correct: mark the right one 'correct: true'")
            } else if best < 100 {
                error(
                    "the best option weighs only \(QuizChecks.format(best)) %, so a full score is impossible; one option must weigh 100 (or be 'correct: true')"
                )
            }
        }
    }

    /// Short and numeric answers: at least one that gives credit, weights in range, and one
    /// at 100 % so a full score is possible.
    mutating func credits(_ weights: [(Double, SourceLocation?)], noun: String) {
        guard weightsInRange(weights, noun: noun) else { return }
        let best = weights.map(\.0).max() ?? 0
        if best <= 0 {
            error("no \(noun) gives credit: give at least one accepted \(noun) with full credit")
        } else if best < 100 {
            error("the best \(noun) gives only \(QuizChecks.format(best)) %, so a full score is impossible; one \(noun) must give 100")
        }
    }

    /// Matching: at least one pair, prompts that do not repeat, no empty texts.
    mutating func pairs(_ pairs: [MatchPair]) {
        if pairs.isEmpty { error("has no pairs to match: give at least two") }
        var firstWithPrompt: [String: Int] = [:]
        for (index, pair) in pairs.enumerated() {
            let prompt = pair.prompt.trimmedForComparison
            if prompt.isEmpty {
                warning(at: pair.location, "pair \(index + 1) has no prompt")
            } else if let earlier = firstWithPrompt[prompt] {
                warning(at: pair.location, "pair \(index + 1) has the same prompt as pair \(earlier), so the learner cannot tell them apart")
            } else {
                firstWithPrompt[prompt] = index + 1
            }
            if QuizChecks.isBlank(pair.match) {
                warning(at: pair.location, "pair \(index + 1) has no match")
            }
        }
    }

    /// Errors for every weight outside -100…100; false when there was one.
    private mutating func weightsInRange(_ weights: [(Double, SourceLocation?)], noun: String) -> Bool {
        var allGood = true
        for (index, (weight, place)) in weights.enumerated() where !(weight.isFinite && (-100...100).contains(weight)) {
            error(at: place, "\(noun) \(index + 1): 'weight' must be between -100 and 100, not \(QuizChecks.format(weight))")
            allGood = false
        }
        return allGood
    }
}

extension String {
    /// The text without white space and line breaks around it, as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it; text that starts and
    /// ends with a visible ASCII or Latin letter is returned as it is, without the trip
    /// through NSString that took a tenth of the time of importing a large GIFT file.
    var trimmedForComparison: String {
        func isVisible(_ scalar: Unicode.Scalar) -> Bool {
            (0x21...0x7E).contains(scalar.value) || ((0xC0...0x24F).contains(scalar.value) && scalar.value != 0xD7 && scalar.value != 0xF7)
        }
        if let first = unicodeScalars.first, let last = unicodeScalars.last, isVisible(first), isVisible(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
