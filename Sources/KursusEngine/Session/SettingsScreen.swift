/// The settings screen (the `o` key on the course menu or in the catalogue): one row per
/// learner setting, each changed in place and saved in the learner's profile at once.
public struct SettingsScreen: Hashable, Sendable {
    /// The row under the cursor.
    public var selection: Row
    public var notice: Notice?

    public init(selection: Row = .timers, notice: Notice? = nil) {
        self.selection = selection
        self.notice = notice
    }

    /// The settings, top to bottom.
    public enum Row: Int, Hashable, Sendable, CaseIterable {
        case timers, idleWarning, idleBell, linear, highContrast, language, mouse
    }

    public enum Notice: Hashable, Sendable {
        /// The profile could not be written; the setting applies until sign-out only.
        case saveFailed(message: String)
    }
}

extension LearnerSettings {
    /// The setting on `row` moved to its next value (`forward`) or its previous one,
    /// round the end: ←/→, Enter and space on the settings screen.
    public func changing(_ row: SettingsScreen.Row, forward: Bool) -> LearnerSettings {
        var changed = self
        switch row {
        case .timers: changed.timers = Self.step(timers, forward)
        case .idleWarning: changed.idleWarning = Self.step(idleWarning, forward)
        case .idleBell: changed.idleBell.toggle()
        case .linear: changed.linear.toggle()
        case .highContrast: changed.highContrast.toggle()
        case .language: changed.language = Self.step(language, forward)
        case .mouse: changed.mouse.toggle()
        }
        return changed
    }

    static func step<Value: CaseIterable & Equatable>(_ value: Value, _ forward: Bool) -> Value {
        let all = Array(Value.allCases)
        guard let index = all.firstIndex(of: value), !all.isEmpty else { return value }
        return all[(index + (forward ? 1 : all.count - 1)) % all.count]
    }
}
