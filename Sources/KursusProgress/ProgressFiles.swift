import Foundation

/// The files that hold one learner's progress in one course, all in
/// `<data>/learners/<learner>/progress/`:
/// - `<course>.json`, the current generation;
/// - `<course>.json.bak`, the generation before it;
/// - `<course>.json.corrupt-<UTC time>`, damaged files kept aside, never deleted.
struct ProgressFiles: Sendable {
    let main: URL
    let course: String
    /// Opens sealed files (LearnerVault); without it a sealed file is `.encrypted`.
    var key: LearnerKey? = nil

    var folder: URL { main.deletingLastPathComponent() }
    var backup: URL { folder.appendingPathComponent(main.lastPathComponent + ".bak") }

    /// What a progress file turned out to hold.
    enum Content {
        case missing
        case document(ProgressDocument, version: Int)
        case corrupt(reason: String)
    }

    /// Reads and checks one file. A file from a newer schema throws `.newerSchema`,
    /// one that cannot be read at all throws `.unreadable`; neither is touched.
    func examine(_ url: URL) throws(ProgressError) -> Content {
        guard FileManager.default.fileExists(atPath: url.path) else { return .missing }
        let data: Data
        do {
            data = try FileReading.bytes(url, limit: ProgressStore.maximumFileSize + 1)
        } catch .tooLarge {
            return .corrupt(reason: "larger than \(ProgressStore.maximumFileSize >> 20) MiB")
        } catch {
            throw .unreadable(path: url.path, reason: "it \(error)")
        }
        guard data.count <= ProgressStore.maximumFileSize else {
            return .corrupt(reason: "larger than \(ProgressStore.maximumFileSize >> 20) MiB")
        }
        var plain = data
        if SealedFile.isSealed(data) {
            // Sealed with the learner's PIN key (LearnerVault): refused untouched without it.
            guard let key else { throw .encrypted(path: url.path) }
            guard let opened = SealedFile.open(data, key: key, purpose: LearnerVault.purpose(course: course)) else {
                return .corrupt(reason: "encrypted, and the learner's key does not open it")
            }
            plain = opened
        }
        do throws(ProgressError) {
            let (document, version) = try ProgressParser.parse(plain, path: url.path, course: course)
            return .document(document, version: version)
        } catch {
            if case let .corrupt(_, reason) = error { return .corrupt(reason: reason) }
            throw error
        }
    }

    /// Keeps a damaged file as `<name>.corrupt-<UTC time>` (with `-2`, `-3`… when that
    /// name is taken) and returns the copy's path. The file itself may stay in place
    /// (hard link); the caller replaces or removes it.
    func keepAside(_ url: URL, now: Date) throws(ProgressError) -> URL {
        let stamp = Self.timestamp(now)
        for attempt in 1...1000 {
            let suffix = attempt == 1 ? "" : "-\(attempt)"
            let copy = url.deletingLastPathComponent().appendingPathComponent("\(url.lastPathComponent).corrupt-\(stamp)\(suffix)")
            if try AtomicFile.preserve(url, as: copy) { return copy }
        }
        throw .writeFailed(path: url.path, reason: "cannot find a free name to keep the damaged file aside")
    }

    /// `20260314T091502Z`: sortable, and free of ':' so the name is valid on any share.
    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func two(_ value: Int?) -> String {
            let text = String(value ?? 0)
            return text.count < 2 ? "0" + text : text
        }
        return "\(parts.year ?? 0)\(two(parts.month))\(two(parts.day))T\(two(parts.hour))\(two(parts.minute))\(two(parts.second))Z"
    }
}
