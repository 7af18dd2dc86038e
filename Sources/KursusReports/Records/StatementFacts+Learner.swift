import Foundation
import KursusCourse
import KursusRecords

/// A learner's own statements, by what they are about and their verb (docs/records.md,
/// "The catalogue"). Each statement is checked in full before the record changes, and
/// the record is changed in place (no copy of a learner's units per statement).
extension StatementFacts {
    /// Puts one statement into the learner's record; anything but `used` leaves the
    /// record as it was.
    static func record(
        _ statement: ScannedStatement, into learner: inout LearnerRecord, place: ActivityPlace, verb: XAPIVerb, time: Date,
        units: [String: CourseUnit]
    ) -> StatementOutcome {
        let seconds = statement.duration.flatMap(StatementTime.seconds)
        switch place {
        case .course:
            switch verb {
            case .initialized: return .used
            case .terminated:
                if let seconds { learner.sessionSeconds += seconds }
                return .used
            default: return .unreadable("a verb Kursus does not send about a course")
            }
        case .unit(let unitID):
            guard let kind = units[unitID]?.kind else { return .notInCourse(unitID: unitID, questionID: nil) }
            return recordUnit(statement, kind: kind, unitID: unitID, into: &learner, verb: verb, time: time, seconds: seconds)
        case .question(let unitID, let questionID):
            guard verb == .answered else { return .unreadable("a verb Kursus does not send about a question") }
            guard let attempt = number(statement.attempt) else { return .unreadable("an answer without a valid attempt number") }
            guard let answer = answer(statement, time: time) else { return .unreadable("an answer without a response") }
            // The latest answer to a question wins (by timestamp, then arrival).
            learner.units[unitID, default: UnitRecord()].attempts[attempt, default: AttemptRecord()].answers[questionID, default: answer]
                .replace(with: answer)
            return .used
        case .node(let unitID, let nodeID):
            guard verb == .answered, units[unitID]?.kind == .scenario else {
                return .unreadable("a verb Kursus does not send about a choice point")
            }
            guard let run = number(statement.run) else { return .unreadable("a scenario choice without a valid run number") }
            guard let response = statement.response, let option = Int(response), option >= 1 else {
                return .unreadable("a scenario choice whose response is not an option number")
            }
            let choice = ChoiceRecord(nodeID: nodeID, option: option, quality: statement.quality, timedOut: statement.timedOut ?? false, at: time)
            learner.units[unitID, default: UnitRecord()].runs[run, default: RunRecord()].insert(choice)
            return .used
        case .otherCourse, .unknown:
            return .unreadable("no activity of the course")
        }
    }

    /// A statement whose object is a unit: opened, a lesson completed, an attempt
    /// submitted, a scenario run ended.
    static func recordUnit(
        _ statement: ScannedStatement, kind: UnitKind, unitID: String, into learner: inout LearnerRecord, verb: XAPIVerb, time: Date,
        seconds: Double?
    ) -> StatementOutcome {
        switch (verb, kind) {
        case (.launched, _):
            learner.units[unitID, default: UnitRecord()].openings.append(time)
        case (.completed, .lesson):
            learner.units[unitID, default: UnitRecord()].completedAt.keepEarliest(time)
        case (.completed, .quiz), (.completed, .survey), (.passed, .quiz), (.failed, .quiz):
            guard let attempt = number(statement.attempt) else { return .unreadable("an attempt without a valid attempt number") }
            let success: Bool? =
                switch verb {
                case .passed: true
                case .failed: false
                default: kind == .quiz ? statement.success : nil
                }
            let finished = FinishedAttempt(at: time, success: success, scaled: kind == .quiz ? statement.scaled : nil, seconds: seconds)
            // The first submission of an attempt stands.
            learner.units[unitID, default: UnitRecord()].attempts[attempt, default: AttemptRecord()].finish(finished)
        case (.completed, .scenario), (.passed, .scenario), (.failed, .scenario):
            guard let run = number(statement.run) else { return .unreadable("a scenario ending without a valid run number") }
            guard let ending = statement.ending, !ending.isEmpty else { return .unreadable("a scenario ending without its ending") }
            let success: Bool? = verb == .passed ? true : verb == .failed ? false : nil
            let record = EndingRecord(nodeID: ending, rating: statement.rating, score: statement.raw, success: success, seconds: seconds, at: time)
            learner.units[unitID, default: UnitRecord()].runs[run, default: RunRecord()].end(record)
        default:
            return .unreadable("a verb Kursus does not send about this kind of unit")
        }
        return .used
    }

    /// An attempt or run number: a whole number from 1 to a billion.
    static func number(_ value: Double?) -> Int? {
        guard let value, value >= 1, value <= 1_000_000_000, value == value.rounded() else { return nil }
        return Int(value)
    }
}

extension AnswerRecord {
    /// Takes `newer`'s place unless this answer is later.
    mutating func replace(with newer: AnswerRecord) {
        if newer.at >= at { self = newer }
    }
}

extension Optional where Wrapped == Date {
    mutating func keepEarliest(_ time: Date) {
        if map({ time < $0 }) ?? true { self = time }
    }
}

extension AttemptRecord {
    /// Notes a submission; the earliest stands.
    mutating func finish(_ submission: FinishedAttempt) {
        if finished.map({ submission.at < $0.at }) ?? true { finished = submission }
    }
}

extension RunRecord {
    /// Adds a choice in the order made: by timestamp, then arrival.
    mutating func insert(_ choice: ChoiceRecord) {
        if let last = choices.last, last.at > choice.at {
            let index = choices.firstIndex { $0.at > choice.at } ?? choices.endIndex
            choices.insert(choice, at: index)
        } else {
            choices.append(choice)
        }
    }

    /// Notes the ending; the earliest stands.
    mutating func end(_ record: EndingRecord) {
        if ending.map({ record.at < $0.at }) ?? true { ending = record }
    }
}
