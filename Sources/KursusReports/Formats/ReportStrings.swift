import Foundation

/// The language a report is written in (`kursus report --lang da|en`).
public enum ReportLanguage: String, Sendable, CaseIterable, Codable {
    case da, en

    /// `da` for any code starting with "da" (`da`, `da_DK.UTF-8`), else `en`.
    public init(code: String) {
        self = code.lowercased().hasPrefix("da") ? .da : .en
    }
}

/// Every label the report formats write, in Danish and English. Texts with `{n}`-style
/// placeholders are filled by `ReportStrings.text(_:_:)`.
struct ReportStrings: Sendable {
    let language: ReportLanguage

    init(_ language: ReportLanguage) { self.language = language }

    /// The label for `key` in this language.
    subscript(_ key: ReportText) -> String {
        let pair = key.texts
        return language == .da ? pair.da : pair.en
    }

    /// The label for `key` with each `{name}` replaced by its value.
    func text(_ key: ReportText, _ values: [String: String]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// A flag spelled in words.
    func flag(_ flag: ItemFlagKind) -> String {
        switch flag {
        case .tooEasy: return self[.flagTooEasy]
        case .tooHard: return self[.flagTooHard]
        case .negativeDiscrimination: return self[.flagNegativeDiscrimination]
        case .unusedDistractor: return self[.flagUnusedDistractor]
        case .distractorBeatsKey: return self[.flagDistractorBeatsKey]
        }
    }

    /// A source kind in words.
    func source(_ kind: SourceSummary.Kind) -> String {
        switch kind {
        case .dataDirectory: return self[.sourceDataDirectory]
        case .store: return self[.sourceStore]
        case .transfer: return self[.sourceTransfer]
        case .lrs: return "LRS"
        }
    }

    /// A scenario rating or option quality (`good`, `mixed`, `poor`, …) in words; an
    /// unknown word is returned as it is (the caller makes it safe).
    func quality(_ word: String) -> String {
        switch word {
        case "good": return self[.qualityGood]
        case "mixed": return self[.qualityMixed]
        case "poor": return self[.qualityPoor]
        case "acceptable": return self[.qualityAcceptable]
        default: return word
        }
    }

    /// The label for `key` with its first letter in upper case (a column header).
    func capitalized(_ key: ReportText) -> String { self[key].prefix(1).uppercased() + self[key].dropFirst() }

    /// A team's name, or the words for "no team".
    func team(_ team: String?) -> String { team ?? self[.noTeam] }
}

/// The keys of `ReportStrings`, each with its Danish and English text.
enum ReportText: String, Sendable, CaseIterable {
    case reportTitle, course, version, versionsSeen, period, generated, filters, noFilters, teamsFilter, since, until
    case minimumGroup, namesShown, namesHidden, sources, sourceDataDirectory, sourceStore, sourceTransfer, records
    case incomplete, readingSummary, notInCourse, wholeUnit, problems
    case cohort, learners, team, noTeam, everyone, lastActivity, funnel, started, completed, passed, funnelBarNote
    case optional, teamFunnel, module, unit, timeOnTask, lowerQuartile, median, upperQuartile, timeNote
    case stuck, stuckNote, nobodyStuck, stuckLearners, failedAttempts, learnerActivity, unitsCompleted
    case quizItems, noQuizzes, firstAttempts, allAttempts, meanScore, firstAttemptPassed, passRate, question, answered
    case facility, discrimination, flags, option, chosen, share, correctMark
    case flagTooEasy, flagTooHard, flagNegativeDiscrimination, flagUnusedDistractor, flagDistractorBeatsKey
    case beforeAfter, noBeforeAfter, pairs, before, after, change, confidenceInterval, onlyBefore, onlyAfter, onlyOneSide
    case anonymousNotPaired, pairedNote, exact, normal, noPairs
    case surveys, noSurveys, respondents, anonymous, notFilteredByTeam, likertLegend, belowMiddle, middle, aboveMiddle
    case freeText, answersHidden, noAnswers, answers
    case scenarios, noScenarios, runs, unfinishedRuns, scoreOf, retries, learnersWhoRetried, endings, ending, rating
    case choicePoints, timedOut, poorChoices, qualityGood, qualityMixed, qualityPoor, qualityAcceptable
    case chartFunnel, chartOptions, chartLikert, chartEndings, chartChoices, chartChange

    var texts: (da: String, en: String) {
        switch self {
        case .reportTitle: return ("Kursusrapport", "Course report")
        case .course: return ("Kursus", "Course")
        case .version: return ("Version", "Version")
        case .versionsSeen: return ("Versioner i data", "Versions in the records")
        case .period: return ("Periode", "Period")
        case .generated: return ("Lavet", "Made")
        case .filters: return ("Filtre", "Filters")
        case .noFilters: return ("ingen", "none")
        case .teamsFilter: return ("hold", "teams")
        case .since: return ("fra", "since")
        case .until: return ("før", "until")
        case .minimumGroup:
            return (
                "Mindste gruppe der vises: {n}. Mindre grupper vises som \"< {n}\".",
                "Smallest group shown: {n}. Smaller groups show as \"< {n}\"."
            )
        case .namesShown: return ("Deltagere vises med navn (--names).", "Learners are named (--names).")
        case .namesHidden: return ("Deltagere tælles, men navngives ikke.", "Learners are counted, not named.")
        case .sources: return ("Kilder", "Sources")
        case .sourceDataDirectory: return ("datamappe", "data directory")
        case .sourceStore: return ("registreringslager", "record store")
        case .sourceTransfer: return ("overførselsfil", "transfer file")
        case .records: return ("registreringer", "records")
        case .incomplete: return ("læst delvist", "read in part")
        case .readingSummary:
            return (
                "Læst: {read} registreringer; {duplicates} dubletter; {other} fra andre kurser; {filtered} uden for filtrene; {unreadable} ulæselige.",
                "Read: {read} records; {duplicates} duplicates; {other} from other courses; {filtered} outside the filters; {unreadable} unreadable."
            )
        case .notInCourse: return ("Findes ikke i kursets pakke", "Not in the course package")
        case .wholeUnit: return ("hele enheden", "whole unit")
        case .problems: return ("Problemer under læsningen", "Problems while reading")
        case .cohort: return ("Deltagere", "Cohort")
        case .learners: return ("Deltagere", "Learners")
        case .team: return ("Hold", "Team")
        case .noTeam: return ("(uden hold)", "(no team)")
        case .everyone: return ("Alle", "Everyone")
        case .lastActivity: return ("Sidst aktiv", "Last activity")
        case .funnel: return ("Gennemførelse pr. modul og enhed", "Completion per module and unit")
        case .started: return ("Startet", "Started")
        case .completed: return ("Gennemført", "Completed")
        case .passed: return ("Bestået", "Passed")
        case .funnelBarNote: return ("Søjlen: gennemført, som andel af alle {n} deltagere.", "Bar: completed, as a share of all {n} learners.")
        case .optional: return ("valgfri", "optional")
        case .teamFunnel: return ("Gennemførelse pr. hold", "Completion per team")
        case .module: return ("Modul", "Module")
        case .unit: return ("Enhed", "Unit")
        case .timeOnTask: return ("Tidsforbrug pr. enhed", "Time on task per unit")
        case .lowerQuartile: return ("Nedre kvartil", "Lower quartile")
        case .median: return ("Median", "Median")
        case .upperQuartile: return ("Øvre kvartil", "Upper quartile")
        case .timeNote:
            return (
                "Medianen er den midterste deltagers tid; halvdelen brugte mellem nedre og øvre kvartil.",
                "The median is the middle learner's time; half the learners took between the lower and upper quartile."
            )
        case .stuck: return ("Hvor deltagerne står", "Where learners stand")
        case .stuckNote:
            return (
                "Deltagere der ikke har gennemført kurset, efter den første enhed de mangler.",
                "Learners who have not finished the course, by the first unit they have not completed."
            )
        case .nobodyStuck: return ("Alle har gennemført kurset.", "Everyone has finished the course.")
        case .stuckLearners: return ("Deltagere der ikke er færdige", "Learners who have not finished")
        case .failedAttempts: return ("Fejlede forsøg", "Failed attempts")
        case .learnerActivity: return ("Hver deltagers aktivitet", "Each learner's activity")
        case .unitsCompleted: return ("Enheder gennemført", "Units completed")
        case .quizItems: return ("Quizspørgsmål", "Quiz items")
        case .noQuizzes: return ("Kurset har ingen quizzer.", "The course has no quizzes.")
        case .firstAttempts: return ("Første forsøg", "First attempts")
        case .allAttempts: return ("alle forsøg", "all attempts")
        case .meanScore: return ("Gennemsnitlig score", "Mean score")
        case .firstAttemptPassed: return ("bestået i første forsøg", "passed at the first attempt")
        case .passRate: return ("bestået", "passed")
        case .question: return ("Spørgsmål", "Question")
        case .answered: return ("Svar", "Answers")
        case .facility: return ("Lethed", "Facility")
        case .discrimination: return ("Diskrimination", "Discrimination")
        case .flags: return ("Se nærmere på", "Worth a look")
        case .option: return ("Svarmulighed", "Option")
        case .chosen: return ("Valgt", "Chosen")
        case .share: return ("Andel", "Share")
        case .correctMark: return ("✓ = det rigtige svar", "✓ = the correct answer")
        case .flagTooEasy: return ("for let: lethed over 90 %", "too easy: facility above 90 %")
        case .flagTooHard: return ("for svært: lethed under 20 %", "too hard: facility below 20 %")
        case .flagNegativeDiscrimination:
            return ("negativ diskrimination: de bedste svarede dårligere her", "negative discrimination: the strongest did worse here")
        case .flagUnusedDistractor: return ("en forkert svarmulighed som ingen valgte", "a wrong option nobody chose")
        case .flagDistractorBeatsKey:
            return ("en forkert svarmulighed valgt oftere end den rigtige", "a wrong option chosen more often than the correct one")
        case .beforeAfter: return ("Før og efter", "Before and after")
        case .noBeforeAfter: return ("Ingen spørgeskemaer er koblet med compare-with.", "No surveys are linked with compare-with.")
        case .pairs: return ("Par", "Pairs")
        case .before: return ("Før", "Before")
        case .after: return ("Efter", "After")
        case .change: return ("Ændring", "Change")
        case .confidenceInterval: return ("95 % KI", "95 % CI")
        case .onlyBefore: return ("Kun før", "Only before")
        case .onlyAfter: return ("Kun efter", "Only after")
        case .onlyOneSide: return ("Kun før/efter", "Only bef./aft.")
        case .anonymousNotPaired:
            return (
                "Anonyme svar kobles aldrig til en deltager, så intet er parret.",
                "Anonymous answers are never linked to a learner, so nothing is paired."
            )
        case .pairedNote:
            return (
                "Par: samme deltager i begge skemaer. KI: 95 % konfidensinterval for den gennemsnitlige ændring. p: Wilcoxons fortegnsrangtest (e eksakt, n normalfordelingstilnærmelse). r: effektstørrelse (0,1 lille, 0,3 middel, 0,5 stor). Kun før/efter: svarede kun det ene skema; tælles, men parres ikke.",
                "Pairs: the same learner in both surveys. CI: 95 % confidence interval of the mean change. p: Wilcoxon signed-rank test (e exact, n normal approximation). r: effect size (0.1 small, 0.3 medium, 0.5 large). Only before/after: answered one survey only; counted, not paired."
            )
        case .exact: return ("e", "e")
        case .normal: return ("n", "n")
        case .noPairs: return ("ingen par", "no pairs")
        case .surveys: return ("Spørgeskemaer", "Surveys")
        case .noSurveys: return ("Kurset har ingen spørgeskemaer.", "The course has no surveys.")
        case .respondents: return ("Besvarelser", "Respondents")
        case .anonymous: return ("anonymt", "anonymous")
        case .notFilteredByTeam:
            return (
                "Anonymt skema: svarene har intet hold, så --team gælder ikke; kun tidsfiltrene.",
                "Anonymous survey: its answers carry no team, so --team does not apply; only the time filters."
            )
        case .likertLegend: return ("▒ under midten · ░ midten · █ over midten", "▒ below the middle · ░ middle · █ above the middle")
        case .belowMiddle: return ("under midten", "below the middle")
        case .middle: return ("midten", "middle")
        case .aboveMiddle: return ("over midten", "above the middle")
        case .freeText: return ("Fritekstsvar", "Free-text answers")
        case .answersHidden: return ("Svarene vises ikke: færre end {n} besvarelser.", "Answers not shown: fewer than {n} respondents.")
        case .noAnswers: return ("Ingen svar.", "No answers.")
        case .answers: return ("svar", "answers")
        case .scenarios: return ("Scenarier", "Scenarios")
        case .noScenarios: return ("Kurset har ingen scenarier.", "The course has no scenarios.")
        case .runs: return ("Gennemløb", "Runs")
        case .unfinishedRuns: return ("ufærdige", "unfinished")
        case .scoreOf: return ("{score} af {maximum}", "{score} of {maximum}")
        case .retries: return ("Gentagelser pr. deltager", "Retries per learner")
        case .learnersWhoRetried: return ("deltagere prøvede igen", "learners ran it again")
        case .endings: return ("Afslutninger", "Endings")
        case .ending: return ("Afslutning", "Ending")
        case .rating: return ("Vurdering", "Rating")
        case .choicePoints: return ("Valgsteder", "Choice points")
        case .timedOut: return ("Tiden løb ud", "Timed out")
        case .poorChoices: return ("Hyppigste dårlige valg", "Most common poor choices")
        case .qualityGood: return ("god", "good")
        case .qualityMixed: return ("blandet", "mixed")
        case .qualityPoor: return ("dårlig", "poor")
        case .qualityAcceptable: return ("acceptabel", "acceptable")
        case .chartFunnel: return ("Andel gennemført pr. modul", "Share completed per module")
        case .chartOptions: return ("Valg af svarmuligheder", "Options chosen")
        case .chartLikert: return ("Svarfordeling pr. udsagn", "Answers per statement")
        case .chartEndings: return ("Andel af gennemløb pr. afslutning", "Share of runs per ending")
        case .chartChoices: return ("Valg ved", "Choices at")
        case .chartChange: return ("Gennemsnitlig ændring med 95 % KI", "Mean change with 95 % CI")
        }
    }
}
