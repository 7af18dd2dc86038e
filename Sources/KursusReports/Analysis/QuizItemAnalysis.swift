import Foundation
import KursusCourse

/// Item analysis of the quizzes (docs/reports.md, "Quiz items"), after Moodle's quiz
/// statistics: every learner's **first finished attempt** (the lowest attempt number that
/// was submitted) is analysed, as Moodle's default "first attempt" setting does, so a
/// question's figures describe learners meeting it for the first time rather than
/// learners who retried until they knew the answers. Surveys are not item-analysed.
///
/// Per question, over the first attempts that answered it:
/// - facility: the mean share of the question's credit earned (`score.scaled`), × 100;
/// - discrimination: Moodle's discrimination index (`ItemAnalysis.item`), the
///   correlation × 100 of the question's mark (scaled × weight) with the mark on the rest
///   of the attempt (the other questions' marks);
/// - options (single, multiple, true-false): how many learners chose each, the correct
///   ones being those with full credit (single), positive weight (multiple), or the
///   answer (true-false).
///
/// Figures over fewer than the policy's minimum learners are hidden, and such questions
/// get no flags.
enum QuizItemAnalysis {
    static func sections(package: CoursePackage, learners: [LearnerRecord], policy: CellPolicy) -> [QuizItemsSection] {
        package.course.allUnits.filter { $0.kind == .quiz }.map { unit in
            section(unit: unit, quiz: package.quizzes[unit.id], learners: learners, policy: policy)
        }
    }

    static func section(unit: CourseUnit, quiz: Quiz?, learners: [LearnerRecord], policy: CellPolicy) -> QuizItemsSection {
        var firsts: [(answers: [String: AnswerRecord], finished: FinishedAttempt)] = []
        var allAttempts = 0
        var judged = 0
        var passedAny = 0
        for learner in learners {
            guard let record = learner.units[unit.id] else { continue }
            let finished = record.attempts.compactMap { number, attempt in attempt.finished.map { (number, attempt.answers, $0) } }
                .sorted { $0.0 < $1.0 }
            guard let first = finished.first else { continue }
            firsts.append((first.1, first.2))
            allAttempts += finished.count
            if finished.contains(where: { $0.2.success != nil }) { judged += 1 }
            if finished.contains(where: { $0.2.success == true }) { passedAny += 1 }
        }
        let scores = firsts.compactMap { $0.finished.scaled.map { $0 * 100 } }
        let verdicts = firsts.compactMap(\.finished.success)
        let questions = (quiz?.questions ?? []).filter(\.kind.takesAnswer)
        let attempts = firsts.map(\.answers)
        let weightedSums = weightedSums(attempts, questions: questions)
        return QuizItemsSection(
            unitID: unit.id, title: unit.title, attempts: policy.count(firsts.count), allAttempts: policy.count(allAttempts),
            meanScore: Descriptive.mean(scores).map { policy.figure($0, groupSize: scores.count) },
            firstAttemptPassRate: verdicts.isEmpty
                ? nil : policy.figure(100 * Double(verdicts.filter { $0 }.count) / Double(verdicts.count), groupSize: verdicts.count),
            passRate: judged == 0 ? nil : policy.figure(100 * Double(passedAny) / Double(judged), groupSize: judged),
            questions: questions.map { itemRow($0, attempts: attempts, weightedSums: weightedSums, policy: policy) })
    }

    /// The mark a question's answer earned: its share of the credit times the question's
    /// weight (times 1 for a question of weight 0, so it still has a range of its own).
    static func mark(_ answer: AnswerRecord?, _ question: Question) -> Double? {
        guard question.isScored, let scaled = answer?.scaled, scaled.isFinite else { return nil }
        return min(1, max(0, scaled)) * markRange(question)
    }

    static func markRange(_ question: Question) -> Double {
        question.weight.isFinite && question.weight > 0 ? question.weight : 1
    }

    /// The marks of the questions with weight, added up, per attempt: an attempt's total,
    /// from which each question's "rest of the attempt" is this minus its own mark.
    static func weightedSums(_ attempts: [[String: AnswerRecord]], questions: [Question]) -> [Double] {
        attempts.map { answers in
            questions.reduce(0.0) { sum, question in
                guard question.weight > 0 else { return sum }
                return sum + (mark(answers[question.id], question) ?? 0)
            }
        }
    }

    static func itemRow(_ question: Question, attempts: [[String: AnswerRecord]], weightedSums: [Double], policy: CellPolicy) -> ItemRow {
        var answering: [[String: AnswerRecord]] = []
        var itemMarks: [Double] = []
        var totals: [Double] = []
        for (index, answers) in attempts.enumerated() {
            guard let answer = answers[question.id] else { continue }
            answering.append(answers)
            guard let item = mark(answer, question) else { continue }
            // The rest of the attempt: the other questions' marks (weight-0 questions add none).
            let rest = weightedSums[index] - (question.weight > 0 ? item : 0)
            itemMarks.append(item)
            totals.append(item + rest)
        }
        let scored = itemMarks.count
        let stats = scored > 0 ? ItemAnalysis.item(itemMarks: itemMarks, totalMarks: totals, maximumMark: markRange(question)) : nil
        let facility: ReportCell<Double>? = stats?.facility.map { policy.figure($0, groupSize: scored) }
        let discrimination: ReportCell<Double>? =
            scored == 0 ? nil : scored < policy.minimum ? .belowMinimum(policy.minimum) : stats?.discriminationIndex.map { .value($0) }
        let choices = QuizOptionTally(question: question, responses: answering.compactMap { $0[question.id]?.response })
        let options = choices.map { $0.rows(answered: answering.count, policy: policy) }

        var kinds = Set<ItemFlagKind>()
        if let stats, scored >= policy.minimum {
            for flag in ItemAnalysis.flags(for: stats) { kinds.insert(flagKind(flag)) }
        }
        if let choices, answering.count >= policy.minimum {
            for flag in ItemAnalysis.optionFlags(choices.counts) { kinds.insert(flagKind(flag)) }
        }
        return ItemRow(
            questionID: question.id, text: PlainText.oneLine(question.text), kind: kindName(question.kind),
            answered: policy.count(answering.count), facility: facility, discrimination: discrimination, options: options,
            flags: ItemFlagKind.allCases.filter(kinds.contains))
    }

    static func flagKind(_ flag: ItemFlag) -> ItemFlagKind {
        switch flag {
        case .tooEasy: .tooEasy
        case .tooHard: .tooHard
        case .negativeDiscrimination: .negativeDiscrimination
        case .distractorNeverPicked: .unusedDistractor
        case .distractorPickedMoreThanCorrect: .distractorBeatsKey
        }
    }

    /// The quiz file's `type:` of a question.
    static func kindName(_ kind: QuestionKind) -> String {
        switch kind {
        case .singleChoice: "single"
        case .multipleResponse: "multiple"
        case .trueFalse: "true-false"
        case .shortAnswer: "short"
        case .numeric: "numeric"
        case .matching: "matching"
        case .ordering: "ordering"
        case .likert: "likert"
        case .freeText: "text"
        case .description: "description"
        }
    }
}
