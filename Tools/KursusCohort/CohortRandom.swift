import Foundation
import KursusEngine

/// The generator's randomness: SplitMix64 (as the engine's shuffles), never the system
/// generator, with the few distributions a cohort needs. Each learner has one of their
/// own, derived from the cohort seed and their number, so learners can be made in any
/// order and one at a time.
struct CohortRandom: RandomNumberGenerator {
    private var base: SplitMix64

    init(seed: UInt64) {
        base = SplitMix64(seed: seed)
    }

    /// A generator for one part of the cohort: `seed` mixed with a label and a number.
    init(seed: UInt64, _ label: String, _ number: Int = 0) {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in label.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        var mixer = SplitMix64(seed: seed ^ hash ^ (UInt64(bitPattern: Int64(number)) &* 0x9E37_79B9_7F4A_7C15))
        base = SplitMix64(seed: mixer.next())
    }

    mutating func next() -> UInt64 { base.next() }

    /// Uniform in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// True with probability `p`.
    mutating func chance(_ p: Double) -> Bool { unit() < p }

    /// Uniform integer in `range`.
    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(base.next(below: UInt64(range.upperBound - range.lowerBound + 1)))
    }

    /// Normal with mean and standard deviation (Box–Muller).
    mutating func normal(_ mean: Double = 0, _ deviation: Double = 1) -> Double {
        let u = max(unit(), 1e-12)
        let v = unit()
        return mean + deviation * (-2 * Foundation.log(u)).squareRoot() * Foundation.cos(2 * Double.pi * v)
    }

    /// An index chosen with the given weights (all 0: the first).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0) { $0 + max(0, $1) }
        guard total > 0 else { return 0 }
        var target = unit() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }

    /// One element of a non-empty array.
    mutating func pick<T>(_ items: [T]) -> T? {
        items.isEmpty ? nil : items[Int(base.next(below: UInt64(items.count)))]
    }

    /// A seed for the engine (53 bits, so it survives any JSON reader exactly).
    mutating func engineSeed() -> UInt64 { next() & ((1 << 53) - 1) }

    static func logistic(_ x: Double) -> Double { 1 / (1 + Foundation.exp(-x)) }
}
