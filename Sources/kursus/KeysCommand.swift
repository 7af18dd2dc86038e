import ArgumentParser
import Foundation
import KursusPackages

/// `kursus keys`: the Ed25519 keys trainers sign packages with.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Make and inspect the keys that sign course packages.",
        subcommands: [Generate.self, Fingerprint.self]
    )

    /// `kursus keys generate NAME [--force]`.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write a new key pair: NAME.key (private, mode 0600) and NAME.pub (public).",
            discussion: """
                Keep NAME.key secret: whoever has it can sign packages in your name. Give NAME.pub to IT, \
                who list it under packages: trusted-keys: in the workstation config. An existing file is \
                never replaced unless --force is given. See docs/packages.md.
                """
        )

        @Argument(help: ArgumentHelp("The name of the key files, optionally with a folder (e.g. keys/region-syd).", valueName: "name"))
        var name: String

        @Flag(help: "Replace existing key files (the old key can no longer sign).")
        var force = false

        func run() throws {
            guard !name.isEmpty, !name.hasSuffix("/") else { throw ValidationError("give a name for the key files, such as region-syd") }
            do {
                let made = try PackageKeyFiles.generate(name: name, force: force)
                print("Wrote \(made.privateKey.path) (private, keep it secret) and \(made.publicKey.path) (public)")
                print("Fingerprint \(made.key.fingerprint)")
            } catch {
                throw CommandFailure(error.description)
            }
        }
    }

    /// `kursus keys fingerprint FILE`.
    struct Fingerprint: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the fingerprint of a public (.pub) or private (.key) key file.")

        @Argument(help: ArgumentHelp("The key file.", valueName: "file"))
        var file: String

        func run() throws {
            let url = URL(fileURLWithPath: file)
            do {
                let key =
                    url.pathExtension == PackageKeyFiles.privateExtension
                    ? try PackageKeyFiles.readPrivateKey(url).publicKey : try PackageKeyFiles.readPublicKey(url)
                print(key.fingerprint)
            } catch {
                throw CommandFailure(error.description)
            }
        }
    }
}
