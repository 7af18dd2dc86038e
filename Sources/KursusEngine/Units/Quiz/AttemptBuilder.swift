import Foundation
import KursusCourse

/// Builds a new attempt from a seed: which questions (the pool draw), in which order,
/// and the order of each question's choices. Everything follows from the seed, so the
/// same seed always gives the same attempt.
public enum AttemptBuilder {
    public static func attempt(for quiz: Quiz, number: Int, seed: UInt64, at time: Date?) -> QuizAttempt {
        var indices = Array(quiz.questions.indices)
        if let pool = quiz.pool {
            // Descriptions are not drawn: they introduce, they are not questions.
            let answerable = indices.filter { quiz.questions[$0].kind.takesAnswer }
            let drawn = Set(QuizShuffle.draw(n: pool.draw, of: answerable.count, seed: seed).map { answerable[$0] })
            indices = indices.filter { drawn.contains($0) }
        }
        if quiz.shuffleQuestions {
            let permutation = QuizShuffle.order(count: indices.count, seed: seed &+ 0x5157)
            indices = permutation.map { indices[$0] }
        }
        var orders: [String: [String]] = [:]
        for (position, index) in indices.enumerated() {
            let question = quiz.questions[index]
            let questionSeed = seed &+ UInt64(position + 1) &* 0x9E37_79B9
            let order = choiceOrder(question, shuffle: quiz.shuffleOptions, seed: questionSeed)
            // Only orders that differ from the file are recorded: an unshuffled 10,000-question
            // quiz would otherwise write every option id with every save.
            if !order.isEmpty, order != fileOrder(question) { orders[question.id] = order }
        }
        return QuizAttempt(
            number: number, seed: seed, questionIDs: indices.map { quiz.questions[$0].id }, choiceOrders: orders, startedAt: time,
            quizVersion: quiz.version, marks: [:])
    }

    /// The choices in the order the file gives them.
    static func fileOrder(_ question: Question) -> [String] {
        switch question.kind {
        case .singleChoice(let options), .multipleResponse(let options): return options.map(\.id)
        case .matching(let spec): return spec.choices
        case .ordering(let items): return items
        default: return []
        }
    }

    /// The order a question's choices are shown in. Matching answers and ordering items
    /// are always shuffled (otherwise the answer would be on screen); options only when
    /// the quiz asks for it. An ordering is reshuffled if it came out already solved.
    static func choiceOrder(_ question: Question, shuffle: Bool, seed: UInt64) -> [String] {
        func shuffled(_ items: [String]) -> [String] {
            QuizShuffle.order(count: items.count, seed: seed).map { items[$0] }
        }
        switch question.kind {
        case .singleChoice(let options), .multipleResponse(let options):
            let ids = options.map(\.id)
            return shuffle ? shuffled(ids) : ids
        case .matching(let spec):
            return shuffled(spec.choices)
        case .ordering(let items):
            var order = shuffled(items)
            var extra: UInt64 = 1
            while order == items, items.count > 1, Set(items).count > 1, extra < 8 {
                order = QuizShuffle.order(count: items.count, seed: seed &+ extra).map { items[$0] }
                extra += 1
            }
            if order == items, items.count > 1 { order = Array(items.reversed()) }
            return order
        default:
            return []
        }
    }

    /// A seed for a new attempt from values the reducer knows: the unit, the attempt's
    /// number and the time. Pure, so tests replay it; different for each attempt.
    public static func seed(unitID: String, number: Int, time: Date?) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in unitID.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01B3
        }
        let seconds = time.map { UInt64(bitPattern: Int64($0.timeIntervalSince1970.rounded())) } ?? 0
        var mixer = SplitMix64(seed: hash ^ (UInt64(max(0, number)) &* 0x9E37_79B9_7F4A_7C15) ^ seconds)
        // 53 bits, so the seed survives any JSON reader exactly.
        return mixer.next() & ((1 << 53) - 1)
    }
}
