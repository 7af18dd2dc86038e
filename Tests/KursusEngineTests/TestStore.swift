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
        sourceLocation: SourceLocation = #_sourceLocation,
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
