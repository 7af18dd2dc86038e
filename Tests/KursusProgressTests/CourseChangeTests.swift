import Crypto
import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusProgress

@Suite("Course fingerprint and course changes")
struct CourseChangeTests {
    static let bundled = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")
    static let removedUnit = """
              - id: proeveopkald
                kind: lesson
                file: lektioner/05-hjaelp-borgeren-i-gang.md
                optional: true

        """

    let scratch = ProgressTestSupport.temporaryFolder("course-change")
    var store: ProgressStore { ProgressStore(dataDirectory: scratch.appendingPathComponent("data")) }

    /// A copy of the bundled course that the test may edit.
    func copyOfCourse(_ name: String = "course") throws -> URL {
        let copy = scratch.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.bundled, to: copy)
        return copy
    }

    func open(_ folder: URL) throws -> CoursePackage {
        try CoursePackage.open(folder, shownAs: folder.lastPathComponent).0
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit must change \(file.lastPathComponent)")
        try Data(changed.utf8).write(to: file)
    }

    @Test("the fingerprint is SHA-256 over length-prefixed manifest and unit files in manifest order")
    func fingerprintDefinition() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let package = try open(try copyOfCourse())
        var hasher = SHA256()
        var parts = [try Data(contentsOf: package.storage.origin.url.appendingPathComponent("course.yaml"))]
        for unit in package.course.allUnits {
            parts.append(
                try Data(
                    contentsOf: package.storage.origin.url.appendingPathComponent(
                        try #require(package.lessonFiles[unit.id] ?? package.quizFiles[unit.id] ?? package.scenarioFiles[unit.id]))))
        }
        #expect(parts.count == 16)
        for part in parts {
            hasher.update(data: Data((0..<8).reversed().map { UInt8(truncatingIfNeeded: UInt64(part.count) >> (8 * $0)) }))
            hasher.update(data: part)
        }
        let expected = "sha256:" + hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(try CourseFingerprint.compute(package) == expected)
    }

    @Test("the fingerprint depends on content only, not on where the course is")
    func fingerprintStable() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let one = try CourseFingerprint.compute(try open(try copyOfCourse("one")))
        let two = try CourseFingerprint.compute(try open(try copyOfCourse("two")))
        #expect(one == two)
        #expect(one.count == 7 + 64)
        #expect(one.hasPrefix("sha256:") && one.dropFirst(7).allSatisfy { "0123456789abcdef".contains($0) })
    }

    @Test("editing a lesson or the manifest changes the fingerprint")
    func fingerprintChanges() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try copyOfCourse()
        let original = try CourseFingerprint.compute(try open(folder))
        try edit(folder.appendingPathComponent("lektioner/03-naar-teknikken-svigter.md")) { $0 + "\nEn ekstra linje.\n" }
        let lessonEdited = try CourseFingerprint.compute(try open(folder))
        try edit(folder.appendingPathComponent("course.yaml")) { $0.replacingOccurrences(of: "version: 1.0.0", with: "version: 1.0.1") }
        let manifestEdited = try CourseFingerprint.compute(try open(folder))
        #expect(Set([original, lessonEdited, manifestEdited]).count == 3)
    }

    @Test("a unit removed from the course: its progress is kept in the file and reported")
    func removedUnit() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try copyOfCourse()
        let before = try open(folder)
        let oldPrint = try CourseFingerprint.compute(before)
        let progress = LearnerProgress(
            units: [
                "forberedelse": UnitRecord(outcome: .completed, activeSeconds: 120),
                "proeveopkald": UnitRecord(outcome: .completed, activeSeconds: 60),
            ],
            bookmark: Bookmark(unitID: "forberedelse", scroll: 3, inUnit: false)
        )
        try store.save(progress, learner: "anna", course: before.course.id, courseVersion: before.course.version, fingerprint: oldPrint)
        #expect(try store.load(learner: "anna", course: before.course, fingerprint: oldPrint) == ProgressLoad(progress: progress))

        try edit(folder.appendingPathComponent("course.yaml")) { $0.replacingOccurrences(of: Self.removedUnit, with: "") }
        let after = try open(folder)
        #expect(after.course.unit(withID: "proeveopkald") == nil)
        let newPrint = try CourseFingerprint.compute(after)
        #expect(newPrint != oldPrint)

        let loaded = try store.load(learner: "anna", course: after.course, fingerprint: newPrint)
        #expect(loaded == ProgressLoad(progress: progress, notices: [.courseChanged(missingUnits: ["proeveopkald"], savedVersion: "1.0.0")]))
        #expect(loaded.notices[0].description.contains("proeveopkald"))

        // The player saves what it loaded against the new fingerprint: the record stays.
        try store.save(loaded.progress, learner: "anna", course: after.course.id, courseVersion: after.course.version, fingerprint: newPrint)
        let file = try store.progressFile(learner: "anna", course: after.course.id)
        #expect(ProgressTestSupport.text(file)?.contains("\"proeveopkald\" : {") == true)
        #expect(try store.load(learner: "anna", course: after.course, fingerprint: newPrint) == ProgressLoad(progress: progress))
    }

    @Test("changed content with every unit still there is reported with no missing units")
    func changedContent() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let folder = try copyOfCourse()
        let before = try open(folder)
        let progress = LearnerProgress(completed: ["forberedelse"])
        try store.save(
            progress, learner: "anna", course: before.course.id, courseVersion: "1.0.0", fingerprint: try CourseFingerprint.compute(before))
        try edit(folder.appendingPathComponent("lektioner/01-foer-konsultationen.md")) { $0 + "\nRettet.\n" }
        let after = try open(folder)
        let loaded = try store.load(learner: "anna", course: after.course, fingerprint: try CourseFingerprint.compute(after))
        #expect(loaded == ProgressLoad(progress: progress, notices: [.courseChanged(missingUnits: [], savedVersion: "1.0.0")]))
    }

    @Test("without fingerprints, only units the course lacks are reported")
    func withoutFingerprints() throws {
        defer { try? FileManager.default.removeItem(at: scratch) }
        let package = try open(try copyOfCourse())
        let known = LearnerProgress(completed: ["forberedelse"])
        try store.save(known, learner: "anna", course: package.course.id, courseVersion: nil)
        #expect(try store.load(learner: "anna", course: package.course, fingerprint: "sha256:00") == ProgressLoad(progress: known))
        let extra = LearnerProgress(completed: ["forberedelse", "gammel-lektion"])
        try store.save(extra, learner: "anna", course: package.course.id, courseVersion: nil)
        #expect(
            try store.load(learner: "anna", course: package.course, fingerprint: nil)
                == ProgressLoad(progress: extra, notices: [.courseChanged(missingUnits: ["gammel-lektion"], savedVersion: nil)]))
    }
}
