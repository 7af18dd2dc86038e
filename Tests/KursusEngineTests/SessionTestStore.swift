import KursusEngine
import Testing

/// `TestStore` for the session reducer: every change and every effect must be stated.
struct SessionTestStore {
    private(set) var state: SessionState

    init(_ state: SessionState) {
        self.state = state
    }

    mutating func send(
        _ event: SessionEvent,
        effects expectedEffects: [SessionEffect] = [],
        sourceLocation: SourceLocation = #_sourceLocation,
        _ update: (inout SessionState) -> Void = { _ in }
    ) {
        var expected = state
        update(&expected)
        var actual = state
        let effects = SessionReducer.reduce(&actual, event)
        #expect(actual == expected, "state after \(event)", sourceLocation: sourceLocation)
        #expect(effects == expectedEffects, "effects of \(event)", sourceLocation: sourceLocation)
        state = actual
    }
}
