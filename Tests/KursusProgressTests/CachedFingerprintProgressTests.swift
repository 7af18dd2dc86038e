import Foundation
import KursusCourse
import KursusEngine
import Testing

@testable import KursusProgress

#if canImport(Glibc)
import Glibc
#endif

/// `play` takes the course fingerprint from the data directory's cache when the files
/// have not changed: progress saved against a course must still be told when the course
/// changed, however the change was made.
@Suite("Progress against a course opened through the fingerprint cache")
struct CachedFingerprintProgressTests {
    let scratch = ProgressTestSupport.temporaryFolder("cached-fingerprint")

    @Test("a lesson changed with its size and modification time kept is still a changed course")
    func changedCourseIsReported() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = scratch.appendingPathComponent("course")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CourseChangeTests.bundled, to: folder)
        let data = scratch.appendingPathComponent("data")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        // The clock a minute ahead: the copied files count as settled, so the cache is kept.
        let cache = CourseFingerprintCache(dataDirectory: data, now: { Int64(Date().timeIntervalSince1970 * 1e9) + 60_000_000_000 })
        func open() throws -> CoursePackage { try CoursePackage.open(folder, shownAs: "course", fingerprints: cache).0 }
        let before = try open()
        let saved = try CourseFingerprint.compute(before)
        #expect(try CourseFingerprint.compute(try open()) == saved)  // from the cache now
        let store = ProgressStore(dataDirectory: data)
        let progress = LearnerProgress(units: ["forberedelse": UnitRecord(outcome: .completed, activeSeconds: 120)])
        try store.save(progress, learner: "anna", course: before.course.id, courseVersion: before.course.version, fingerprint: saved)

        let lesson = folder.appendingPathComponent("lektioner/03-naar-teknikken-svigter.md")
        var status = stat()
        #expect(stat(lesson.path, &status) == 0)
        let text = try String(contentsOf: lesson, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "a", with: "e")
        #expect(edited.utf8.count == text.utf8.count && edited != text)
        try Data(edited.utf8).write(to: lesson)
        var times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, lesson.path, &times, 0) == 0)

        let after = try open()
        let now = try CourseFingerprint.compute(after)
        #expect(now != saved)
        #expect(now == (try CourseFingerprint.compute(try CoursePackage.open(folder, shownAs: "course").0)))
        let loaded = try store.load(learner: "anna", course: after.course, fingerprint: now)
        #expect(loaded.notices == [.courseChanged(missingUnits: [], savedVersion: before.course.version)])
    }
}
