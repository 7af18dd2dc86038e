import Foundation

/// The workstation's admin passphrase: held by whoever looks after the ward's
/// workstation (the trainer or IT), stored only as a `PINRecord` (the same salted,
/// slow PBKDF2 as learners' PINs) under `admin-passphrase:` in `<data-dir>/config.yaml`.
/// Once it exists, changing or removing a learner, or reading their progress from the
/// command line, needs that learner's PIN or this passphrase (`LearnerGate`).
public enum AdminPassphrase {
    public static let configKey = "admin-passphrase"
    public static let minimumLength = 10
    public static let maximumLength = 200

    /// Checks length and content: 10 to 200 characters, no control characters. The error
    /// never repeats the passphrase.
    public static func validate(_ passphrase: String) throws(LearnerError) {
        guard passphrase.count >= minimumLength, passphrase.count <= maximumLength else {
            throw .invalidPassphrase(reason: "must be \(minimumLength) to \(maximumLength) characters long")
        }
        guard !passphrase.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw .invalidPassphrase(reason: "must not contain control characters")
        }
    }

    /// A new record for `passphrase`, with a fresh salt, made with `hasher`'s work factor.
    public static func record(for passphrase: String, hasher: PINHasher = PINHasher()) throws(LearnerError) -> PINRecord {
        try validate(passphrase)
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<PINHasher.saltByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard let hash = hasher.derive(bytes: Array(passphrase.utf8), salt: salt, iterations: hasher.iterations) else {
            throw .invalidPassphrase(reason: "could not be hashed (iterations: \(hasher.iterations))")
        }
        return PINRecord(iterations: hasher.iterations, salt: Data(salt).base64EncodedString(), hash: Data(hash).base64EncodedString())
    }

    /// Whether `passphrase` is the one `record` was made from; a damaged record is an
    /// error naming `path` (config.yaml).
    public static func matches(_ passphrase: String, record: PINRecord, path: String, hasher: PINHasher = PINHasher()) throws(LearnerError)
        -> Bool
    {
        let (salt, expected) = try hasher.checked(record, path: path)
        guard let actual = hasher.derive(bytes: Array(passphrase.utf8), salt: salt, iterations: record.iterations) else {
            throw .corrupt(path: path, reason: "the admin passphrase could not be checked")
        }
        return PINHasher.constantTimeEqual(actual, expected)
    }

    /// Writes `record` into `<dataDirectory>/config.yaml` as one `admin-passphrase:` line,
    /// replacing the one there and keeping every other line (comments included). The
    /// result is read back before it is written, so a config that would not load is
    /// never saved.
    public static func store(_ record: PINRecord, dataDirectory: URL) throws(LearnerError) {
        let url = dataDirectory.appendingPathComponent(WorkstationConfig.fileName)
        var text = ""
        if FileManager.default.fileExists(atPath: url.path) {
            guard let data = FileManager.default.contents(atPath: url.path), let read = String(data: data, encoding: .utf8) else {
                throw .unreadable(path: url.path, reason: "cannot read the workstation settings")
            }
            text = read
        }
        let line =
            "\(configKey): {algorithm: \(record.algorithm), iterations: \(record.iterations), salt: \"\(record.salt)\", hash: \"\(record.hash)\"}"
        let updated = replacingEntry(in: text, with: line)
        do {
            let config = try WorkstationConfig.parse(updated, path: url.path)
            guard config.adminPassphrase == record else { throw WorkstationConfigError.unreadable(path: url.path, reason: "") }
        } catch {
            throw .writeFailed(path: url.path, reason: "the settings would not read back; the file is left as it was")
        }
        do {
            try AtomicFile.makePrivateDirectory(dataDirectory, in: dataDirectory)
            try AtomicFile.write(Data(updated.utf8), to: url, permissions: 0o600)
        } catch {
            throw LearnerError(error, writing: url.path)
        }
    }

    /// `text` with its top-level `admin-passphrase:` entry (the key's line and the
    /// indented lines under it) replaced by `line`, or `line` added at the end.
    static func replacingEntry(in text: String, with line: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        var kept: [String] = []
        var inEntry = false
        var replaced = false
        for current in lines {
            if current.hasPrefix(configKey + ":") {
                inEntry = true
                if !replaced { kept.append(line) }
                replaced = true
                continue
            }
            if inEntry, current.first == " " || current.first == "\t" { continue }
            inEntry = false
            kept.append(current)
        }
        if !replaced { kept.append(line) }
        return kept.joined(separator: "\n") + "\n"
    }
}

extension PINHasher {
    /// The salt and hash of a stored record, checked: a known algorithm, an accepted
    /// work factor, base64 of the right length. `path` names the file in errors.
    func checked(_ record: PINRecord, path: String) throws(LearnerError) -> (salt: [UInt8], hash: [UInt8]) {
        switch record.decoded(subject: "") {
        case .success(let decoded): return decoded
        case .failure(let damage): throw .corrupt(path: path, reason: damage.text)
        }
    }
}
