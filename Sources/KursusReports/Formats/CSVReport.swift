import Foundation

/// The report as CSV files, one per table (`kursus report --format csv --out DIR`):
/// `report.csv` (what the report is about and how it was read), `cohort-*.csv`,
/// `quiz-*.csv`, `before-after.csv`, `survey-*.csv` and `scenario-*.csv`. Column names are
/// in the report's language; suppressed cells read "< 5" (the minimum).
public enum CSVReport {
    /// Every file, in a fixed order. `excel`: `;` separators, decimal commas, a byte order
    /// mark and CRLF, for Danish Excel.
    public static func files(_ report: Report, language: ReportLanguage, excel: Bool) -> [(name: String, data: Data)] {
        tables(report, language: language).map { ($0.name, $0.data(excel: excel)) }
    }

    /// The tables behind `files`.
    static func tables(_ report: Report, language: ReportLanguage) -> [CSVTable] {
        let builder = CSVBuilder(language: language)
        return [builder.about(report)] + builder.cohort(report.cohort) + builder.quizzes(report.quizzes)
            + [builder.beforeAfter(report.beforeAfter)] + builder.surveys(report.surveys) + builder.scenarios(report.scenarios)
    }
}

/// Builds the CSV tables in one language.
struct CSVBuilder {
    typealias Cell = CSVTable.Cell
    let strings: ReportStrings
    let language: ReportLanguage

    init(language: ReportLanguage) {
        self.language = language
        strings = ReportStrings(language)
    }

    /// A column name in this language.
    func h(_ danish: String, _ english: String) -> String { language == .da ? danish : english }
    func yesNo(_ value: Bool) -> Cell { .label(value ? h("ja", "yes") : h("nej", "no")) }
    func team(_ team: String?) -> Cell { team.map { .text($0) } ?? .label(strings[.noTeam]) }

    func about(_ report: Report) -> CSVTable {
        var table = CSVTable(name: "report.csv", header: [h("Felt", "Field"), h("Værdi", "Value")])
        let header = report.header
        let reading = report.reading
        func row(_ field: String, _ value: Cell) { table.add([.label(field), value]) }
        row(h("Kursus-id", "Course id"), .text(header.courseID))
        row(strings[.course], .text(header.courseTitle))
        row(strings[.version], .text(header.courseVersion))
        row(strings[.versionsSeen], .text(header.versionsSeen.joined(separator: ", ")))
        row(strings[.generated], .date(header.generatedAt))
        row(h("Første aktivitet", "First activity"), .date(header.firstActivity))
        row(h("Sidste aktivitet", "Last activity"), .date(header.lastActivity))
        row(h("Filter: hold", "Filter: teams"), .text(header.filters.teams.joined(separator: ", ")))
        row(h("Filter: fra", "Filter: since"), .date(header.filters.since))
        row(h("Filter: før", "Filter: until"), .date(header.filters.until))
        row(h("Mindste gruppe", "Minimum group"), .integer(header.minimumGroup))
        row(h("Navne vist", "Names shown"), yesNo(header.names))
        row(h("Registreringer læst", "Records read"), .integer(reading.statementsRead))
        row(h("Dubletter", "Duplicates"), .integer(reading.duplicates))
        row(h("Fra andre kurser", "From other courses"), .integer(reading.otherCourses))
        row(h("Uden for filtrene", "Outside the filters"), .integer(reading.filteredOut))
        row(h("Ulæselige", "Unreadable"), .integer(reading.unreadable))
        for source in reading.sources {
            let state = source.complete ? "" : " (\(strings[.incomplete]))"
            row(h("Kilde", "Source"), .text("\(strings.source(source.kind)): \(source.location): \(source.statements) \(strings[.records])\(state)"))
        }
        for missing in reading.notInCourse {
            let what = missing.questionID.map { "\(missing.unitID)/\($0)" } ?? missing.unitID
            row(strings[.notInCourse], .text("\(what): \(missing.statements) \(strings[.records])"))
        }
        for problem in reading.problems { row(h("Problem", "Problem"), .text(problem)) }
        return table
    }

    func cohort(_ cohort: CohortSection) -> [CSVTable] {
        var teams = CSVTable(name: "cohort-teams.csv", header: [strings[.team], strings[.learners], strings[.lastActivity]])
        for row in cohort.teams { teams.add([team(row.team), .count(row.learners), .date(row.lastActivity)]) }
        let counts = [strings[.started], strings[.completed], strings[.passed]]
        func cells(_ counts: FunnelCounts) -> [Cell] { [.count(counts.started), .count(counts.completed), counts.passed.map(Cell.count) ?? .empty] }
        var funnel = CSVTable(
            name: "cohort-funnel.csv",
            header: [
                h("Niveau", "Level"), h("Modul-id", "Module id"), strings[.module], h("Enheds-id", "Unit id"), strings[.unit],
                h("Type", "Kind"), h("Valgfri", "Optional"),
            ] + counts)
        var time = CSVTable(
            name: "cohort-time.csv",
            header: [
                h("Modul-id", "Module id"), h("Enheds-id", "Unit id"), strings[.unit], strings[.learners],
                h("Nedre kvartil (s)", "Lower quartile (s)"), h("Median (s)", "Median (s)"), h("Øvre kvartil (s)", "Upper quartile (s)"),
            ])
        for module in cohort.modules {
            funnel.add(
                [.label(strings[.module]), .text(module.moduleID), .text(module.title), .empty, .empty, .empty, .empty] + cells(module.counts))
            for unit in module.units {
                funnel.add(
                    [
                        .label(strings[.unit]), .text(module.moduleID), .text(module.title), .text(unit.unitID), .text(unit.title), .text(unit.kind),
                        yesNo(unit.optional),
                    ] + cells(unit.counts))
                switch unit.timeOnTask {
                case .value(let summary)?:
                    time.add(
                        [
                            .text(module.moduleID), .text(unit.unitID), .text(unit.title), .integer(summary.learners),
                            .number(summary.lowerQuartile, digits: 0), .number(summary.median, digits: 0), .number(summary.upperQuartile, digits: 0),
                        ])
                case .belowMinimum(let minimum)?:
                    time.add([.text(module.moduleID), .text(unit.unitID), .text(unit.title), .label("< \(minimum)"), .empty, .empty, .empty])
                case nil: break
                }
            }
        }
        var teamFunnel = CSVTable(
            name: "cohort-team-funnel.csv", header: [strings[.team], strings[.learners], h("Modul-id", "Module id"), strings[.module]] + counts)
        let titles = Dictionary(cohort.modules.map { ($0.moduleID, $0.title) }, uniquingKeysWith: { first, _ in first })
        for row in cohort.teamModules {
            for module in row.modules {
                teamFunnel.add(
                    [team(row.team), .count(row.learners), .text(module.moduleID), .text(titles[module.moduleID] ?? "")] + cells(module.counts))
            }
        }
        var stuck = CSVTable(name: "cohort-stuck.csv", header: [h("Enheds-id", "Unit id"), strings[.unit], strings[.learners]])
        for row in cohort.stuckCounts { stuck.add([.text(row.unitID), .text(row.title), .count(row.learners)]) }
        var tables = [teams, funnel, teamFunnel, time, stuck]
        if let learners = cohort.stuckLearners {
            var table = CSVTable(
                name: "cohort-stuck-learners.csv",
                header: [
                    h("Deltager", "Learner"), strings[.team], h("Enheds-id", "Unit id"), strings[.unit], strings[.failedAttempts],
                    strings[.lastActivity],
                ])
            for row in learners {
                table.add([
                    .text(row.learner), team(row.team), .text(row.unitID), .text(row.title), .integer(row.failedAttempts), .date(row.lastActivity),
                ])
            }
            tables.append(table)
        }
        if let activity = cohort.learnerActivity {
            var table = CSVTable(
                name: "cohort-learner-activity.csv",
                header: [
                    h("Deltager", "Learner"), strings[.team], strings[.lastActivity], strings[.unitsCompleted],
                    h("Enheder krævet", "Units required"),
                ])
            for row in activity {
                table.add([.text(row.learner), team(row.team), .date(row.lastActivity), .integer(row.unitsCompleted), .integer(row.unitsRequired)])
            }
            tables.append(table)
        }
        return tables
    }

    func quizzes(_ quizzes: [QuizItemsSection]) -> [CSVTable] {
        let unitID = h("Enheds-id", "Unit id")
        let questionID = h("Spørgsmåls-id", "Question id")
        var summary = CSVTable(
            name: "quiz-summary.csv",
            header: [
                unitID, h("Quiz", "Quiz"), strings[.firstAttempts], h("Alle forsøg", "All attempts"), h("Gennemsnitlig score (%)", "Mean score (%)"),
                h("Bestået i første forsøg (%)", "Passed at the first attempt (%)"), h("Bestået (%)", "Passed (%)"),
            ])
        var items = CSVTable(
            name: "quiz-items.csv",
            header: [
                unitID, questionID, h("Nr.", "No."), strings[.question], h("Type", "Kind"), strings[.answered], h("Lethed (%)", "Facility (%)"),
                strings[.discrimination], strings[.flags],
            ])
        var options = CSVTable(
            name: "quiz-options.csv",
            header: [
                unitID, questionID, h("Svarmuligheds-id", "Option id"), strings[.option], h("Rigtig", "Correct"), strings[.chosen],
                h("Andel (%)", "Share (%)"),
            ])
        for quiz in quizzes {
            summary.add(
                [
                    .text(quiz.unitID), .text(quiz.title), .count(quiz.attempts), .count(quiz.allAttempts), .figure(quiz.meanScore, digits: 1),
                    .figure(quiz.firstAttemptPassRate, digits: 1), .figure(quiz.passRate, digits: 1),
                ])
            for (index, question) in quiz.questions.enumerated() {
                items.add(
                    [
                        .text(quiz.unitID), .text(question.questionID), .integer(index + 1), .text(question.text), .text(question.kind),
                        .count(question.answered), .figure(question.facility, digits: 1), .figure(question.discrimination, digits: 1),
                        .label(question.flags.map(strings.flag).joined(separator: "; ")),
                    ])
                for option in question.options ?? [] {
                    options.add(
                        [
                            .text(quiz.unitID), .text(question.questionID), .text(option.optionID), .text(option.text), yesNo(option.correct),
                            .count(option.chosen), .figure(option.share, digits: 1),
                        ])
                }
            }
        }
        return [summary, items, options]
    }
}
