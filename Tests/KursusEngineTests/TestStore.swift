import Foundation
import KursusCourse
import KursusEngine
import Testing

/// Drives a reducer one event at a time and checks the exact change: the caller states
/// every field it expects to change and every effect; anything else changing fails.
struct ReducerTestStore<State: Equatable, Event, Effect: Equatable> {
    private(set) var state: State
    let reduce: (inout State, Event) -> [Effect]

    init(_ state: State, reduce: @escaping (inout State, Event) -> [Effect]) {
        self.state = state
        self.reduce = reduce
    }

    mutating func send(
        _ event: Event,
        effects expectedEffects: [Effect] = [],
        sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ update: (inout State) -> Void = { _ in }
    ) {
        var expected = state
        update(&expected)
        var actual = state
        let effects = reduce(&actual, event)
        #expect(actual == expected, "state after \(event)", sourceLocation: sourceLocation)
        #expect(effects == expectedEffects, "effects of \(event)", sourceLocation: sourceLocation)
        state = actual
    }
}

typealias TestStore = ReducerTestStore<PlayerState, PlayerEvent, PlayerEffect>
typealias SessionTestStore = ReducerTestStore<SessionState, SessionEvent, SessionEffect>

extension ReducerTestStore where State == PlayerState, Event == PlayerEvent, Effect == PlayerEffect {
    init(_ state: PlayerState) { self.init(state, reduce: PlayerReducer.reduce) }
}

extension ReducerTestStore where State == SessionState, Event == SessionEvent, Effect == SessionEffect {
    init(_ state: SessionState) { self.init(state, reduce: SessionReducer.reduce) }
}

/// The time of learning events made before the first clock tick (tests send none).
let beforeFirstTick = Date(timeIntervalSince1970: 0)

extension PlayerEffect {
    /// A save of `progress` with these learning events (noted before the first tick).
    static func save(_ progress: LearnerProgress, _ events: LearningEvent.Kind...) -> PlayerEffect {
        .saveProgress(progress, events: events.map { LearningEvent(at: beforeFirstTick, $0) })
    }
}

extension LearnerProgress {
    /// The same progress with these units opened this many times.
    func opened(_ counts: [String: Int]) -> LearnerProgress {
        var copy = self
        for (id, count) in counts { copy.update(id, at: nil) { $0.opens = count } }
        return copy
    }
}

extension PlayerState.Screen {
    /// A lesson on screen at `offset`, measured at `lines` lines (nil: not yet).
    static func lesson(_ unitID: String, offset: Int = 0, lines: Int? = nil) -> Self {
        .unit(.lesson(LessonState(unitID: unitID, scroll: ScrollPosition(offset: offset, lineCount: lines))))
    }
}

extension PlayerState {
    /// The quiz on screen, if one is.
    var quizPlay: QuizState? {
        if case .unit(.quiz(let state)) = screen { return state }
        return nil
    }

    /// The scenario on screen, if one is.
    var scenarioPlay: ScenarioState? {
        if case .unit(.scenario(let state)) = screen { return state }
        return nil
    }
}

extension Array where Element == PlayerEffect {
    /// Whether one of these effects saves exactly `progress` (whatever events go with it).
    func saves(_ progress: LearnerProgress) -> Bool {
        contains { if case .saveProgress(progress, _) = $0 { true } else { false } }
    }

    /// The learning events of every save among these effects, in order.
    var learningEvents: [LearningEvent.Kind] {
        flatMap { effect -> [LearningEvent.Kind] in
            if case .saveProgress(_, let events) = effect { return events.map(\.kind) }
            return []
        }
    }
}

extension PlayerState {
    /// The question being answered in the quiz on screen.
    var currentQuestion: (attempt: QuizAttempt, question: Question)? {
        quizPlay.flatMap { $0.currentQuestion(in: quizRecord($0.unitID)) }
    }
}
