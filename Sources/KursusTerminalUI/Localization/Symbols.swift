/// Status markers and line-drawing characters, with an ASCII fallback for terminals
/// whose locale is not UTF-8. Status is never shown by colour alone.
public struct Symbols: Hashable, Sendable {
    public var completed: String
    public var failed: String
    public var inProgress: String
    public var available: String
    public var locked: String
    public var cursor: String
    public var barFull: String
    public var barEmpty: String
    public var rule: String
    public var separator: String
    public var ellipsis: String
    public var isUnicode: Bool

    public static let unicode = Symbols(
        completed: "✓", failed: "✗", inProgress: "●", available: "○", locked: "⊘", cursor: "▸",
        barFull: "█", barEmpty: "░", rule: "─", separator: "·", ellipsis: "…", isUnicode: true
    )

    public static let ascii = Symbols(
        completed: "[x]", failed: "[!]", inProgress: "[>]", available: "[ ]", locked: "[-]", cursor: ">",
        barFull: "#", barEmpty: ".", rule: "-", separator: "-", ellipsis: "...", isUnicode: false
    )

    /// UTF-8 symbols when the locale says UTF-8 (LC_ALL, else LC_CTYPE, else LANG).
    public static func forEnvironment(_ environment: [String: String]) -> Symbols {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lowered = value.lowercased()
            return lowered.contains("utf-8") || lowered.contains("utf8") ? .unicode : .ascii
        }
        return .ascii
    }
}
