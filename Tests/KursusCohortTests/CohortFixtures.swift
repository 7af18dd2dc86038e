import Foundation
import KursusCohort
import KursusCourse
import KursusRecords

/// The bundled course, the default cohort made from it, and simple sums over its
/// statements (the report code is not used here: these tests check the generator).
enum CohortFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let course = root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    static func cohort(_ options: CohortOptions = CohortOptions()) throws -> CohortGenerator {
        try CohortGenerator.load(course: course, options: options)
    }

    /// The default cohort (seed 1, 3 teams × 25) with every learner's statements, parsed.
    static let standard: (cohort: CohortGenerator, statements: [(learner: CohortLearner, values: [JSONValue])])? = {
        guard let made = try? CohortFixtures.cohort() else { return nil }
        let statements = made.learners.map { learner in
            (learner, made.statements(for: learner).compactMap { try? JSONParser.parse($0.json) })
        }
        return (made, statements)
    }()

    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("kursus-cohort-\(name)-\(UUID().uuidString)")
    }

    static func verb(_ statement: JSONValue) -> String {
        (statement["verb"]?["id"]?.stringValue ?? "").split(separator: "/").last.map(String.init) ?? ""
    }

    /// The last part of the object's id (`.../questions/<id>` → `<id>`).
    static func objectTail(_ statement: JSONValue) -> String {
        (statement["object"]?["id"]?.stringValue ?? "").split(separator: "/").last.map(String.init) ?? ""
    }

    /// Whether the statement is about a part of the unit (`.../units/<unit>/...`).
    static func isIn(_ statement: JSONValue, unit: String) -> Bool {
        (statement["object"]?["id"]?.stringValue ?? "").contains("/units/\(unit)/")
            || (statement["object"]?["id"]?.stringValue ?? "").hasSuffix("/units/\(unit)")
    }

    static func attempt(_ statement: JSONValue) -> Int? {
        contextExtension(statement, "attempt")?.numberValue.map { Int($0) }
    }

    static func contextExtension(_ statement: JSONValue, _ name: String) -> JSONValue? {
        guard case .object(let extensions)? = statement["context"]?["extensions"] else { return nil }
        return extensions.first { $0.key.hasSuffix("/extensions/\(name)") }?.value
    }

    static func resultExtension(_ statement: JSONValue, _ name: String) -> JSONValue? {
        guard case .object(let extensions)? = statement["result"]?["extensions"] else { return nil }
        return extensions.first { $0.key.hasSuffix("/extensions/\(name)") }?.value
    }
}
