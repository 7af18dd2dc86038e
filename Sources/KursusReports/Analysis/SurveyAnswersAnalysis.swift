import Foundation
import KursusCourse

/// Each survey's answers: per Likert item the distribution, median and diverging split,
/// per free-text item every answer.
///
/// Whose answers: for a survey that is not anonymous, each learner's latest finished
/// attempt (one per learner); for an anonymous survey, each submitted anonymous
/// submission of that unit (a submission cannot be linked to a learner, so a learner who
/// submitted twice counts twice). Submissions begun and never submitted are left out.
///
/// Privacy: a Likert item's counts, median and split are shown only when at least the
/// minimum number of respondents answered that item (they are statistics about those
/// people); free-text answers are listed only when the survey has at least the minimum
/// number of respondents, and then their number is shown too (the list shows it anyway).
enum SurveyAnswersAnalysis {
    /// One section per survey unit, in course order.
    static func sections(
        package: CoursePackage, learners: [LearnerRecord], anonymous: [AnonymousSubmission], teamFiltered: Bool, policy: CellPolicy
    ) -> [SurveySection] {
        SurveyAnalysis.surveyUnits(package).map { unit, quiz in
            let answers: [[String: AnswerRecord]]
            if quiz.anonymous {
                answers = anonymous.filter { $0.unitID == unit.id && $0.submitted }.map(\.answers)
            } else {
                answers = learners.compactMap { SurveyAnalysis.latestFinishedAttempt($0, unitID: unit.id)?.answers }
            }
            return section(
                unitID: unit.id, title: SurveyAnalysis.title(unit, quiz), quiz: quiz, submissions: answers,
                notFilteredByTeam: quiz.anonymous && teamFiltered, policy: quiz.anonymous ? anonymousPolicy(policy) : policy)
        }
    }

    /// The policy for an anonymous survey: the report's minimum, but never below 5.
    ///
    /// An anonymous survey is filtered by week only, and its free-text answers are shown
    /// in full; with a small group the week and the wording can point to the writer. A
    /// trainer who lowers `--minimum` for the named figures (say to 3 for a small team)
    /// does not thereby lower it for the answers learners were promised were anonymous.
    static func anonymousPolicy(_ policy: CellPolicy) -> CellPolicy {
        CellPolicy(minimum: max(policy.minimum, SmallCells.defaultMinimum))
    }

    /// One survey's section from its submissions' answers (one dictionary per respondent).
    static func section(
        unitID: String, title: String, quiz: Quiz, submissions: [[String: AnswerRecord]], notFilteredByTeam: Bool, policy: CellPolicy
    ) -> SurveySection {
        var likert: [LikertItem] = []
        var freeText: [FreeTextItem] = []
        let listed = submissions.count >= policy.minimum
        for question in quiz.questions {
            switch question.kind {
            case .likert(let labels):
                likert.append(likertItem(question, labels: labels, submissions: submissions, policy: policy))
            case .freeText:
                freeText.append(freeTextItem(question, submissions: submissions, listed: listed, policy: policy))
            default:
                continue
            }
        }
        return SurveySection(
            unitID: unitID, title: title, anonymous: quiz.anonymous, respondents: policy.count(submissions.count),
            notFilteredByTeam: notFilteredByTeam, likert: likert, freeText: freeText)
    }

    /// A Likert item: the answers on the scale (answers off the scale, e.g. from a file
    /// whose scale has since been shortened, are not counted), and when at least
    /// `policy.minimum` gave one, the counts per point, the median and the split below,
    /// at and above the middle in percent.
    static func likertItem(_ question: Question, labels: [String], submissions: [[String: AnswerRecord]], policy: CellPolicy) -> LikertItem {
        let points = submissions.compactMap { SurveyAnalysis.likertPoint($0[question.id], points: labels.count) }
        let text = PlainText.oneLine(question.text)
        let shownLabels = labels.map(PlainText.oneLine)
        guard !points.isEmpty, labels.count >= 2, let summary = Likert.summarize(points, scale: 1...labels.count) else {
            return LikertItem(
                questionID: question.id, text: text, labels: shownLabels, answers: policy.count(points.count), counts: nil, median: nil,
                negative: nil, neutral: nil, positive: nil)
        }
        let shown = summary.answers >= policy.minimum
        return LikertItem(
            questionID: question.id, text: text, labels: shownLabels, answers: policy.count(summary.answers),
            counts: shown ? summary.counts : nil, median: summary.median.map { policy.figure($0, groupSize: summary.answers) },
            negative: shown ? summary.diverging.map { $0.negative * 100 } : nil, neutral: shown ? summary.diverging.map { $0.neutral * 100 } : nil,
            positive: shown ? summary.diverging.map { $0.positive * 100 } : nil)
    }

    /// A free-text item: the answers trimmed, empty ones left out, sorted by text so the
    /// order says nothing about who wrote first; listed only when `listed`.
    static func freeTextItem(_ question: Question, submissions: [[String: AnswerRecord]], listed: Bool, policy: CellPolicy) -> FreeTextItem {
        let answers = submissions.compactMap { answers -> String? in
            guard let text = answers[question.id]?.response.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        return FreeTextItem(
            questionID: question.id, text: PlainText.oneLine(question.text),
            answerCount: listed ? .value(answers.count) : policy.count(answers.count), answers: listed ? answers.sorted() : nil)
    }
}
