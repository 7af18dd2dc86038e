import Foundation

/// One learner's own settings, saved in their profile (`settings` in profile.json) and
/// applied at once when changed and at every sign-in. Made for WCAG 2.2.1 (adjustable
/// timing) and for learners with a screen reader, a tremor or a poor terminal.
///
/// Decoding never fails: a value that is missing, of the wrong type or unknown falls back
/// to its default, so a damaged or older profile still signs in.
public struct LearnerSettings: Hashable, Sendable, Codable {
    /// Scenario response timers (`timers.scale` multiplies their length; nil: no timers).
    public var timers: TimerSetting
    /// How long before the idle lock its countdown shows.
    public var idleWarning: IdleWarningLength
    /// Whether the terminal bell rings when the idle lock's countdown appears.
    public var idleBell: Bool
    /// The linear mode for screen readers and braille displays (lines in order, no boxes).
    public var linear: Bool
    /// The high-contrast look: no colours but the terminal's own, bold, no dim text.
    public var highContrast: Bool
    /// The UI's language (and, where a course has it, the course's).
    public var language: LanguageSetting
    /// Whether the mouse (wheel and clicks) is used.
    public var mouse: Bool

    public init(
        timers: TimerSetting = .normal, idleWarning: IdleWarningLength = .oneMinute, idleBell: Bool = false, linear: Bool = false,
        highContrast: Bool = false, language: LanguageSetting = .workstation, mouse: Bool = true
    ) {
        self.timers = timers
        self.idleWarning = idleWarning
        self.idleBell = idleBell
        self.linear = linear
        self.highContrast = highContrast
        self.language = language
        self.mouse = mouse
    }

    /// The settings of a learner who never changed any.
    public static let defaults = LearnerSettings()

    enum CodingKeys: String, CodingKey {
        case timers, idleWarning, idleBell, linear, highContrast, language, mouse
    }

    /// Each value on its own: a damaged one becomes its default, the others are kept.
    public init(from decoder: any Decoder) throws {
        self.init()
        guard let values = try? decoder.container(keyedBy: CodingKeys.self) else { return }
        if let timers = try? values.decodeIfPresent(TimerSetting.self, forKey: .timers) { self.timers = timers }
        if let seconds = try? values.decodeIfPresent(IdleWarningLength.self, forKey: .idleWarning) { idleWarning = seconds }
        if let bell = try? values.decodeIfPresent(Bool.self, forKey: .idleBell) { idleBell = bell }
        if let linear = try? values.decodeIfPresent(Bool.self, forKey: .linear) { self.linear = linear }
        if let contrast = try? values.decodeIfPresent(Bool.self, forKey: .highContrast) { highContrast = contrast }
        if let language = try? values.decodeIfPresent(LanguageSetting.self, forKey: .language) { self.language = language }
        if let mouse = try? values.decodeIfPresent(Bool.self, forKey: .mouse) { self.mouse = mouse }
    }
}

/// Scenario response timers (WCAG 2.2.1): as the course sets them, twice or four times
/// as long, or off.
public enum TimerSetting: String, Hashable, Sendable, Codable, CaseIterable {
    case normal, double, quadruple, off

    /// How many times the course's time a timer gives; nil when timers are off.
    public var scale: Int? {
        switch self {
        case .normal: 1
        case .double: 2
        case .quadruple: 4
        case .off: nil
        }
    }
}

/// How long before the idle lock its countdown shows, in seconds (stored as the number).
public enum IdleWarningLength: Int, Hashable, Sendable, Codable, CaseIterable {
    case oneMinute = 60
    case twoMinutes = 120

    /// The warning for a lock of `lockSeconds`: this length, but at most half the lock,
    /// so a very short lock (a test's) still has time without a countdown first.
    public func seconds(forLock lockSeconds: Int) -> Int {
        min(rawValue, max(1, lockSeconds / 2))
    }
}

/// The learner's language: the workstation's (`--lang`, else the locale), or their own.
public enum LanguageSetting: String, Hashable, Sendable, Codable, CaseIterable {
    case workstation = "default"
    case da, en

    /// The language code, or nil for the workstation's.
    public var code: String? {
        switch self {
        case .workstation: nil
        case .da: "da"
        case .en: "en"
        }
    }
}
