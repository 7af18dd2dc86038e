import KursusCourse

extension Question {
    /// Whether any feedback is written for the question or its answers.
    public var hasFeedback: Bool {
        if generalFeedback != nil || feedbackCorrect != nil || feedbackPartial != nil || feedbackIncorrect != nil { return true }
        switch kind {
        case .singleChoice(let options), .multipleResponse(let options): return options.contains { $0.feedback != nil }
        case .trueFalse(_, let onTrue, let onFalse): return onTrue != nil || onFalse != nil
        case .shortAnswer(let rules): return rules.answers.contains { $0.feedback != nil }
        case .numeric(let answers): return answers.contains { $0.feedback != nil }
        default: return false
        }
    }
}
