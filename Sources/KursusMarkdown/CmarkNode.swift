import CCmarkGFM

/// The kinds of node the layout knows.
enum NodeKind {
    case document, blockQuote, list, item, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, link, image
    case table, tableRow, tableCell, strikethrough
    case other

    init?(coreType type: UInt32) {
        switch type {
        case CMARK_NODE_DOCUMENT.rawValue: self = .document
        case CMARK_NODE_BLOCK_QUOTE.rawValue: self = .blockQuote
        case CMARK_NODE_LIST.rawValue: self = .list
        case CMARK_NODE_ITEM.rawValue: self = .item
        case CMARK_NODE_CODE_BLOCK.rawValue: self = .codeBlock
        case CMARK_NODE_HTML_BLOCK.rawValue: self = .htmlBlock
        case CMARK_NODE_PARAGRAPH.rawValue: self = .paragraph
        case CMARK_NODE_HEADING.rawValue: self = .heading
        case CMARK_NODE_THEMATIC_BREAK.rawValue: self = .thematicBreak
        case CMARK_NODE_TEXT.rawValue: self = .text
        case CMARK_NODE_SOFTBREAK.rawValue: self = .softBreak
        case CMARK_NODE_LINEBREAK.rawValue: self = .lineBreak
        case CMARK_NODE_CODE.rawValue: self = .code
        case CMARK_NODE_HTML_INLINE.rawValue: self = .htmlInline
        case CMARK_NODE_EMPH.rawValue: self = .emphasis
        case CMARK_NODE_STRONG.rawValue: self = .strong
        case CMARK_NODE_LINK.rawValue: self = .link
        case CMARK_NODE_IMAGE.rawValue: self = .image
        default: return nil
        }
    }

    init(extensionTypeName name: String) {
        switch name {
        case "table": self = .table
        case "table_row", "table_header": self = .tableRow
        case "table_cell": self = .tableCell
        case "strikethrough": self = .strikethrough
        default: self = .other
        }
    }
}

/// Tells the kind of each node; extension node types (tables,
/// strikethrough) are looked up by name once and remembered. A value per
/// walker, so walkers on different threads share nothing.
struct NodeKinds {
    private var extensionKinds: [UInt32: NodeKind] = [:]

    mutating func kind(of node: CmarkNode) -> NodeKind {
        let type = node.typeValue
        if let kind = NodeKind(coreType: type) { return kind }
        if let known = extensionKinds[type] { return known }
        let kind = NodeKind(extensionTypeName: node.typeName)
        extensionKinds[type] = kind
        return kind
    }
}

/// Column alignment of a GFM table.
enum ColumnAlignment {
    case none, left, center, right
}

/// Read-only access to one cmark-gfm node. Valid while its `CmarkTree` lives.
struct CmarkNode {
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) {
        self.pointer = pointer
    }

    var typeValue: UInt32 { cmark_node_get_type(pointer).rawValue }
    var typeName: String { Self.string(cmark_node_get_type_string(pointer)) }

    /// The text of a leaf (text, code, code block, HTML), "" for others.
    var literal: String { Self.string(cmark_node_get_literal(pointer)) }
    var url: String { Self.string(cmark_node_get_url(pointer)) }
    var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    var isOrderedList: Bool { cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    var listStart: Int { Int(cmark_node_get_list_start(pointer)) }
    var usesParenDelimiter: Bool { cmark_node_get_list_delim(pointer) == CMARK_PAREN_DELIM }
    var isTightList: Bool { cmark_node_get_list_tight(pointer) != 0 }
    var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    var syntaxExtension: OpaquePointer? { cmark_node_get_syntax_extension(pointer) }
    var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
    var isHeaderRow: Bool { cmark_gfm_extensions_get_table_row_is_header(pointer) != 0 }

    /// The number of children (for list items).
    var childCount: Int {
        var count = 0
        var child = cmark_node_first_child(pointer)
        while let current = child {
            count += 1
            child = cmark_node_next(current)
        }
        return count
    }

    /// The node's first child, nil for none.
    var firstChild: CmarkNode? { cmark_node_first_child(pointer).map(CmarkNode.init) }
    /// The node's next sibling, nil for none.
    var nextSibling: CmarkNode? { cmark_node_next(pointer).map(CmarkNode.init) }

    /// The alignment of each column of a table node.
    var tableAlignments: [ColumnAlignment] {
        let columns = Int(cmark_gfm_extensions_get_table_columns(pointer))
        guard columns > 0, let alignments = cmark_gfm_extensions_get_table_alignments(pointer) else {
            return Array(repeating: .none, count: max(columns, 0))
        }
        return (0..<columns).map { index in
            switch alignments[index] {
            case UInt8(ascii: "l"): return .left
            case UInt8(ascii: "c"): return .center
            case UInt8(ascii: "r"): return .right
            default: return .none
            }
        }
    }

    /// Calls `body` with the literal's UTF-8 bytes (without copying them).
    func withLiteral<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        guard let pointer = cmark_node_get_literal(pointer) else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        return pointer.withMemoryRebound(to: UInt8.self, capacity: 1) { start in
            var count = 0
            while start[count] != 0 { count += 1 }
            return body(UnsafeBufferPointer(start: start, count: count))
        }
    }

    private static func string(_ pointer: UnsafePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        return String(cString: pointer)
    }
}
