import KursusEngine
import Testing

/// Drives the reducer one event at a time and checks the exact change: the caller states
/// every field it expects to change and every effect; anything else changing fails.
struct TestStore {
    private(set) var state: PlayerState

    init(_ state: PlayerState) {
        self.state = state
    }

    mutating func send(
        _ event: PlayerEvent,
        effects expectedEffects: [PlayerEffect] = [],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout PlayerState) -> Void = { _ in }
    ) {
        var expected = state
        update(&expected)
        var actual = state
        let effects = PlayerReducer.reduce(&actual, event)
        #expect(actual == expected, "state after \(event)", sourceLocation: sourceLocation)
        #expect(effects == expectedEffects, "effects of \(event)", sourceLocation: sourceLocation)
        state = actual
    }
}
