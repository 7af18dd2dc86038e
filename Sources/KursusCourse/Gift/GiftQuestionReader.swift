/// Reads one GIFT question: the optional `::title::`, the text, the answer block `{…}`
/// (or none, for a description), general feedback after `####`, and decides the
/// question type as Moodle does. The answers themselves are read by the extensions in
/// GiftAnswerReader.swift.
struct GiftQuestionReader {
    let source: GiftSource
    let id: String
    let category: String?
    var diagnostics: [Diagnostic] = []
    /// The format of the question text, the default for its answers and feedback.
    var format = GiftTextFormat.moodle
    /// Where the answer block opened, for problems with the answers as a whole.
    var blockOffset = 0
    /// A numerical question's `~#feedback` for any other number (Moodle's `*` answer).
    var feedbackIncorrect: String?
    /// Where the question starts (its title, if it has one).
    var questionOffset = 0

    init(source: GiftSource, id: String, category: String?) {
        self.source = source
        self.id = id
        self.category = category
    }

    mutating func error(_ offset: Int, _ message: String) {
        diagnostics.append(.error(source.location(ofOffset: offset), message))
    }

    mutating func warning(_ offset: Int, _ message: String) {
        diagnostics.append(.warning(source.location(ofOffset: offset), message))
    }

    /// Text shown to the learner (Markdown).
    func markdown(_ text: GiftSlice) -> String {
        let (format, body) = GiftText.format(of: text, fallback: format)
        return GiftText.convert(body, format: format, mode: .markdown)
    }

    /// Text compared or listed as it is (short answers, match choices).
    func plain(_ text: GiftSlice) -> String {
        let (format, body) = GiftText.format(of: text, fallback: format)
        return GiftText.convert(body, format: format, mode: .plain)
    }

    func optionalMarkdown(_ text: GiftSlice?) -> String? {
        guard let text else { return nil }
        let converted = markdown(text)
        return converted.isEmpty ? nil : converted
    }

    mutating func read(_ chunk: GiftSlice) -> Question? {
        guard let first = chunk.first else { return nil }
        questionOffset = first.offset
        var rest = chunk.trimmedGift()
        if rest.hasMarker("::", at: rest.startIndex) {
            let afterOpen = rest.startIndex + 2
            if let close = rest.firstMarker("::", from: afterOpen) {
                rest = rest[(close + 2)...].trimmedGift()
            } else {
                warning(
                    first.offset,
                    "'::' starts a question title, but no closing '::' follows; the question is read without a title. Write '::Title:: question text', or '\\:' for a colon in the text"
                )
                rest = rest[afterOpen...].trimmedGift()
            }
        }
        guard !rest.isEmpty else {
            error(first.offset, "the question has a title but no text; write the question after '::title::'")
            return nil
        }
        let open = rest.firstMarker("{")
        let close = rest.firstMarker("}")
        switch (open, close) {
        case (nil, nil):
            (format, _) = GiftText.format(of: rest, fallback: .moodle)
            return question(text: markdown(rest), kind: .description, generalFeedback: nil)
        case (let open?, nil):
            error(
                rest[open].offset,
                "the answer block opened with '{' here is never closed; add '}' after the answers (a blank line ends a question in GIFT, so the '}' must come before the next blank line), or write '\\{' for a brace in the text"
            )
            return nil
        case (nil, let close?):
            error(rest[close].offset, "'}' without an opening '{'; write '\\}' for a brace in the text")
            return nil
        case (let open?, let close?):
            if close < open {
                error(rest[close].offset, "'}' comes before the answer block's '{'; write '\\}' for a brace in the text")
                return nil
            }
            if let inner = rest.firstMarker("{", from: open + 1), inner < close {
                error(
                    rest[inner].offset,
                    "a second '{' inside the answer block that opened at \(source.location(ofOffset: rest[open].offset)); close the first block with '}', or write '\\{' for a brace"
                )
                return nil
            }
            if let extra = rest[(close + 1)...].firstIndex(where: { !$0.escaped && ($0.scalar == "{" || $0.scalar == "}") }) {
                error(
                    rest[extra].offset,
                    "a question has only one answer block, but another '\(rest[extra].scalar)' follows the one that closed at \(source.location(ofOffset: rest[close].offset)); put a blank line between questions, or write '\\\(rest[extra].scalar)' for a brace"
                )
                return nil
            }
            blockOffset = rest[open].offset
            return readBlock(rest, open: open, close: close)
        }
    }

    private mutating func readBlock(_ rest: GiftSlice, open: Int, close: Int) -> Question? {
        let before = rest[..<open]
        let after = rest[(close + 1)...].trimmedGift()
        var textChars = Array(before)
        if after.hasMarker("//", at: after.startIndex), let slash = after.first {
            warning(
                slash.offset,
                "'//' starts a comment only at the beginning of a line; here Moodle reads it as question text after the answer block, so the block becomes a blank '_____'. Kursus does the same; move the comment to a line of its own"
            )
        }
        if !after.isEmpty {
            textChars.append(GiftChar(scalar: GiftText.blankPlaceholder, escaped: true, offset: rest[open].offset))
            textChars.append(contentsOf: rest[(close + 1)...])
        }
        let textSlice = textChars[...]
        (format, _) = GiftText.format(of: textSlice, fallback: .moodle)
        let text = markdown(textSlice)
        if text.isEmpty {
            error(rest.first?.offset ?? blockOffset, "the question has no text before its answer block; write the question first, then '{…}'")
        }
        var block = rest[(open + 1)..<close].trimmedGift()
        var generalFeedback: String?
        if let separator = block.lastMarker("####") {
            generalFeedback = optionalMarkdown(block[(separator + 4)...])
            block = block[..<separator].trimmedGift()
        }
        guard let kind = readKind(block) else { return nil }
        return question(text: text, kind: kind, generalFeedback: generalFeedback)
    }

    /// The type as Moodle decides it: empty → essay, `#` first → numerical, any `~` →
    /// multiple choice, `=` with `->` → matching, T/TRUE/F/FALSE → true/false, else
    /// short answer.
    private mutating func readKind(_ block: GiftSlice) -> QuestionKind? {
        guard let first = block.first else { return .freeText }
        if block.isMarker("#", at: block.startIndex) {
            return rejectArrow(in: block, kind: "numerical") ? nil : readNumeric(block.dropFirst())
        }
        if block.firstMarker("~") != nil {
            return rejectArrow(in: block, kind: "multiple-choice") ? nil : readChoice(block)
        }
        let arrow = block.firstMarker("->")
        if arrow != nil && block.firstMarker("=") != nil {
            return readMatching(block)
        }
        let answerPart = block[..<(block.firstMarker("#") ?? block.endIndex)].trimmedGift().giftString
        if ["T", "TRUE", "F", "FALSE"].contains(answerPart) {
            return readTrueFalse(block, correct: answerPart.hasPrefix("T"))
        }
        if let arrow {
            error(
                block[arrow].offset,
                "'->' belongs only in a matching question, whose answers are all '=prompt -> match'; add the '=' signs, or write the arrow as '→' if it is text"
            )
            return nil
        }
        if ["t", "true", "f", "false"].contains(answerPart.lowercased()) {
            warning(
                first.offset,
                "'\(answerPart)' is read as a short answer, as Moodle does; write {T}, {TRUE}, {F} or {FALSE} in capitals for a true/false question")
        }
        return readShortAnswer(block)
    }

    /// Reports a `->` in a question that is not a matching question.
    private mutating func rejectArrow(in block: GiftSlice, kind: String) -> Bool {
        guard let arrow = block.firstMarker("->") else { return false }
        error(
            block[arrow].offset,
            "'->' belongs only in a matching question ('=prompt -> match'), not in this \(kind) question; write the arrow as '→' if it is text")
        return true
    }

    private func question(text: String, kind: QuestionKind, generalFeedback: String?) -> Question {
        Question(
            id: id, text: text, generalFeedback: generalFeedback, feedbackIncorrect: feedbackIncorrect,
            kind: kind, category: category,
            location: source.location(ofOffset: questionOffset)
        )
    }
}
