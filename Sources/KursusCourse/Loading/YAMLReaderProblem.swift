import Yams

/// Where libyaml's reader stopped. The reader refuses some characters (control
/// characters, bytes that are not UTF-8) before anything is parsed, and Yams gives such
/// an error with a character offset instead of a line: this turns it into the line and
/// column a trainer can find in an editor.
public struct YAMLReaderProblem: Equatable, Sendable {
    public var line: Int
    public var column: Int
    /// What is wrong and what to do, such as "control characters are not allowed (U+0007 here); remove it".
    public var problem: String

    /// The message for a diagnostic: "YAML could not be read: " and the problem.
    public var message: String { "YAML could not be read: \(problem)" }

    /// The place of a reader error; nil for every other kind of error.
    public init?(_ error: YamlError) {
        guard case let .reader(problem, offset, value, yaml) = error else { return nil }
        (line, column) = offset.map { Self.position(ofCharacter: $0, in: yaml) } ?? (1, 1)
        if problem.contains("control characters"), value >= 0 {
            let code = String(value, radix: 16, uppercase: true)
            self.problem = "\(problem) (U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code) here); remove it"
        } else {
            self.problem = problem
        }
    }

    /// Line and column (from 1, in characters) of the character at `offset`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        for character in text.prefix(max(0, offset)) {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
