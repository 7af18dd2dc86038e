import Foundation
import Testing

@testable import KursusPackages

/// `kursus keys generate`'s files: their modes, their format, and never overwriting.
@Suite struct PackageKeyFileTests {
    func mode(_ url: URL) throws -> Int {
        try #require((try FileManager.default.attributesOfItem(atPath: url.path))[.posixPermissions] as? NSNumber).intValue & 0o777
    }

    @Test func generateWritesAPrivateKeyOnlyTheOwnerCanRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let made = try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        #expect(made.privateKey == folder.file("region.key") && made.publicKey == folder.file("region.pub"))
        #expect(try mode(made.privateKey) == 0o600)
        #expect(try mode(made.publicKey) == 0o644)
        let privateKey = try PackageKeyFiles.readPrivateKey(made.privateKey)
        #expect(privateKey.publicKey == made.key)
        #expect(try PackageKeyFiles.readPublicKey(made.publicKey) == made.key)
        let lines = try String(contentsOf: made.publicKey, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3 && lines[0] == "kursus-key/1 ed25519 public" && lines[2] == "# \(made.key.fingerprint) region")
        #expect(Data(base64Encoded: String(lines[1]))?.count == 32)
        #expect(made.key.fingerprint.hasPrefix("SHA256:") && made.key.fingerprint.count == 7 + 43)
    }

    @Test func anExistingKeyIsNeverOverwrittenWithoutForce() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        let before = try Data(contentsOf: first.privateKey)
        #expect(throws: PackageKeyError.exists(path: folder.file("region.key").path)) {
            try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        }
        #expect(try Data(contentsOf: first.privateKey) == before)
        // A lone public key blocks too, and nothing is written.
        try FileManager.default.removeItem(at: first.privateKey)
        #expect(throws: PackageKeyError.exists(path: folder.file("region.pub").path)) {
            try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: first.privateKey.path))
        let second = try PackageKeyFiles.generate(name: folder.file("region").path, force: true)
        #expect(second.key != first.key)
        #expect(try mode(second.privateKey) == 0o600)
    }

    @Test func aKeyFileIsNotWrittenThroughASymbolicLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.file("region.key").path, withDestinationPath: folder.file("elsewhere").path)
        #expect(throws: PackageKeyError.exists(path: folder.file("region.key").path)) {
            try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.file("elsewhere").path))
    }

    @Test func aPrivateKeyOthersCanReadIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let made = try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: made.privateKey.path)
        #expect(throws: PackageKeyError.tooOpen(path: made.privateKey.path, mode: 0o644)) { try PackageKeyFiles.readPrivateKey(made.privateKey) }
    }

    @Test func wrongKeyFilesAreRefusedWithTheReason() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let made = try PackageKeyFiles.generate(name: folder.file("region").path, force: false)
        #expect(throws: PackageKeyError.invalid(path: made.privateKey.path, reason: "it is a private key; give the public key (.pub)")) {
            try PackageKeyFiles.readPublicKey(made.privateKey)
        }
        try folder.write("bad.pub", "ssh-ed25519 AAAA\n")
        #expect(throws: PackageKeyError.invalid(path: folder.file("bad.pub").path, reason: "its first line is not 'kursus-key/1 ed25519 public'")) {
            try PackageKeyFiles.readPublicKey(folder.file("bad.pub"))
        }
        try folder.write("short.pub", "kursus-key/1 ed25519 public\nAAAA\n")
        #expect(throws: PackageKeyError.self) { try PackageKeyFiles.readPublicKey(folder.file("short.pub")) }
        #expect(throws: PackageKeyError.notFound(path: folder.file("none.pub").path)) { try PackageKeyFiles.readPublicKey(folder.file("none.pub")) }
    }
}
