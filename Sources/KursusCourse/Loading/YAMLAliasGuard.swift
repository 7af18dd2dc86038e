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

    static let message =
        "aliases ('*name') are not allowed in course files; write the content out. If this is text that starts with '*', put it in quotes"

    /// Works on UTF-8 bytes: every character YAML gives meaning to is ASCII, and bytes of
    /// multi-byte characters (0x80 and up) never look like one. The column is counted in
    /// characters only for the finding.
    static func firstAlias(in text: String) -> Finding? {
        var scanner = Scanner()
        var lineNumber = 0
        var copy = text
        return copy.withUTF8 { bytes -> Finding? in
            var start = 0
            while start <= bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                lineNumber += 1
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                if let offset = scanner.scan(line) {
                    let before = String(decoding: UnsafeBufferPointer(rebasing: line[0..<offset]), as: UTF8.self)
                    return Finding(line: lineNumber, column: before.count + 1)
                }
                start = end + 1
            }
            return nil
        }
    }

    private struct Scanner {
        /// Inside a block scalar: lines indented more than this are its content.
        var blockParentIndent: Int?
        var quote: UInt8?
        var flowDepth = 0
        static let aliasEnders: [UInt8] = Array(" \t,[]{}".utf8)
        static let flowEnders: [UInt8] = Array(",]}".utf8)

        static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t"), cr = UInt8(ascii: "\r")

        /// The byte offset of an alias on this line, if one starts a node here.
        mutating func scan(_ line: UnsafeBufferPointer<UInt8>) -> Int? {
            let (space, tab, cr) = (Self.space, Self.tab, Self.cr)
            let indent = line.prefix { $0 == space }.count
            if let parent = blockParentIndent {
                let blank = line.allSatisfy { $0 == space || $0 == tab || $0 == cr }
                if blank || indent > parent { return nil }
                blockParentIndent = nil
            }
            var i = 0
            var nodeStart = quote == nil
            while i < line.count {
                let c = line[i]
                if let open = quote {
                    if open == UInt8(ascii: "'") && c == UInt8(ascii: "'") {
                        if i + 1 < line.count, line[i + 1] == UInt8(ascii: "'") { i += 2; continue }
                        quote = nil
                    } else if open == UInt8(ascii: "\"") && c == UInt8(ascii: "\\") {
                        i += 2
                        continue
                    } else if c == open {
                        quote = nil
                    }
                    i += 1
                    continue
                }
                if c == space || c == tab || c == cr { i += 1; continue }
                if c == UInt8(ascii: "#"), i == 0 || line[i - 1] == space || line[i - 1] == tab { return nil }
                if nodeStart {
                    switch c {
                    case UInt8(ascii: "*"):
                        if i + 1 < line.count, !Self.aliasEnders.contains(line[i + 1]) { return i }
                        nodeStart = false
                    case UInt8(ascii: "\""), UInt8(ascii: "'"):
                        quote = c
                    case UInt8(ascii: "["), UInt8(ascii: "{"):
                        flowDepth += 1
                        i += 1
                        continue
                    case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                        if i + 1 == line.count || line[i + 1] == space || line[i + 1] == tab {
                            i += 1
                            continue
                        }
                        nodeStart = false
                    case UInt8(ascii: "|"), UInt8(ascii: ">"):
                        blockParentIndent = indent
                        return nil
                    case UInt8(ascii: "&"), UInt8(ascii: "!"):
                        // An anchor or a tag: the node itself follows after a space.
                        while i < line.count, line[i] != space { i += 1 }
                        continue
                    default:
                        nodeStart = false
                    }
                    i += 1
                    continue
                }
                // Inside a plain scalar or after a closed one.
                if c == UInt8(ascii: ":"),
                    i + 1 == line.count || line[i + 1] == space || line[i + 1] == tab || (flowDepth > 0 && Self.flowEnders.contains(line[i + 1]))
                {
                    nodeStart = true
                } else if flowDepth > 0, c == UInt8(ascii: ",") || c == UInt8(ascii: "[") || c == UInt8(ascii: "{") {
                    if c != UInt8(ascii: ",") { flowDepth += 1 }
                    nodeStart = true
                } else if flowDepth > 0, c == UInt8(ascii: "]") || c == UInt8(ascii: "}") {
                    flowDepth = max(0, flowDepth - 1)
                }
                i += 1
            }
            return nil
        }
    }
}
