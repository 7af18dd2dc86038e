import Foundation
import KursusEngine

/// One learner as the list shows them, with the reason their profile could not be read.
public struct LearnerEntry: Hashable, Sendable {
    public var summary: LearnerSummary
    /// Why the profile is unusable (damaged, unreadable, newer schema); the learner is
    /// then listed under their id, with `hasPIN` true so nobody can open them unchecked.
    public var problem: LearnerError?

    public init(summary: LearnerSummary, problem: LearnerError? = nil) {
        self.summary = summary
        self.problem = problem
    }
}

/// The learners of a data directory: `<data-dir>/learners/<id>/profile.json`. Folders
/// are 0700, profiles 0600 and written atomically; a damaged profile is reported and
/// never overwritten. PIN operations are in `LearnerPINs.swift`.
public struct LearnerRegistry: Sendable {
    public let dataDirectory: URL
    public var hasher: PINHasher

    public init(dataDirectory: URL, hasher: PINHasher = PINHasher()) {
        self.dataDirectory = dataDirectory
        self.hasher = hasher
    }

    public var learnersFolder: URL { dataDirectory.appendingPathComponent("learners") }

    /// The learner's folder; the id is checked first so it cannot lead anywhere else.
    public func folder(for id: String) throws(LearnerError) -> URL {
        do {
            return learnersFolder.appendingPathComponent(try LearnerID.validate(id))
        } catch {
            throw LearnerError(error, writing: learnersFolder.path)
        }
    }

    public func profileFile(for id: String) throws(LearnerError) -> URL {
        try folder(for: id).appendingPathComponent(LearnerProfile.fileName)
    }

    /// Whether the learner has a folder (a profile, saved progress, or both).
    public func exists(id: String) throws(LearnerError) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: try folder(for: id).path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Every learner, sorted by display name in Danish order (Æ, Ø, Å after Z), ignoring
    /// case, then by id.
    public func entries() throws(LearnerError) -> [LearnerEntry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: learnersFolder.path)
        } catch {
            if !FileManager.default.fileExists(atPath: learnersFolder.path) { return [] }
            throw .unreadable(path: learnersFolder.path, reason: "cannot list the folder; check its permissions")
        }
        var entries: [LearnerEntry] = []
        for name in names {
            // Temporary files, lock files and anything not named like a learner are skipped.
            guard (try? LearnerID.validate(name)) != nil, (try? exists(id: name)) == true else { continue }
            do {
                let found = try profile(id: name)
                let summary = found?.summary ?? LearnerSummary(id: name, displayName: name)
                // A PIN record sign-in would refuse is flagged with the reason it gives.
                let damage = found?.pin?.damage.map { LearnerError.corrupt(path: (try? profileFile(for: name).path) ?? name, reason: $0) }
                entries.append(LearnerEntry(summary: summary, problem: damage))
            } catch {
                entries.append(LearnerEntry(summary: LearnerSummary(id: name, displayName: name, hasPIN: true), problem: error))
            }
        }
        return entries.sorted { Self.inListOrder($0.summary, $1.summary) }
    }

    /// What the start screen may show of every learner: names, never progress.
    public func summaries() throws(LearnerError) -> [LearnerSummary] {
        try entries().map(\.summary)
    }

    static let danish = Locale(identifier: "da_DK")

    static func inListOrder(_ a: LearnerSummary, _ b: LearnerSummary) -> Bool {
        switch a.displayName.compare(b.displayName, options: [.caseInsensitive], range: nil, locale: danish) {
        case .orderedAscending: true
        case .orderedDescending: false
        case .orderedSame: a.id < b.id
        }
    }

    /// The learner's profile, or nil when they have none (no folder, or a folder made
    /// by an older Kursus or by `play --learner`).
    public func profile(id: String) throws(LearnerError) -> LearnerProfile? {
        let url = try profileFile(for: id)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        let data: Data
        do {
            data = try FileReading.bytes(url, limit: LearnerProfile.maximumFileSize + 1)
        } catch .tooLarge {
            throw .corrupt(path: url.path, reason: "larger than \(LearnerProfile.maximumFileSize >> 10) KiB")
        } catch .permissionDenied {
            throw .unreadable(path: url.path, reason: "check the file's permissions")
        } catch {
            throw .unreadable(path: url.path, reason: "it \(error)")
        }
        guard data.count <= LearnerProfile.maximumFileSize else {
            throw .corrupt(path: url.path, reason: "larger than \(LearnerProfile.maximumFileSize >> 10) KiB")
        }
        return try LearnerProfile.decode(data, path: url.path, expectedID: id)
    }

    /// Adds a learner. The id, name, team and PIN are checked before anything is
    /// written. A learner with a profile is refused; a folder without one (progress
    /// saved before the learner was added) gets the profile and keeps its progress.
    @discardableResult
    public func add(id: String, displayName: String, team: String?, pin: String?, now: Date) throws(LearnerError) -> LearnerProfile {
        let folder = try folder(for: id)
        let name = try LearnerFields.displayName(displayName)
        let team = try LearnerFields.team(team)
        let made = try pin.map { (pin) throws(LearnerError) in try hasher.recordAndKey(for: pin) }
        try makeFolder(folder)
        return try LearnerFolderLock.withProfileLock(folder: folder) { () throws(LearnerError) in
            let file = folder.appendingPathComponent(LearnerProfile.fileName)
            if FileManager.default.fileExists(atPath: file.path) { throw .alreadyExists(id: id, path: file.path) }
            let profile = LearnerProfile(id: id, displayName: name, team: team, createdAt: now, pin: made?.record)
            // A learner with a PIN has their details sealed from the start (LearnerVault).
            if let key = made?.key {
                try LearnerVault.reseal(folder: folder, from: nil, to: key, plainOnly: true)
                try write(try profile.sealing(with: key))
            } else {
                try write(profile)
            }
            return profile
        }
    }

    /// The learner's profile, created with their id as the name when missing (a new
    /// learner named with `play --learner`). A damaged profile is an error, not replaced.
    @discardableResult
    public func ensure(id: String, now: Date) throws(LearnerError) -> LearnerProfile {
        let folder = try folder(for: id)
        if let existing = try profile(id: id) { return existing }
        try makeFolder(folder)
        return try LearnerFolderLock.withProfileLock(folder: folder) { () throws(LearnerError) in
            if let existing = try profile(id: id) { return existing }
            let profile = LearnerProfile(id: id, displayName: id, createdAt: now)
            try write(profile)
            return profile
        }
    }

    /// Removes the learner's whole folder: profile and all progress. Refused while a
    /// running player has the learner open.
    public func remove(id: String) throws(LearnerError) {
        let folder = try folder(for: id)
        guard try exists(id: id) else { throw .notFound(id: id, path: folder.path) }
        try LearnerFolderLock.withPlayerLockIfPresent(folder: folder, id: id) { () throws(LearnerError) in
            do {
                try FileManager.default.removeItem(at: folder)
            } catch {
                throw .removeFailed(path: folder.path, reason: "check the permissions of the folder and what is in it")
            }
        }
        AtomicFile.syncDirectory(learnersFolder)
    }

    /// Reads, changes and writes the learner's profile under the profile lock. A learner
    /// with a folder but no profile gets a minimal one first; an unknown learner is an error.
    func update<T>(id: String, now: Date, _ change: (inout LearnerProfile) throws(LearnerError) -> T) throws(LearnerError) -> T {
        let folder = try folder(for: id)
        guard try exists(id: id) else { throw .notFound(id: id, path: folder.path) }
        return try LearnerFolderLock.withProfileLock(folder: folder) { () throws(LearnerError) in
            var profile = try profile(id: id) ?? LearnerProfile(id: id, displayName: id, createdAt: now)
            let before = profile
            let result = try change(&profile)
            if profile != before { try write(profile) }
            return result
        }
    }

    func write(_ profile: LearnerProfile) throws(LearnerError) {
        let url = try profileFile(for: profile.id)
        let data = try profile.encoded(path: url.path)
        do {
            try AtomicFile.write(data, to: url, permissions: 0o600)
        } catch {
            throw LearnerError(error, writing: url.path)
        }
    }

    private func makeFolder(_ folder: URL) throws(LearnerError) {
        do {
            try AtomicFile.makePrivateDirectory(learnersFolder, in: dataDirectory)
            try AtomicFile.makePrivateDirectory(folder, in: dataDirectory)
        } catch {
            throw LearnerError(error, writing: folder.path)
        }
    }
}
