import ArgumentParser
import Foundation
import KursusCourse
import KursusText

/// `kursus import-gift FILE [-o OUT] [--force]`: converts a Moodle GIFT file to the
/// kursus-quiz/1 YAML format.
struct ImportGift: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-gift",
        abstract: "Convert a Moodle GIFT question file to a Kursus quiz file (YAML).",
        discussion: """
            Problems are printed to standard error as path:line:col: error|warning: message. \
            With any error nothing is written and the exit status is 1. See docs/gift.md.
            """
    )

    /// Larger files are refused: a GIFT question bank is text, and 16 MiB holds far
    /// more questions than any course uses.
    static let maximumBytes = 16 * 1024 * 1024

    @Argument(help: "The GIFT file exported from Moodle.")
    var file: String

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the YAML to this file instead of standard output.", valueName: "out"))
    var output: String?

    @Flag(help: "Overwrite the output file if it exists.")
    var force = false

    func run() throws {
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw CommandFailure("\(TerminalSafe.clean(output)) exists already; pass --force to overwrite it")
        }
        let data = try CommandSupport.reportingFailure { () throws(CourseError) in
            try TextFileReader.readBytes(URL(fileURLWithPath: file), shownAs: file, limit: Self.maximumBytes)
        }
        var (quiz, diagnostics) = GiftParser.parse(data: data, file: file)
        // The same content checks as `kursus validate`, so a converted file never fails there.
        if let parsed = quiz { diagnostics += QuizChecks.diagnostics(for: parsed, isSurvey: false, surveyUnitIDs: []) }
        if diagnostics.hasErrors { quiz = nil }
        CommandSupport.report(diagnostics)
        guard let quiz, !diagnostics.hasErrors else { throw ExitCode(1) }
        // A quiz file Kursus would refuse is not written: its size is counted first (the
        // writer is fast), so neither a file nor standard output gets one.
        var size = 0
        QuizYAMLWriter.write(quiz) { size += $0.count }
        guard size <= CoursePackage.quizLimit else {
            throw CommandFailure(
                "\(TerminalSafe.clean(file)): the quiz would be \(ByteCount.describe(size)) of YAML, over the "
                    + "\(ByteCount.describe(CoursePackage.quizLimit)) Kursus reads in one quiz file; nothing was written. "
                    + "Split the GIFT file into smaller ones (it holds \(quiz.questions.count) questions)")
        }
        // Written question by question as it is produced, not built whole in memory.
        guard let output else {
            do {
                try StreamedFileOutput.toStandardOutput { sink in try QuizYAMLWriter.write(quiz, to: sink) }
            } catch let failure as StreamedFileOutput.Failure {
                throw CommandFailure("cannot write the quiz to standard output: \(failure.reason)")
            }
            return
        }
        do {
            try StreamedFileOutput.replacing(output) { sink in try QuizYAMLWriter.write(quiz, to: sink) }
        } catch let failure as StreamedFileOutput.Failure {
            throw CommandFailure("\(TerminalSafe.clean(output)): cannot write the quiz file: \(failure.reason)")
        }
    }
}
