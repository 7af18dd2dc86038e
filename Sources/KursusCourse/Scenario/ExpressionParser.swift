/// Tokenizer and recursive-descent parser for scenario conditions. Nesting is limited
/// (`maximumDepth`), so `((((…))))` 10,000 deep is a clear error, never a stack overflow.
///
///     or         := and ( ("or" | "||") and )*
///     and        := not ( ("and" | "&&") not )*
///     not        := ("not" | "!") not | comparison
///     comparison := primary ( ("==" | "!=" | "<" | "<=" | ">" | ">=") primary )?
///     primary    := NUMBER | "-" NUMBER | "true" | "false" | NAME
///                 | ("visited" | "visits") "(" NODE-ID ")" | "(" or ")"
public enum ExpressionParser {
    public static let maximumDepth = 64
    public static let maximumLength = 64 * 1024

    /// A problem with its 1-based column in the expression text.
    public struct Failure: Error, Hashable, Sendable {
        public var column: Int
        public var message: String
    }

    public static func parse(_ text: String) -> Result<ScenarioExpression, Failure> {
        guard text.utf8.count <= maximumLength else {
            return .failure(Failure(column: 1, message: "the condition is longer than \(maximumLength) bytes"))
        }
        let tokens: [Token]
        switch tokenize(text) {
        case .failure(let failure): return .failure(failure)
        case .success(let list): tokens = list
        }
        var parser = Parser(tokens: tokens)
        do {
            let expression = try parser.parseOr()
            if let extra = parser.peek {
                throw Failure(
                    column: extra.column, message: "unexpected '\(extra.text)' after a complete condition; join conditions with 'and' or 'or'")
            }
            return .success(expression)
        } catch let failure as Failure {
            return .failure(failure)
        } catch {
            return .failure(Failure(column: 1, message: "\(error)"))
        }
    }

    struct Token: Hashable {
        enum Kind: Hashable { case number(Int), name(String), symbol(String) }
        var kind: Kind
        var text: String
        var column: Int
    }

    static func tokenize(_ text: String) -> Result<[Token], Failure> {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isNameStart(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic || s == "_" }
        func isNamePart(_ s: Unicode.Scalar) -> Bool { isNameStart(s) || ("0"..."9").contains(s) || s == "-" || s == "." }
        while i < scalars.count {
            let s = scalars[i]
            let column = i + 1
            if s == " " || s == "\t" || s == "\n" || s == "\r" { i += 1; continue }
            if ("0"..."9").contains(s) {
                var j = i
                while j < scalars.count, ("0"..."9").contains(scalars[j]) { j += 1 }
                let digits = String(String.UnicodeScalarView(scalars[i..<j]))
                guard let value = Int(digits), digits.count <= 12 else {
                    return .failure(Failure(column: column, message: "the number '\(digits.prefix(20))' is too large"))
                }
                tokens.append(Token(kind: .number(value), text: digits, column: column))
                i = j
                continue
            }
            if isNameStart(s) {
                var j = i
                // '-' and '.' may appear inside node ids (visited(trin-2)); a name never ends with them.
                while j < scalars.count, isNamePart(scalars[j]) { j += 1 }
                while j > i + 1, scalars[j - 1] == "-" || scalars[j - 1] == "." { j -= 1 }
                let name = String(String.UnicodeScalarView(scalars[i..<j]))
                tokens.append(Token(kind: .name(name), text: name, column: column))
                i = j
                continue
            }
            let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([s, scalars[i + 1]])) : ""
            if ["==", "!=", "<=", ">=", "&&", "||"].contains(two) {
                tokens.append(Token(kind: .symbol(two), text: two, column: column))
                i += 2
                continue
            }
            if "()<>!-".unicodeScalars.contains(s) {
                tokens.append(Token(kind: .symbol(String(s)), text: String(s), column: column))
                i += 1
                continue
            }
            let hint = s == "=" ? "; to compare, write '=='" : (s == "&" || s == "|" ? "; write 'and' or 'or'" : "")
            return .failure(Failure(column: column, message: "unexpected character '\(s.escaped(asASCII: true))'\(hint)"))
        }
        return .success(tokens)
    }

    struct Parser {
        let tokens: [Token]
        var position = 0
        var depth = 0

        var peek: Token? { position < tokens.count ? tokens[position] : nil }
        var endColumn: Int { (tokens.last.map { $0.column + $0.text.unicodeScalars.count }) ?? 1 }

        mutating func advance() -> Token? {
            defer { position += 1 }
            return peek
        }

        func isKeyword(_ token: Token?, _ words: String...) -> Bool {
            guard let token else { return false }
            switch token.kind {
            case .name(let n): return words.contains(n)
            case .symbol(let s): return words.contains(s)
            case .number: return false
            }
        }

        mutating func enter(_ token: Token?) throws(Failure) {
            depth += 1
            if depth > ExpressionParser.maximumDepth {
                throw Failure(
                    column: token?.column ?? endColumn,
                    message: "the condition is nested more than \(ExpressionParser.maximumDepth) levels deep; write it more simply")
            }
        }

        mutating func parseOr() throws(Failure) -> ScenarioExpression {
            try enter(peek)
            defer { depth -= 1 }
            var left = try parseAnd()
            while isKeyword(peek, "or", "||") {
                position += 1
                left = .or(left, try parseAnd())
            }
            return left
        }

        mutating func parseAnd() throws(Failure) -> ScenarioExpression {
            var left = try parseNot()
            while isKeyword(peek, "and", "&&") {
                position += 1
                left = .and(left, try parseNot())
            }
            return left
        }

        mutating func parseNot() throws(Failure) -> ScenarioExpression {
            if isKeyword(peek, "not", "!") {
                try enter(peek)
                defer { depth -= 1 }
                position += 1
                return .not(try parseNot())
            }
            return try parseComparison()
        }

        mutating func parseComparison() throws(Failure) -> ScenarioExpression {
            let left = try parsePrimary()
            guard let token = peek, case .symbol(let s) = token.kind, let op = ScenarioExpression.ComparisonOperator(rawValue: s) else {
                return left
            }
            position += 1
            let right = try parsePrimary()
            if let next = peek, case .symbol(let s2) = next.kind, ScenarioExpression.ComparisonOperator(rawValue: s2) != nil {
                throw Failure(column: next.column, message: "comparisons cannot be chained; write 'a < b and b < c'")
            }
            return .compare(left, op, right)
        }

        mutating func parsePrimary() throws(Failure) -> ScenarioExpression {
            guard let token = advance() else {
                throw Failure(column: endColumn, message: "the condition ends too early; a value or a name is missing")
            }
            switch token.kind {
            case .number(let n):
                return .number(n)
            case .symbol("-"):
                guard let next = advance(), case .number(let n) = next.kind else {
                    throw Failure(column: token.column, message: "'-' must be followed by a number")
                }
                return .number(-n)
            case .symbol("("):
                let inner = try parseOr()
                guard let close = advance(), close.kind == .symbol(")") else {
                    throw Failure(column: token.column, message: "this '(' is never closed; add ')'")
                }
                return inner
            case .name("true"): return .flag(true)
            case .name("false"): return .flag(false)
            case .name(let word) where word == "visited" || word == "visits":
                guard let open = advance(), open.kind == .symbol("(") else {
                    throw Failure(column: token.column, message: "write '\(word)(node-id)'")
                }
                guard let idToken = advance(), case .name(let id) = idToken.kind else {
                    throw Failure(column: open.column + 1, message: "'\(word)(…)' needs a node id")
                }
                guard let close = advance(), close.kind == .symbol(")") else {
                    throw Failure(column: open.column, message: "'\(word)(' is never closed; add ')'")
                }
                return word == "visited" ? .visited(id) : .visits(id)
            case .name(let word) where ["and", "or", "not"].contains(word):
                throw Failure(column: token.column, message: "'\(word)' needs a value before it")
            case .name(let name):
                return .variable(name)
            case .symbol(let s):
                throw Failure(column: token.column, message: "expected a value, a name or '(' but found '\(s)'")
            }
        }
    }
}
