import ArgumentParser

/// The `kursus` command line: this target holds only argument parsing and wiring.
@main
struct Kursus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kursus",
        abstract: "A terminal course player for digital competence in healthcare.",
        version: KursusVersion.current,
        subcommands: [Play.self, Preview.self, Validate.self, Render.self, SaveLoop.self, Learners.self, ProgressReport.self, ImportGift.self, ScenarioCommand.self, OutboxCommand.self, ExportCommand.self, ImportCommand.self, SyncCommand.self],
    )
}
