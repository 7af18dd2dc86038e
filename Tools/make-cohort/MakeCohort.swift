import ArgumentParser
import Foundation
import KursusCohort
import KursusRecords

/// `make-cohort`: a seeded, realistic cohort of learners as learning records, for tests,
/// benchmarks and the documentation's screenshots (`scripts/make-cohort`).
@main
struct MakeCohort: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-cohort",
        abstract: "Make a seeded, realistic cohort of learners as learning records.",
        discussion: """
            Teams are named "Hold 1", "Hold 2", …; learners and their names are made up. The same \
            seed and options always give the same records, byte for byte. Choose at least one output.

            Examples:
              make-cohort --data-dir /tmp/cohort
              make-cohort --seed 7 --transfer /tmp/cohort.kursus-records
              make-cohort --teams 400 --transfer /tmp/big.kursus-records --learners-per-file 2000
            """
    )

    @Option(help: "The course package folder.")
    var course: String = "Courses/digital-kompetence"

    @Option(help: "The seed every random choice follows from.")
    var seed: UInt64 = 1

    @Option(help: "How many teams (Hold 1 … Hold N).")
    var teams: Int = 3

    @Option(help: "Learners in each team.")
    var learnersPerTeam: Int = 25

    @Flag(help: "Learners appear under pseudonyms (keyed with the cohort's site secret).")
    var pseudonymous = false

    @Option(help: "The activity base of the statements.")
    var activityBase: String = RecordSettings.defaultActivityBase

    @Option(help: "Write a data directory (a new or empty folder): profiles and outbox journals.")
    var dataDir: String?

    @Option(help: "Write a .kursus-records transfer file.")
    var transfer: String?

    @Option(help: "With --transfer: at most this many learners a file (files named NAME-0001.kursus-records, …).")
    var learnersPerFile: Int?

    @Option(help: "Write the statements as JSON lines.")
    var statements: String?

    mutating func validate() throws {
        if dataDir == nil, transfer == nil, statements == nil {
            throw ValidationError("choose where the cohort goes: --data-dir, --transfer or --statements")
        }
        if let learnersPerFile, learnersPerFile < 1 { throw ValidationError("--learners-per-file must be 1 or more") }
    }

    func run() throws {
        let options = CohortOptions(
            seed: seed, teams: CohortOptions.teamNames(teams), learnersPerTeam: learnersPerTeam,
            settings: RecordSettings(activityBase: activityBase, pseudonymous: pseudonymous))
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let cohort = try CohortGenerator.load(course: URL(fileURLWithPath: course), options: options)
            var outputs: [(String, CohortOutput.Summary)] = []
            if let dataDir { outputs.append((dataDir, try CohortOutput.writeDataDirectory(cohort, to: URL(fileURLWithPath: dataDir)))) }
            if let transfer {
                let summary = try CohortOutput.writeTransfer(cohort, to: URL(fileURLWithPath: transfer), learnersPerFile: learnersPerFile)
                outputs.append((summary.files.map(\.path).joined(separator: ", "), summary))
            }
            if let statements { outputs.append((statements, try CohortOutput.writeStatements(cohort, to: URL(fileURLWithPath: statements)))) }
            let elapsed = clock.now - started
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            for (place, summary) in outputs {
                print(
                    "\(place): \(summary.learners) learners in \(teams) teams (\(summary.startedLearners) started), \(summary.statements) statements")
            }
            print(String(format: "done in %.1f s", seconds))
        } catch {
            FileHandle.standardError.write(Data("make-cohort: \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}
