import Foundation

/// Authoring rules for quizzes and lessons across a whole course, reported by `kursus
/// validate` as warnings (docs/quiz-format.md, "Quality warnings"); each language's
/// files are checked on their own:
/// - every option of a scored choice or true/false question has its own feedback, the
///   correct one included;
/// - in each quiz, the correct option is the longest one (strictly, by characters) in at
///   most a third of the single-choice questions;
/// - no scored question's text (lower case, letters and digits only) appears twice in the
///   course's quizzes;
/// - a lesson's `minutes` is within 2 minutes or 50 % of its words / 150.
enum QuizRules {
    /// Reading speed used for the reading-time check, in words a minute.
    static let wordsPerMinute = 150

    static func diagnostics(in package: CoursePackage) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for language in package.course.languages {
            guard let content = package.contents[language] else { continue }
            var firstText: [String: (unit: String, question: Question)] = [:]
            for unit in package.course.allUnits {
                if let lesson = content.lessons[unit.id], let warning = readingTime(lesson) { found.append(warning) }
                guard unit.kind == .quiz, let quiz = content.quizzes[unit.id] else { continue }
                for question in quiz.questions where question.isScored {
                    if let missing = missingFeedback(question) { found.append(missing) }
                    let key = normalized(question.text)
                    guard !key.isEmpty else { continue }
                    if let first = firstText[key] {
                        found.append(
                            .warning(
                                question.location,
                                "question '\(question.id)' asks the same as question '\(first.question.id)' of unit '\(first.unit)' (\(first.question.location)); no question should repeat in the course"
                            ))
                    } else {
                        firstText[key] = (unit.id, question)
                    }
                }
                if let longest = longestCorrect(quiz) { found.append(longest) }
            }
        }
        return found
    }

    /// The options of a scored question that have no feedback of their own.
    static func missingFeedback(_ question: Question) -> Diagnostic? {
        let blank = { (text: String?) in (text ?? "").allSatisfy(\.isWhitespace) }
        let missing: [String]
        switch question.kind {
        case .singleChoice(let options), .multipleResponse(let options):
            missing = options.enumerated().filter { blank($0.element.feedback) }.map { "\($0.offset + 1)" }
        case .trueFalse(_, let onTrue, let onFalse):
            missing = [blank(onTrue) ? "true" : nil, blank(onFalse) ? "false" : nil].compactMap { $0 }
        default:
            return nil
        }
        guard !missing.isEmpty else { return nil }
        let word = missing.count == 1 ? "option" : "options"
        return .warning(
            question.location,
            "question '\(question.id)': \(word) \(missing.joined(separator: ", ")) \(missing.count == 1 ? "has" : "have") no feedback; give every option its own feedback (why it is right or not), the correct one included"
        )
    }

    /// A quiz where the correct option is the longest in more than a third of its
    /// single-choice questions, naming them.
    static func longestCorrect(_ quiz: Quiz) -> Diagnostic? {
        var singles = 0
        var longest: [String] = []
        for question in quiz.questions {
            guard case .singleChoice(let options) = question.kind, options.count > 1 else { continue }
            singles += 1
            let lengths = options.map { $0.text.trimmedForComparison.count }
            guard let best = options.indices.max(by: { options[$0].weightPercent < options[$1].weightPercent }),
                options[best].weightPercent > 0
            else { continue }
            if lengths.indices.allSatisfy({ $0 == best || lengths[$0] < lengths[best] }) { longest.append(question.id) }
        }
        guard longest.count * 3 > singles else { return nil }
        return .warning(
            quiz.location,
            "the correct option is the longest in \(longest.count) of \(singles) single-choice questions (\(longest.map { "'\($0)'" }.joined(separator: ", "))); at most a third (\(singles / 3)) may be, or the length gives the answer away"
        )
    }

    /// A lesson whose `minutes` is far from its words / 150: off by more than 2 minutes
    /// and by more than half of the expected time.
    static func readingTime(_ lesson: LessonShape) -> Diagnostic? {
        guard let minutes = lesson.minutes, let words = lesson.words else { return nil }
        let expected = max(1, Int((Double(words) / Double(wordsPerMinute)).rounded()))
        let off = abs(minutes - expected)
        guard off > 2, Double(off) > Double(expected) / 2 else { return nil }
        return .warning(
            lesson.location,
            "'minutes: \(minutes)' is far from the reading time of its \(words) words (about \(expected) at \(wordsPerMinute) words a minute); write 'minutes: \(expected)'"
        )
    }

    /// A question's text compared across the course: lower case, letters and digits, one space between words.
    static func normalized(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.lowercased().unicodeScalars {
            guard ScalarSets.isAlphanumeric(scalar.value) else {
                space = !bytes.isEmpty
                continue
            }
            if space {
                bytes.append(UInt8(ascii: " "))
                space = false
            }
            UTF8.encode(scalar) { bytes.append($0) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
