import Foundation

/// The cohort in the terminal report: learners per team, the completion funnel with
/// bars, time on task, where learners stand, and (with `--names`) who.
extension TerminalWriter {
    mutating func cohort(_ cohort: CohortSection) {
        heading(strings[.cohort])
        paragraph("\(strings[.learners]): \(number.count(cohort.learners))")
        teams(cohort.teams)
        funnel(cohort)
        teamFunnel(cohort)
        timeOnTask(cohort.modules)
        stuck(cohort)
    }

    private mutating func teams(_ teams: [TeamRow]) {
        guard !teams.isEmpty else { return }
        lines.append("")
        var table = TextTable(columns: [
            .init(strings[.team], .left, flexible: true), .init(strings[.learners]), .init(strings[.lastActivity]),
        ])
        for row in teams {
            table.add([strings.team(row.team), number.count(row.learners), row.lastActivity.map(number.day) ?? "–"])
        }
        self.table(table)
    }

    private func funnelCells(_ counts: FunnelCounts) -> [String] {
        [number.count(counts.started), number.count(counts.completed), counts.passed.map { number.count($0) } ?? "–"]
    }

    private mutating func funnel(_ cohort: CohortSection) {
        guard !cohort.modules.isEmpty else { return }
        subheading(strings[.funnel])
        let total = cohort.learners.value ?? 0
        paragraph(strings.text(.funnelBarNote, ["n": number.count(cohort.learners)]), style: .dim)
        var table = TextTable(columns: [
            .init("\(strings[.module]) / \(strings[.unit])", .left, flexible: true, minimumWidth: 14),
            .init(strings[.started]), .init(strings[.completed]), .init(strings[.passed]),
        ])
        table.maximumBarWidth = 24
        func fraction(_ counts: FunnelCounts) -> Double? {
            guard total > 0, let completed = counts.completed.value else { return nil }
            return Double(completed) / Double(total)
        }
        for module in cohort.modules {
            table.add([module.title] + funnelCells(module.counts), bar: fraction(module.counts))
            for unit in module.units {
                let title = "  " + unit.title + (unit.optional ? " (\(strings[.optional]))" : "")
                table.add([title] + funnelCells(unit.counts), bar: fraction(unit.counts))
            }
        }
        self.table(table)
    }

    private mutating func teamFunnel(_ cohort: CohortSection) {
        guard cohort.teamModules.count > 1 else { return }
        subheading(strings[.teamFunnel])
        let titles = Dictionary(cohort.modules.map { ($0.moduleID, $0.title) }, uniquingKeysWith: { first, _ in first })
        var table = TextTable(columns: [
            .init(strings[.team], .left, flexible: true), .init(strings[.module], .left, flexible: true, minimumWidth: 10),
            .init(strings[.started]), .init(strings[.completed]), .init(strings[.passed]),
        ])
        for team in cohort.teamModules {
            for (index, module) in team.modules.enumerated() {
                let name = index == 0 ? "\(strings.team(team.team)) (\(number.count(team.learners)))" : ""
                table.add([name, titles[module.moduleID] ?? module.moduleID] + funnelCells(module.counts))
            }
        }
        self.table(table)
    }

    private mutating func timeOnTask(_ modules: [ModuleFunnel]) {
        let units = modules.flatMap(\.units).filter { $0.timeOnTask != nil }
        guard !units.isEmpty else { return }
        subheading(strings[.timeOnTask])
        paragraph(strings[.timeNote], style: .dim)
        var table = TextTable(columns: [
            .init(strings[.unit], .left, flexible: true, minimumWidth: 10), .init(strings[.learners]),
            .init(strings[.lowerQuartile]), .init(strings[.median]), .init(strings[.upperQuartile]),
        ])
        for unit in units {
            guard let time = unit.timeOnTask else { continue }
            switch time {
            case .value(let summary):
                table.add([
                    unit.title, number.count(summary.learners), number.duration(summary.lowerQuartile), number.duration(summary.median),
                    number.duration(summary.upperQuartile),
                ])
            case .belowMinimum(let minimum):
                table.add([unit.title, "< \(minimum)", "–", "–", "–"])
            }
        }
        self.table(table)
    }

    private mutating func stuck(_ cohort: CohortSection) {
        subheading(strings[.stuck])
        if cohort.stuckCounts.isEmpty {
            paragraph(strings[.nobodyStuck])
        } else {
            paragraph(strings[.stuckNote], style: .dim)
            var table = TextTable(columns: [.init(strings[.unit], .left, flexible: true, minimumWidth: 14), .init(strings[.learners])])
            for row in cohort.stuckCounts { table.add([titled(row.title, id: row.unitID), number.count(row.learners)]) }
            self.table(table)
        }
        if let learners = cohort.stuckLearners, !learners.isEmpty {
            subheading(strings[.stuckLearners])
            var table = TextTable(columns: [
                .init(strings[.learners], .left, flexible: true), .init(strings[.team], .left, flexible: true),
                .init(strings[.unit], .left, flexible: true, minimumWidth: 12), .init(strings[.failedAttempts]),
                .init(strings[.lastActivity]),
            ])
            for row in learners {
                table.add([row.learner, strings.team(row.team), row.title, "\(row.failedAttempts)", number.day(row.lastActivity)])
            }
            self.table(table)
        }
        if let activity = cohort.learnerActivity, !activity.isEmpty {
            subheading(strings[.learnerActivity])
            var table = TextTable(columns: [
                .init(strings[.learners], .left, flexible: true), .init(strings[.team], .left, flexible: true),
                .init(strings[.unitsCompleted]), .init(strings[.lastActivity]),
            ])
            for row in activity {
                table.add([row.learner, strings.team(row.team), "\(row.unitsCompleted)/\(row.unitsRequired)", number.day(row.lastActivity)])
            }
            self.table(table)
        }
    }
}
