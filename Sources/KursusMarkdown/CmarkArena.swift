import CCmarkGFM
import Foundation
import Synchronization

/// A bump allocator for cmark-gfm, for trees that are parsed, walked once and dropped
/// (one piece of a document at a time): every node, string buffer and iterator is carved
/// out of a few large blocks that are reused from piece to piece, and nothing is freed
/// one by one. The `cmark-gfm` program does the same with its own arena; with the
/// system allocator, `malloc` and `free` of the nodes were a fifth of `kursus render`'s
/// time (docs/performance.md).
///
/// There is one arena in the process (cmark-gfm's allocator interface has no context
/// pointer), so at most one arena tree lives at a time: `withTree` takes the arena when
/// it is free and otherwise parses with the system allocator, so callers on other
/// threads, or a tree inside another, never wait and never share memory.
enum CmarkArena {
    /// Whether an arena tree is alive.
    private static let busy = Atomic<Bool>(false)

    /// The blocks and where allocation stands (used by one thread at a time: the one that
    /// holds `busy`).
    private final class State: @unchecked Sendable {
        /// The blocks, in order of use; `current` is being filled, up to `used` bytes.
        @exclusivity(unchecked) var blocks: [(start: UnsafeMutableRawPointer, size: Int)] = []
        @exclusivity(unchecked) var current = 0
        @exclusivity(unchecked) var used = 0
        /// The start of the last allocation (it can grow in place).
        @exclusivity(unchecked) var last: UnsafeMutableRawPointer?
    }

    private static let state = State()

    /// The size of a block; bigger requests get a block of their own size.
    static let blockSize = 1 << 20
    /// Blocks kept for the next tree (beyond them, blocks are freed when a tree ends).
    static let keptBlocks = 8
    /// Every allocation starts with its size, in a header that keeps it 16-byte aligned.
    private static let header = 16

    /// The allocator cmark-gfm is given.
    nonisolated(unsafe) private static let allocator: UnsafeMutablePointer<cmark_mem> = {
        let pointer = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        pointer.initialize(to: cmark_mem(calloc: arenaCalloc, realloc: arenaRealloc, free: arenaFree))
        return pointer
    }()

    /// Parses `markdown` and calls `body` with the tree, in the arena when it is free.
    /// The tree must not be kept: its memory is reused once `body` returns. Nil when
    /// cmark-gfm cannot allocate.
    static func withTree<Result>(_ markdown: UnsafeBufferPointer<UInt8>, _ body: (CmarkTree?) -> Result) -> Result {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            return body(CmarkTree(markdown))
        }
        defer {
            reset()
            busy.store(false, ordering: .releasing)
        }
        return body(CmarkTree(markdown, memory: allocator))
    }

    /// Makes every block free again, keeping `keptBlocks` of them.
    private static func reset() {
        let state = state
        while state.blocks.count > keptBlocks, let block = state.blocks.popLast() {
            block.start.deallocate()
        }
        state.current = 0
        state.used = 0
        state.last = nil
    }

    /// `size` bytes, 16-byte aligned, not cleared; nil when memory runs out.
    fileprivate static func allocate(_ size: Int) -> UnsafeMutableRawPointer? {
        let state = state
        let (padded, overflow) = size.addingReportingOverflow(header + 15)
        guard size >= 0, !overflow else { return nil }
        let needed = padded & ~15
        while state.current < state.blocks.count && state.blocks[state.current].size - state.used < needed {
            state.current += 1
            state.used = 0
        }
        if state.current == state.blocks.count {
            let size = max(blockSize, needed)
            state.blocks.append((UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16), size))
            state.used = 0
        }
        let start = state.blocks[state.current].start + state.used
        state.used += needed
        start.storeBytes(of: size, as: Int.self)
        state.last = start + header
        return start + header
    }

    /// The size `allocate` was asked for when it gave `pointer`.
    fileprivate static func size(of pointer: UnsafeMutableRawPointer) -> Int {
        (pointer - header).load(as: Int.self)
    }

    /// Grows (or shrinks) the last allocation in place when there is room after it.
    fileprivate static func growInPlace(_ pointer: UnsafeMutableRawPointer, to size: Int) -> Bool {
        let state = state
        guard pointer == state.last, size >= 0, size <= Int.max - 15, state.current < state.blocks.count else { return false }
        let block = state.blocks[state.current]
        let offset = pointer - block.start
        let padded = (size + 15) & ~15
        guard offset + padded <= block.size else { return false }
        state.used = offset + padded
        (pointer - header).storeBytes(of: size, as: Int.self)
        return true
    }
}

private func arenaCalloc(_ count: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    let (total, overflow) = count.multipliedReportingOverflow(by: size)
    guard !overflow, let pointer = CmarkArena.allocate(total) else { return nil }
    pointer.initializeMemory(as: UInt8.self, repeating: 0, count: total)
    return pointer
}

private func arenaRealloc(_ pointer: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    guard let pointer else { return CmarkArena.allocate(size) }
    if CmarkArena.growInPlace(pointer, to: size) { return pointer }
    guard let moved = CmarkArena.allocate(size) else { return nil }
    moved.copyMemory(from: pointer, byteCount: min(size, CmarkArena.size(of: pointer)))
    return moved
}

private func arenaFree(_ pointer: UnsafeMutableRawPointer?) {}
