import ArgumentParser
import Foundation
import KursusProgress
import KursusText

/// `kursus admin …`: the workstation's admin passphrase.
struct Admin: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Set the workstation's admin passphrase.",
        discussion: "See docs/learners.md: what the passphrase guards, and what a PIN does.",
        subcommands: [AdminSetPassphrase.self]
    )
}

struct AdminSetPassphrase: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-passphrase",
        abstract: "Set or change the admin passphrase (stored hashed in <data-dir>/config.yaml).",
        discussion: """
            On a terminal the passphrase is typed twice without echo; changing it asks for the current one first. \
            From a script, standard input gives the current passphrase (when one is set) and then the new one, a line each. \
            At least \(AdminPassphrase.minimumLength) characters. Once set, 'learners set-pin', 'clear-pin', 'remove' \
            and 'progress' need the learner's PIN or this passphrase.
            """
    )

    @OptionGroup var data: DataOptions

    func run() throws {
        let directory = data.resolved
        let path = directory.appendingPathComponent(WorkstationConfig.fileName).path
        let config = try WorkstationConfig.load(dataDirectory: directory)
        if let current = config.adminPassphrase {
            let typed = try read("Current admin passphrase: ")
            guard try AdminPassphrase.matches(typed, record: current, path: path) else {
                throw CommandFailure("the current admin passphrase is wrong; nothing was changed")
            }
        }
        let passphrase = try read("New admin passphrase (at least \(AdminPassphrase.minimumLength) characters): ")
        try AdminPassphrase.validate(passphrase)
        if TerminalPrompt.isInteractive {
            guard TerminalPrompt.readSecret("Type it again: ") == passphrase else {
                throw CommandFailure("the two passphrases differ; nothing was changed")
            }
        }
        try AdminPassphrase.store(try AdminPassphrase.record(for: passphrase), dataDirectory: directory)
        print("Admin passphrase \(config.adminPassphrase == nil ? "set" : "changed") in \(TerminalSafe.clean(path)).")
    }

    /// One secret: typed without echo on a terminal, else the next line of standard input.
    private func read(_ prompt: String) throws -> String {
        if TerminalPrompt.isInteractive { return TerminalPrompt.readSecret(prompt) }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure("no passphrase on standard input; type it on a terminal or pipe it in, a line each")
        }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
}
