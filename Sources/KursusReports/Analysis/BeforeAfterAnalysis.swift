import Foundation
import KursusCourse

/// Before and after: a survey with `compare-with` (the later one) against the survey it
/// names (the earlier one), item by item, for the learners who answered both.
///
/// Decisions, as docs/reports.md explains them to trainers:
/// - **Which answers.** Each learner's latest finished attempt of each survey (as the
///   player's own comparison shows it). An attempt never submitted does not count.
/// - **Which items pair.** The same question id in both files, as the player pairs them
///   (`QuizPagesView.comparison` looks up the earlier answer by the later question's id).
///   Only numbers compare: two Likert questions with the same number of points (the
///   point's number, 1 for the lowest label), or two numeric questions. A question whose
///   id is missing from the earlier survey, or of another kind or scale, is left out.
///   Items follow the later survey's order.
/// - **Rows.** Per item, every learner first (team nil), then each team in sorted
///   order. Learners without a team count in the first row only: there is no "no team"
///   row, since nil already means everyone.
/// - **Privacy.** A row with fewer pairs than the minimum shows no statistics, and its
///   counts go through the policy ("< 5"). An anonymous survey on either side is never
///   paired: its answers are not linked to learners, so the section has no items.
enum BeforeAfterAnalysis {
    /// One section per survey unit with `compare-with`, in course order.
    static func sections(package: CoursePackage, learners: [LearnerRecord], policy: CellPolicy) -> [BeforeAfterSection] {
        SurveyAnalysis.surveyUnits(package).compactMap { later in
            guard let earlierID = later.quiz.compareWith, earlierID != later.unit.id,
                let earlierUnit = package.course.unit(withID: earlierID), let earlier = package.quizzes[earlierID]
            else { return nil }
            let anonymous = earlier.anonymous || later.quiz.anonymous
            return BeforeAfterSection(
                beforeUnitID: earlierID, beforeTitle: SurveyAnalysis.title(earlierUnit, earlier), afterUnitID: later.unit.id,
                afterTitle: SurveyAnalysis.title(later.unit, later.quiz), anonymous: anonymous,
                items: anonymous
                    ? []
                    : items(
                        earlier: (earlierID, earlier), later: (later.unit.id, later.quiz), learners: learners, policy: policy))
        }
    }

    /// The pairs of questions that compare: (earlier, later), in the later file's order.
    static func pairedQuestions(earlier: Quiz, later: Quiz) -> [(before: Question, after: Question)] {
        later.questions.compactMap { after in
            guard let before = earlier.question(withID: after.id) else { return nil }
            switch (before.kind, after.kind) {
            case (.likert(let beforeScale), .likert(let afterScale)) where beforeScale.count == afterScale.count && afterScale.count >= 2:
                return (before, after)
            case (.numeric, .numeric):
                return (before, after)
            default:
                return nil
            }
        }
    }

    /// Every paired item's rows: everyone, then each team.
    static func items(
        earlier: (id: String, quiz: Quiz), later: (id: String, quiz: Quiz), learners: [LearnerRecord], policy: CellPolicy
    ) -> [PairedItem] {
        let questions = pairedQuestions(earlier: earlier.quiz, later: later.quiz)
        guard !questions.isEmpty else { return [] }
        let attempts = learners.map { learner in
            (
                team: team(of: learner), before: SurveyAnalysis.latestFinishedAttempt(learner, unitID: earlier.id),
                after: SurveyAnalysis.latestFinishedAttempt(learner, unitID: later.id)
            )
        }
        let teams = Set(attempts.compactMap(\.team)).sorted()
        var items: [PairedItem] = []
        for (before, after) in questions {
            let observations = attempts.map { learner in
                (
                    team: learner.team, before: SurveyAnalysis.number(learner.before?.answers[before.id], question: before),
                    after: SurveyAnalysis.number(learner.after?.answers[after.id], question: after)
                )
            }
            let text = PlainText.oneLine(after.text)
            let everyone = observations.map { (before: $0.before, after: $0.after) }
            items.append(row(questionID: after.id, text: text, team: nil, observations: everyone, policy: policy))
            for team in teams {
                let members = observations.filter { $0.team == team }.map { (before: $0.before, after: $0.after) }
                items.append(row(questionID: after.id, text: text, team: team, observations: members, policy: policy))
            }
        }
        return items
    }

    /// The learner's team; an empty or blank team is no team.
    static func team(of learner: LearnerRecord) -> String? {
        guard let team = learner.team, !team.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return nil }
        return team
    }

    /// One row: the counts, and the statistics when there are at least `policy.minimum`
    /// pairs. `observations` has one entry per learner, nil where a side is missing.
    static func row(
        questionID: String, text: String, team: String?, observations: [(before: Double?, after: Double?)], policy: CellPolicy
    ) -> PairedItem {
        let pairs = Paired.completePairs(observations)
        let onlyBefore = observations.filter { $0.before != nil && $0.after == nil }.count
        let onlyAfter = observations.filter { $0.before == nil && $0.after != nil }.count
        let shown = !pairs.isEmpty && pairs.count >= policy.minimum
        return PairedItem(
            questionID: questionID, text: text, team: team, pairs: policy.count(pairs.count), onlyBefore: policy.count(onlyBefore),
            onlyAfter: policy.count(onlyAfter), statistics: shown ? statistics(observations) : nil)
    }

    /// Means, the mean change with its 95 % t interval (`Paired.compare`), and the
    /// two-sided Wilcoxon signed-rank test (exact up to 25 non-zero differences, ties
    /// included as the exact conditional distribution; normal approximation above) with
    /// its effect size r. The interval is nil without spread (fewer than two pairs, or
    /// every change the same); the test and r are nil when every change is zero.
    static func statistics(_ observations: [(before: Double?, after: Double?)]) -> PairedStatistics? {
        guard let comparison = Paired.compare(observations, level: 0.95) else { return nil }
        let spread = (comparison.changeStandardDeviation ?? 0) > 0
        let interval = spread ? comparison.meanChangeInterval : nil
        let test = WilcoxonSignedRank.test(observations).flatMap { $0.rankedDifferences > 0 ? $0 : nil }
        let method: String? =
            switch test?.pValueMethod {
            case .exact?: "exact"
            case .normalApproximation?: "normal"
            case nil: nil
            }
        return PairedStatistics(
            meanBefore: comparison.meanBefore, meanAfter: comparison.meanAfter, meanChange: comparison.meanChange,
            changeLower: interval?.lower, changeUpper: interval?.upper, wilcoxonP: test?.pValue, wilcoxonMethod: method,
            effectSize: test?.effectSize)
    }
}
