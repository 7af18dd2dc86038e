import Foundation
import KursusEngine

/// Checks of what an administrator types for a learner. Names are shown on a shared
/// screen, so they are trimmed, kept short, and may not hold control characters or the
/// invisible characters that reorder text (bidi overrides and isolates) or hide it.
public enum LearnerFields {
    public static let displayNameLengths = 1...TextLimits.name
    public static let maximumTeamLength = TextLimits.team

    /// The display name trimmed and in composed form (NFC), or why it is refused.
    public static func displayName(_ raw: String) throws(LearnerError) -> String {
        let name = normalized(raw)
        if name.isEmpty { throw .invalidDisplayName(reason: "is empty") }
        if let problem = problem(in: name) { throw .invalidDisplayName(reason: problem) }
        if name.count > displayNameLengths.upperBound {
            throw .invalidDisplayName(reason: "is longer than \(displayNameLengths.upperBound) characters")
        }
        return name
    }

    /// The team trimmed, nil when empty, or why it is refused.
    public static func team(_ raw: String?) throws(LearnerError) -> String? {
        guard let raw else { return nil }
        let team = normalized(raw)
        if team.isEmpty { return nil }
        if let problem = problem(in: team) { throw .invalidTeam(reason: problem) }
        if team.count > maximumTeamLength {
            throw .invalidTeam(reason: "is longer than \(maximumTeamLength) characters")
        }
        return team
    }

    private static func normalized(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping
    }

    private static func problem(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control:
                return "may not contain control characters (such as tabs, line breaks or escape)"
            case .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned:
                // Zero-width joiners are part of some emoji and some scripts; everything
                // else in these categories is invisible or unprintable.
                if scalar == "\u{200D}" || scalar == "\u{200C}" { continue }
                return "may not contain invisible or unprintable characters (U+\(String(scalar.value, radix: 16, uppercase: true)))"
            default:
                continue
            }
        }
        return nil
    }
}
