/// The `type:` values of a question in a quiz file.
enum QuestionType: String, CaseIterable {
    case single, multiple
    case trueFalse = "true-false"
    case short, numeric, matching, ordering, likert, text, description

    /// The type a question of this kind is written as, for messages and for writing files.
    init(_ kind: QuestionKind) {
        switch kind {
        case .singleChoice: self = .single
        case .multipleResponse: self = .multiple
        case .trueFalse: self = .trueFalse
        case .shortAnswer: self = .short
        case .numeric: self = .numeric
        case .matching: self = .matching
        case .ordering: self = .ordering
        case .likert: self = .likert
        case .freeText: self = .text
        case .description: self = .description
        }
    }

    /// The keys a question of this type may have, besides `type`.
    var keys: [String] {
        let identity = ["id", "text", "category"]
        let scored = identity + ["weight", "feedback", "correct-feedback", "partial-feedback", "incorrect-feedback"]
        switch self {
        case .single, .multiple: return scored + ["options"]
        case .trueFalse: return scored + ["answer", "true-feedback", "false-feedback"]
        case .short: return scored + ["answers", "case-sensitive"]
        case .numeric: return scored + ["answers"]
        case .matching: return scored + ["pairs", "distractors"]
        case .ordering: return scored + ["items"]
        case .likert: return identity + ["feedback", "scale"]
        case .text: return identity + ["feedback", "max-length"]
        case .description: return identity
        }
    }

    /// Every key any question may have: used when the type is missing or unknown.
    static let allKeys: [String] = {
        var seen = Set<String>()
        return allCases.flatMap(\.keys).filter { seen.insert($0).inserted }
    }()
}

extension QuizFileParser {
    /// Question ids: letters, digits, `-` and `_`, at most 64 characters. Option ids follow the same rule.
    static func idProblem(_ id: String) -> String? {
        if id.isEmpty { return "is empty" }
        if id.utf8.count > 64 { return "is longer than 64 characters" }
        let allowed = id.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "-" || $0 == "_"
        }
        return allowed ? nil : "may only contain letters a-z and A-Z, digits, '-' and '_'"
    }

    mutating func parseQuestion(_ node: YAMLTree, position: Int) -> Question? {
        guard var object = mapping(node, what: "question \(position)", label: nil) else { return nil }
        var id = "q\(position)"
        var label = "question \(position)"
        if let given = object.text("id", required: false, limit: 256) {
            if let problem = Self.idProblem(given) {
                object.report(object.value("id"), "id '\(given)' \(problem)")
            } else {
                id = given
                label = "question '\(given)'"
            }
        } else if object.value("id") == nil {
            label = "question '\(id)'"
        }
        var type: QuestionType?
        if let name = object.text("type", required: true, limit: 64) {
            type = QuestionType(rawValue: name)
            if type == nil {
                let names = QuestionType.allCases.map(\.rawValue)
                let hint =
                    Spelling.closest(to: name, among: names).map { "; did you mean '\($0)'?" } ?? "; the types are \(YAMLTreeObject.list(names))"
                object.report(object.value("type"), "unknown question type '\(name)'\(hint)")
            }
        }
        object.rejectUnknownKeys(["type"] + (type?.keys ?? QuestionType.allKeys))
        let text = object.text("text", required: true, allowEmpty: false, limit: textLimit)
        var weight = 1.0
        if let given = object.number("weight") {
            if given < 0 {
                object.report(object.value("weight"), "'weight' must be 0 or more, not \(QuizChecks.format(given))")
            } else {
                weight = given
            }
        }
        let category = object.text("category", required: false, limit: textLimit)
        let feedback = optionalText("feedback", in: &object)
        let correctFeedback = optionalText("correct-feedback", in: &object)
        let partialFeedback = optionalText("partial-feedback", in: &object)
        let incorrectFeedback = optionalText("incorrect-feedback", in: &object)
        let kind = type.flatMap { parseKind($0, in: &object, label: label) }
        let maximumLength = type == .text ? object.integer("max-length", in: 1...QuizFile.maximumTextBytes) : nil
        diagnostics += object.diagnostics.map { $0.labelled(label) }
        guard let text, let kind else { return nil }
        var question = Question(
            id: id, text: text, weight: weight, generalFeedback: feedback, feedbackCorrect: correctFeedback,
            feedbackPartial: partialFeedback, feedbackIncorrect: incorrectFeedback, kind: kind,
            category: category, location: object.location
        )
        question.maximumLength = maximumLength
        return question
    }

    /// An optional text; an empty one counts as not given.
    func optionalText(_ key: String, in object: inout YAMLTreeObject) -> String? {
        guard let text = object.text(key, required: false, limit: textLimit) else { return nil }
        return text.isBlankText ? nil : text
    }

    private mutating func parseKind(_ type: QuestionType, in object: inout YAMLTreeObject, label: String) -> QuestionKind? {
        switch type {
        case .single:
            return parseOptions(in: &object, multiple: false, label: label).map(QuestionKind.singleChoice)
        case .multiple:
            return parseOptions(in: &object, multiple: true, label: label).map(QuestionKind.multipleResponse)
        case .trueFalse:
            let trueFeedback = optionalText("true-feedback", in: &object)
            let falseFeedback = optionalText("false-feedback", in: &object)
            if object.value("answer") == nil {
                object.report(nil, "missing required key 'answer' (true or false)")
                return nil
            }
            return object.bool("answer").map { .trueFalse(correct: $0, feedbackTrue: trueFeedback, feedbackFalse: falseFeedback) }
        case .short:
            let caseSensitive = object.bool("case-sensitive") ?? false
            return parseShortAnswers(in: &object, label: label).map { .shortAnswer(ShortAnswerRules(answers: $0, caseSensitive: caseSensitive)) }
        case .numeric:
            return parseNumericAnswers(in: &object, label: label).map(QuestionKind.numeric)
        case .matching:
            let distractors = texts("distractors", in: &object, required: false, count: 0...QuizFile.maximumOptions)
            return parsePairs(in: &object, label: label).map { .matching(MatchingSpec(pairs: $0, distractors: distractors ?? [])) }
        case .ordering:
            return texts("items", in: &object, required: true, count: 2...QuizFile.maximumOptions).map(QuestionKind.ordering)
        case .likert:
            return texts("scale", in: &object, required: true, count: 2...11).map { .likert(scale: $0) }
        case .text:
            return .freeText
        case .description:
            return .description
        }
    }

    /// A list of text values under `key` with a number of items in `count`.
    func texts(_ key: String, in object: inout YAMLTreeObject, required: Bool, count: ClosedRange<Int>) -> [String]? {
        guard let items = list(key, in: &object, required: required, count: count, noun: "items") else { return nil }
        var result: [String] = []
        var problems: [Diagnostic] = []
        for (index, item) in items.enumerated() {
            if let text = YAMLTreeObject.text(of: item, limit: textLimit, what: "item \(index + 1) of '\(key)'", source: source, problems: &problems)
            {
                result.append(text)
            }
        }
        object.append(problems)
        return problems.isEmpty ? result : nil
    }

    /// The items of a list under `key`, checking how many there are. Errors go to `object`.
    func list(_ key: String, in object: inout YAMLTreeObject, required: Bool, count: ClosedRange<Int>, noun: String) -> [YAMLTree]? {
        guard let node = object.value(key) else {
            if required { object.report(nil, "missing required key '\(key)'") }
            return nil
        }
        guard case .sequence(let sequence) = node else {
            object.report(node, "'\(key)' must be a list ('- ...' lines), not \(YAMLTreeObject.describe(node))")
            return nil
        }
        if sequence.count < count.lowerBound {
            object.report(node, "'\(key)' must have at least \(count.lowerBound) \(noun), not \(sequence.count)")
            return nil
        }
        if sequence.count > count.upperBound {
            object.report(node, "'\(key)' may have at most \(count.upperBound) \(noun), not \(sequence.count)")
            return nil
        }
        return Array(sequence)
    }
}
