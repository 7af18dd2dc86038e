/// The parts of a question that come in lists: choice options, accepted short and numeric
/// answers, and matching pairs. Each part keeps the place it was written.
extension QuizFileParser {
    static let optionKeys = ["text", "correct", "weight", "feedback", "id"]
    static let shortAnswerKeys = ["text", "weight", "feedback"]
    static let numericAnswerKeys = ["value", "tolerance", "min", "max", "weight", "feedback"]
    static let pairKeys = ["prompt", "match"]

    /// Options of a single-choice or multiple-response question, with their weights
    /// settled: `correct: true` is 100 on single choice; on multiple response without
    /// weights, 100 is split evenly among the correct options and each wrong option
    /// weighs minus that share.
    mutating func parseOptions(in object: inout YAMLTreeObject, multiple: Bool, label: String) -> [QuizOption]? {
        guard let items = list("options", in: &object, required: true, count: 0...QuizFile.maximumOptions, noun: "options") else { return nil }
        let before = diagnostics.count
        var options: [QuizOption] = []
        var correctNodes: [YAMLTree?] = []
        var givenWeights: [Double?] = []
        var idPositions: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let position = index + 1
            guard var option = mapping(item, what: "option \(position)", label: label) else { continue }
            option.rejectUnknownKeys(Self.optionKeys)
            let text = option.text("text", required: true, limit: textLimit)
            let correct = option.bool("correct")
            let weight = percent("weight", in: &option)
            if option.value("correct") != nil, option.value("weight") != nil {
                option.report(option.value("weight"), "give either 'correct: true' or 'weight', not both")
            }
            var id = String(position)
            if let given = option.text("id", required: false, limit: 256) {
                if let problem = Self.idProblem(given) {
                    option.report(option.value("id"), "id '\(given)' \(problem)")
                } else if let earlier = idPositions[given] {
                    option.report(option.value("id"), "id '\(given)' is already used by option \(earlier)")
                } else {
                    id = given
                }
            }
            idPositions[id] = idPositions[id] ?? position
            let feedback = optionalText("feedback", in: &option)
            diagnostics += option.diagnostics.map { $0.labelled("\(label): option \(position)") }
            options.append(
                QuizOption(
                    id: id, text: text ?? "", weightPercent: correct == true ? 100 : weight ?? 0, feedback: feedback, location: option.location))
            correctNodes.append(correct == true ? option.value("correct") : nil)
            givenWeights.append(weight)
        }
        if hasErrors(since: before) { return nil }
        guard multiple else { return options }
        if givenWeights.contains(where: { $0 != nil }) {
            var mixed = false
            for (position, node) in correctNodes.enumerated() {
                guard let node else { continue }
                mixed = true
                diagnostics.append(
                    .error(
                        source.location(of: node),
                        "\(label): option \(position + 1): this question gives its options weights, so give this option a 'weight' instead of 'correct: true'"
                    ))
            }
            return mixed ? nil : options
        }
        let correctCount = correctNodes.filter { $0 != nil }.count
        guard correctCount > 0 else { return options }
        let share = 100 / Double(correctCount)
        for index in options.indices {
            options[index].weightPercent = correctNodes[index] != nil ? share : -share
        }
        return options
    }

    /// Whether an error was reported after the first `count` diagnostics.
    func hasErrors(since count: Int) -> Bool {
        diagnostics[count...].contains { $0.severity == .error }
    }

    /// A weight in percent, -100…100.
    func percent(_ key: String, in object: inout YAMLTreeObject) -> Double? {
        guard let weight = object.number(key) else { return nil }
        guard (-100...100).contains(weight) else {
            object.report(object.value(key), "'\(key)' must be between -100 and 100 (percent), not \(QuizChecks.format(weight))")
            return nil
        }
        return weight
    }

    /// Accepted short answers: plain texts (full credit) or mappings with `text`, `weight`, `feedback`.
    mutating func parseShortAnswers(in object: inout YAMLTreeObject, label: String) -> [AcceptedAnswer]? {
        guard let items = list("answers", in: &object, required: true, count: 1...QuizFile.maximumOptions, noun: "answers") else { return nil }
        let before = diagnostics.count
        var answers: [AcceptedAnswer] = []
        for (index, item) in items.enumerated() {
            let itemLabel = "\(label): answer \(index + 1)"
            if case .scalar = item {
                var problems: [Diagnostic] = []
                let text = YAMLTreeObject.text(of: item, limit: textLimit, what: "the answer", source: source, problems: &problems)
                diagnostics += problems.map { $0.labelled(itemLabel) }
                answers.append(AcceptedAnswer(text: text ?? "", location: source.location(of: item)))
                continue
            }
            guard var answer = mapping(item, what: "answer \(index + 1)", label: label) else { continue }
            answer.rejectUnknownKeys(Self.shortAnswerKeys)
            let text = answer.text("text", required: true, limit: textLimit)
            let weight = percent("weight", in: &answer)
            let feedback = optionalText("feedback", in: &answer)
            diagnostics += answer.diagnostics.map { $0.labelled(itemLabel) }
            answers.append(AcceptedAnswer(text: text ?? "", weightPercent: weight ?? 100, feedback: feedback, location: answer.location))
        }
        return hasErrors(since: before) ? nil : answers
    }

    /// Accepted numeric answers: a plain number, or a mapping with `value` (and `tolerance`)
    /// or `min` and `max`, plus `weight` and `feedback`.
    mutating func parseNumericAnswers(in object: inout YAMLTreeObject, label: String) -> [NumericAnswer]? {
        guard let items = list("answers", in: &object, required: true, count: 1...QuizFile.maximumOptions, noun: "answers") else { return nil }
        let before = diagnostics.count
        var answers: [NumericAnswer] = []
        for (index, item) in items.enumerated() {
            let itemLabel = "\(label): answer \(index + 1)"
            if case .scalar = item {
                let place = source.location(of: item)
                guard let value = item.number, value.isFinite else {
                    diagnostics.append(
                        .error(
                            place,
                            "\(itemLabel): must be a finite number or a mapping with 'value' or 'min' and 'max', not \(YAMLTreeObject.describe(item))"
                        ))
                    continue
                }
                answers.append(NumericAnswer(target: .value(value, tolerance: 0), location: place))
                continue
            }
            guard var answer = mapping(item, what: "answer \(index + 1)", label: label) else { continue }
            answer.rejectUnknownKeys(Self.numericAnswerKeys)
            let target = numericTarget(in: &answer)
            let weight = percent("weight", in: &answer)
            let feedback = optionalText("feedback", in: &answer)
            diagnostics += answer.diagnostics.map { $0.labelled(itemLabel) }
            if let target {
                answers.append(NumericAnswer(target: target, weightPercent: weight ?? 100, feedback: feedback, location: answer.location))
            }
        }
        return hasErrors(since: before) ? nil : answers
    }

    private func numericTarget(in answer: inout YAMLTreeObject) -> NumericTarget? {
        let value = answer.number("value")
        let tolerance = answer.number("tolerance")
        let min = answer.number("min")
        let max = answer.number("max")
        let hasValue = answer.value("value") != nil
        let hasRange = answer.value("min") != nil || answer.value("max") != nil
        if hasValue && hasRange {
            answer.report(answer.value("min") ?? answer.value("max"), "give either 'value' (with 'tolerance') or 'min' and 'max', not both")
            return nil
        }
        if hasValue {
            guard let value else { return nil }
            if let tolerance, tolerance < 0 {
                answer.report(answer.value("tolerance"), "'tolerance' must be 0 or more, not \(QuizChecks.format(tolerance))")
                return nil
            }
            return .value(value, tolerance: tolerance ?? 0)
        }
        if answer.value("tolerance") != nil {
            answer.report(answer.value("tolerance"), "'tolerance' goes with 'value'; a range given by 'min' and 'max' needs none")
        }
        guard hasRange else {
            answer.report(nil, "give the right number as 'value' (with an optional 'tolerance') or as a range with 'min' and 'max'")
            return nil
        }
        if answer.value("min") == nil || answer.value("max") == nil {
            answer.report(nil, "a range needs both 'min' and 'max'")
            return nil
        }
        guard let min, let max else { return nil }
        guard min <= max else {
            answer.report(answer.value("min"), "'min' (\(QuizChecks.format(min))) must not be larger than 'max' (\(QuizChecks.format(max)))")
            return nil
        }
        return .range(min...max)
    }

    /// The prompt and match pairs of a matching question (at least two).
    mutating func parsePairs(in object: inout YAMLTreeObject, label: String) -> [MatchPair]? {
        guard let items = list("pairs", in: &object, required: true, count: 2...QuizFile.maximumOptions, noun: "pairs") else { return nil }
        let before = diagnostics.count
        var pairs: [MatchPair] = []
        for (index, item) in items.enumerated() {
            guard var pair = mapping(item, what: "pair \(index + 1)", label: label) else { continue }
            pair.rejectUnknownKeys(Self.pairKeys)
            let prompt = pair.text("prompt", required: true, limit: textLimit)
            let match = pair.text("match", required: true, limit: textLimit)
            diagnostics += pair.diagnostics.map { $0.labelled("\(label): pair \(index + 1)") }
            pairs.append(MatchPair(prompt: prompt ?? "", match: match ?? "", location: pair.location))
        }
        return hasErrors(since: before) ? nil : pairs
    }
}
