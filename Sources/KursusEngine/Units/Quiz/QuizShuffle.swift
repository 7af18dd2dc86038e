/// Deterministic shuffling for quizzes. The seed is recorded with an attempt, so a review
/// shows the questions and options in the order the learner saw them. The generator is
/// SplitMix64, never the system RNG, so the same seed gives the same order on every
/// platform and Swift version.
public enum QuizShuffle {
    /// A permutation of `0..<count` (Fisher–Yates). Empty when `count` ≤ 0.
    public static func order(count: Int, seed: UInt64) -> [Int] {
        guard count > 0 else { return [] }
        var indices = Array(0..<count)
        var generator = SplitMix64(seed: seed)
        var i = count - 1
        while i > 0 {
            let j = Int(generator.next(below: UInt64(i + 1)))
            indices.swapAt(i, j)
            i -= 1
        }
        return indices
    }

    /// `n` distinct indices drawn from `0..<count`, in ascending (source) order, so
    /// drawing and shuffling stay separate choices. `n` is clamped to 0...count.
    public static func draw(n: Int, of count: Int, seed: UInt64) -> [Int] {
        let take = min(max(0, n), max(0, count))
        return order(count: count, seed: seed).prefix(take).sorted()
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast, and fully specified.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform value in `0..<bound` (Lemire's method with rejection, no modulo bias).
    /// Returns 0 when `bound` is 0.
    public mutating func next(below bound: UInt64) -> UInt64 {
        guard bound > 0 else { return 0 }
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold {
                product = next().multipliedFullWidth(by: bound)
            }
        }
        return product.high
    }
}
