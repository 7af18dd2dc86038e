import Foundation

@testable import KursusReports

/// The quiz, survey and scenario sections of `SampleReport`, and the whole report.
extension SampleReport {
    static let quiz = QuizItemsSection(
        unitID: "quiz-1", title: "Quiz: de fem situationer", attempts: .value(68), allAttempts: .value(91), meanScore: .value(74.6),
        firstAttemptPassRate: .value(63.2), passRate: .value(89.7),
        questions: [
            ItemRow(
                questionID: "q1", text: "Hvornår skal du udføre håndhygiejne før patientkontakt?", kind: "single", answered: .value(68),
                facility: .value(94.1), discrimination: .value(12.4),
                options: [
                    OptionRow(optionID: "1", text: "Lige før du rører patienten", correct: true, chosen: .value(64), share: .value(94.1)),
                    OptionRow(optionID: "2", text: "Når du kommer ind på stuen", correct: false, chosen: hidden, share: hiddenShare),
                    OptionRow(optionID: "3", text: "Kun hvis hænderne er synligt snavsede", correct: false, chosen: .value(0), share: .value(0)),
                ], flags: [.tooEasy, .unusedDistractor]),
            ItemRow(
                questionID: "q2", text: "Hvor længe skal hånddesinfektion gnides ind?", kind: "single", answered: .value(68),
                facility: .value(38.2), discrimination: .value(-8.5),
                options: [
                    OptionRow(optionID: "1", text: "5 sekunder", correct: false, chosen: .value(6), share: .value(8.8)),
                    OptionRow(
                        optionID: "2", text: "Til hænderne er tørre, mindst 30 sekunder", correct: true, chosen: .value(26), share: .value(38.2)),
                    OptionRow(optionID: "3", text: "Præcis 10 sekunder", correct: false, chosen: .value(36), share: .value(52.9)),
                ], flags: [.negativeDiscrimination, .distractorBeatsKey]),
            ItemRow(
                questionID: "q3", text: "Skriv hvorfor ringe ikke må bæres", kind: "short", answered: .value(67), facility: .value(61.2),
                discrimination: .value(41.7), options: nil, flags: []),
        ])

    static let beforeAfter = BeforeAfterSection(
        beforeUnitID: "foer", beforeTitle: "Før kurset", afterUnitID: "efter", afterTitle: "Efter kurset", anonymous: false,
        items: [
            PairedItem(
                questionID: "tryg", text: "Jeg føler mig tryg ved de fem situationer", team: nil, pairs: .value(48), onlyBefore: .value(9),
                onlyAfter: hidden,
                statistics: PairedStatistics(
                    meanBefore: 2.85, meanAfter: 3.9, meanChange: 1.05, changeLower: 0.82, changeUpper: 1.28, wilcoxonP: 0.0000021,
                    wilcoxonMethod: "normal", effectSize: 0.68)),
            PairedItem(
                questionID: "tryg", text: "Jeg føler mig tryg ved de fem situationer", team: "Afsnit A", pairs: .value(18),
                onlyBefore: hidden, onlyAfter: .value(0),
                statistics: PairedStatistics(
                    meanBefore: 2.9, meanAfter: 3.7, meanChange: 0.8, changeLower: 0.41, changeUpper: 1.19, wilcoxonP: 0.0021,
                    wilcoxonMethod: "normal", effectSize: 0.51)),
            PairedItem(
                questionID: "tryg", text: "Jeg føler mig tryg ved de fem situationer", team: "Afsnit C", pairs: hidden,
                onlyBefore: hidden, onlyAfter: .value(0), statistics: nil),
            PairedItem(
                questionID: "viden", text: "Jeg ved hvornår handsker er nødvendige", team: nil, pairs: .value(12), onlyBefore: .value(0),
                onlyAfter: .value(0),
                statistics: PairedStatistics(
                    meanBefore: 3.5, meanAfter: 3.25, meanChange: -0.25, changeLower: -0.71, changeUpper: 0.21, wilcoxonP: 0.3125,
                    wilcoxonMethod: "exact", effectSize: -0.29)),
        ])

    static let survey = SurveySection(
        unitID: "evaluering", title: "Evaluering", anonymous: true, respondents: .value(50), notFilteredByTeam: false,
        likert: [
            LikertItem(
                questionID: "relevant", text: "Kurset var relevant for mit arbejde",
                labels: ["Meget uenig", "Uenig", "Hverken eller", "Enig", "Meget enig"], answers: .value(50), counts: [2, 3, 5, 22, 18],
                median: .value(4), negative: 10, neutral: 10, positive: 80),
            LikertItem(
                questionID: "tid", text: "Der var tid nok til kurset i min vagt",
                labels: ["Meget uenig", "Uenig", "Hverken eller", "Enig", "Meget enig"], answers: .value(48), counts: [10, 14, 8, 12, 4],
                median: .value(2.5), negative: 50, neutral: 16.7, positive: 33.3),
            LikertItem(
                questionID: "anbefal", text: "Jeg vil anbefale kurset", labels: ["Nej", "Måske", "Ja"], answers: hidden, counts: nil,
                median: .belowMinimum(5), negative: nil, neutral: nil, positive: nil),
        ],
        freeText: [
            FreeTextItem(
                questionID: "bedst", text: "Hvad var bedst?", answerCount: .value(6),
                answers: [
                    "Scenariet med stuegangen var realistisk.",
                    "De korte quizzer.\nOg at man kunne tage det i sit eget tempo.",
                    "Godt med eksempler fra vores eget afsnit; det gjorde det lettere at se, hvor vi selv glemmer hånddesinfektion i en travl vagt.",
                    "Quizzen",
                    "Semmelweis-historien",
                    "Tydelige billeder",
                ]),
            FreeTextItem(questionID: "andet", text: "Andet?", answerCount: hidden, answers: nil),
        ])

    static let scenario = ScenarioSection(
        unitID: "scenarie", title: "Scenarie: stuegang", runs: .value(81), learners: .value(55), unfinishedRuns: 9, meanScore: .value(6.4),
        maximumScore: 10, passRate: .value(59.3), meanRetries: .value(0.47), learnersWhoRetried: .value(21),
        endings: [
            EndingRow(nodeID: "godt", text: "Patienten får ingen infektion", rating: "good", runs: .value(48), share: .value(59.3)),
            EndingRow(nodeID: "blandet", text: "En kollega retter dig", rating: "mixed", runs: .value(29), share: .value(35.8)),
            EndingRow(nodeID: "daarligt", text: "Smitte på stuen", rating: "poor", runs: hidden, share: hiddenShare),
        ],
        choicePoints: [
            ChoicePointRow(
                nodeID: "doer", prompt: "Du står i døren til stuen. Hvad gør du først?", answers: .value(81),
                options: [
                    ChoiceOptionRow(number: 1, text: "Hånddesinfektion", quality: "good", chosen: .value(52), share: .value(64.2)),
                    ChoiceOptionRow(number: 2, text: "Tager handsker på", quality: "mixed", chosen: .value(17), share: .value(21.0)),
                    ChoiceOptionRow(number: 3, text: "Går direkte hen til patienten", quality: "poor", chosen: .value(6), share: .value(7.4)),
                ], timedOut: .value(6), timedOutShare: .value(7.4)),
            ChoicePointRow(
                nodeID: "kateter", prompt: "Kateteret skal tømmes.", answers: .value(75),
                options: [
                    ChoiceOptionRow(
                        number: 1, text: "Handsker og bagefter hånddesinfektion", quality: "good", chosen: .value(60), share: .value(80.0)),
                    ChoiceOptionRow(number: 2, text: "Bare handsker", quality: "poor", chosen: .value(15), share: .value(20.0)),
                ], timedOut: nil, timedOutShare: nil),
        ],
        commonPoorChoices: [
            PoorChoice(nodeID: "kateter", prompt: "Kateteret skal tømmes.", number: 2, text: "Bare handsker", chosen: .value(15)),
            PoorChoice(
                nodeID: "doer", prompt: "Du står i døren til stuen. Hvad gør du først?", number: 3, text: "Går direkte hen til patienten",
                chosen: .value(6)),
        ])

    /// The whole sample report.
    static let report = Report(
        header: header, reading: reading, cohort: cohort, quizzes: [quiz], beforeAfter: [beforeAfter], surveys: [survey],
        scenarios: [scenario])

    /// The sample with `--names`: two learners who have not finished, and everyone's activity.
    static var named: Report {
        var report = report
        report.header.names = true
        report.cohort.stuckLearners = [
            StuckLearner(
                learner: "Mette Hansen", team: "Afsnit B", unitID: "quiz-1", title: "Quiz: de fem situationer", failedAttempts: 2,
                lastActivity: date("2026-03-10T12:00:00Z")),
            StuckLearner(
                learner: "Ole Sørensen", team: nil, unitID: "scenarie", title: "Scenarie: stuegang", failedAttempts: 0,
                lastActivity: date("2026-02-20T09:00:00Z")),
        ]
        report.cohort.learnerActivity = [
            LearnerActivity(learner: "Anna Berg", team: "Afsnit A", lastActivity: date("2026-03-14T15:40:00Z"), unitsCompleted: 4, unitsRequired: 4),
            LearnerActivity(
                learner: "Mette Hansen", team: "Afsnit B", lastActivity: date("2026-03-10T12:00:00Z"), unitsCompleted: 1, unitsRequired: 4),
        ]
        return report
    }
}
