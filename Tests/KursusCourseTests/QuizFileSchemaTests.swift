import Foundation
import Testing
@testable import KursusCourse

/// Assets/schemas/quiz.schema.json must know exactly the keys the parser knows.
@Suite("Quiz files: the JSON Schema matches the parser")
struct QuizFileSchemaTests {
    func schema() throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Assets/schemas/quiz.schema.json")
        let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url))
        return try #require(object as? [String: Any])
    }

    func keys(_ object: Any?) -> Set<String> {
        Set(((object as? [String: Any])?["properties"] as? [String: Any])?.keys ?? [:].keys)
    }

    @Test("top-level, question, option, answer and pair keys are the same as the parser's")
    func sameKeys() throws {
        let schema = try schema()
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(keys(schema) == Set(QuizFileParser.quizKeys))
        let definitions = try #require(schema["$defs"] as? [String: Any])
        for type in QuestionType.allCases {
            let name = "question" + type.rawValue.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
            #expect(keys(definitions[name]) == Set(["type"] + type.keys), "\(type.rawValue)")
        }
        #expect(keys(definitions["option"]) == Set(QuizFileParser.optionKeys))
        #expect(keys(definitions["pair"]) == Set(QuizFileParser.pairKeys))
        let numericForms = try #require((definitions["numericAnswer"] as? [String: Any])?["oneOf"] as? [Any])
        #expect(numericForms.map(keys).reduce(Set<String>()) { $0.union($1) } == Set(QuizFileParser.numericAnswerKeys))
        let shortForms = try #require((definitions["shortAnswer"] as? [String: Any])?["oneOf"] as? [Any])
        #expect(shortForms.map(keys).reduce(Set<String>()) { $0.union($1) } == Set(QuizFileParser.shortAnswerKeys))
    }
}
