import KursusCourse

/// The rows a question shows for answering, in the attempt's order: what the cursor
/// moves over and what digits choose.
public enum QuestionRows {
    public struct Row: Hashable, Sendable {
        /// The id recorded in the answer (option id, `true`/`false`, scale index) or, for
        /// matching and ordering, the text itself.
        public var id: String
        /// Markdown, or for true/false and scales the label key.
        public var text: String
    }

    public static let trueID = "true"
    public static let falseID = "false"

    /// Choice rows of single, multiple, true/false and Likert questions; the prompts of
    /// a matching question; the items (in the learner's current order) of an ordering.
    public static func rows(_ question: Question, attempt: QuizAttempt?, draft: AnswerDraft) -> [Row] {
        let order = attempt?.choiceOrders[question.id] ?? []
        switch question.kind {
        case .singleChoice(let options), .multipleResponse(let options):
            var byID: [String: QuizOption] = [:]
            for option in options where byID[option.id] == nil { byID[option.id] = option }
            let ids = order.filter { byID[$0] != nil }
            let shown = ids.count == options.count ? ids : options.map(\.id)
            return shown.compactMap { id in byID[id].map { Row(id: id, text: $0.text) } }
        case .trueFalse:
            return [Row(id: trueID, text: trueID), Row(id: falseID, text: falseID)]
        case .likert(let scale):
            return scale.enumerated().map { Row(id: "\($0.offset)", text: $0.element) }
        case .matching(let spec):
            return spec.pairs.map { Row(id: $0.prompt, text: $0.prompt) }
        case .ordering(let items):
            let current = draft.order.isEmpty ? (order.count == items.count ? order : items) : draft.order
            return current.map { Row(id: $0, text: $0) }
        case .shortAnswer, .numeric, .freeText, .description:
            return []
        }
    }

    /// The answers a matching prompt can take, in the attempt's shuffled order.
    public static func matchingChoices(_ question: Question, attempt: QuizAttempt?) -> [String] {
        guard case .matching(let spec) = question.kind else { return [] }
        let choices = spec.choices
        let order = attempt?.choiceOrders[question.id] ?? []
        return Set(order) == Set(choices) && order.count == choices.count ? order : choices
    }

    /// Whether the question is answered by typing.
    public static func takesText(_ question: Question) -> Bool {
        switch question.kind {
        case .shortAnswer, .numeric, .freeText: return true
        default: return false
        }
    }
}
