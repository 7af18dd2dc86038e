/// Finds YAML aliases (`*name`) before a text is composed. Course files may not use
/// them: an alias is a full copy of the node it names, so a few lines of nested aliases
/// ("billion laughs") expand to gigabytes and hours of work. Without aliases a composed
/// tree is never larger than its text.
///
/// This is a scanner, not a parser: it follows what YAML counts as the start of a node
/// (line starts, `- `, `: `, `? `, and inside `[ ]` and `{ }` also `,`), skips quoted
/// scalars, comments and block scalars (`|`, `>`), and reports a `*` that starts a node.
/// Text like "Tjek lyd, *vigtigt*" inside a plain scalar is not a node start and passes.
enum YAMLAliasGuard {
    struct Finding: Equatable {
        var line: Int
        var column: Int
    }

    static let message = "aliases ('*name') are not allowed in course files; write the content out. If this is text that starts with '*', put it in quotes"

    static func firstAlias(in text: String) -> Finding? {
        var scanner = Scanner()
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if let column = scanner.scan(Array(line.unicodeScalars)) { return Finding(line: lineNumber, column: column) }
        }
        return nil
    }

    private struct Scanner {
        /// Inside a block scalar: lines indented more than this are its content.
        var blockParentIndent: Int?
        var quote: Unicode.Scalar?
        var flowDepth = 0

        /// The 1-based column of an alias on this line, if one starts a node here.
        mutating func scan(_ line: [Unicode.Scalar]) -> Int? {
            let indent = line.prefix { $0 == " " }.count
            if let parent = blockParentIndent {
                let blank = line.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
                if blank || indent > parent { return nil }
                blockParentIndent = nil
            }
            var i = 0
            var nodeStart = quote == nil
            while i < line.count {
                let c = line[i]
                if let open = quote {
                    if open == "'" && c == "'" {
                        if i + 1 < line.count, line[i + 1] == "'" { i += 2; continue }
                        quote = nil
                    } else if open == "\"" && c == "\\" {
                        i += 2
                        continue
                    } else if c == open {
                        quote = nil
                    }
                    i += 1
                    continue
                }
                if c == " " || c == "\t" || c == "\r" { i += 1; continue }
                if c == "#", i == 0 || line[i - 1] == " " || line[i - 1] == "\t" { return nil }
                if nodeStart {
                    switch c {
                    case "*":
                        if i + 1 < line.count, !" \t,[]{}".unicodeScalars.contains(line[i + 1]) { return i + 1 }
                        nodeStart = false
                    case "\"", "'":
                        quote = c
                    case "[", "{":
                        flowDepth += 1
                        i += 1
                        continue
                    case "-", "?", ":":
                        if i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "\t" {
                            i += 1
                            continue
                        }
                        nodeStart = false
                    case "|", ">":
                        blockParentIndent = indent
                        return nil
                    case "&", "!":
                        // An anchor or a tag: the node itself follows after a space.
                        while i < line.count, line[i] != " " { i += 1 }
                        continue
                    default:
                        nodeStart = false
                    }
                    i += 1
                    continue
                }
                // Inside a plain scalar or after a closed one.
                if c == ":", i + 1 == line.count || line[i + 1] == " " || line[i + 1] == "\t" || (flowDepth > 0 && ",]}".unicodeScalars.contains(line[i + 1])) {
                    nodeStart = true
                } else if flowDepth > 0, c == "," || c == "[" || c == "{" {
                    if c != "," { flowDepth += 1 }
                    nodeStart = true
                } else if flowDepth > 0, c == "]" || c == "}" {
                    flowDepth = max(0, flowDepth - 1)
                }
                i += 1
            }
            return nil
        }
    }
}
