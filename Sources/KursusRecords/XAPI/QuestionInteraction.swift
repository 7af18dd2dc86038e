import Foundation
import KursusCourse
import KursusEngine

/// A question as an xAPI interaction activity (xAPI 1.0.3 §2.4.4.1, "Interaction
/// Activities"): its `interactionType`, component lists, `correctResponsesPattern`, and a
/// learner's answer as `result.response` in the specification's response format.
///
/// | Kursus | interactionType | components | response |
/// |---|---|---|---|
/// | single, multiple | choice | choices (option ids) | ids, `[,]` between |
/// | true-false | true-false | — | `true` / `false` |
/// | short | fill-in | — | the text as typed |
/// | numeric | numeric | — | the number (`37.5`) |
/// | matching | matching | source `s1…`, target `t1…` | `s1[.]t2[,]s2[.]t1` |
/// | ordering | sequencing | choices `1…` in the right order | ids in the learner's order |
/// | likert | likert | scale `1…` low to high | the point's id |
/// | text | long-fill-in | — | the text as typed |
///
/// Matching, ordering and Likert components get ids by position in the file (the file
/// has no ids for them). The correct pattern is given only where it lists the right
/// answers exhaustively (docs/records.md); surveys have none ("any answer is right").
enum QuestionInteraction {
    /// The activity definition of `question` (without the Kursus parts the builder adds).
    static func definition(_ question: Question, language: String) -> [String: JSONValue] {
        var definition: [String: JSONValue] = ["type": .string(XAPIActivityType.interaction)]
        definition["description"] = .languageMap(language, question.text)
        let components: (String, [JSONValue])?
        let pattern: [String]?
        switch question.kind {
        case .singleChoice(let options):
            definition["interactionType"] = "choice"
            components = ("choices", options.map { component($0.id, $0.text, language) })
            let right = options.filter { $0.weightPercent >= 100 - 1e-9 }.map(\.id)
            pattern = right.isEmpty ? nil : right
        case .multipleResponse(let options):
            definition["interactionType"] = "choice"
            components = ("choices", options.map { component($0.id, $0.text, language) })
            let positive = options.filter { $0.weightPercent > 0 }
            let sum = positive.reduce(0) { $0 + $1.weightPercent }
            pattern = !positive.isEmpty && abs(sum - 100) < 1e-6 ? [positive.map(\.id).joined(separator: "[,]")] : nil
        case .trueFalse(let correct, _, _):
            definition["interactionType"] = "true-false"
            components = nil
            pattern = [correct ? "true" : "false"]
        case .shortAnswer(let rules):
            definition["interactionType"] = "fill-in"
            components = nil
            let full = rules.answers.filter { $0.weightPercent >= 100 - 1e-9 }.map(\.text)
            let literal = full.allSatisfy { !$0.contains("*") && !$0.contains("[,]") && !$0.hasPrefix("{") }
            pattern = !full.isEmpty && literal ? full.map { "{case_matters=\(rules.caseSensitive)}" + $0 } : nil
        case .numeric(let answers):
            definition["interactionType"] = "numeric"
            components = nil
            let full = answers.filter { $0.weightPercent >= 100 - 1e-9 }.map { answer in
                switch answer.target {
                case .value(let value, let tolerance) where tolerance == 0: number(value)
                case .value(let value, let tolerance): number(value - abs(tolerance)) + "[:]" + number(value + abs(tolerance))
                case .range(let range): number(range.lowerBound) + "[:]" + number(range.upperBound)
                }
            }
            pattern = full.isEmpty ? nil : full
        case .matching(let spec):
            definition["interactionType"] = "matching"
            definition["source"] = .array(spec.pairs.enumerated().map { component("s\($0.offset + 1)", $0.element.prompt, language) })
            let targets = spec.choices
            components = ("target", targets.enumerated().map { component("t\($0.offset + 1)", $0.element, language) })
            let pairs = spec.pairs.enumerated().compactMap { index, pair in
                targets.firstIndex(of: pair.match).map { "s\(index + 1)[.]t\($0 + 1)" }
            }
            pattern = pairs.isEmpty ? nil : [pairs.joined(separator: "[,]")]
        case .ordering(let items):
            definition["interactionType"] = "sequencing"
            components = ("choices", items.enumerated().map { component("\($0.offset + 1)", $0.element, language) })
            pattern = items.isEmpty ? nil : [items.indices.map { "\($0 + 1)" }.joined(separator: "[,]")]
        case .likert(let scale):
            definition["interactionType"] = "likert"
            components = ("scale", scale.enumerated().map { component("\($0.offset + 1)", $0.element, language) })
            pattern = nil
        case .freeText:
            definition["interactionType"] = "long-fill-in"
            components = nil
            pattern = nil
        case .description:
            definition["interactionType"] = "other"
            components = nil
            pattern = nil
        }
        if let (name, list) = components { definition[name] = .array(list) }
        if let pattern { definition["correctResponsesPattern"] = .array(pattern.map(JSONValue.string)) }
        return definition
    }

    /// Whether `answer` is the kind of answer `question` takes (a quiz file changed
    /// since the answer was given can break this).
    static func fits(_ answer: Answer, _ question: Question) -> Bool {
        switch (answer, question.kind) {
        case (.option, .singleChoice), (.options, .multipleResponse), (.bool, .trueFalse), (.text, .shortAnswer),
            (.number, .numeric), (.pairs, .matching), (.order, .ordering), (.likert, .likert), (.freeText, .freeText):
            true
        default:
            false
        }
    }

    /// `result.response` for `answer` in the format of the question's interaction type.
    static func response(_ answer: Answer, _ question: Question) -> String {
        switch (answer, question.kind) {
        case (.options(let ids), .multipleResponse(let options)):
            let known = options.map(\.id).filter { ids.contains($0) }
            let unknown = ids.subtracting(options.map(\.id)).sorted()
            return (known + unknown).joined(separator: "[,]")
        case (.pairs(let given), .matching(let spec)):
            let targets = spec.choices
            return spec.pairs.enumerated().compactMap { index, pair in
                given[pair.prompt].flatMap { targets.firstIndex(of: $0) }.map { "s\(index + 1)[.]t\($0 + 1)" }
            }.joined(separator: "[,]")
        case (.order(let given), .ordering(let items)):
            var used = Set<Int>()
            return given.compactMap { text -> String? in
                guard let index = items.indices.first(where: { items[$0] == text && !used.contains($0) }) else { return nil }
                used.insert(index)
                return "\(index + 1)"
            }.joined(separator: "[,]")
        default:
            return genericResponse(answer)
        }
    }

    /// A response when there is no question to read it against: ids and texts as recorded.
    static func genericResponse(_ answer: Answer) -> String {
        switch answer {
        case .option(let id): id
        case .options(let ids): ids.sorted().joined(separator: "[,]")
        case .bool(let value): value ? "true" : "false"
        case .text(let text), .freeText(let text): text
        case .number(let value): number(value)
        case .pairs(let pairs): pairs.keys.sorted().map { "\($0)[.]\(pairs[$0] ?? "")" }.joined(separator: "[,]")
        case .order(let items): items.joined(separator: "[,]")
        case .likert(let index): "\(index + 1)"
        }
    }

    static func component(_ id: String, _ text: String, _ language: String) -> JSONValue {
        .compact(["id": .string(id), "description": .languageMap(language, text)])
    }

    /// A number for a response or pattern: whole numbers without a fraction, others
    /// rounded to 9 decimals so `94.9 - 0.1` reads `94.8`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let rounded = (value * 1e9).rounded() / 1e9
        return JSONWriter.format(rounded.isFinite && abs(value) < 1e9 ? rounded : value)
    }
}
