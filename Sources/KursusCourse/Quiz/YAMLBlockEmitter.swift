/// Writes a YAML document of block mappings, block sequences and scalars into a byte
/// buffer, exactly as libyaml's emitter writes it through `Yams.serialize(node:width: -1,
/// allowUnicode: true)`: the same indentation, the same scalar styles and escapes. It
/// is a port of the parts of libyaml's emitter.c that such a document uses (block
/// collections, the empty sequence `[]`, the four scalar styles, no line folding), so
/// that a large quiz can be written question by question without building a node tree.
///
/// Events are given in document order: `beginMapping`, then key and value nodes in
/// turn, `endMapping`; `beginSequence`, items, `endSequence`; `scalar`; and `finish`
/// once the root node is closed. Bytes collect in `output`; the caller may take them
/// out at any point (`flush`) and pass them on, which keeps memory flat.
struct YAMLBlockEmitter {
    private(set) var output: [UInt8] = []

    // libyaml's emitter state.
    var column = 0
    var whitespace = true
    var indention = true
    var indent = -1
    private var indents: [Int] = []
    /// 2 after a literal block that keeps its trailing line breaks (`|+`): the document
    /// then ends with `...`.
    private var openEnded = 0
    private var flowLevel = 0
    private let bestIndent = 2

    private enum Frame {
        case mapping(expectingKey: Bool, first: Bool)
        case sequence(first: Bool, mappingContext: Bool)
    }
    private var frames: [Frame] = []

    init() {}

    mutating func reserve(_ capacity: Int) {
        output.reserveCapacity(capacity)
    }

    /// Hands the bytes written so far to `body` and empties the buffer (keeping its
    /// capacity for the next ones).
    mutating func flush(_ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        try output.withUnsafeBufferPointer(body)
        output.removeAll(keepingCapacity: true)
    }

    // MARK: - Events

    mutating func beginMapping(isEmpty: Bool = false) {
        _ = beginNode()
        if isEmpty {
            writeIndicator("{", needWhitespace: true, isWhitespace: true, isIndention: false)
            writeIndicator("}", needWhitespace: false, isWhitespace: false, isIndention: false)
            return
        }
        frames.append(.mapping(expectingKey: true, first: true))
    }

    mutating func endMapping() {
        guard case .mapping = frames.last else { return }
        frames.removeLast()
        popIndent()
    }

    mutating func beginSequence(isEmpty: Bool = false) {
        let context = beginNode()
        if isEmpty {
            writeIndicator("[", needWhitespace: true, isWhitespace: true, isIndention: false)
            writeIndicator("]", needWhitespace: false, isWhitespace: false, isIndention: false)
            return
        }
        frames.append(.sequence(first: true, mappingContext: context.mapping))
    }

    mutating func endSequence() {
        guard case .sequence = frames.last else { return }
        frames.removeLast()
        popIndent()
    }

    /// A scalar node: a mapping key, a value or a sequence item.
    mutating func scalar(_ text: String, _ requested: YAMLScalarStyle = .plain) {
        let context = beginNode()
        var text = text
        text.withUTF8 { bytes in
            let analysis = YAMLScalarAnalysis(bytes)
            let style = analysis.style(requested: requested, simpleKey: context.simpleKey)
            pushIndent(flow: true, indentless: false)
            switch style {
            case .plain: writePlain(bytes, hasBreaks: analysis.multiline)
            case .singleQuoted: writeSingleQuoted(bytes, hasBreaks: analysis.multiline)
            case .doubleQuoted: writeDoubleQuoted(bytes)
            case .literal: writeLiteral(bytes)
            }
            popIndent()
        }
    }

    /// Ends the document: the final line break (and `...` after a kept literal block).
    mutating func finish() {
        writeIndent()
        if openEnded == 0 { openEnded = 1 }
        if openEnded == 2 {
            writeIndicator("...", needWhitespace: true, isWhitespace: false, isIndention: false)
            openEnded = 0
            writeIndent()
        }
    }

    // MARK: - Where a node goes

    private struct Context {
        var mapping = false
        var simpleKey = false
    }

    /// What libyaml writes before a node in the current collection: a key's indentation,
    /// a value's `:`, an item's `- `.
    private mutating func beginNode() -> Context {
        guard let frame = frames.last else { return Context() }
        switch frame {
        case .mapping(let expectingKey, let first):
            if expectingKey {
                if first { pushIndent(flow: false, indentless: false) }
                writeIndent()
                frames[frames.count - 1] = .mapping(expectingKey: false, first: false)
                return Context(mapping: true, simpleKey: true)
            }
            writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            frames[frames.count - 1] = .mapping(expectingKey: true, first: false)
            return Context(mapping: true, simpleKey: false)
        case .sequence(let first, let mappingContext):
            if first { pushIndent(flow: false, indentless: mappingContext && !indention) }
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            frames[frames.count - 1] = .sequence(first: false, mappingContext: mappingContext)
            return Context()
        }
    }

    // MARK: - libyaml's writing primitives

    private mutating func pushIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    private mutating func popIndent() {
        indent = indents.popLast() ?? -1
    }

    mutating func putBreak() {
        output.append(0x0A)
        column = 0
    }

    mutating func put(_ byte: UInt8) {
        output.append(byte)
        column += 1
    }

    mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) { putBreak() }
        while column < target { put(0x20) }
        whitespace = true
        indention = true
    }

    mutating func writeIndicator(_ indicator: StaticString, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(0x20) }
        indicator.withUTF8Buffer { bytes in
            for byte in bytes { put(byte) }
        }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    /// Copies a run of characters without line breaks, one column each.
    mutating func writeRun(_ bytes: UnsafeBufferPointer<UInt8>) {
        output.append(contentsOf: bytes)
        for byte in bytes where byte & 0xC0 != 0x80 { column += 1 }
    }

    /// Copies the character at `index` (one column) and returns the index after it.
    mutating func write(_ text: YAMLBytes, at index: Int) -> Int {
        let width = max(1, text.width(at: index))
        for offset in 0..<width { output.append(text[index + offset]) }
        column += 1
        return index + width
    }

    /// A line break as libyaml copies it: LF as the document's line break, others raw.
    mutating func writeBreak(_ text: YAMLBytes, at index: Int) -> Int {
        if text[index] == 0x0A {
            putBreak()
            return index + 1
        }
        let next = write(text, at: index)
        column = 0
        return next
    }

    mutating func setOpenEnded(_ value: Int) { openEnded = value }
}
