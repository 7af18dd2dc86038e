/// The quiz model turned into emitter events, one question at a time: the root mapping
/// with the quiz settings, then each question as an item of `questions`. The keys and
/// their order are those of docs/quiz-format.md; a key whose value is at its default
/// (or empty) is left out.
struct QuizYAMLStream {
    var emitter = YAMLBlockEmitter()

    /// The root mapping up to the first question.
    mutating func begin(_ quiz: Quiz) {
        emitter.beginMapping()
        pair("format", "kursus-quiz/1")
        nonEmpty("title", quiz.title)
        nonEmpty("intro", quiz.intro)
        if quiz.passMark != Quiz.defaultPassMark { number("pass-mark", Double(quiz.passMark)) }
        if case .limited(let count) = quiz.attempts { number("attempts", Double(count)) }
        if quiz.counting != .best { pair("counting", quiz.counting.rawValue) }
        if quiz.feedbackTiming != .afterEachQuestion { pair("feedback", quiz.feedbackTiming.rawValue) }
        if quiz.shuffleQuestions { bool("shuffle-questions", true) }
        if quiz.shuffleOptions { bool("shuffle-options", true) }
        if let pool = quiz.pool { number("draw", Double(pool.draw)) }
        if let compareWith = quiz.compareWith { pair("compare-with", compareWith) }
        if quiz.anonymous { bool("anonymous", true) }
        key("questions")
        emitter.beginSequence(isEmpty: quiz.questions.isEmpty)
    }

    /// Closes `questions`, the root mapping and the document.
    mutating func end() {
        emitter.endSequence()
        emitter.endMapping()
        emitter.finish()
    }

    mutating func question(_ question: Question) {
        emitter.beginMapping()
        pair("id", question.id)
        pair("type", QuestionType(question.kind).rawValue)
        pair("text", question.text)
        if question.weight != 1 { number("weight", question.weight) }
        nonEmpty("category", question.category)
        nonEmpty("feedback", question.generalFeedback)
        nonEmpty("correct-feedback", question.feedbackCorrect)
        nonEmpty("partial-feedback", question.feedbackPartial)
        nonEmpty("incorrect-feedback", question.feedbackIncorrect)
        switch question.kind {
        case .singleChoice(let options):
            list("options", options.enumerated()) { $0.option($1.element, position: $1.offset, single: true) }
        case .multipleResponse(let options):
            list("options", options.enumerated()) { $0.option($1.element, position: $1.offset, single: false) }
        case .trueFalse(let correct, let feedbackTrue, let feedbackFalse):
            bool("answer", correct)
            nonEmpty("true-feedback", feedbackTrue)
            nonEmpty("false-feedback", feedbackFalse)
        case .shortAnswer(let rules):
            list("answers", rules.answers) { $0.shortAnswer($1) }
            if rules.caseSensitive { bool("case-sensitive", true) }
        case .numeric(let answers):
            list("answers", answers) { $0.numericAnswer($1) }
        case .matching(let spec):
            list("pairs", spec.pairs) { stream, pair in
                stream.emitter.beginMapping()
                stream.pair("prompt", pair.prompt)
                stream.pair("match", pair.match)
                stream.emitter.endMapping()
            }
            if !spec.distractors.isEmpty { list("distractors", spec.distractors) { $0.text($1) } }
        case .ordering(let items):
            list("items", items) { $0.text($1) }
        case .likert(let scale):
            list("scale", scale) { $0.text($1) }
        case .freeText, .description:
            break
        }
        emitter.endMapping()
    }

    /// Single choice: `correct: true` at 100 %, `weight` for partial credit. Multiple
    /// response: every option carries its `weight` (0 included), so the file never
    /// relies on the even split that `correct: true` without weights would mean.
    private mutating func option(_ option: QuizOption, position: Int, single: Bool) {
        emitter.beginMapping()
        pair("text", option.text)
        if single {
            if option.weightPercent == 100 {
                bool("correct", true)
            } else if option.weightPercent != 0 {
                number("weight", option.weightPercent)
            }
        } else {
            number("weight", option.weightPercent)
        }
        nonEmpty("feedback", option.feedback)
        if option.id != "\(position + 1)" { pair("id", option.id) }
        emitter.endMapping()
    }

    /// A plain string at full credit without feedback, else `{text, weight, feedback}`.
    private mutating func shortAnswer(_ answer: AcceptedAnswer) {
        let feedback = answer.feedback.flatMap { $0.isEmpty ? nil : $0 }
        if answer.weightPercent == 100 && feedback == nil {
            text(answer.text)
            return
        }
        emitter.beginMapping()
        pair("text", answer.text)
        if answer.weightPercent != 100 { number("weight", answer.weightPercent) }
        nonEmpty("feedback", feedback)
        emitter.endMapping()
    }

    private mutating func numericAnswer(_ answer: NumericAnswer) {
        emitter.beginMapping()
        switch answer.target {
        case .value(let value, let tolerance):
            number("value", value)
            if tolerance != 0 { number("tolerance", tolerance) }
        case .range(let range):
            number("min", range.lowerBound)
            number("max", range.upperBound)
        }
        if answer.weightPercent != 100 { number("weight", answer.weightPercent) }
        nonEmpty("feedback", answer.feedback)
        emitter.endMapping()
    }

    // MARK: - Keys and values

    private mutating func key(_ name: String) {
        emitter.scalar(name)
    }

    /// A string value, styled by `QuizYAMLWriter.style(for:)`.
    private mutating func text(_ value: String) {
        emitter.scalar(value, QuizYAMLWriter.style(for: value))
    }

    private mutating func pair(_ name: String, _ value: String) {
        key(name)
        text(value)
    }

    /// Leaves the key out when the value is nil or empty.
    private mutating func nonEmpty(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        pair(name, value)
    }

    private mutating func number(_ name: String, _ value: Double) {
        key(name)
        emitter.scalar(QuizYAMLWriter.numberText(value))
    }

    private mutating func bool(_ name: String, _ value: Bool) {
        key(name)
        emitter.scalar(value ? "true" : "false")
    }

    private mutating func list<Items: Collection>(_ name: String, _ items: Items, item: (inout Self, Items.Element) -> Void) {
        key(name)
        emitter.beginSequence(isEmpty: items.isEmpty)
        guard !items.isEmpty else { return }
        for element in items { item(&self, element) }
        emitter.endSequence()
    }
}
