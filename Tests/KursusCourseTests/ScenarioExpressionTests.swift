import KursusCourse
import Testing

@Suite("Scenario condition language")
struct ScenarioExpressionTests {
    static func parse(_ text: String) throws -> ScenarioExpression {
        switch ExpressionParser.parse(text) {
        case .success(let expression): return expression
        case .failure(let failure): throw failure
        }
    }

    static func failure(_ text: String) -> ExpressionParser.Failure? {
        if case .failure(let failure) = ExpressionParser.parse(text) { return failure }
        return nil
    }

    static var environment: ScenarioExpression.Environment {
        ScenarioExpression.Environment(
            value: { ["tillid": .number(2), "plan_b": .flag(true), "score": .number(-3)][$0] },
            visits: { ["start": 2, "frys": 1][$0] ?? 0 }
        )
    }

    @Test("precedence: not binds tighter than and, and tighter than or")
    func precedence() throws {
        #expect(try Self.parse("a or b and c") == .or(.variable("a"), .and(.variable("b"), .variable("c"))))
        #expect(try Self.parse("not a and b") == .and(.not(.variable("a")), .variable("b")))
        #expect(try Self.parse("(a or b) and c") == .and(.or(.variable("a"), .variable("b")), .variable("c")))
        #expect(try Self.parse("a || b && !c") == .or(.variable("a"), .and(.variable("b"), .not(.variable("c")))))
        #expect(
            try Self.parse("x >= -2 and y != 3")
                == .and(.compare(.variable("x"), .greaterOrEqual, .number(-2)), .compare(.variable("y"), .notEqual, .number(3))))
        #expect(try Self.parse("visited(trin-2) or visits(start) > 1") == .or(.visited("trin-2"), .compare(.visits("start"), .greater, .number(1))))
    }

    @Test(
        "evaluation",
        arguments: [
            ("tillid >= 2", true), ("tillid > 2", false), ("tillid == 2 and plan_b", true), ("not plan_b", false),
            ("score < 0", true), ("score <= -4", false), ("visited(frys)", true), ("visited(slut)", false),
            ("visits(start) == 2", true), ("plan_b == true", true), ("plan_b != false", true), ("ukendt == 0", true),
            ("tillid == true", false), ("true and (false or tillid)", true), ("0", false),
        ])
    func evaluation(text: String, expected: Bool) throws {
        #expect(try Self.parse(text).holds(Self.environment) == expected)
    }

    @Test(
        "errors name the column",
        arguments: [
            ("a = 1", 3, "'=='"), ("a and", 6, "ends too early"), ("(a or b", 1, "never closed"), ("a b", 3, "after a complete condition"),
            ("1 < a < 3", 7, "cannot be chained"), ("visited(", 9, "needs a node id"), ("a & b", 3, "'and' or 'or'"),
            ("- a", 1, "followed by a number"),
            ("99999999999999999999", 1, "too large"), ("and a", 1, "needs a value before it"), ("a == )", 6, "found ')'"),
        ])
    func errors(text: String, column: Int, message: String) {
        let failure = Self.failure(text)
        #expect(failure?.column == column, "\(String(describing: failure))")
        #expect(failure?.message.contains(message) == true, "\(String(describing: failure))")
    }

    @Test("nesting 10,000 deep is refused with a clear error, not a stack overflow")
    func deepNesting() {
        let parens = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        #expect(Self.failure(parens)?.message.contains("nested more than \(ExpressionParser.maximumDepth) levels") == true)
        let nots = String(repeating: "not ", count: 10_000) + "a"
        #expect(Self.failure(nots)?.message.contains("nested more than") == true)
        // Just under the limit still parses.
        let fine =
            String(repeating: "(", count: ExpressionParser.maximumDepth - 1) + "a" + String(repeating: ")", count: ExpressionParser.maximumDepth - 1)
        #expect(throws: Never.self) { try Self.parse(fine) }
    }

    @Test("variables and node references are collected without recursion")
    func references() throws {
        let expression = try Self.parse("a and (b or not visited(x)) and visits(y) > c")
        #expect(expression.variables == ["a", "b", "c"])
        #expect(expression.nodeReferences == ["x", "y"])
    }
}
