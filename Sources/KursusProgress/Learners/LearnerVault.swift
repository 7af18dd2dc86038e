import Foundation

/// A PIN-protected learner's progress files at rest: every generation of
/// `learners/<id>/progress/<course>.json` (and its `.bak`) is a `SealedFile` under their
/// `LearnerKey`. Sealing happens when a PIN that gives a key is first used, and the
/// files are sealed anew whenever the PIN changes or is removed.
public enum LearnerVault {
    /// What a progress file is sealed for: its course, so a backup (a copy of the file
    /// before) opens as the file does.
    public static func purpose(course: String) -> String { "progress:\(course)" }

    /// The progress generations in a learner's folder, with their course ids. Temporary
    /// files and damaged copies kept aside are left alone.
    static func progressFiles(folder: URL) -> [(url: URL, course: String)] {
        let progress = folder.appendingPathComponent("progress")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: progress.path) else { return [] }
        return names.sorted().compactMap { name in
            guard !name.hasPrefix(".") else { return nil }
            for suffix in [".json", ".json.bak"] where name.hasSuffix(suffix) {
                return (progress.appendingPathComponent(name), String(name.dropLast(suffix.count)))
            }
            return nil
        }
    }

    /// Seals every progress generation under `new` (or writes it in the clear when nil),
    /// opening sealed ones with `old`; with `plainOnly`, only files still in the clear
    /// are sealed. Nothing is written unless every sealed file opens, so a wrong old key
    /// changes nothing.
    static func reseal(folder: URL, from old: LearnerKey?, to new: LearnerKey?, plainOnly: Bool) throws(LearnerError) {
        var plain: [(URL, String, Data)] = []
        for (url, course) in progressFiles(folder: folder) {
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw .unreadable(path: url.path, reason: "cannot read the progress file to encrypt it; check its permissions")
            }
            if SealedFile.isSealed(data) {
                if plainOnly { continue }
                guard let old, let opened = SealedFile.open(data, key: old, purpose: purpose(course: course)) else {
                    throw .notAuthorized(id: folder.lastPathComponent, reason: "\(url.path) does not open with the learner's PIN")
                }
                plain.append((url, course, opened))
            } else {
                plain.append((url, course, data))
            }
        }
        // The records waiting to be sent go with the progress (checked before anything is written).
        let journals = try OutboxJournalVault.resealed(folder: folder, from: old, to: new, plainOnly: plainOnly)
        for (url, course, data) in plain {
            let out = try new.map { (key) throws(LearnerError) in try SealedFile.seal(data, key: key, purpose: purpose(course: course)) } ?? data
            do {
                try AtomicFile.write(out, to: url, permissions: 0o600)
            } catch {
                throw LearnerError(error, writing: url.path)
            }
        }
        try OutboxJournalVault.write(journals)
    }

    /// Removes the sealed progress generations (a reset without the PIN: they cannot be
    /// opened any more). Files in the clear stay. Returns how many were removed.
    @discardableResult
    static func forget(folder: URL) throws(LearnerError) -> Int {
        var removed = 0
        for (url, _) in progressFiles(folder: folder) {
            guard let data = FileManager.default.contents(atPath: url.path), SealedFile.isSealed(data) else { continue }
            do {
                try FileManager.default.removeItem(at: url)
            } catch {
                throw .removeFailed(path: url.path, reason: "check the folder's permissions")
            }
            removed += 1
        }
        return removed + (try OutboxJournalVault.forget(folder: folder))
    }

    /// Whether the learner has anything sealed: profile details or a progress file.
    static func hasSealedData(folder: URL, profile: LearnerProfile?) -> Bool {
        if profile?.isSealed == true { return true }
        let journals = OutboxJournalVault.journalFiles(folder: folder)
        if journals.contains(where: { FileManager.default.contents(atPath: $0.path).map(OutboxJournalVault.hasSealedLines) ?? false }) {
            return true
        }
        return progressFiles(folder: folder).contains { file in
            FileManager.default.contents(atPath: file.url.path).map(SealedFile.isSealed) ?? false
        }
    }
}
