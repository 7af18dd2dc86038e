import Foundation

/// Maps a collection on every processor: `transform` runs once per element, on any
/// thread, and the results come back in the elements' order. The package loader reads
/// and parses its unit files this way (thousands of lessons' front matter, quizzes and
/// scenarios), so a large package opens in a fraction of the time on a multi-core PC.
/// `transform` must not share mutable state; every value crossing threads is `Sendable`.
enum ConcurrentMap {
    /// Fewer elements than this are mapped on the calling thread: starting threads
    /// would cost more than it saves.
    static let minimumCount = 64

    static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        let processors = ProcessInfo.processInfo.activeProcessorCount
        guard elements.count >= minimumCount, processors > 1 else { return elements.map(transform) }
        let slots = Slots<Result>(count: elements.count)
        // A few chunks per processor, so one slow file does not hold up a whole share.
        let chunks = min(elements.count, processors * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (elements.count * chunk / chunks)..<(elements.count * (chunk + 1) / chunks)
            for index in range { slots.set(index, transform(elements[index])) }
        }
        return slots.values()
    }

    /// One slot per element, each written by exactly one thread before `values()` reads
    /// them all (after `concurrentPerform` has returned, which orders the writes first).
    private final class Slots<Value: Sendable>: @unchecked Sendable {
        private var storage: [Value?]

        init(count: Int) {
            storage = Array(repeating: nil, count: count)
        }

        func set(_ index: Int, _ value: Value) {
            storage.withUnsafeMutableBufferPointer { $0[index] = value }
        }

        func values() -> [Value] {
            storage.compactMap { $0 }
        }
    }
}
