import Foundation

/// The before/after, survey and scenario tables of the CSV report.
extension CSVBuilder {
    func beforeAfter(_ sections: [BeforeAfterSection]) -> CSVTable {
        var table = CSVTable(
            name: "before-after.csv",
            header: [
                h("Før (enheds-id)", "Before (unit id)"), h("Efter (enheds-id)", "After (unit id)"), h("Anonymt", "Anonymous"),
                h("Spørgsmåls-id", "Question id"), strings[.question], strings[.team], strings[.pairs], strings[.onlyBefore],
                strings[.onlyAfter], h("Gennemsnit før", "Mean before"), h("Gennemsnit efter", "Mean after"),
                h("Gennemsnitlig ændring", "Mean change"), h("95 % KI nedre", "95 % CI lower"), h("95 % KI øvre", "95 % CI upper"),
                h("Wilcoxon p", "Wilcoxon p"), h("Wilcoxon metode", "Wilcoxon method"), h("Effektstørrelse r", "Effect size r"),
            ])
        for section in sections {
            let ids: [Cell] = [.text(section.beforeUnitID), .text(section.afterUnitID), yesNo(section.anonymous)]
            if section.anonymous, section.items.isEmpty {
                table.add(ids + Array(repeating: .empty, count: 14))
                continue
            }
            for item in section.items {
                let stats = item.statistics
                table.add(
                    ids + [
                        .text(item.questionID), .text(item.text), item.team.map { .text($0) } ?? .label(strings[.everyone]), .count(item.pairs),
                        .count(item.onlyBefore), .count(item.onlyAfter), .optional(stats?.meanBefore, digits: 3),
                        .optional(stats?.meanAfter, digits: 3), .optional(stats?.meanChange, digits: 3), .optional(stats?.changeLower, digits: 3),
                        .optional(stats?.changeUpper, digits: 3), .optional(stats?.wilcoxonP, digits: 6),
                        stats?.wilcoxonMethod.map { .label($0) } ?? .empty, .optional(stats?.effectSize, digits: 3),
                    ])
            }
        }
        return table
    }

    func surveys(_ surveys: [SurveySection]) -> [CSVTable] {
        let unitID = h("Enheds-id", "Unit id")
        let questionID = h("Spørgsmåls-id", "Question id")
        var summary = CSVTable(
            name: "survey-summary.csv",
            header: [
                unitID, h("Spørgeskema", "Survey"), h("Anonymt", "Anonymous"), strings[.respondents],
                h("Ikke filtreret på hold", "Not filtered by team"),
            ])
        var likert = CSVTable(
            name: "survey-likert.csv",
            header: [
                unitID, questionID, strings[.question], h("Svar", "Answers"), strings[.median],
                h("Under midten (%)", "Below the middle (%)"), h("Midten (%)", "Middle (%)"), h("Over midten (%)", "Above the middle (%)"),
            ])
        var counts = CSVTable(
            name: "survey-likert-counts.csv",
            header: [unitID, questionID, h("Punkt", "Point"), h("Betegnelse", "Label"), h("Svar", "Answers")])
        var freeText = CSVTable(
            name: "survey-free-text.csv", header: [unitID, questionID, strings[.question], h("Antal svar", "Answers"), h("Svar", "Answer")])
        for survey in surveys {
            summary.add([
                .text(survey.unitID), .text(survey.title), yesNo(survey.anonymous), .count(survey.respondents), yesNo(survey.notFilteredByTeam),
            ])
            for item in survey.likert {
                likert.add(
                    [
                        .text(survey.unitID), .text(item.questionID), .text(item.text), .count(item.answers), .figure(item.median, digits: 1),
                        .optional(item.negative, digits: 1), .optional(item.neutral, digits: 1), .optional(item.positive, digits: 1),
                    ])
                guard let values = item.counts else { continue }
                for (index, count) in values.enumerated() {
                    let label: Cell = index < item.labels.count ? .text(item.labels[index]) : .empty
                    counts.add([.text(survey.unitID), .text(item.questionID), .integer(index + 1), label, .integer(count)])
                }
            }
            for item in survey.freeText {
                let head: [Cell] = [.text(survey.unitID), .text(item.questionID), .text(item.text), .count(item.answerCount)]
                guard let answers = item.answers, !answers.isEmpty else {
                    freeText.add(head + [.empty])
                    continue
                }
                for answer in answers { freeText.add(head + [.text(answer)]) }
            }
        }
        return [summary, likert, counts, freeText]
    }

    func scenarios(_ scenarios: [ScenarioSection]) -> [CSVTable] {
        let unitID = h("Enheds-id", "Unit id")
        let nodeID = h("Knude-id", "Node id")
        var summary = CSVTable(
            name: "scenario-summary.csv",
            header: [
                unitID, h("Scenarie", "Scenario"), strings[.runs], strings[.learners], h("Ufærdige gennemløb", "Unfinished runs"),
                strings[.meanScore], h("Højeste score", "Maximum score"), h("Bestået (%)", "Passed (%)"), strings[.retries],
                h("Deltagere der prøvede igen", "Learners who ran it again"),
            ])
        var endings = CSVTable(
            name: "scenario-endings.csv",
            header: [unitID, nodeID, strings[.ending], strings[.rating], strings[.runs], h("Andel (%)", "Share (%)")])
        var choices = CSVTable(
            name: "scenario-choices.csv",
            header: [
                unitID, nodeID, h("Valgsted", "Choice point"), h("Svar", "Answers"), h("Nr.", "No."), strings[.option], strings[.rating],
                strings[.chosen], h("Andel (%)", "Share (%)"),
            ])
        var poor = CSVTable(
            name: "scenario-poor-choices.csv",
            header: [unitID, nodeID, h("Valgsted", "Choice point"), h("Nr.", "No."), strings[.option], strings[.chosen]])
        for scenario in scenarios {
            let unit = Cell.text(scenario.unitID)
            summary.add(
                [
                    unit, .text(scenario.title), .count(scenario.runs), .count(scenario.learners), .integer(scenario.unfinishedRuns),
                    .figure(scenario.meanScore, digits: 2), .optional(scenario.maximumScore, digits: 1), .figure(scenario.passRate, digits: 1),
                    .figure(scenario.meanRetries, digits: 2), .count(scenario.learnersWhoRetried),
                ])
            for ending in scenario.endings {
                endings.add(
                    [
                        unit, .text(ending.nodeID), .text(ending.text), ending.rating.map { .text(strings.quality($0)) } ?? .empty,
                        .count(ending.runs),
                        .figure(ending.share, digits: 1),
                    ])
            }
            for point in scenario.choicePoints {
                let head: [Cell] = [unit, .text(point.nodeID), .text(point.prompt), .count(point.answers)]
                for option in point.options {
                    choices.add(
                        head + [
                            .integer(option.number), .text(option.text), option.quality.map { .text(strings.quality($0)) } ?? .empty,
                            .count(option.chosen), .figure(option.share, digits: 1),
                        ])
                }
                if let timedOut = point.timedOut {
                    choices.add(head + [.empty, .label(strings[.timedOut]), .empty, .count(timedOut), .figure(point.timedOutShare, digits: 1)])
                }
            }
            for choice in scenario.commonPoorChoices {
                poor.add([unit, .text(choice.nodeID), .text(choice.prompt), .integer(choice.number), .text(choice.text), .count(choice.chosen)])
            }
        }
        return [summary, endings, choices, poor]
    }
}
