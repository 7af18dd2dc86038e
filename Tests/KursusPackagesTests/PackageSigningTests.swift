import Foundation
import Testing
import ZIPFoundation

@testable import KursusPackages

/// Signed packages: what opens, and every refusal of a workstation's trust policy.
@Suite struct PackageSigningTests {
    /// A signed package of the small course, and the key that signed it.
    func signedPackage(in folder: TemporaryFolder) throws -> (URL, PackageSigningKey) {
        let key = PackageSigningKey.generate()
        let course = try Fixtures.courseFolder(in: folder)
        _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("signed.kursus"), signingKey: key)
        return (folder.file("signed.kursus"), key)
    }

    /// The entries of a real package, to be rewritten with one change.
    func entries(of url: URL) throws -> [RawZip.Entry] {
        let archive = try Archive(url: url, accessMode: .read)
        return try archive.map { entry in
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            return RawZip.Entry(entry.path, data, deflate: true)
        }
    }

    @Test func aSignedPackageOpensWithItsSigner() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (url, key) = try signedPackage(in: folder)
        let archive = try PackageArchive.open(url, shownAs: "signed.kursus")
        #expect(archive.signature?.signer == key.publicKey)
        #expect(archive.signature?.verifies(manifest: archive.manifestBytes) == true)
        try archive.verifyAll()
        #expect(
            try ZipIndex.read(archive.file, limits: .standard).entries.map(\.shownName).prefix(2) == ["kursus-package.json", "kursus-package.sig"])
        let trust = PackageTrust(requireSignature: true, trustedKeys: [key.publicKey], source: "/etc/kursus/config.yaml")
        try trust.check(archive)
        try PackageTrust.permissive.check(archive)
    }

    @Test func signingTheSameFolderWithTheSameKeyIsDeterministic() throws {
        // Ed25519 signatures are deterministic, so signed packages are too.
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (url, key) = try signedPackage(in: folder)
        _ = try Fixtures.writer.pack(folder: folder.file("kursus"), shownAs: "kursus", to: folder.file("again.kursus"), signingKey: key)
        #expect(try Data(contentsOf: url) == (try Data(contentsOf: folder.file("again.kursus"))))
    }

    @Test func aFileChangedAfterSigningIsRefusedWhenRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (url, _) = try signedPackage(in: folder)
        var entries = try entries(of: url)
        let index = try #require(entries.firstIndex { $0.name == Array("lektioner/en.md".utf8) })
        // Same length as "# Hej\n\nEn lektion.\n", other words.
        entries[index].data = Data("# Hej\n\nEn lektiOn.\n".utf8)
        try RawZip(entries).write(to: folder.file("tampered.kursus"))
        let archive = try PackageArchive.open(folder.file("tampered.kursus"), shownAs: "tampered.kursus")
        do {
            try archive.verifyAll()
            Issue.record("a changed file passed")
        } catch {
            #expect(error.description == "tampered.kursus: changed after signing: lektioner/en.md does not match its signature (its SHA-256 differs)")
        }
    }

    @Test func aManifestChangedAfterSigningDoesNotOpen() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (url, key) = try signedPackage(in: folder)
        var entries = try entries(of: url)
        var text = String(decoding: entries[0].data, as: UTF8.self)
        text = text.replacingOccurrences(of: "\"version\" : \"1.2.0\"", with: "\"version\" : \"9.9.9\"")
        entries[0].data = Data(text.utf8)
        try RawZip(entries).write(to: folder.file("tampered.kursus"))
        let expected = PackageArchiveError.badSignature(
            archive: "tampered.kursus",
            reason: "changed after signing: kursus-package.json does not match its signature (by \(key.publicKey.fingerprint))")
        #expect(throws: expected) { try PackageArchive.open(folder.file("tampered.kursus"), shownAs: "tampered.kursus") }
    }

    @Test func aSignatureWhoseFingerprintLiesIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (url, _) = try signedPackage(in: folder)
        var entries = try entries(of: url)
        let other = PackageSigningKey.generate().publicKey
        var text = String(decoding: entries[1].data, as: UTF8.self)
        let fingerprint = try #require(text.split(separator: "\"").first { $0.hasPrefix("SHA256:") })
        text = text.replacingOccurrences(of: fingerprint, with: other.fingerprint)
        entries[1].data = Data(text.utf8)
        try RawZip(entries).write(to: folder.file("lying.kursus"))
        guard case .manifestInvalid(_, "kursus-package.sig", let reason)? = try openError(folder.file("lying.kursus")) else {
            Issue.record("a signature with another key's fingerprint opened")
            return
        }
        #expect(reason.contains("is not the fingerprint of its public key"))
    }

    @Test func anUnsignedPackageIsRefusedWhereSignaturesAreRequired() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let course = try Fixtures.courseFolder(in: folder)
        _ = try Fixtures.writer.pack(folder: course, shownAs: "kursus", to: folder.file("plain.kursus"))
        let archive = try PackageArchive.open(folder.file("plain.kursus"), shownAs: "plain.kursus")
        let trust = PackageTrust(requireSignature: true, trustedKeys: [PackageSigningKey.generate().publicKey], source: "/etc/kursus/config.yaml")
        #expect(throws: PackageTrustError.unsigned(archive: "plain.kursus", config: "/etc/kursus/config.yaml")) { try trust.check(archive) }
        #expect(
            PackageTrustError.unsigned(archive: "plain.kursus", config: "/etc/kursus/config.yaml").description
                == "plain.kursus: unsigned package, but this workstation requires signed packages (/etc/kursus/config.yaml)")
        // Without the requirement, it opens.
        try PackageTrust(requireSignature: false, trustedKeys: trust.trustedKeys).check(archive)
    }

    @Test func aPackageSignedByAnUnknownKeyIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (url, key) = try signedPackage(in: folder)
        let archive = try PackageArchive.open(url, shownAs: "signed.kursus")
        let trust = PackageTrust(requireSignature: false, trustedKeys: [PackageSigningKey.generate().publicKey], source: "c.yaml")
        let error = PackageTrustError.unknownKey(archive: "signed.kursus", fingerprint: key.publicKey.fingerprint, config: "c.yaml")
        #expect(throws: error) { try trust.check(archive) }
        #expect(error.description.hasPrefix("signed.kursus: signed by an unknown key SHA256:"))
        let noKeys = PackageTrust(requireSignature: true, trustedKeys: [], source: "c.yaml")
        #expect(throws: PackageTrustError.noTrustedKeys(archive: "signed.kursus", config: "c.yaml")) { try noKeys.check(archive) }
    }

    @Test func theTrustPolicyReadsKeysRelativeToItsConfigFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(at: folder.file("keys"), withIntermediateDirectories: true)
        let generated = try PackageKeyFiles.generate(name: folder.file("keys/region").path, force: false)
        let trust = try PackageTrust.load(requireSignature: true, trustedKeyPaths: ["keys/region.pub"], configFile: folder.file("config.yaml"))
        #expect(trust.trustedKeys == [generated.key])
        #expect(trust.source == folder.file("config.yaml").path)
        #expect(throws: PackageTrustError.self) {
            try PackageTrust.load(requireSignature: true, trustedKeyPaths: ["keys/none.pub"], configFile: folder.file("config.yaml"))
        }
    }

    func openError(_ url: URL) throws -> PackageArchiveError? {
        do {
            _ = try PackageArchive.open(url, shownAs: url.lastPathComponent)
            return nil
        } catch { return error }
    }
}
