/// Word wrap by display columns (`DisplayWidth`), for text the terminal UI lays out
/// itself: notes, messages, prompts and debriefs. (Markdown has its own line breaking.)
public enum WordWrap {
    /// `text` in lines of at most `width` display columns, broken at spaces. A word longer
    /// than the width is broken, so nothing is ever cut off at the edge.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while DisplayWidth.of(word) > width {
                if !current.isEmpty {
                    lines.append(current)
                    current = ""
                }
                var head = ""
                for character in word {
                    if DisplayWidth.of(head) + DisplayWidth.of(character) > width { break }
                    head.append(character)
                }
                guard !head.isEmpty else { break }
                lines.append(head)
                word.removeFirst(head.count)
            }
            guard !word.isEmpty else { continue }
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayWidth.of(candidate) > width, !current.isEmpty {
                lines.append(current)
                current = word
            } else {
                current = candidate
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
