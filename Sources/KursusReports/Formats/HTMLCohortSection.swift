import Foundation

/// The cohort and the quiz items in the HTML report.
extension HTMLWriter {
    mutating func cohort(_ cohort: CohortSection) {
        html += "<section id=\"cohort\">\n"
        heading(2, strings[.cohort])
        paragraph("\(strings[.learners]): \(number.count(cohort.learners))")
        if !cohort.teams.isEmpty {
            table(
                caption: strings[.learners],
                columns: [Column(strings[.team], numeric: false), Column(strings[.learners]), Column(strings[.lastActivity])],
                rows: cohort.teams.map { Row(cells: [strings.team($0.team), number.count($0.learners), $0.lastActivity.map(number.day) ?? "–"]) })
        }
        if !cohort.modules.isEmpty { funnel(cohort) }
        if cohort.teamModules.count > 1 {
            let titles = Dictionary(cohort.modules.map { ($0.moduleID, $0.title) }, uniquingKeysWith: { first, _ in first })
            var rows: [Row] = []
            for team in cohort.teamModules {
                for module in team.modules {
                    rows.append(
                        Row(
                            cells: ["\(strings.team(team.team)) (\(number.count(team.learners)))", titles[module.moduleID] ?? module.moduleID]
                                + cells(module.counts)))
                }
            }
            table(
                caption: strings[.teamFunnel],
                columns: [
                    Column(strings[.team], numeric: false), Column(strings[.module], numeric: false), Column(strings[.started]),
                    Column(strings[.completed]), Column(strings[.passed]),
                ], rows: rows)
        }
        timeOnTask(cohort.modules)
        stuck(cohort)
        html += "</section>\n"
    }

    func cells(_ counts: FunnelCounts) -> [String] {
        [number.count(counts.started), number.count(counts.completed), counts.passed.map { number.count($0) } ?? "–"]
    }

    private mutating func funnel(_ cohort: CohortSection) {
        heading(3, strings[.funnel])
        let total = Double(cohort.learners.value ?? 0)
        func share(_ cell: ReportCell<Int>?) -> Double? {
            guard total > 0, let value = cell?.value else { return nil }
            return Double(value) / total * 100
        }
        let description =
            cohort.modules.map { module in
                "\(module.title): \(strings[.started]) \(number.count(module.counts.started)), \(strings[.completed]) \(number.count(module.counts.completed))"
                    + (module.counts.passed.map { ", \(strings[.passed]) \(number.count($0))" } ?? "")
            }.joined(separator: "; ") + ". " + strings.text(.funnelBarNote, ["n": number.count(cohort.learners)])
        let chart = self.chart(title: strings[.chartFunnel], description: description)
        html += chart.bars(
            series: [(strings[.started], "#c6dbef"), (strings[.completed], "#4292c6"), (strings[.passed], "#08306b")],
            rows: cohort.modules.map { module in
                SVGChart.BarRow(
                    label: module.title,
                    values: [share(module.counts.started), share(module.counts.completed), share(module.counts.passed)],
                    valueText: number.count(module.counts.completed) + " / " + number.count(cohort.learners))
            })
        var rows: [Row] = []
        for module in cohort.modules {
            rows.append(Row(cells: [module.title] + cells(module.counts), cssClass: "module"))
            for unit in module.units {
                rows.append(Row(cells: [unit.title + (unit.optional ? " (\(strings[.optional]))" : "")] + cells(unit.counts), cssClass: "unit"))
            }
        }
        table(
            caption: strings[.funnel],
            columns: [
                Column("\(strings[.module]) / \(strings[.unit])", numeric: false), Column(strings[.started]), Column(strings[.completed]),
                Column(strings[.passed]),
            ], rows: rows)
    }

    private mutating func timeOnTask(_ modules: [ModuleFunnel]) {
        let units = modules.flatMap(\.units).filter { $0.timeOnTask != nil }
        guard !units.isEmpty else { return }
        heading(3, strings[.timeOnTask])
        paragraph(strings[.timeNote], class: "note")
        table(
            caption: strings[.timeOnTask],
            columns: [
                Column(strings[.unit], numeric: false), Column(strings[.learners]), Column(strings[.lowerQuartile]), Column(strings[.median]),
                Column(strings[.upperQuartile]),
            ],
            rows: units.map { unit in
                switch unit.timeOnTask {
                case .value(let time)?:
                    return Row(cells: [
                        unit.title, number.count(time.learners), number.duration(time.lowerQuartile), number.duration(time.median),
                        number.duration(time.upperQuartile),
                    ])
                case .belowMinimum(let minimum)?: return Row(cells: [unit.title, "< \(minimum)", "–", "–", "–"])
                case nil: return Row(cells: [unit.title, "–", "–", "–", "–"])
                }
            })
    }

    private mutating func stuck(_ cohort: CohortSection) {
        heading(3, strings[.stuck])
        if cohort.stuckCounts.isEmpty {
            paragraph(strings[.nobodyStuck])
        } else {
            paragraph(strings[.stuckNote], class: "note")
            table(
                caption: strings[.stuck], columns: [Column(strings[.unit], numeric: false), Column(strings[.learners])],
                rows: cohort.stuckCounts.map { Row(cells: ["\($0.title) (\($0.unitID))", number.count($0.learners)]) })
        }
        if let learners = cohort.stuckLearners, !learners.isEmpty {
            table(
                caption: strings[.stuckLearners],
                columns: [
                    Column(strings[.learners], numeric: false), Column(strings[.team], numeric: false), Column(strings[.unit], numeric: false),
                    Column(strings[.failedAttempts]), Column(strings[.lastActivity]),
                ],
                rows: learners.map {
                    Row(cells: [$0.learner, strings.team($0.team), $0.title, "\($0.failedAttempts)", number.day($0.lastActivity)])
                })
        }
        if let activity = cohort.learnerActivity, !activity.isEmpty {
            table(
                caption: strings[.learnerActivity],
                columns: [
                    Column(strings[.learners], numeric: false), Column(strings[.team], numeric: false), Column(strings[.unitsCompleted]),
                    Column(strings[.lastActivity]),
                ],
                rows: activity.map {
                    Row(cells: [$0.learner, strings.team($0.team), "\($0.unitsCompleted)/\($0.unitsRequired)", number.day($0.lastActivity)])
                })
        }
    }
}
