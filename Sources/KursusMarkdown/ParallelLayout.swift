import Foundation
import KursusText

/// Lays a large document out on two threads: the top-level blocks from
/// about the middle of the text on are laid out by a second engine on
/// another thread, which then lays out the link list; its lines are appended after
/// the first engine's. The result is the same as laying everything out in
/// order.
///
/// What makes this safe and identical:
/// - before the helper starts, the links of the first part are numbered in
///   document order; the first engine gives them the same numbers again,
///   and the helper numbers the rest after them, as one pass would;
/// - every node is read by one thread only (reading a text literal or URL
///   the first time makes cmark-gfm write a cached C string into the
///   node), and the helper starts only after the numbering pass;
/// - each engine has its own containers, kind cache and scratch storage;
///   top-level blocks are separated by a blank line, which the second
///   engine knows to start with.
enum ParallelLayout {
    /// Documents from this many bytes of Markdown on are laid out in two halves.
    static let minimumSize = 1 << 20

    /// Lays out all of `tree` with `engine` and a helper engine, the link
    /// list included; false (having done nothing) when it does not pay.
    static func run<Output: LayoutOutput>(_ engine: LayoutEngine<Output>, tree: CmarkTree, source: String) -> Bool {
        guard ProcessInfo.processInfo.activeProcessorCount > 1 else { return false }
        let blocks = tree.topLevelBlocks
        guard blocks.count >= 2 else { return false }
        // Split by bytes of source (lines vary too much in length); the
        // helper also lays out the link list, so it gets a little less.
        let splitLine = line(atFraction: 0.52, of: source)
        let middle = blocks.firstIndex { $0.startLine > splitLine } ?? blocks.count / 2
        guard middle > 0, middle < blocks.count else { return false }

        let links = numberLinks(blocks[..<middle], of: tree)
        engine.useLinks(links)
        let helper = engine.makeFollowingPart(links: links)
        let job = Job {
            helper.layOut(blocks[middle...], of: tree)
            helper.emitLinkList()
        }
        Thread.detachNewThread { job.run() }
        engine.layOut(blocks[..<middle], of: tree)
        job.wait()
        engine.append(part: helper)
        return true
    }

    /// The 1-based number of the line that holds the byte at `fraction` of
    /// `source`.
    private static func line(atFraction fraction: Double, of source: String) -> Int {
        var source = source
        return source.withUTF8 { bytes in
            let end = Int(Double(bytes.count) * fraction)
            var lines = 1
            for byte in bytes[..<end] where byte == UInt8(ascii: "\n") { lines += 1 }
            return lines
        }
    }

    /// The URLs of the links in `blocks`, numbered in document order.
    private static func numberLinks(_ blocks: ArraySlice<CmarkNode>, of tree: CmarkTree) -> LinkList {
        var links = LinkList()
        var kinds = NodeKinds()
        for block in blocks {
            tree.walk(from: block) { event, node in
                if event == .enter, kinds.kind(of: node) == .link {
                    _ = links.number(for: TerminalSafe.clean(node.url))
                }
            }
        }
        return links
    }

    /// Work handed to the helper thread. The engine and tree it uses are
    /// not touched by the starting thread until the work has signalled.
    private final class Job: @unchecked Sendable {
        private let work: () -> Void
        private let condition = NSCondition()
        private var done = false

        init(_ work: @escaping () -> Void) { self.work = work }

        /// Does the work (on the helper thread) and signals its end.
        func run() {
            work()
            condition.lock()
            done = true
            condition.signal()
            condition.unlock()
        }

        /// Waits until `run` has finished.
        func wait() {
            condition.lock()
            while !done { condition.wait() }
            condition.unlock()
        }
    }
}
