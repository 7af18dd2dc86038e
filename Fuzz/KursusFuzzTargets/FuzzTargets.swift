import Foundation

/// The libFuzzer targets of Kursus (docs/reliability.md). Each takes the fuzzer's bytes
/// as the content of one kind of file and runs it through the same public entry points
/// as the player and the command line. The fuzz driver (`Fuzz/kursus-fuzz`, built by
/// `make fuzz`) calls them under libFuzzer with AddressSanitizer; the normal test suite
/// (`KursusFuzzReplayTests`) replays every saved input through them without the fuzzer.
///
/// A target never traps on its own: a crash, a leak or a timeout in one is a fault in
/// Kursus. The outcome it returns lets the replay tests check that the seeds taken from
/// the bundled course are still accepted.
public enum FuzzTargets {
    /// One target: its name (the folder of its corpus and regressions) and its body.
    public struct Target: Sendable {
        public let name: String
        /// What the bytes stand for, for `kursus-fuzz --list` and the docs.
        public let summary: String
        public let run: @Sendable (Data) -> FuzzOutcome
    }

    /// Every target, in the order `make fuzz` runs them.
    public static let all: [Target] = [
        Target(name: "manifest", summary: "course.yaml, loaded and validated as a package", run: manifest),
        Target(name: "lesson", summary: "a lesson: front matter, then Markdown laid out at 20, 60, 80 and 200 columns", run: lesson),
        Target(name: "gift", summary: "a Moodle GIFT file: parsed, checked, converted to YAML and read back", run: gift),
        Target(name: "quiz", summary: "a YAML quiz or survey: parsed and checked", run: quiz),
        Target(name: "scenario", summary: "a scenario: parsed, validated, score range, graph drawings", run: scenario),
        Target(name: "progress", summary: "a progress file: peeked, loaded and repaired, then played against the bundled course", run: progress),
        Target(name: "profile", summary: "a learner's profile.json: read and summarised", run: profile),
        Target(name: "transfer", summary: "a .kursus-records transfer file: opened and every statement read", run: transfer),
    ]

    /// The target called `name`, or nil.
    public static func target(named name: String) -> Target? {
        all.first { $0.name == name }
    }
}

/// What one run of a target made of its input.
public struct FuzzOutcome: Hashable, Sendable {
    /// Whether the input was read as a sound file of its kind (no error found in it).
    public var accepted: Bool
    /// Errors found in the input (diagnostics, or 1 for a refused file).
    public var errors: Int
    /// A short account for test failures: the first error, or what was read.
    public var detail: String

    public init(accepted: Bool, errors: Int, detail: String) {
        self.accepted = accepted
        self.errors = errors
        self.detail = detail
    }

    /// A refused file: one error, with its reason.
    static func refused(_ reason: String) -> FuzzOutcome {
        FuzzOutcome(accepted: false, errors: 1, detail: reason)
    }
}
