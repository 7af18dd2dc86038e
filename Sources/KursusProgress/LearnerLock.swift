import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One writer per learner: an advisory lock (flock(2), exclusive, non-blocking) on
/// `<data>/learners/<learner>/.lock`, held while a learner plays. A second window or
/// session for the same learner is refused with `.learnerBusy`; other learners play
/// at the same time. The kernel drops the lock when the process ends, however it ends.
/// flock locks belong to an open file description: two `acquire`s in one process for
/// the same learner conflict just as two processes do.
public final class LearnerLock: @unchecked Sendable {
    public let learner: String
    /// The lock file.
    public let path: URL
    private let guardLock = NSLock()
    private var descriptor: Int32

    private init(learner: String, path: URL, descriptor: Int32) {
        self.learner = learner
        self.path = path
        self.descriptor = descriptor
    }

    deinit { release() }

    /// Takes the learner's lock, creating the learner's folder (0700) and the lock file
    /// (0600) when missing.
    public static func acquire(dataDirectory: URL, learner: String) throws(ProgressError) -> LearnerLock {
        let folder = try ProgressStore(dataDirectory: dataDirectory).learnerFolder(learner)
        try AtomicFile.makePrivateDirectory(folder, in: dataDirectory)
        let path = folder.appendingPathComponent(".lock")
        let descriptor = open(path.path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .lockFailed(path: path.path, reason: AtomicFile.lastError()) }
        _ = fchmod(descriptor, 0o600)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let busy = errno == EWOULDBLOCK || errno == EAGAIN
            let reason = AtomicFile.lastError()
            close(descriptor)
            throw busy ? .learnerBusy(learner: learner) : .lockFailed(path: path.path, reason: reason)
        }
        return LearnerLock(learner: learner, path: path, descriptor: descriptor)
    }

    /// Gives the lock up; later calls do nothing. The lock file stays for the next session.
    public func release() {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard descriptor >= 0 else { return }
        _ = flock(descriptor, LOCK_UN)
        close(descriptor)
        descriptor = -1
    }
}
