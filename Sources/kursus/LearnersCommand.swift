import ArgumentParser
import Foundation
import KursusProgress
import KursusText
#if canImport(Glibc)
import Glibc
#endif

/// `kursus learners …`: the learners of a shared workstation's data directory.
struct Learners: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List, add and remove learners, and set or clear their PINs.",
        discussion: "Learners live in <data-dir>/learners/<id>/. See docs/learners.md.",
        subcommands: [LearnersList.self, LearnersAdd.self, LearnersRemove.self, LearnersSetPIN.self, LearnersClearPIN.self],
        defaultSubcommand: LearnersList.self
    )
}

struct LearnersList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List learners: id, name, team and whether they have a PIN (never progress)."
    )

    @OptionGroup var data: DataOptions

    @Option(help: "Output format: table or json.")
    var format: ReportFormat = .table

    func run() throws {
        let registry = LearnerRegistry(dataDirectory: data.resolved)
        let entries = try registry.entries()
        for entry in entries {
            if let problem = entry.problem { ReportFormat.warn(problem.description) }
        }
        switch format {
        case .json:
            struct Row: Encodable { var id: String; var displayName: String; var team: String?; var hasPIN: Bool; var problem: String? }
            print(
                try ReportFormat.json(
                    entries.map {
                        Row(
                            id: $0.summary.id, displayName: $0.summary.displayName, team: $0.summary.team, hasPIN: $0.summary.hasPIN,
                            problem: $0.problem?.description)
                    }))
        case .table:
            guard !entries.isEmpty else {
                print("No learners in \(registry.learnersFolder.path).")
                return
            }
            let rows = entries.map { [$0.summary.id, $0.summary.displayName, $0.summary.team ?? "", $0.summary.hasPIN ? "yes" : "no"] }
            print(ReportTable.render(header: ["ID", "NAME", "TEAM", "PIN"], rows: rows), terminator: "")
        }
    }
}

struct LearnersAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a learner.",
        discussion: """
            With --pin the PIN (4 to 8 digits) is read from standard input: typed twice without echo \
            on a terminal, or one line from a script: echo 1234 | kursus learners add anna --name "Anna" --pin
            """
    )

    @Argument(help: "The learner's id: letters A-Z, digits, '.', '_', '-' and '@'; it names their folder.")
    var id: String

    @Option(help: ArgumentHelp("The name shown on the start screen (1 to 60 characters).", valueName: "name"))
    var name: String

    @Option(help: ArgumentHelp("Team or cohort shown next to the name (at most 40 characters).", valueName: "team"))
    var team: String?

    @Flag(help: "Protect the learner with a PIN read from standard input.")
    var pin = false

    @OptionGroup var data: DataOptions

    func run() throws {
        let registry = LearnerRegistry(dataDirectory: data.resolved)
        // Everything that can be checked is checked before the PIN is asked for.
        _ = try LearnerFields.displayName(name)
        _ = try LearnerFields.team(team)
        if try registry.profile(id: id) != nil { throw LearnerError.alreadyExists(id: id, path: try registry.profileFile(for: id).path) }
        let hadProgress = try registry.exists(id: id)
        let code = pin ? try TerminalPrompt.readPIN() : nil
        let profile = try registry.add(id: id, displayName: name, team: team, pin: code, now: Date())
        var message = "Added learner \(profile.id) (\(TerminalSafe.clean(profile.displayName)))\(code == nil ? "" : " with a PIN")."
        if hadProgress { message += " Progress already saved under this id is kept." }
        print(message)
    }
}

struct LearnersRemove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "remove",
        abstract: "Remove a learner with their profile and all their progress.",
        discussion: """
            Asks for confirmation on a terminal; scripts must pass --yes. Refused while the learner has a course open. \
            Needs the learner's PIN or the admin passphrase when they have a PIN or a passphrase is set (docs/learners.md).
            """
    )

    @Argument(help: "The learner's id.")
    var id: String

    @Flag(help: "Remove without asking.")
    var yes = false

    @OptionGroup var data: DataOptions
    @OptionGroup var access: AccessOptions

    func run() throws {
        let registry = LearnerRegistry(dataDirectory: data.resolved)
        guard try registry.exists(id: id) else { throw LearnerError.notFound(id: id, path: try registry.folder(for: id).path) }
        if !yes, !TerminalPrompt.isInteractive {
            throw CommandFailure("not removing learner '\(id)': standard input is not a terminal to confirm on; pass --yes to remove without asking")
        }
        _ = try access.authorize(registry, id: id, doing: "removing them")
        if !yes {
            let name = (try? registry.profile(id: id)?.displayName).map { " (\(TerminalSafe.clean($0)))" } ?? ""
            let answer = TerminalPrompt.ask("Remove learner \(id)\(name) and all their progress? This cannot be undone. [y/N] ")
            guard ["y", "yes", "j", "ja"].contains(answer.lowercased()) else {
                ReportFormat.warn("nothing was removed")
                throw ExitCode(1)
            }
        }
        try registry.remove(id: id)
        print("Removed learner \(id) and all their progress.")
    }
}

struct LearnersSetPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-pin",
        abstract: "Set or replace a learner's PIN (4 to 8 digits, read from standard input).",
        discussion: """
            On a terminal the PIN is typed twice without echo; from a script: echo 1234 | kursus learners set-pin anna. \
            Replacing a PIN needs the old one or the admin passphrase (asked first; from a script with --passphrase-stdin, \
            as the line before the new PIN).
            """
    )

    @Argument(help: "The learner's id.")
    var id: String

    @Flag(name: .customLong("forget-data"), help: LearnerVaultMessages.forgetHelp)
    var forgetData = false

    @OptionGroup var data: DataOptions
    @OptionGroup var access: AccessOptions

    func run() throws {
        let registry = LearnerRegistry(dataDirectory: data.resolved)
        guard try registry.exists(id: id) else { throw LearnerError.notFound(id: id, path: try registry.folder(for: id).path) }
        _ = try registry.profile(id: id)
        let (_, key) = try access.unlock(registry, id: id, doing: "setting their PIN")
        let lost = try key == nil && registry.hasSealedData(id: id)
        if lost, !forgetData { throw CommandFailure(LearnerVaultMessages.refused(id)) }
        try registry.setPIN(id: id, pin: try TerminalPrompt.readPIN(), old: key, forgetSealedData: forgetData)
        print("PIN set for \(id).\(lost ? " " + LearnerVaultMessages.forgotten : "")")
    }
}

struct LearnersClearPIN: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear-pin", abstract: "Remove a learner's PIN.",
        discussion: "Needs the learner's PIN or the admin passphrase (docs/learners.md).")

    @Argument(help: "The learner's id.")
    var id: String

    @Flag(name: .customLong("forget-data"), help: LearnerVaultMessages.forgetHelp)
    var forgetData = false

    @OptionGroup var data: DataOptions
    @OptionGroup var access: AccessOptions

    func run() throws {
        let registry = LearnerRegistry(dataDirectory: data.resolved)
        let (_, key) = try access.unlock(registry, id: id, doing: "removing their PIN")
        let hadPIN = try registry.profile(id: id)?.pin != nil
        let lost = try key == nil && registry.hasSealedData(id: id)
        if lost, !forgetData { throw CommandFailure(LearnerVaultMessages.refused(id)) }
        try registry.clearPIN(id: id, old: key, forgetSealedData: forgetData)
        print((hadPIN ? "PIN removed for \(id)." : "\(id) had no PIN.") + (lost ? " " + LearnerVaultMessages.forgotten : ""))
    }
}

/// Questions asked on the terminal. A PIN is typed without echo, and the terminal is
/// restored even when the command is interrupted meanwhile.
enum TerminalPrompt {
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 }

    /// The answer to `question` (asked on standard error), trimmed; empty at end of input.
    static func ask(_ question: String) -> String {
        ConsoleOutput.write(question, to: .standardError)
        return (readLine() ?? "").trimmingCharacters(in: .whitespaces)
    }

    /// A PIN from standard input: typed twice without echo on a terminal, else one line.
    static func readPIN() throws -> String {
        let pin: String
        if isInteractive {
            pin = withoutEcho { ask("PIN (4 to 8 digits): ") }
            FileHandle.standardError.write(Data("\n".utf8))
            try PINHasher.validate(pin)
            let again = withoutEcho { ask("Type the PIN again: ") }
            FileHandle.standardError.write(Data("\n".utf8))
            guard again == pin else { throw CommandFailure("the two PINs differ; nothing was changed") }
        } else {
            guard let line = readLine(strippingNewline: true) else {
                throw CommandFailure("no PIN on standard input; type it on a terminal or pipe it in: echo 1234 | kursus learners …")
            }
            pin = line.hasSuffix("\r") ? String(line.dropLast()) : line
            try PINHasher.validate(pin)
        }
        return pin
    }

    /// One secret (a PIN or a passphrase) typed without echo on the terminal.
    static func readSecret(_ question: String) -> String {
        let secret = withoutEcho { ask(question) }
        FileHandle.standardError.write(Data("\n".utf8))
        return secret
    }

    nonisolated(unsafe) private static var saved = termios()

    private static func withoutEcho(_ body: () -> String) -> String {
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else { return body() }
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        let signals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        for number in signals {
            signal(number) { number in
                tcsetattr(STDIN_FILENO, TCSANOW, &TerminalPrompt.saved)
                _exit(128 + number)
            }
        }
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            for number in signals { signal(number, SIG_DFL) }
        }
        return body()
    }
}
