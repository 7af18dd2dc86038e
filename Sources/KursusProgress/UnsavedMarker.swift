import Foundation
import KursusEngine
#if canImport(Glibc)
import Glibc
#endif

/// How a session that ended with answers not yet saved is known at the next start
/// (issue 16; docs/saving.md). While a learner plays a course, the file
/// `learners/<learner>/.unsaved-<course>.json` exists with room for one small record
/// reserved on disk when the learner signs in (`reservedBytes` of spaces, fsynced). When
/// a save fails, the record (how many answers are not saved, and why) is written into
/// that room in place, so it can be written even when the disk is full; when a save
/// succeeds again, the room is blanked. A session that ends with everything saved
/// removes the file. At the next sign-in, a record left behind says how much was lost;
/// a blank file (a session killed while saving worked) says nothing was.
public final class UnsavedMarker: @unchecked Sendable {
    /// What a session left unsaved.
    public struct Record: Codable, Hashable, Sendable {
        /// Answers (quiz answers and scenario choices) given since the last successful save.
        public var answers: Int
        /// Why the last save failed.
        public var reason: String

        public init(answers: Int, reason: String) {
            self.answers = answers
            self.reason = reason
        }
    }

    /// The room reserved for a record; a longer reason is cut to fit.
    public static let reservedBytes = 2048
    public let url: URL
    private let lock = NSLock()
    private var descriptor: Int32

    private init(url: URL, descriptor: Int32) {
        self.url = url
        self.descriptor = descriptor
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    public static func url(dataDirectory: URL, learner: String, course: String) throws(ProgressError) -> URL {
        let folder = try ProgressStore(dataDirectory: dataDirectory).learnerFolder(learner)
        guard !course.isEmpty, !course.contains("/"), !course.hasPrefix("."), !course.contains("\u{0}") else {
            throw .writeFailed(path: course, reason: "not a usable course id")
        }
        return folder.appendingPathComponent(".unsaved-\(course).json")
    }

    /// What the previous session in this course left unsaved; nil when it ended with
    /// everything saved (or left no readable record).
    public static func previous(dataDirectory: URL, learner: String, course: String) -> Record? {
        guard let url = try? url(dataDirectory: dataDirectory, learner: learner, course: course) else { return nil }
        let descriptor = open(url.path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: reservedBytes)
        let count = read(descriptor, &buffer, reservedBytes)
        guard count > 0 else { return nil }
        let text = Data(buffer[0..<count])
        return try? JSONDecoder().decode(Record.self, from: text)
    }

    /// Makes (or resets) the marker for the session beginning now, its room reserved on
    /// disk. nil when it cannot be made (the disk is already full): saving still works,
    /// but a loss could then only be told on standard error, not at the next start.
    public static func arm(dataDirectory: URL, learner: String, course: String) -> UnsavedMarker? {
        guard let url = try? url(dataDirectory: dataDirectory, learner: learner, course: course) else { return nil }
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return nil }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG, ftruncate(descriptor, 0) == 0,
            DescriptorWriting.writeAll(descriptor, blank) == nil, fsync(descriptor) == 0
        else {
            close(descriptor)
            return nil
        }
        AtomicFile.syncDirectory(url.deletingLastPathComponent())
        return UnsavedMarker(url: url, descriptor: descriptor)
    }

    private static var blank: Data { Data(repeating: UInt8(ascii: " "), count: reservedBytes) }

    /// Writes `record` into the reserved room (in place, no new blocks needed).
    public func record(_ record: Record) {
        var record = record
        var data = (try? JSONEncoder().encode(record)) ?? Data()
        while data.count > Self.reservedBytes, !record.reason.isEmpty {
            record.reason = String(record.reason.dropLast(max(1, data.count - Self.reservedBytes)))
            data = (try? JSONEncoder().encode(record)) ?? Data()
        }
        overwrite(data + Data(repeating: UInt8(ascii: " "), count: max(0, Self.reservedBytes - data.count)))
    }

    /// Blanks the room: everything is saved again.
    public func clear() {
        overwrite(Self.blank)
    }

    /// The session ended with everything saved: the marker goes.
    public func remove() {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
        unlink(url.path)
        AtomicFile.syncDirectory(url.deletingLastPathComponent())
    }

    /// The session ended with something unsaved: the record stays for the next start.
    public func keep() {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    private func overwrite(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { return }
        data.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            _ = pwrite(descriptor, base, buffer.count, 0)
        }
        _ = fdatasync(descriptor)
    }
}

extension LearnerProgress {
    /// Every answer recorded: quiz and survey answers in every attempt, and scenario
    /// choices in every run. The difference between two progresses is how many answers
    /// one holds that the other lacks.
    public var answerCount: Int {
        units.values.reduce(0) { total, record in
            let quiz = record.quiz?.attempts.reduce(0) { $0 + $1.answers.count } ?? 0
            let scenario = (record.scenario?.finished.reduce(0) { $0 + $1.path.count } ?? 0) + (record.scenario?.current?.path.count ?? 0)
            return total + quiz + scenario
        }
    }
}
