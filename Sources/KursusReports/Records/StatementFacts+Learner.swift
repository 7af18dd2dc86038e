import Foundation
import KursusCourse
import KursusRecords

/// A learner's own statements, by what they are about and their verb (docs/records.md,
/// "The catalogue").
extension StatementFacts {
    /// Puts one statement into the learner's record; anything but `used` leaves the
    /// record as it was.
    func record(_ statement: ScannedStatement, into learner: inout LearnerRecord, place: ActivityPlace, verb: XAPIVerb, time: Date)
        -> StatementOutcome
    {
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
            guard let attempt = Self.number(statement.attempt) else { return .unreadable("an answer without a valid attempt number") }
            guard let answer = Self.answer(statement, time: time) else { return .unreadable("an answer without a response") }
            var unit = learner.units[unitID] ?? UnitRecord()
            var record = unit.attempts[attempt] ?? AttemptRecord()
            // The latest answer to a question wins (by timestamp, then arrival).
            if record.answers[questionID].map({ $0.at <= time }) ?? true { record.answers[questionID] = answer }
            unit.attempts[attempt] = record
            learner.units[unitID] = unit
            return .used
        case .node(let unitID, let nodeID):
            guard verb == .answered, units[unitID]?.kind == .scenario else {
                return .unreadable("a verb Kursus does not send about a choice point")
            }
            guard let run = Self.number(statement.run) else { return .unreadable("a scenario choice without a valid run number") }
            guard let response = statement.response, let option = Int(response), option >= 1 else {
                return .unreadable("a scenario choice whose response is not an option number")
            }
            let choice = ChoiceRecord(nodeID: nodeID, option: option, quality: statement.quality, timedOut: statement.timedOut ?? false, at: time)
            var unit = learner.units[unitID] ?? UnitRecord()
            var record = unit.runs[run] ?? RunRecord()
            // In the order made: by timestamp, then arrival.
            let index = record.choices.firstIndex { $0.at > time } ?? record.choices.endIndex
            record.choices.insert(choice, at: index)
            unit.runs[run] = record
            learner.units[unitID] = unit
            return .used
        case .otherCourse, .unknown:
            return .unreadable("no activity of the course")
        }
    }

    /// A statement whose object is a unit: opened, a lesson completed, an attempt
    /// submitted, a scenario run ended.
    func recordUnit(
        _ statement: ScannedStatement, kind: UnitKind, unitID: String, into learner: inout LearnerRecord, verb: XAPIVerb, time: Date,
        seconds: Double?
    ) -> StatementOutcome {
        var unit = learner.units[unitID] ?? UnitRecord()
        switch (verb, kind) {
        case (.launched, _):
            unit.openings.append(time)
        case (.completed, .lesson):
            if unit.completedAt.map({ time < $0 }) ?? true { unit.completedAt = time }
        case (.completed, .quiz), (.completed, .survey), (.passed, .quiz), (.failed, .quiz):
            guard let attempt = Self.number(statement.attempt) else { return .unreadable("an attempt without a valid attempt number") }
            let success: Bool? =
                switch verb {
                case .passed: true
                case .failed: false
                default: kind == .quiz ? statement.success : nil
                }
            let finished = FinishedAttempt(at: time, success: success, scaled: kind == .quiz ? statement.scaled : nil, seconds: seconds)
            var record = unit.attempts[attempt] ?? AttemptRecord()
            // The first submission of an attempt stands.
            if record.finished.map({ time < $0.at }) ?? true { record.finished = finished }
            unit.attempts[attempt] = record
        case (.completed, .scenario), (.passed, .scenario), (.failed, .scenario):
            guard let run = Self.number(statement.run) else { return .unreadable("a scenario ending without a valid run number") }
            guard let ending = statement.ending, !ending.isEmpty else { return .unreadable("a scenario ending without its ending") }
            let success: Bool? = verb == .passed ? true : verb == .failed ? false : nil
            var record = unit.runs[run] ?? RunRecord()
            if record.ending.map({ time < $0.at }) ?? true {
                record.ending = EndingRecord(
                    nodeID: ending, rating: statement.rating, score: statement.raw, success: success, seconds: seconds, at: time)
            }
            unit.runs[run] = record
        default:
            return .unreadable("a verb Kursus does not send about this kind of unit")
        }
        learner.units[unitID] = unit
        return .used
    }

    /// An attempt or run number: a whole number from 1 to a billion.
    static func number(_ value: Double?) -> Int? {
        guard let value, value >= 1, value <= 1_000_000_000, value == value.rounded() else { return nil }
        return Int(value)
    }
}
