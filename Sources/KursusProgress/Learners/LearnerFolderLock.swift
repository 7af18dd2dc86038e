import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Advisory locks (`flock`) on files in a learner's folder. The one place in the learner
/// code that needs POSIX calls Foundation lacks.
///
/// - `.lock` is held by a running player for as long as it has the learner's course
///   open (the progress store owns it); `remove` refuses while it is held.
/// - `.profile.lock` is held for each read-change-write of `profile.json`, so two
///   Kursus processes cannot lose each other's changes (and cannot both count the same
///   wrong-PIN state, which would let parallel guessing get round the rate limit).
enum LearnerFolderLock {
    static let playerLockName = ".lock"
    static let profileLockName = ".profile.lock"

    /// Runs `body` holding an exclusive lock on the folder's `.profile.lock`, waiting for
    /// another process to finish first. The folder must exist.
    static func withProfileLock<T>(folder: URL, _ body: () throws(LearnerError) -> T) throws(LearnerError) -> T {
        let path = folder.appendingPathComponent(profileLockName).path
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { throw .writeFailed(path: path, reason: "cannot open the lock file (\(lastError()))") }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else { throw .writeFailed(path: path, reason: "cannot lock (\(lastError()))") }
        }
        return try body()
    }

    /// Runs `body` while holding the player's lock, so no player can open the learner's
    /// courses meanwhile. When `.lock` does not exist no player has run, and `body` runs
    /// as it is. Throws `inUse` when a running player holds the lock.
    static func withPlayerLockIfPresent<T>(folder: URL, id: String, _ body: () throws(LearnerError) -> T) throws(LearnerError) -> T {
        let path = folder.appendingPathComponent(playerLockName).path
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0 {
            if errno == ENOENT { return try body() }
            throw .removeFailed(path: path, reason: "cannot open the player's lock file (\(lastError()))")
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            if errno == EWOULDBLOCK { throw .inUse(id: id, path: folder.path) }
            throw .removeFailed(path: path, reason: "cannot lock (\(lastError()))")
        }
        return try body()
    }

    private static func lastError() -> String {
        String(cString: strerror(errno))
    }
}
