import ArgumentParser
import Foundation
import KursusCourse
import KursusMarkdown
import KursusPackages
import KursusText

/// `kursus pack DIR [-o FILE.kursus] [--sign NAME.key]`: a course folder as one package file.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write a course folder into one .kursus package file, optionally signed.",
        discussion: """
            The folder must validate (kursus validate DIR); warnings are shown but do not stop packing. \
            The same folder always gives the same bytes. Hidden files (.git, .DS_Store) are left out; a \
            symbolic link in the folder is refused. The file is written completely or not at all, and an \
            existing file of that name is replaced. Exit status 0 when written, 1 when not. See docs/packages.md.
            """
    )

    @Argument(help: "The course folder (the folder that holds course.yaml).")
    var folder: String

    @Option(
        name: [.customShort("o"), .customLong("output")],
        help: ArgumentHelp("The package to write. Default: ID-VERSION.kursus here.", valueName: "file"))
    var output: String?

    @Option(help: ArgumentHelp("Sign the package with this private key (made with 'kursus keys generate').", valueName: "name.key"))
    var sign: String?

    func run() throws {
        let key = try sign.map { path in
            do { return try PackageKeyFiles.readPrivateKey(URL(fileURLWithPath: path)) } catch { throw CommandFailure("\(error)") }
        }
        let assets = (try? CommandSupport.installation())?.assets ?? .embedded
        let writer = PackageWriter(validator: PackageValidator(scanLesson: MarkdownScanner.findings(in:), assets: assets))
        let destination = try output ?? defaultOutput()
        let result: PackageWriter.Result
        do {
            result = try writer.pack(folder: URL(fileURLWithPath: folder), shownAs: folder, to: URL(fileURLWithPath: destination), signingKey: key)
        } catch {
            throw CommandFailure("\(error)")
        }
        CommandSupport.report(result.warnings.filter { $0.severity == .warning })
        let course = result.manifest.course
        let files = result.manifest.files.count
        print(
            "Packed \(TerminalSafe.clean(course.id)) \(TerminalSafe.clean(course.version)): \(files) file\(files == 1 ? "" : "s"), "
                + "\(ByteCount.describe(result.size)) → \(TerminalSafe.clean(destination))")
        if let signature = result.signature {
            print("Signed by \(signature.signer.fingerprint)")
        } else {
            print("Not signed (give --sign NAME.key to sign it)")
        }
    }

    /// `ID-VERSION.kursus` in the current folder, from the course's manifest.
    private func defaultOutput() throws -> String {
        let course = try CommandSupport.reportingFailure { () throws(CourseError) in
            try CoursePackage.open(URL(fileURLWithPath: folder), shownAs: folder).0.course
        }
        let safe = { (text: String) in String(text.map { $0.isLetter || $0.isNumber || "-_.".contains($0) ? $0 : "-" }) }
        return safe(course.id) + "-" + safe(course.version) + "." + PackageFormat.fileExtension
    }
}
