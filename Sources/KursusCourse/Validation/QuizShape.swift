/// A quiz's or survey's structure for the language parity check: settings, question ids,
/// kinds, weights, option counts, correctness and marks (YAML and GIFT alike), not texts.
extension ContentShape {
    init(quiz: Quiz) {
        let place = quiz.location
        add("the pass mark", "\(quiz.passMark)", at: quiz.settingPlaces["pass-mark"] ?? place)
        add("the attempts", "\(quiz.attempts)", at: quiz.settingPlaces["attempts"] ?? place)
        add("'counting'", quiz.counting.rawValue, at: quiz.settingPlaces["counting"] ?? place)
        add("'feedback'", quiz.feedbackTiming.rawValue, at: quiz.settingPlaces["feedback"] ?? place)
        add("the shuffling", "questions \(quiz.shuffleQuestions), options \(quiz.shuffleOptions)", at: place)
        add("'draw'", quiz.pool.map { "\($0.draw)" } ?? "none", at: quiz.settingPlaces["draw"] ?? place)
        add("'compare-with'", quiz.compareWith ?? "none", at: quiz.settingPlaces["compare-with"] ?? place)
        add("'anonymous'", "\(quiz.anonymous)", at: quiz.settingPlaces["anonymous"] ?? place)
        add("the number of questions", "\(quiz.questions.count)", at: place)
        for (index, question) in quiz.questions.enumerated() {
            let name = "question \(index + 1)"
            let at = question.location
            add("the id of \(name)", question.id, at: at, owner: name)
            add("the kind of \(name)", QuestionType(question.kind).rawValue, at: at)
            add("the weight of \(name)", QuizChecks.format(question.weight), at: at)
            addParts(of: question, name: name)
        }
    }

    private mutating func addParts(of question: Question, name: String) {
        let at = question.location
        switch question.kind {
        case .singleChoice(let options), .multipleResponse(let options):
            add("the number of options of \(name)", "\(options.count)", at: at)
            for (index, option) in options.enumerated() {
                add("the weight of \(name) option \(index + 1)", QuizChecks.format(option.weightPercent), at: option.location ?? at, owner: name)
                add("the id of \(name) option \(index + 1)", option.id, at: option.location ?? at, owner: name)
            }
        case .trueFalse(let correct, _, _):
            add("the right answer of \(name)", correct ? "true" : "false", at: at)
        case .shortAnswer(let rules):
            add("the number of accepted answers of \(name)", "\(rules.answers.count)", at: at)
            add("the case rule of \(name)", rules.caseSensitive ? "case-sensitive" : "any case", at: at)
            for (index, answer) in rules.answers.enumerated() {
                add("the weight of \(name) answer \(index + 1)", QuizChecks.format(answer.weightPercent), at: answer.location ?? at, owner: name)
            }
        case .numeric(let answers):
            add("the number of answers of \(name)", "\(answers.count)", at: at)
            for (index, answer) in answers.enumerated() {
                add(
                    "\(name) answer \(index + 1)", "\(answer.target) at \(QuizChecks.format(answer.weightPercent)) %", at: answer.location ?? at,
                    owner: name)
            }
        case .matching(let spec):
            add("the number of pairs of \(name)", "\(spec.pairs.count)", at: at)
            add("the number of extra matches of \(name)", "\(spec.distractors.count)", at: at)
        case .ordering(let items):
            add("the number of items to order in \(name)", "\(items.count)", at: at)
        case .likert(let scale):
            add("the number of scale points of \(name)", "\(scale.count)", at: at)
        case .freeText, .description:
            break
        }
    }
}
