import Foundation
import KursusText

/// Finds references in Markdown without laying it out, for validation.
public enum MarkdownScanner {
    /// The local images `markdown` shows (inline, reference-style, in any
    /// container or table), in document order. URLs with a scheme
    /// (`http:`, `https:`, `data:` …), protocol-relative `//` URLs and empty
    /// destinations are left out. Images inside raw HTML are not seen.
    public static func imageReferences(in markdown: String) -> [AssetReference] {
        findings(in: markdown).images
    }

    /// The local images `markdown` shows (as `imageReferences(in:)`), the lines
    /// that nest block quotes and list items deeper than `NestingLimit.maximumDepth`
    /// and the tables cut off after `MarkdownPieces.maximumTableCells` cells.
    /// Parses piece by piece, as the layout does, so memory stays bounded.
    public static func findings(in markdown: String) -> MarkdownFindings {
        var source = markdown
        return source.withUTF8 { bytes in
            let pieces = MarkdownPieces(bytes)
            var found: [(url: String, line: Int, byteColumn: Int)] = []
            var kinds = NodeKinds()
            for index in pieces.pieces.indices {
                let lineOffset = pieces.pieces[index].firstLine - 1
                pieces.withText(of: index, in: bytes) { text in
                    // Only images are looked for: a piece without `![` has none.
                    guard mayHoldImage(text) else { return }
                    CmarkArena.withTree(text) { tree in
                        tree?.walk { event, node in
                            guard event == .enter, kinds.kind(of: node) == .image else { return }
                            let url = node.url
                            guard isLocal(url) else { return }
                            found.append((url, node.startLine + lineOffset, node.startColumn))
                        }
                    }
                }
            }
            let deep = pieces.flattened.map { MarkdownFindings.Place(line: $0.line, column: $0.column) }
            let cutTables = pieces.tablesCutOff.map { MarkdownFindings.Place(line: $0, column: 1) }
            func result(_ images: [AssetReference]) -> MarkdownFindings {
                MarkdownFindings(
                    images: images, deepNesting: deep, nestingLimit: NestingLimit.maximumDepth, cutTables: cutTables,
                    tableCellLimit: MarkdownPieces.maximumTableCells)
            }
            guard !found.isEmpty else { return result([]) }
            // A backslash put in before a marker beyond the limit moved what follows it.
            var escapes: [Int: Int] = [:]
            for place in pieces.flattened { escapes[place.line] = place.escapeOffset }
            let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            var cursor = ColumnCursor()
            let images = found.map { reference in
                var byteColumn = reference.byteColumn
                if let escape = escapes[reference.line], reference.line <= lines.count,
                    byteColumn - 1 > escape - lines[reference.line - 1].startIndex
                {
                    byteColumn -= 1
                }
                return AssetReference(
                    path: percentDecoded(reference.url), line: reference.line,
                    column: cursor.scalarColumn(lines, line: reference.line, byteColumn: byteColumn))
            }
            return result(images)
        }
    }

    /// Whether `text` holds `![`, without which Markdown has no image (a backslash or
    /// an entity in place of `!` gives no image either), so a piece without it need
    /// not be parsed to find images: most pieces of most lessons, and every piece of a
    /// huge list or table, which took `validate` most of its time.
    static func mayHoldImage(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = text.baseAddress else { return false }
        var index = 0
        while index + 1 < text.count {
            guard let mark = memchr(base + index, Int32(UInt8(ascii: "!")), text.count - index - 1) else { return false }
            let offset = UnsafeRawPointer(mark) - UnsafeRawPointer(base)
            if text[offset + 1] == UInt8(ascii: "[") { return true }
            index = offset + 1
        }
        return false
    }

    /// Whether `url` names a local file: not empty, no scheme, not `//host`.
    static func isLocal(_ url: String) -> Bool {
        guard !url.isEmpty, !url.hasPrefix("//") else { return false }
        var sawLetter = false
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                sawLetter = true
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if !sawLetter { return true }
            case UInt8(ascii: ":"):
                return !sawLetter
            default:
                return true
            }
        }
        return true
    }

    /// Converts cmark-gfm's byte columns to columns in scalars. References
    /// come in document order, so one line is scanned once, however many
    /// images it holds.
    private struct ColumnCursor {
        private var line = 0
        private var bytes = 0
        private var column = 1
        private var index: Int?

        mutating func scalarColumn(_ lines: [Slice<UnsafeBufferPointer<UInt8>>], line: Int, byteColumn: Int) -> Int {
            guard line >= 1, line <= lines.count, byteColumn >= 1 else { return max(1, byteColumn) }
            let text = lines[line - 1]
            if line != self.line || byteColumn - 1 < bytes || index == nil {
                self.line = line
                bytes = 0
                column = 1
                index = text.startIndex
            }
            var position = index ?? text.startIndex
            while bytes < byteColumn - 1 && position < text.endIndex {
                if text[position] & 0xC0 != 0x80 { column += 1 }
                bytes += 1
                text.formIndex(after: &position)
            }
            index = position
            return column
        }
    }

    /// `text` with valid `%XX` escapes decoded; kept as written when the
    /// decoded bytes are not UTF-8 or hold a control character.
    static func percentDecoded(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return text }
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "%"), index + 2 < source.count,
                let high = hexValue(source[index + 1]), let low = hexValue(source[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        guard let decoded = String(validating: bytes, as: UTF8.self), TerminalSafe.isSafe(decoded) else { return text }
        return decoded
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
