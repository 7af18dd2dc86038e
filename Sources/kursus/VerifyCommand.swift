import ArgumentParser
import Foundation
import KursusPackages
import KursusText

/// `kursus verify FILE.kursus [--key NAME.pub]`: is this package intact and signed?
struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that a .kursus package is intact and signed (by the given key).",
        discussion: """
            Reads every file in the package and checks it against the signed manifest. Exit status 0 only \
            when the package is intact and has a valid signature (made with the key given by --key, when \
            given); 1 otherwise, with the reason: unsigned, signed by another key, changed after signing, or \
            damaged. See docs/packages.md.
            """
    )

    @Argument(help: "The package file.")
    var package: String

    @Option(help: ArgumentHelp("The signer's public key file; the package must be signed with it.", valueName: "name.pub"))
    var key: String?

    func run() throws {
        let expected = try key.map { path in
            do { return try PackageKeyFiles.readPublicKey(URL(fileURLWithPath: path)) } catch { throw CommandFailure("\(error)") }
        }
        let archive: PackageArchive
        do {
            archive = try PackageArchive.open(URL(fileURLWithPath: package), shownAs: package)
            try archive.verifyAll()
        } catch {
            throw CommandFailure(error.description)
        }
        let course = archive.manifest.course
        let shown = TerminalSafe.clean(package)
        print("\(shown): \(TerminalSafe.clean(course.id)) \(TerminalSafe.clean(course.version)), \(archive.manifest.files.count) files, intact")
        guard let signature = archive.signature else {
            throw CommandFailure("\(shown): unsigned package (pack it with 'kursus pack DIR --sign NAME.key')")
        }
        if let expected, signature.signer != expected {
            throw CommandFailure(
                "\(shown): signed by an unknown key \(signature.signer.fingerprint), not by \(key ?? "") (\(expected.fingerprint))")
        }
        print("Signed by \(signature.signer.fingerprint)\(key.map { " (\(TerminalSafe.clean($0)))" } ?? "")")
    }
}
