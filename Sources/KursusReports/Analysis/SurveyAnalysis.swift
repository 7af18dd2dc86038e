import Foundation
import KursusCourse

/// The survey figures of a report: before and after (`compare-with`) and each survey's
/// answers (docs/reports.md).
enum SurveyAnalysis {
    /// One section per survey with `compare-with`, in course order. `learners` are the
    /// report's learners (already filtered by team and time).
    static func beforeAfter(package: CoursePackage, learners: [LearnerRecord], policy: CellPolicy) -> [BeforeAfterSection] {
        BeforeAfterAnalysis.sections(package: package, learners: learners, policy: policy)
    }

    /// One section per survey unit, in course order. `anonymous` holds the anonymous
    /// submissions inside the time filter; `teamFiltered` says `--team` was given.
    static func surveys(
        package: CoursePackage, learners: [LearnerRecord], anonymous: [AnonymousSubmission], teamFiltered: Bool, policy: CellPolicy
    ) -> [SurveySection] {
        SurveyAnswersAnalysis.sections(package: package, learners: learners, anonymous: anonymous, teamFiltered: teamFiltered, policy: policy)
    }

    /// The survey units of the course that have a loaded quiz file, in course order.
    static func surveyUnits(_ package: CoursePackage) -> [(unit: CourseUnit, quiz: Quiz)] {
        package.course.allUnits.compactMap { unit in
            guard unit.kind == .survey, let quiz = package.quizzes[unit.id] else { return nil }
            return (unit, quiz)
        }
    }

    /// The unit's title as the manifest gives it, else the quiz file's, else its id.
    static func title(_ unit: CourseUnit, _ quiz: Quiz?) -> String {
        for candidate in [unit.title, quiz?.title ?? ""] {
            let line = PlainText.oneLine(candidate)
            if !line.isEmpty { return line }
        }
        return unit.id
    }

    /// The learner's latest finished attempt at a unit: the highest attempt number that
    /// was submitted. An attempt begun and never submitted is not counted.
    static func latestFinishedAttempt(_ learner: LearnerRecord, unitID: String) -> AttemptRecord? {
        guard let attempts = learner.units[unitID]?.attempts else { return nil }
        return attempts.filter { $0.value.finished != nil }.max { $0.key < $1.key }?.value
    }

    /// A Likert answer as the point's number, 1 for the lowest label (`result.response`
    /// carries the point's id, docs/records.md); nil when it is not a point of a scale
    /// with `points` points.
    static func likertPoint(_ answer: AnswerRecord?, points: Int) -> Int? {
        guard let answer, let point = Int(answer.response.trimmingCharacters(in: .whitespaces)), point >= 1, point <= points else {
            return nil
        }
        return point
    }

    /// The answer as a number for a before/after comparison: a Likert point (1 for the
    /// lowest label) or a numeric answer. Nil for any other kind, or an answer that is
    /// not a finite number on the question's scale.
    static func number(_ answer: AnswerRecord?, question: Question) -> Double? {
        switch question.kind {
        case .likert(let scale):
            return likertPoint(answer, points: scale.count).map(Double.init)
        case .numeric:
            guard let answer, let value = Double(answer.response.trimmingCharacters(in: .whitespaces)), value.isFinite else { return nil }
            return value
        default:
            return nil
        }
    }
}
