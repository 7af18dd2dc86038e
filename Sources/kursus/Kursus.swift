import ArgumentParser
import Foundation

/// The `kursus` command line: this target holds only argument parsing and wiring.
@main
struct Kursus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kursus",
        abstract: "A terminal course player for digital competence in healthcare.",
        version: KursusVersion.current,
        subcommands: [
            Play.self, Preview.self, Validate.self, Render.self, SaveLoop.self, Learners.self, ProgressReport.self, ImportGift.self,
            ScenarioCommand.self, OutboxCommand.self, ExportCommand.self, ImportCommand.self, SyncCommand.self, ReportCommand.self,
            PackCommand.self, VerifyCommand.self, KeysCommand.self, Install.self, Uninstall.self, Courses.self, Admin.self,
        ],
    )

    /// Exit status for bad arguments: 2, as in most command-line tools (ArgumentParser's
    /// own is 64). Every other status is the command's.
    static let usageStatus: Int32 = 2

    static func main() {
        do {
            var command = try parseAsRoot(ReportArguments.normalized(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            // --help and --version: the parser's own text, printed as it is.
            if code == .success { exit(withError: error) }
            // Errors quote arguments, paths and config lines, which are untrusted: cleaned.
            let message = fullMessage(for: error)
            if !message.isEmpty { ConsoleOutput.error(message) }
            Foundation.exit(code == .validationFailure ? usageStatus : code.rawValue)
        }
    }
}
