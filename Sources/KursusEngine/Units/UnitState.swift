import KursusCourse

/// The unit on screen, one case per unit kind. This is the one place that maps a kind
/// to its feature: opening, reducing and reading keys are dispatched here, so the rest
/// of the engine handles every kind alike.
public enum UnitState: Hashable, Sendable {
    case lesson(LessonState)
    case quiz(QuizState)
    case scenario(ScenarioState)

    /// Opens a unit of any kind with the feature for its kind.
    static func open(_ context: inout UnitContext) -> Result<(UnitState, [UnitEffect]), UnitFailure> {
        switch context.unit.kind {
        case .lesson: return LessonFeature.open(&context).map { (.lesson($0.0), $0.1) }
        case .quiz, .survey: return QuizFeature.open(&context).map { (.quiz($0.0), $0.1) }
        case .scenario: return ScenarioFeature.open(&context).map { (.scenario($0.0), $0.1) }
        }
    }

    mutating func reduce(_ event: UnitEvent, _ context: inout UnitContext) -> [UnitEffect] {
        switch self {
        case .lesson(var state): return Self.scope(LessonFeature.self, &state, event, &context, into: &self, as: UnitState.lesson)
        case .quiz(var state): return Self.scope(QuizFeature.self, &state, event, &context, into: &self, as: UnitState.quiz)
        case .scenario(var state): return Self.scope(ScenarioFeature.self, &state, event, &context, into: &self, as: UnitState.scenario)
        }
    }

    func inputMode(record: UnitRecord?) -> InputMode {
        switch self {
        case .lesson(let state): return LessonFeature.inputMode(state, record: record)
        case .quiz(let state): return QuizFeature.inputMode(state, record: record)
        case .scenario(let state): return ScenarioFeature.inputMode(state, record: record)
        }
    }

    public var unitID: String {
        switch self {
        case .lesson(let state): return state.unitID
        case .quiz(let state): return state.unitID
        case .scenario(let state): return state.unitID
        }
    }

    private static func scope<F: UnitFeature>(
        _ feature: F.Type, _ state: inout F.State, _ event: UnitEvent, _ context: inout UnitContext,
        into unit: inout UnitState, as embed: (F.State) -> UnitState
    ) -> [UnitEffect] {
        let effects = F.reduce(&state, event, &context)
        unit = embed(state)
        return effects
    }
}
