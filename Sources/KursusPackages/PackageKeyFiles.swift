import Foundation
import KursusCourse

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The key files `kursus keys generate NAME` writes and `kursus pack --sign`,
/// `kursus verify --key` and `trusted-keys` read. Both are short text files:
///
/// ```text
/// kursus-key/1 ed25519 private          kursus-key/1 ed25519 public
/// <base64 of the raw 32-byte key>       <base64 of the raw 32-byte key>
///                                       # SHA256:… (comment lines start with #)
/// ```
///
/// The private key is created with mode 0600 and never over an existing file (`O_EXCL`)
/// unless `force` is given; a private key file that others can read is refused.
public enum PackageKeyFiles {
    public static let privateHeader = "kursus-key/1 ed25519 private"
    public static let publicHeader = "kursus-key/1 ed25519 public"
    public static let privateExtension = "key"
    public static let publicExtension = "pub"
    static let maximumSize = 4 << 10

    /// Generates a key pair and writes `NAME.key` (0600) and `NAME.pub` (0644), where
    /// `name` may include a folder. Neither file is replaced unless `force` is true;
    /// when one exists and `force` is false, nothing is written.
    public static func generate(name: String, force: Bool) throws(PackageKeyError) -> (privateKey: URL, publicKey: URL, key: PackagePublicKey) {
        let privateURL = URL(fileURLWithPath: name + "." + privateExtension)
        let publicURL = URL(fileURLWithPath: name + "." + publicExtension)
        if !force {
            for url in [privateURL, publicURL] where existsOrIsLink(url.path) { throw .exists(path: url.path) }
        }
        let key = PackageSigningKey.generate()
        let publicKey = key.publicKey
        try writeExclusive(privateText(key), to: privateURL, mode: 0o600, replacing: force)
        try writeExclusive(
            publicText(publicKey, name: privateURL.deletingPathExtension().lastPathComponent), to: publicURL, mode: 0o644, replacing: force)
        return (privateURL, publicURL, publicKey)
    }

    /// The text of a private key file.
    public static func privateText(_ key: PackageSigningKey) -> String {
        privateHeader + "\n" + key.rawRepresentation.base64EncodedString() + "\n"
    }

    /// The text of a public key file, with its fingerprint and name as a comment.
    public static func publicText(_ key: PackagePublicKey, name: String) -> String {
        publicHeader + "\n" + key.rawRepresentation.base64EncodedString() + "\n# " + key.fingerprint + " " + name + "\n"
    }

    /// Reads a private key file; refused when group or others may read it.
    public static func readPrivateKey(_ url: URL) throws(PackageKeyError) -> PackageSigningKey {
        let raw = try readKey(url, header: privateHeader, other: publicHeader, kind: "private")
        if let mode = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.posixPermissions] as? NSNumber,
            mode.intValue & 0o077 != 0
        {
            throw .tooOpen(path: url.path, mode: mode.intValue & 0o777)
        }
        guard let key = PackageSigningKey(rawRepresentation: raw) else { throw .invalid(path: url.path, reason: "the key is not 32 bytes") }
        return key
    }

    /// Reads a public key file.
    public static func readPublicKey(_ url: URL) throws(PackageKeyError) -> PackagePublicKey {
        let raw = try readKey(url, header: publicHeader, other: privateHeader, kind: "public")
        guard let key = PackagePublicKey(rawRepresentation: raw) else {
            throw .invalid(path: url.path, reason: "the key is not an Ed25519 public key")
        }
        return key
    }

    private static func readKey(_ url: URL, header: String, other: String, kind: String) throws(PackageKeyError) -> Data {
        let path = url.path
        let data: Data
        do {
            data = try RegularFileReader.read(url, limit: maximumSize)
        } catch .notFound {
            throw .notFound(path: path)
        } catch .tooLarge {
            throw .invalid(path: path, reason: "it is not a short text file")
        } catch .permissionDenied {
            throw .unreadable(path: path, reason: "check the file's permissions")
        } catch {
            throw .unreadable(path: path, reason: "it \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw .invalid(path: path, reason: "it is not a short text file")
        }
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
        guard let first = lines.first else { throw .invalid(path: path, reason: "it is empty") }
        if first == other {
            throw .invalid(
                path: path,
                reason:
                    "it is a \(kind == "public" ? "private" : "public") key; give the \(kind) key (.\(kind == "public" ? publicExtension : privateExtension))"
            )
        }
        guard first == header else { throw .invalid(path: path, reason: "its first line is not '\(header)'") }
        guard lines.count == 2, let raw = Data(base64Encoded: lines[1]), raw.count == 32 else {
            throw .invalid(path: path, reason: "the second line must be the key: 32 bytes in base64")
        }
        return raw
    }

    private static func existsOrIsLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates `url` with `O_EXCL` (never following or reusing an existing file) and the
    /// given mode, writes `text` and flushes it to disk. With `replacing`, an existing
    /// file (or link) of that name is removed first.
    static func writeExclusive(_ text: String, to url: URL, mode: mode_t, replacing: Bool) throws(PackageKeyError) {
        let path = url.path
        if replacing, existsOrIsLink(path), unlink(path) != 0 {
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            if errno == EEXIST { throw .exists(path: path) }
            if errno == ENOENT { throw .writeFailed(path: path, reason: "the folder \(url.deletingLastPathComponent().path) does not exist") }
            throw .writeFailed(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        // The umask may have taken bits away; set exactly the mode asked for.
        _ = fchmod(descriptor, mode)
        let bytes = Array(text.utf8)
        let written = bytes.withUnsafeBytes { buffer in write(descriptor, buffer.baseAddress, buffer.count) }
        guard written == bytes.count, fsync(descriptor) == 0 else {
            throw .writeFailed(path: path, reason: "the disk may be full")
        }
    }
}
