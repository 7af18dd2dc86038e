import Foundation

/// The shared workstation's start screen: pick yourself from the list (or type your id
/// when the ward hides the list), create a new learner, enter your PIN.
public struct StartScreen: Hashable, Sendable {
    /// nil while the list is being read.
    public var learners: [LearnerSummary]?
    public var mode: Mode
    public var notice: Notice?

    public init(learners: [LearnerSummary]? = nil, mode: Mode, notice: Notice? = nil) {
        self.learners = learners
        self.mode = mode
        self.notice = notice
    }

    public enum Mode: Hashable, Sendable {
        /// The list of learners; the row after the last learner is "new learner".
        case list(selection: Int)
        /// The list is hidden: the learner types their id.
        case typeID(TextField)
        case newLearner(NewLearnerForm)
        case pin(LearnerSummary, TextField)
        /// Waiting for the runtime to open a learner (lock, progress).
        case opening(LearnerSummary)
    }

    public enum Notice: Hashable, Sendable {
        case idleLocked(minutes: Int)
        /// nil when the ward hides the learner list.
        case signedOut(name: String?)
        /// As `idleLocked` and `signedOut`, when the learner's saves were failing as they
        /// left: the latest answers may not be on disk (the next sign-in says what was kept).
        case idleLockedUnsaved(minutes: Int)
        case signedOutUnsaved(name: String?)
        case unknownLearner(id: String)
        case pinRejected(attemptsLeft: Int)
        case pinLockedOut(until: Date)
        case learnerBusy(name: String)
        case openFailed(message: String)
        case createFailed(message: String)
        case idTaken(id: String)
        case listFailed(message: String)
        case formIncomplete(NewLearnerForm.Field)
        /// The PIN and its repetition differ; both were cleared.
        case pinMismatch
        /// Hidden list: an unknown id, a wrong PIN and a lockout all read alike.
        case wrongIDOrPIN
    }

    /// Who the PIN prompt is for while the list is hidden: only the id typed, with no
    /// name, team or settings, so the prompt is the same for a known and an unknown id.
    public static func unnamed(_ id: String) -> LearnerSummary {
        LearnerSummary(id: id, displayName: id, hasPIN: true)
    }
}

/// The new-learner form.
public struct NewLearnerForm: Hashable, Sendable {
    public enum Field: Int, Error, Hashable, Sendable, CaseIterable {
        case name, team, id, pin
        /// The PIN typed again.
        case pinRepeat
    }

    public var name = TextField(maximumLength: TextLimits.name)
    public var team = TextField(maximumLength: TextLimits.team)
    public var id = TextField.learnerID
    public var pin = TextField.pin
    public var pinRepeat = TextField.pin
    public var focus: Field = .name
    /// The id follows the name until the learner edits it.
    public var idEdited = false

    public init() {}

    public subscript(field: Field) -> TextField {
        get {
            switch field {
            case .name: name
            case .team: team
            case .id: id
            case .pin: pin
            case .pinRepeat: pinRepeat
            }
        }
        set {
            switch field {
            case .name: name = newValue
            case .team: team = newValue
            case .id: id = newValue
            case .pin: pin = newValue
            case .pinRepeat: pinRepeat = newValue
            }
        }
    }

    /// An empty PIN (none) or one of 4 to 8 digits.
    public var isPINLengthValid: Bool {
        pin.text.isEmpty || (TextLimits.pinMinimum...TextLimits.pin).contains(pin.text.count)
    }

    /// Whether Enter on the focused field creates the learner: on the last field, or on
    /// an empty PIN (no PIN, nothing to repeat).
    public var isLastField: Bool {
        focus == .pinRepeat || (focus == .pin && pin.text.isEmpty && pinRepeat.text.isEmpty)
    }

    /// What to create, or the first field that needs attention (`pinRepeat` when the two
    /// PINs differ).
    public var request: Result<NewLearner, Field> {
        if name.isEmpty { return .failure(.name) }
        if id.isEmpty { return .failure(.id) }
        if !isPINLengthValid { return .failure(.pin) }
        if pin.text != pinRepeat.text { return .failure(.pinRepeat) }
        return .success(
            NewLearner(id: id.trimmed, displayName: name.trimmed, team: team.isEmpty ? nil : team.trimmed, pin: pin.text.isEmpty ? nil : pin.text))
    }
}

/// A learner to create, as the form collected it.
public struct NewLearner: Hashable, Sendable {
    public var id: String
    public var displayName: String
    public var team: String?
    public var pin: String?

    public init(id: String, displayName: String, team: String?, pin: String?) {
        self.id = id
        self.displayName = displayName
        self.team = team
        self.pin = pin
    }

    /// A learner id made from a name: lowercase ASCII, Danish letters spelt out (æ→ae,
    /// ø→oe, å→aa), other letters without accents, words joined by '-'.
    public static func suggestedID(for name: String) -> String {
        var result = ""
        var pendingDash = false
        for character in name.lowercased() {
            let spelled: String
            switch character {
            case "æ": spelled = "ae"
            case "ø": spelled = "oe"
            case "å": spelled = "aa"
            default:
                spelled = String(character).folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
            }
            for scalar in spelled.unicodeScalars {
                if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                    if pendingDash, !result.isEmpty { result.append("-") }
                    pendingDash = false
                    result.unicodeScalars.append(scalar)
                } else {
                    pendingDash = true
                }
            }
        }
        return String(result.prefix(TextLimits.learnerID))
    }
}
