import ArgumentParser

/// What `learners set-pin` and `clear-pin` say about a learner's encrypted data when
/// they are not given the learner's PIN (docs/learners.md, "Encrypted at rest").
enum LearnerVaultMessages {
    static let forgetHelp = ArgumentHelp(
        "Reset a learner whose PIN is not known: delete their encrypted progress and details.",
        discussion: "Only their PIN opens that data; without it, it cannot be carried over to a new PIN and is lost.")

    static func refused(_ id: String) -> String {
        "learner '\(id)': their progress and details are encrypted with their PIN, and only that PIN carries them over. "
            + "Give their PIN, or add --forget-data to reset them and delete that data; nothing was changed"
    }

    static let forgotten = "Their encrypted progress and details could not be opened without their PIN and were deleted."
}
