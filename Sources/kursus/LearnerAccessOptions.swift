import ArgumentParser
import Foundation
import KursusProgress
import KursusText

/// How a command that reads or changes one learner's data is let in: with that learner's
/// PIN or the workstation's admin passphrase when `LearnerGate` asks for one (docs/learners.md).
struct AccessOptions: ParsableArguments {
    @Flag(
        name: .customLong("passphrase-stdin"),
        help: ArgumentHelp(
            "Read the learner's PIN or the admin passphrase as the first line of standard input.",
            discussion: "For scripts. On a terminal it is asked for without echo instead."))
    var passphraseStdin = false

    /// Asks for the learner's PIN or the admin passphrase when the gate needs one, and
    /// checks it; a wrong answer counts toward the learner's lockout. `doing` says what
    /// the command was about to do, for the message when nothing can be asked.
    func authorize(_ registry: LearnerRegistry, id: String, doing: String) throws -> LearnerAccess {
        try unlock(registry, id: id, doing: doing).access
    }

    /// `authorize`, with the learner's data key when their PIN was given.
    func unlock(_ registry: LearnerRegistry, id: String, doing: String) throws -> (access: LearnerAccess, key: LearnerKey?) {
        let config = try WorkstationConfig.load(dataDirectory: registry.dataDirectory)
        let admin = config.adminPassphrase
        let adminPath = registry.dataDirectory.appendingPathComponent(WorkstationConfig.fileName).path
        guard try registry.exists(id: id) else { throw LearnerError.notFound(id: id, path: try registry.folder(for: id).path) }
        guard registry.needsSecret(id: id, admin: admin) else { return (.open, nil) }
        let hasPIN = (try? registry.profile(id: id)?.pin != nil) ?? true
        let what = admin == nil ? "their PIN" : (hasPIN ? "their PIN or the admin passphrase" : "the admin passphrase")
        let secret: String?
        if passphraseStdin {
            secret = readLine(strippingNewline: true).map { $0.hasSuffix("\r") ? String($0.dropLast()) : $0 }
        } else if TerminalPrompt.isInteractive {
            let prompt = admin == nil ? "PIN for \(id): " : (hasPIN ? "PIN for \(id), or the admin passphrase: " : "Admin passphrase: ")
            secret = TerminalPrompt.readSecret(prompt)
        } else {
            throw CommandFailure(
                "learner '\(id)' is protected: \(doing) needs \(what). Type it on a terminal, or give it as the first line of standard input with --passphrase-stdin"
            )
        }
        return try registry.unlocking(id: id, secret: secret, admin: admin, adminPath: adminPath, now: Date())
    }
}
