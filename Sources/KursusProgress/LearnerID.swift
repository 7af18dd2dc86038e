import KursusEngine

/// A learner's id is used as a folder name, so it is checked strictly: 1 to 64 of
/// A-Z a-z 0-9 . _ - @, not starting with '.' or '-'. Anything that could reach
/// another folder (`/`, `..`, NUL, control characters) is refused.
public enum LearnerID {
    public static let maximumLength = TextLimits.learnerID

    public static func validate(_ id: String) throws(ProgressError) -> String {
        if id.isEmpty { throw .invalidLearnerID(id, reason: "is empty") }
        if id.utf8.count > maximumLength { throw .invalidLearnerID(id, reason: "is longer than \(maximumLength) characters") }
        for scalar in id.unicodeScalars {
            let allowed =
                (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z") || (scalar >= "0" && scalar <= "9")
                || scalar == "." || scalar == "_" || scalar == "-" || scalar == "@"
            if !allowed {
                throw .invalidLearnerID(id, reason: "may only contain letters A-Z, digits, '.', '_', '-' and '@'")
            }
        }
        if id.hasPrefix(".") || id.hasPrefix("-") {
            throw .invalidLearnerID(id, reason: "may not start with '.' or '-'")
        }
        return id
    }
}
