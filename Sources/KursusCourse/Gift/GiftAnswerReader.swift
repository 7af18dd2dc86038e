/// Reading the answers of each GIFT question type into the quiz model.
extension GiftQuestionReader {
    /// One answer: its `%weight%` if written, its text and its `#feedback`.
    struct AnswerParts {
        var weight: Double?
        var text: GiftSlice
        var feedback: GiftSlice?
        var offset: Int
    }

    /// Splits an answer into weight, text and feedback; nil (with an error) when the
    /// weight is not a number or lies outside -100 … 100.
    mutating func answerParts(_ body: GiftSlice, marker: GiftChar?) -> AnswerParts? {
        var rest = body.trimmedGift()
        let offset = marker?.offset ?? rest.first?.offset ?? blockOffset
        var weight: Double?
        if rest.isMarker("%", at: rest.startIndex) {
            let start = rest.startIndex + 1
            if let close = rest.firstMarker("%", from: start) {
                let raw = rest[start..<close].giftString.trimmingGiftSpace()
                guard let value = GiftNumber.parse(raw) else {
                    error(
                        rest[rest.startIndex].offset,
                        "the answer weight '%\(raw)%' is not a number; write a percentage such as %50% or %-25%\(GiftNumber.commaHint(raw))")
                    return nil
                }
                guard value >= -100 && value <= 100 else {
                    error(
                        rest[rest.startIndex].offset,
                        "the answer weight \(GiftNumber.format(value)) % is outside -100 % to 100 %; an answer can give at most full credit (%100%) and take at most full credit away (%-100%)"
                    )
                    return nil
                }
                weight = value
                rest = rest[(close + 1)...]
            } else if let next = rest.dropFirst().first,
                next.scalar == "-" || next.scalar == "." || (next.scalar.value >= 0x30 && next.scalar.value <= 0x39)
            {
                error(rest[rest.startIndex].offset, "the answer weight has no closing '%'; write it as %50%")
                return nil
            }
        }
        var feedback: GiftSlice?
        if let hash = rest.firstMarker("#") {
            feedback = rest[(hash + 1)...]
            rest = rest[..<hash]
        }
        return AnswerParts(weight: weight, text: rest, feedback: feedback, offset: offset)
    }

    func answers(in block: GiftSlice, split markers: Set<Unicode.Scalar>) -> [(marker: GiftChar?, body: GiftSlice)] {
        block.split(atMarkers: markers).filter { $0.marker != nil || !$0.body.trimmedGift().isEmpty }
    }

    /// Warns about each `=` standing between two letters or digits (`app=frontend`):
    /// Moodle starts a new right answer there, which is seldom what the writer meant.
    mutating func warnGluedEquals(in block: GiftSlice) {
        func isWordCharacter(_ char: GiftChar) -> Bool {
            char.scalar.properties.isAlphabetic || char.scalar.properties.numericType != nil
        }
        var index = block.startIndex + 1
        while index + 1 < block.endIndex {
            if block.isMarker("=", at: index), isWordCharacter(block[index - 1]), isWordCharacter(block[index + 1]) {
                var low = index - 1
                while low > block.startIndex && isWordCharacter(block[low - 1]) { low -= 1 }
                var high = index + 2
                while high < block.endIndex && isWordCharacter(block[high]) { high += 1 }
                warning(
                    block[index].offset,
                    "the '=' in '\(block[low..<high].giftString)' starts a new right answer, as in Moodle; write '\\=' if it is part of the text")
            }
            index += 1
        }
    }

    /// `{=right ~wrong}` → single choice; `{~%50%a ~%50%b ~%-100%c}` (no `=`) → multiple response.
    mutating func readChoice(_ block: GiftSlice) -> QuestionKind? {
        warnGluedEquals(in: block)
        var options: [QuizOption] = []
        var single = false
        var failed = false
        for piece in answers(in: block, split: ["=", "~"]) {
            if piece.marker == nil {
                let text = piece.body.trimmedGift().giftString
                warning(
                    piece.body.trimmedGift().first?.offset ?? blockOffset,
                    "'\(text)' has no '=' or '~' in front, so it is read as a wrong answer, as Moodle does; write '~\(text)' for a wrong answer or '=\(text)' for the right one"
                )
            }
            if piece.marker?.scalar == "=" { single = true }
            guard let parts = answerParts(piece.body, marker: piece.marker) else {
                failed = true
                continue
            }
            let text = markdown(parts.text)
            if text.isEmpty {
                // Moodle saves a multiple-choice question without its empty answers.
                warning(
                    parts.offset,
                    "this answer has no text, so it is left out, as Moodle leaves out empty answers; write it after '\(piece.marker.map { String($0.scalar) } ?? "~")', or remove the marker"
                )
                continue
            }
            // Moodle gives every '=' answer of a multiple-choice question full credit and
            // reads no weight after it; Kursus does the same but keeps '%N%' out of the text.
            if piece.marker?.scalar == "=", let given = parts.weight, abs(given - 100) > 0.0001 {
                warning(
                    parts.offset,
                    "in a multiple-choice question an '=' answer gets full credit and Moodle ignores the weight after it (showing '%\(GiftNumber.format(given))%' as part of the answer); Kursus gives full credit too. For partial credit write '~%\(GiftNumber.format(given))%'"
                )
            }
            let weight = piece.marker?.scalar == "=" ? 100 : (parts.weight ?? 0)
            options.append(
                QuizOption(
                    id: "\(options.count + 1)", text: text, weightPercent: weight,
                    feedback: optionalMarkdown(parts.feedback), location: source.location(ofOffset: parts.offset)
                ))
        }
        if failed { return nil }
        guard options.count >= 2 else {
            error(
                blockOffset,
                "a multiple-choice question needs at least two answers, but this one has \(options.count); add a wrong answer such as '~Another answer'"
            )
            return nil
        }
        // Every '=' answer has full credit, so a single-choice question always has one.
        if single { return .singleChoice(options) }
        let positive = options.map(\.weightPercent).filter { $0 > 0 }.reduce(0, +)
        guard positive >= 99.9 else {
            error(
                blockOffset,
                positive <= 0
                    ? "no answer gives credit; mark the right answer with '=', or give the right answers weights that add up to 100 %, such as '~%50%'"
                    : "the positive answer weights add up to \(GiftNumber.format(positive)) %, so no learner can reach 100 %; make them add up to 100 %"
            )
            return nil
        }
        return .multipleResponse(options)
    }

    /// `{=a =%50%b#feedback}` → short answer.
    mutating func readShortAnswer(_ block: GiftSlice) -> QuestionKind? {
        warnGluedEquals(in: block)
        var accepted: [AcceptedAnswer] = []
        var failed = false
        for piece in answers(in: block, split: ["="]) {
            guard let parts = answerParts(piece.body, marker: piece.marker) else {
                failed = true
                continue
            }
            let text = plain(parts.text)
            if text.isEmpty {
                error(parts.offset, "this answer has no text; write the accepted answer after '=', or remove the '='")
                failed = true
                continue
            }
            accepted.append(
                AcceptedAnswer(
                    text: text, weightPercent: parts.weight ?? 100, feedback: optionalMarkdown(parts.feedback),
                    location: source.location(ofOffset: parts.offset)
                ))
        }
        if failed { return nil }
        guard checkBest(accepted.map(\.weightPercent)) else { return nil }
        return .shortAnswer(ShortAnswerRules(answers: accepted))
    }

    /// `{TRUE#wrong feedback#right feedback}`: Moodle's first `#` is the feedback for a
    /// wrong answer, the second for a right one.
    mutating func readTrueFalse(_ block: GiftSlice, correct: Bool) -> QuestionKind {
        var wrong: String?
        var right: String?
        if let first = block.firstMarker("#") {
            if let second = block.firstMarker("#", from: first + 1) {
                wrong = optionalMarkdown(block[(first + 1)..<second])
                right = optionalMarkdown(block[(second + 1)...])
            } else {
                wrong = optionalMarkdown(block[(first + 1)...])
            }
        }
        return correct
            ? .trueFalse(correct: true, feedbackTrue: right, feedbackFalse: wrong)
            : .trueFalse(correct: false, feedbackTrue: wrong, feedbackFalse: right)
    }

    /// `{=prompt -> match …}`; an entry with nothing before `->` is a distractor.
    mutating func readMatching(_ block: GiftSlice) -> QuestionKind? {
        var pairs: [MatchPair] = []
        var distractors: [String] = []
        var failed = false
        for piece in answers(in: block, split: ["="]) {
            let body = piece.body.trimmedGift()
            let offset = piece.marker?.offset ?? body.first?.offset ?? blockOffset
            guard let arrow = body.firstMarker("->") else {
                error(offset, "the matching answer '\(body.giftString)' has no '->'; write every answer of a matching question as '=prompt -> match'")
                failed = true
                continue
            }
            let prompt = markdown(body[..<arrow])
            // Shown to the learner as Markdown, as options are: escaped where Moodle's text is literal.
            let match = markdown(body[(arrow + 2)...])
            if match.isEmpty {
                error(body[arrow].offset, "nothing follows '->'; write the matching answer after the arrow")
                failed = true
            } else if prompt.isEmpty {
                distractors.append(match)
            } else {
                pairs.append(MatchPair(prompt: prompt, match: match, location: source.location(ofOffset: offset)))
            }
        }
        if failed { return nil }
        guard pairs.count >= 2 else {
            error(blockOffset, "a matching question needs at least two '=prompt -> match' pairs, but this one has \(pairs.count)")
            return nil
        }
        return .matching(MatchingSpec(pairs: pairs, distractors: distractors))
    }

    /// An error when no answer gives credit; a warning when none gives full credit.
    mutating func checkBest(_ weights: [Double]) -> Bool {
        let best = weights.max() ?? 0
        if best <= 0 {
            error(blockOffset, "no answer gives credit; give the right answer full credit with '=' and no weight, or '=%100%'")
            return false
        }
        if best < 99.99 {
            warning(
                blockOffset,
                "the best answer is worth only \(GiftNumber.format(best)) %, so no learner can get full credit; Moodle expects one answer at 100 %")
        }
        return true
    }
}
