/// Numbers in GIFT files: weights (`%50%`) and numerical answers (`3.14:0.01`,
/// `1..5`), written with a decimal point as Moodle expects.
enum GiftNumber {
    /// A decimal number: optional sign, digits with an optional fraction, an optional
    /// exponent. No hex, no `inf`/`nan`, no thousands separators.
    static func parse(_ text: String) -> Double? {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func digits() -> Int {
            let start = index
            while index < scalars.count, scalars[index].value >= 0x30 && scalars[index].value <= 0x39 { index += 1 }
            return index - start
        }
        if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
        var count = digits()
        if index < scalars.count, scalars[index] == "." {
            index += 1
            count += digits()
        }
        guard count > 0 else { return nil }
        if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
            index += 1
            if index < scalars.count, scalars[index] == "+" || scalars[index] == "-" { index += 1 }
            guard digits() > 0 else { return nil }
        }
        guard index == scalars.count, let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// A hint for numbers written with a decimal comma.
    static func commaHint(_ text: String) -> String {
        text.contains(",") ? " (use a decimal point, not a comma)" : ""
    }

    /// `50`, `33.5`: whole numbers without a fraction.
    static func format(_ value: Double) -> String {
        if value == value.rounded() && abs(value) < 1e15 { return String(Int(value)) }
        return String(value)
    }
}

extension GiftQuestionReader {
    /// `{#3.14:0.01}`, `{#1..5}`, `{#=%100%3:0 =%50%3:1#feedback ~#other numbers}`.
    mutating func readNumeric(_ afterHash: GiftSlice) -> QuestionKind? {
        var body = afterHash
        if let tilde = body.firstMarker("~") {
            let other = body[(tilde + 1)...]
            if let hash = other.firstMarker("#") {
                feedbackIncorrect = optionalMarkdown(other[(hash + 1)...])
            } else if !other.trimmedGift().isEmpty {
                warning(body[tilde].offset, "feedback for any other number is written '~#feedback'; the text after '~' is ignored")
            }
            body = body[..<tilde]
        }
        var numeric: [NumericAnswer] = []
        var failed = false
        for piece in answers(in: body, split: ["="]) {
            guard let parts = answerParts(piece.body, marker: piece.marker) else {
                failed = true
                continue
            }
            let raw = parts.text.trimmedGift().giftString
            guard let target = numericTarget(raw, at: parts.text.trimmedGift().first?.offset ?? parts.offset) else {
                failed = true
                continue
            }
            numeric.append(
                NumericAnswer(
                    target: target, weightPercent: parts.weight ?? 100, feedback: optionalMarkdown(parts.feedback),
                    location: source.location(ofOffset: parts.offset)
                ))
        }
        if failed { return nil }
        guard !numeric.isEmpty else {
            error(blockOffset, "a numerical question needs an answer after '#', such as {#3.14:0.01} or {#1..5}")
            return nil
        }
        guard checkBest(numeric.map(\.weightPercent)) else { return nil }
        return .numeric(numeric)
    }

    /// `min..max`, `value:tolerance` or `value`.
    private mutating func numericTarget(_ raw: String, at offset: Int) -> NumericTarget? {
        func number(_ text: Substring, _ what: String) -> Double? {
            let trimmed = String(text).trimmingGiftSpace()
            guard let value = GiftNumber.parse(trimmed) else {
                error(offset, "the \(what) '\(trimmed)' is not a number; write numbers such as 3.14 or -2\(GiftNumber.commaHint(trimmed))")
                return nil
            }
            return value
        }
        if let range = raw.range(of: ".."), range.lowerBound > raw.startIndex {
            guard let low = number(raw[..<range.lowerBound], "lower bound"),
                let high = number(raw[range.upperBound...], "upper bound")
            else { return nil }
            guard low <= high else {
                error(
                    offset,
                    "the range \(raw) starts above where it ends; write the smaller number first, as \(GiftNumber.format(high))..\(GiftNumber.format(low))"
                )
                return nil
            }
            return .range(low...high)
        }
        if let colon = raw.firstIndex(of: ":"), colon > raw.startIndex {
            guard let value = number(raw[..<colon], "answer"),
                let tolerance = number(raw[raw.index(after: colon)...], "tolerance")
            else { return nil }
            return .value(value, tolerance: abs(tolerance))
        }
        guard let value = number(raw[...], "answer") else { return nil }
        return .value(value, tolerance: 0)
    }
}
