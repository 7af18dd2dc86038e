import Foundation
import KursusCourse
import KursusEngine
import KursusProgress

/// Statements for scenarios: every choice, and every run that reaches an ending.
extension StatementBuilder {
    /// `answered` on the choice point (the node) as a `choice` interaction whose choices
    /// are the node's options, numbered from 1 as the learner's keys number them. The
    /// result holds the option taken, its quality, whether the response timer took it,
    /// and the feedback the debrief shows for it. A choice has no right answer, so there
    /// is no correct pattern, score or success.
    func scenarioChoice(unitID: String, run: Int, step: Int, choice: ScenarioStep, at date: Date) -> JSONValue {
        let id = unitIRI(unitID) + "/nodes/" + IRI.segment(choice.node)
        let base: [String: JSONValue] = ["type": .string(XAPIActivityType.interaction), "interactionType": "choice"]
        let definition =
            inEveryLanguage { key, _, scenarios in
                guard let node = scenarios[unitID]?.node(choice.node), case .choice(let point) = node.kind else { return nil }
                var part = base
                part["description"] = .languageMap(key, point.prompt)
                part["choices"] = .array(
                    point.options.enumerated().map {
                        QuestionInteraction.component("\($0.offset + 1)", $0.element.text, key)
                    })
                return .object(part)
            }?.objectValue ?? base
        // The feedback the learner saw, and the same option's feedback in every other language.
        let feedback = inEveryLanguage { key, _, scenarios in
            guard key != language else { return .languageMap(key, choice.feedback) }
            guard let node = scenarios[unitID]?.node(choice.node), case .choice(let point) = node.kind,
                point.options.indices.contains(choice.option)
            else { return nil }
            return .languageMap(key, point.options[choice.option].feedback)
        }
        let result: [String: JSONValue] = [
            "response": .string("\(choice.option + 1)"),
            "extensions": .object(
                extensions([
                    .quality: choice.quality.map { .string($0.rawValue) },
                    .timedOut: .bool(choice.timedOut),
                    .feedback: feedback,
                ])),
        ]
        return statement(
            learner, "units/\(IRI.segment(unitID))/runs/\(run)/steps/\(step)", .answered, object: Self.activity(id, definition),
            result: result, context: partContext(unitID), contextExtensions: [.run: .number(Double(run))], at: date
        )
    }

    /// A run that reached an ending: `passed` or `failed` when the scenario has a `pass`
    /// rule, else `completed`. The score is the run's (raw); with the range of scores any
    /// run can reach (searched as for the debrief), also min, max and scaled (the score
    /// over the highest reachable one, as the debrief's "7 af 9"). The ending's id and
    /// rating are result extensions; the duration is the time on the call clock.
    func scenarioEnded(unitID: String, run: Int, outcome: ScenarioOutcome, seconds: Int, at date: Date) -> JSONValue {
        var result: [String: JSONValue] = ["completion": true, "duration": .string(ISO8601Duration.string(seconds: seconds))]
        var verb = XAPIVerb.completed
        if scenarios[unitID]?.pass != nil {
            verb = outcome.passed ? .passed : .failed
            result["success"] = .bool(outcome.passed)
        }
        if let raw = outcome.score {
            var score: [String: JSONValue] = ["raw": .number(Double(raw))]
            if let range = scoreRanges[unitID], range.minimum < range.maximum, (range.minimum...range.maximum).contains(raw) {
                score["min"] = .number(Double(range.minimum))
                score["max"] = .number(Double(range.maximum))
                // -maximum cannot overflow (maximum > 0); abs(raw) could, for Int.min.
                if range.maximum > 0, raw >= -range.maximum { score["scaled"] = .number(Double(raw) / Double(range.maximum)) }
            }
            result["score"] = .object(score)
        }
        result["extensions"] = .object(
            extensions([
                .ending: .string(outcome.ending),
                .rating: outcome.rating.map { .string($0.rawValue) },
            ]))
        return statement(
            learner, "units/\(IRI.segment(unitID))/runs/\(run)/ended", verb, object: unitActivity(unitID), result: result,
            context: unitContext(unitID), contextExtensions: [.run: .number(Double(run))], at: date
        )
    }
}
