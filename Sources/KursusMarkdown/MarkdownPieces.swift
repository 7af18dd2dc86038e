import Foundation

/// Markdown source cut into pieces that cmark-gfm parses one at a time, so that memory
/// stays bounded by the size of a piece, not of the document.
///
/// cmark-gfm keeps every node of a document until it is freed, at about 250 bytes a
/// node, and dense Markdown (`- x` lines, `_a_a_a…`, table rows) has about one node
/// every two bytes: a 4 MiB lesson once took 700 MB to 1 GB whatever was done with the
/// tree. Pieces of about `targetSize` bytes keep a parse to a few dozen megabytes.
///
/// A document is cut, where it can be, only where the result is the same as one parse:
/// before a line that follows a blank line, starts in column 1 and cannot continue a
/// list (not a space, tab, `-`, `+`, `*` or digit), outside a fenced code block opened
/// in column 1 and outside an HTML block that only ends at its end tag (`<!--`,
/// `<pre>`, `<script>`, `<style>`, `<textarea>`, `<?`, `<!X`, `<![CDATA[`). Link
/// reference definitions (single-line ones, up to `definitionsLimit` bytes) are
/// repeated after every piece whose text names their label in brackets, so a link
/// finds a definition from another piece (repeating all of them after every piece made
/// a document with thousands of definitions parse them dozens of times over).
/// Only a block longer than `targetSize` with no such place (a huge list, table or
/// paragraph: hostile, not a lesson) is cut at the next line start instead, or inside
/// a line longer than `targetSize`; a cut list then shows as two lists, a cut
/// paragraph as two paragraphs. A document no longer than `targetSize` is one piece.
/// A table is also cut after `tableCells` cells (cmark-gfm gives every row as many
/// cells as the header has, so a wide header over short rows is dense); the next piece
/// repeats its header row and delimiter row, so it shows as a table with that header.
/// A header row longer than a quarter of a piece is never repeated (its table is cut
/// like any other block: cmark-gfm keeps about half a header's size for every row).
/// After `maximumTableCells` cells in all, the rest of the table's rows are cut off
/// without the header and show as text: otherwise 4 MiB of one-byte rows under a
/// 1,000-column header would be two billion cells.
///
/// The pieces also apply the `NestingLimit`: a backslash goes before a line's first
/// container marker beyond the limit, so that the rest of the line is text.
struct MarkdownPieces {
    /// The size from which a document is cut.
    static let targetSize = 64 << 10
    /// The most bytes of link reference definitions repeated after each piece.
    static let definitionsLimit = 32 << 10
    /// The most table cells in one piece.
    static let tableCells = 1 << 14
    /// The most cells of one table shown as a table: far more than a lesson's table
    /// needs (a thousand rows of sixty columns), and few enough that laying out a
    /// hostile table stays well under the 2 s any accepted lesson may take (at 262,144
    /// cells, laying out the table alone took about a second).
    static let maximumTableCells = 1 << 16

    struct Piece {
        /// The bytes of the source the piece holds.
        var range: Range<Int>
        /// The 1-based line of the source its first byte is on.
        var firstLine: Int
        /// A table's header and delimiter rows, put before the piece (which continues
        /// the table's rows).
        var tableHeader: Range<Int>? = nil

        /// Lines put before the piece's own.
        var linesBefore: Int { tableHeader == nil ? 0 : 2 }
    }

    private(set) var pieces: [Piece] = []
    /// Lines whose containers go deeper than the limit, in source order.
    private(set) var flattened: [NestingLimit.Flattened] = []
    /// The 1-based line of the first row of each table whose rows past
    /// `maximumTableCells` are cut off and show as text.
    private(set) var tablesCutOff: [Int] = []
    /// The link reference definitions a piece may need (when there are several pieces).
    private(set) var definitions: [LinkDefinition] = []
    /// The indices into `definitions` of each label.
    private var definitionsByLabel: [String: [Int]] = [:]

    /// The pieces of `bytes`, each at most about `targetSize` bytes.
    init(_ bytes: UnsafeBufferPointer<UInt8>, targetSize: Int = MarkdownPieces.targetSize) {
        var scan = PieceScanner(bytes: bytes, targetSize: max(64, targetSize))
        scan.run()
        pieces = scan.pieces
        flattened = scan.flattened
        tablesCutOff = scan.tablesCutOff
        definitions = pieces.count > 1 ? scan.definitions : []
        for (index, definition) in definitions.enumerated() {
            definitionsByLabel[definition.label, default: []].append(index)
        }
    }

    /// Calls `body` with the text cmark-gfm parses for piece `index`: its bytes with the
    /// nesting escapes put in, followed by the shared link reference definitions.
    func withText<Result>(
        of index: Int, in bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Result
    ) -> Result {
        let piece = pieces[index]
        let escapes = flattened.lazy.map(\.escapeOffset).filter { piece.range.contains($0) }
        if escapes.isEmpty && definitions.isEmpty && piece.tableHeader == nil {
            return body(UnsafeBufferPointer(rebasing: bytes[piece.range]))
        }
        var text: [UInt8] = []
        let needed = neededDefinitions(in: UnsafeBufferPointer(rebasing: bytes[piece.range]))
        text.reserveCapacity(piece.range.count + needed.reduce(0) { $0 + $1.line.count + 1 } + 16)
        if let header = piece.tableHeader {
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[header]))
            text.append(UInt8(ascii: "\n"))
        }
        var position = piece.range.lowerBound
        for escape in escapes {
            text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<escape]))
            text.append(UInt8(ascii: "\\"))
            position = escape
        }
        text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[position..<piece.range.upperBound]))
        if !needed.isEmpty {
            text.append(contentsOf: [UInt8(ascii: "\n"), UInt8(ascii: "\n")])
            for definition in needed {
                text.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[definition.line]))
                text.append(UInt8(ascii: "\n"))
            }
        }
        return text.withUnsafeBufferPointer(body)
    }

    /// The definitions whose label the piece names: every `[…]` in it (a link's text,
    /// a full reference's label, a shortcut) is a candidate, compared as cmark-gfm
    /// compares labels (case folded, runs of white space as one space).
    private func neededDefinitions(in piece: UnsafeBufferPointer<UInt8>) -> [LinkDefinition] {
        guard !definitions.isEmpty else { return [] }
        var needed: [Int] = []
        var scratch: [UInt8] = []
        guard let base = piece.baseAddress else { return [] }
        var index = 0
        while index < piece.count {
            guard let bracket = memchr(base + index, Int32(UInt8(ascii: "[")), piece.count - index) else { break }
            index = UnsafeRawPointer(bracket) - UnsafeRawPointer(base)
            var end = index + 1
            while end < piece.count && end - index <= LinkDefinition.longestLabel && piece[end] != UInt8(ascii: "]") {
                if piece[end] == UInt8(ascii: "[") { break }
                if piece[end] == UInt8(ascii: "\\") { end += 1 }
                end += 1
            }
            if end < piece.count && piece[end] == UInt8(ascii: "]") {
                let label = LinkDefinition.normalized(UnsafeBufferPointer(rebasing: piece[(index + 1)..<end]), scratch: &scratch)
                if let indices = definitionsByLabel[label] { needed += indices }
            }
            index = end > index + 1 && end < piece.count && piece[end] == UInt8(ascii: "[") ? end : index + 1
        }
        // In source order, each once.
        needed.sort()
        var result: [LinkDefinition] = []
        var last = -1
        for index in needed where index != last {
            result.append(definitions[index])
            last = index
        }
        return result
    }
}

/// The line-by-line scan behind `MarkdownPieces`.
private struct PieceScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let targetSize: Int
    var pieces: [MarkdownPieces.Piece] = []
    var flattened: [NestingLimit.Flattened] = []
    var tablesCutOff: [Int] = []
    var definitions: [LinkDefinition] = []
    private var definitionBytes = 0

    private var pieceStart = 0
    private var pieceLine = 1
    private var pieceHeader: Range<Int>?
    /// The previous line, when it was not blank.
    private var previousLine: Range<Int>?
    /// The open table: its header and delimiter rows, its columns and the cells
    /// of its rows in this piece.
    private var table: (header: Range<Int>, columns: Int, cells: Int, total: Int)?
    /// Rows of a table past `maximumTableCells` follow, until a blank line.
    private var tableOverflow = false
    /// The last place since `pieceStart` where a cut changes nothing.
    private var lastSafe: (offset: Int, line: Int)?
    /// The open fenced code block's symbol and length.
    private var fence: (symbol: UInt8, count: Int)?
    /// The text that ends the open HTML block (lowercase).
    private var htmlEnd: [UInt8]?
    private var previousBlank = true
    private var previousDefinition = false

    init(bytes: UnsafeBufferPointer<UInt8>, targetSize: Int) {
        self.bytes = bytes
        self.targetSize = targetSize
    }

    mutating func run() {
        let count = bytes.count
        var start = 0
        var line = 1
        guard let base = bytes.baseAddress else {
            pieces.append(MarkdownPieces.Piece(range: 0..<0, firstLine: 1))
            return
        }
        while start < count {
            let newline = memchr(base + start, Int32(UInt8(ascii: "\n")), count - start)
            let end = newline.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
            scanLine(start, end, line)
            start = end + 1
            line += 1
        }
        pieces.append(MarkdownPieces.Piece(range: pieceStart..<count, firstLine: pieceLine, tableHeader: pieceHeader))
    }

    private mutating func cut(at offset: Int, line: Int, tableHeader: Range<Int>? = nil) {
        guard offset > pieceStart else { return }
        pieces.append(MarkdownPieces.Piece(range: pieceStart..<offset, firstLine: pieceLine, tableHeader: pieceHeader))
        pieceStart = offset
        pieceLine = line
        pieceHeader = tableHeader
        lastSafe = nil
    }

    private mutating func scanLine(_ start: Int, _ end: Int, _ line: Int) {
        if let open = fence {
            if closesFence(start, end, open) { fence = nil }
            previousBlank = false
            return
        }
        if let ending = htmlEnd {
            if contains(ending, start, end) { htmlEnd = nil }
            previousBlank = false
            return
        }
        var first = start
        while first < end && (bytes[first] == UInt8(ascii: " ") || bytes[first] == UInt8(ascii: "\t")) { first += 1 }
        if first == end || (first + 1 == end && bytes[first] == UInt8(ascii: "\r")) {
            previousBlank = true
            previousDefinition = false
            previousLine = nil
            table = nil
            tableOverflow = false
            return
        }
        defer { previousLine = start..<end }
        if var open = table {
            open.cells += open.columns
            open.total += open.columns
            if open.total > MarkdownPieces.maximumTableCells {
                cut(at: start, line: line)
                tablesCutOff.append(line)
                table = nil
                tableOverflow = true
            } else {
                if open.cells > MarkdownPieces.tableCells {
                    cut(at: start, line: line, tableHeader: open.header)
                    open.cells = open.columns
                }
                table = open
            }
        } else if !tableOverflow, let header = previousLine, header.count <= MarkdownPieces.targetSize / 4,
            let columns = delimiterRowColumns(first, end)
        {
            table = (header.lowerBound..<end, columns, columns, columns)
        }
        let safe = previousBlank && first == start && Self.startsBlockSafely(bytes[start])
        if start - pieceStart >= targetSize {
            if safe {
                cut(at: start, line: line)
            } else if let place = lastSafe {
                cut(at: place.offset, line: place.line)
            } else {
                // Forced: a block bigger than a piece (a table keeps its header).
                let header = table.flatMap { $0.header.upperBound < start ? $0.header : nil }
                cut(at: start, line: line, tableHeader: header)
                if header != nil { table?.cells = 0 }
            }
        }
        if safe && start > pieceStart { lastSafe = (start, line) }
        let wasBlank = previousBlank
        previousBlank = false
        let indent = first - start
        if indent == 0, let opened = opensFence(start, end) {
            fence = opened
            return
        }
        if indent <= 3 && bytes[first] == UInt8(ascii: "<") {
            htmlEnd = htmlBlockEnd(first, end)
            if let ending = htmlEnd, contains(ending, first + 1, end) { htmlEnd = nil }
            if htmlEnd != nil { return }
        }
        if indent <= 3 && bytes[first] == UInt8(ascii: "[") && (wasBlank || previousDefinition) && isDefinition(first, end) {
            previousDefinition = true
            if definitionBytes + (end - start) + 1 <= MarkdownPieces.definitionsLimit,
                let close = labelEnd(first, end)
            {
                definitionBytes += end - start + 1
                definitions.append(
                    LinkDefinition(line: start..<end, label: LinkDefinition.normalized(UnsafeBufferPointer(rebasing: bytes[(first + 1)..<close]))))
            }
        } else {
            previousDefinition = false
        }
        if let deep = NestingLimit.flattened(bytes, line: line, start: start, end: end) {
            flattened.append(deep)
        }
        cutLongLine(start, end, line)
    }

    /// Cuts inside a line longer than a piece, after a space where there is one.
    private mutating func cutLongLine(_ start: Int, _ end: Int, _ line: Int) {
        while end - pieceStart > targetSize + targetSize / 2 {
            let limit = max(start, pieceStart) + targetSize
            var cutAt = limit
            while cutAt > limit - targetSize / 2 && bytes[cutAt - 1] != UInt8(ascii: " ") { cutAt -= 1 }
            if bytes[cutAt - 1] != UInt8(ascii: " ") { cutAt = limit }
            while cutAt < end && bytes[cutAt] & 0xC0 == 0x80 { cutAt += 1 }  // not inside a character
            while cutAt < end && bytes[cutAt] == UInt8(ascii: " ") { cutAt += 1 }
            guard cutAt < end, cutAt > pieceStart else { return }
            cut(at: cutAt, line: line)
        }
    }

    /// The number of columns when the line `bytes[first..<end]` can be a table's
    /// delimiter row (`|`, `-`, `:` and blanks, with a `-`), else nil.
    private func delimiterRowColumns(_ first: Int, _ end: Int) -> Int? {
        var pipes = 0
        var dashes = false
        for index in first..<end {
            switch bytes[index] {
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: "-"): dashes = true
            case UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): break
            default: return nil
            }
        }
        guard dashes, pipes > 0 else { return nil }
        return pipes + 1
    }

    /// A line after a blank line that starts in column 1 with this byte begins a
    /// top-level block: it cannot continue a list item or a list.
    private static func startsBlockSafely(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "*"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "\r"):
            return false
        default:
            return true
        }
    }

    private func opensFence(_ start: Int, _ end: Int) -> (symbol: UInt8, count: Int)? {
        let symbol = bytes[start]
        guard symbol == UInt8(ascii: "`") || symbol == UInt8(ascii: "~") else { return nil }
        var index = start
        while index < end && bytes[index] == symbol { index += 1 }
        guard index - start >= 3 else { return nil }
        if symbol == UInt8(ascii: "`") {
            for position in index..<end where bytes[position] == symbol { return nil }
        }
        return (symbol, index - start)
    }

    private func closesFence(_ start: Int, _ end: Int, _ open: (symbol: UInt8, count: Int)) -> Bool {
        var index = start
        while index < end && index - start < 3 && bytes[index] == UInt8(ascii: " ") { index += 1 }
        let run = index
        while index < end && bytes[index] == open.symbol { index += 1 }
        guard index - run >= open.count else { return false }
        while index < end && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") || bytes[index] == UInt8(ascii: "\r")) {
            index += 1
        }
        return index == end
    }

    /// The end marker of an HTML block of CommonMark's kinds 1 to 5 starting at `start`
    /// (which holds `<`); nil for other HTML, which ends at a blank line.
    private func htmlBlockEnd(_ start: Int, _ end: Int) -> [UInt8]? {
        func hasPrefix(_ text: String, at offset: Int) -> Bool {
            var index = offset
            for expected in text.utf8 {
                guard index < end, bytes[index] | 0x20 == expected | 0x20 else { return false }
                index += 1
            }
            return true
        }
        if hasPrefix("<!--", at: start) { return Array("-->".utf8) }
        if hasPrefix("<?", at: start) { return Array("?>".utf8) }
        if hasPrefix("<![CDATA[", at: start) { return Array("]]>".utf8) }
        if hasPrefix("<!", at: start), start + 2 < end, bytes[start + 2] | 0x20 >= UInt8(ascii: "a"),
            bytes[start + 2] | 0x20 <= UInt8(ascii: "z")
        {
            return Array(">".utf8)
        }
        for tag in ["pre", "script", "style", "textarea"] where hasPrefix("<" + tag, at: start) {
            let after = start + 1 + tag.utf8.count
            if after == end || [UInt8(ascii: " "), UInt8(ascii: ">"), UInt8(ascii: "\t"), UInt8(ascii: "\r")].contains(bytes[after]) {
                return Array("</\(tag)>".utf8)
            }
        }
        return nil
    }

    /// Whether `bytes[start..<end]` holds `marker` (compared ignoring ASCII case).
    private func contains(_ marker: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard marker.count <= end - start else { return false }
        var index = start
        while index + marker.count <= end {
            var matched = 0
            while matched < marker.count && bytes[index + matched] | 0x20 == marker[matched] | 0x20 { matched += 1 }
            if matched == marker.count { return true }
            index += 1
        }
        return false
    }

    /// Where the label of the definition at `start` (a `[`) ends: its `]`.
    private func labelEnd(_ start: Int, _ end: Int) -> Int? {
        var index = start + 1
        while index < end && bytes[index] != UInt8(ascii: "]") {
            if bytes[index] == UInt8(ascii: "\\") { index += 1 }
            index += 1
        }
        return index < end ? index : nil
    }

    /// Whether the line at `start` (a `[`) looks like a link reference definition:
    /// `[label]:` followed by a destination on the same line.
    private func isDefinition(_ start: Int, _ end: Int) -> Bool {
        var index = start + 1
        while index < end && bytes[index] != UInt8(ascii: "]") {
            if bytes[index] == UInt8(ascii: "\\") { index += 1 }
            if index < end && bytes[index] == UInt8(ascii: "[") { return false }
            index += 1
        }
        guard index > start + 1, index + 1 < end, bytes[index + 1] == UInt8(ascii: ":") else { return false }
        index += 2
        while index < end && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t")) { index += 1 }
        return index < end && bytes[index] != UInt8(ascii: "\r")
    }
}
