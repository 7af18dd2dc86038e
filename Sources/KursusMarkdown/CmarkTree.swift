import CCmarkGFM
import Foundation

/// Markdown parsed by cmark-gfm with the GFM extensions table,
/// strikethrough, tasklist and autolink. Owns the C document and frees it
/// when released.
///
/// Parsing is serialised process-wide: cmark-gfm keeps the table of special
/// inline characters in global state that attaching extensions to a parser
/// and freeing a parser change, so two parsers at once can corrupt each
/// other's inline parsing. Walking finished documents needs no lock.
final class CmarkTree {
    enum Event {
        case enter
        case exit
    }

    private let root: OpaquePointer
    private let tasklist: OpaquePointer?
    /// False when the nodes live in `CmarkArena`, which frees them all at once.
    private let ownsNodes: Bool

    /// The GFM extensions are registered once per process.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "tasklist", "autolink"]
    private static let parsing = NSLock()

    /// Parses `markdown`; nil only if cmark-gfm cannot allocate.
    convenience init?(_ markdown: String) {
        var source = markdown
        guard let tree = source.withUTF8({ CmarkTree.parse($0) }) else { return nil }
        self.init(root: tree.root, tasklist: tree.tasklist)
    }

    /// Parses the UTF-8 bytes `markdown`; nil only if cmark-gfm cannot allocate.
    convenience init?(_ markdown: UnsafeBufferPointer<UInt8>) {
        guard let tree = CmarkTree.parse(markdown) else { return nil }
        self.init(root: tree.root, tasklist: tree.tasklist)
    }

    /// Parses `markdown` with the allocator `memory`, which frees the nodes itself
    /// (`CmarkArena`): the tree does not free them.
    convenience init?(_ markdown: UnsafeBufferPointer<UInt8>, memory: UnsafeMutablePointer<cmark_mem>) {
        guard let tree = CmarkTree.parse(markdown, memory: memory) else { return nil }
        self.init(root: tree.root, tasklist: tree.tasklist, ownsNodes: false)
    }

    private init(root: OpaquePointer, tasklist: OpaquePointer?, ownsNodes: Bool = true) {
        self.root = root
        self.tasklist = tasklist
        self.ownsNodes = ownsNodes
    }

    private static func parse(
        _ bytes: UnsafeBufferPointer<UInt8>, memory: UnsafeMutablePointer<cmark_mem>? = nil
    ) -> (root: OpaquePointer, tasklist: OpaquePointer?)? {
        _ = CmarkTree.registered
        CmarkTree.parsing.lock()
        defer { CmarkTree.parsing.unlock() }
        guard let parser = memory.map({ cmark_parser_new_with_mem(CMARK_OPT_DEFAULT, $0) }) ?? cmark_parser_new(CMARK_OPT_DEFAULT) else {
            return nil
        }
        defer { cmark_parser_free(parser) }
        var tasklist: OpaquePointer?
        for name in CmarkTree.extensionNames {
            guard let syntax = cmark_find_syntax_extension(name) else { continue }
            cmark_parser_attach_syntax_extension(parser, syntax)
            if name == "tasklist" { tasklist = syntax }
        }
        if let base = bytes.baseAddress, bytes.count > 0 {
            base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { chars in
                cmark_parser_feed(parser, chars, bytes.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else { return nil }
        return (root, tasklist)
    }

    deinit {
        if ownsNodes { cmark_node_free(root) }
    }

    /// Visits every node in document order: containers are entered and
    /// exited, leaves (text, code, breaks, code and HTML blocks, rules)
    /// only entered.
    func walk(_ visit: (Event, CmarkNode) -> Void) {
        walk(from: CmarkNode(root), visit)
    }

    /// As `walk(_:)`, for the subtree of `start` only.
    func walk(from start: CmarkNode, _ visit: (Event, CmarkNode) -> Void) {
        walk(
            from: start,
            descending: { event, node in
                visit(event, node)
                return true
            })
    }

    /// As `walk(from:_:)`, but when `visit` returns false on entering a container, its
    /// children and its exit are passed over (the walk goes on after it).
    func walk(from start: CmarkNode, descending visit: (Event, CmarkNode) -> Bool) {
        guard let iterator = cmark_iter_new(start.pointer) else { return }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard let pointer = cmark_iter_get_node(iterator) else { continue }
            let entering = event == CMARK_EVENT_ENTER
            if !visit(entering ? .enter : .exit, CmarkNode(pointer)) && entering {
                // The iterator then stands on the node's exit, as if it had just given it.
                cmark_iter_reset(iterator, pointer, CMARK_EVENT_EXIT)
            }
        }
    }

    /// The document's top-level blocks.
    var topLevelBlocks: [CmarkNode] {
        var blocks: [CmarkNode] = []
        var child = cmark_node_first_child(root)
        while let current = child {
            blocks.append(CmarkNode(current))
            child = cmark_node_next(current)
        }
        return blocks
    }

    /// Whether a list item is a GFM task item, and if so whether it is done.
    func task(of item: CmarkNode) -> Bool? {
        guard let tasklist, item.syntaxExtension == tasklist else { return nil }
        return item.isTaskChecked
    }
}
