import Foundation
import KursusFuzzTargets
import Testing

/// What each fuzz target makes of small inputs whose reading is known by hand, so a
/// target that stopped reaching the code it is meant to fuzz (a refusal at the door, a
/// wrong entry point) is caught here rather than by a fuzz run that finds nothing.
@Suite("Fuzz targets read what they are meant to read")
struct FuzzTargetOutcomeTests {
    func run(_ name: String, _ text: String) throws -> FuzzOutcome {
        try #require(FuzzTargets.target(named: name)).run(Data(text.utf8))
    }

    @Test("manifest: a sound course.yaml is accepted with its module; a wrong format is an error in course.yaml")
    func manifest() throws {
        let sound = """
            format: kursus/1
            id: k
            title: Kursus
            language: da
            version: "1.0"
            modules:
              - id: m
                title: Modul
                units:
                  - { id: l, kind: lesson, title: Lektion, file: l.md }
            """
        #expect(try run("manifest", sound) == FuzzOutcome(accepted: true, errors: 0, detail: "1 modules"))
        let wrong = try run("manifest", sound.replacingOccurrences(of: "kursus/1", with: "kursus/2"))
        #expect(!wrong.accepted)
        #expect(wrong.errors == 1)
        #expect(wrong.detail == "fuzz/course.yaml:1:9: error: unsupported format 'kursus/2'; this player reads 'kursus/1'")
    }

    @Test("lesson: laid out at every width; bad front matter and bad UTF-8 are errors")
    func lesson() throws {
        // 4 widths and ASCII at 60: "Hej" and a blank line and "Verden" each time.
        let plain = try run("lesson", "# Hej\n\nVerden\n")
        #expect(plain.accepted)
        #expect(plain.detail.hasSuffix(" lines"))
        #expect(FuzzTargets.lessonWidths == [20, 60, 80, 200])
        let badMinutes = try run("lesson", "---\nminutes: 0\n---\n# Hej\n")
        #expect(!badMinutes.accepted)
        #expect(badMinutes.errors == 1)
        let latin1 = try #require(FuzzTargets.target(named: "lesson")).run(Data([0x23, 0x20, 0xE6, 0x0A]))
        #expect(
            latin1
                == FuzzOutcome(
                    accepted: false, errors: 1, detail: "lesson.md:1:3: error: is not valid UTF-8 text; save the file as UTF-8 in your editor"))
    }

    @Test("gift: one question is read and converted; a file without questions is an error")
    func gift() throws {
        #expect(try run("gift", "::A:: Virker lyden? {=ja ~nej}\n") == FuzzOutcome(accepted: true, errors: 0, detail: "1 questions"))
        let empty = try run("gift", "// kun en kommentar\n")
        #expect(!empty.accepted)
    }

    @Test("quiz and scenario: a wrong format line is refused")
    func quizAndScenario() throws {
        #expect(try !run("quiz", "format: kursus-quiz/9\n").accepted)
        #expect(try !run("scenario", "format: kursus-scenario/9\n").accepted)
    }

    @Test("progress: a file that is not JSON is put aside and the learner starts afresh; so is another course's file")
    func progress() throws {
        let garbage = try run("progress", "not json")
        #expect(!garbage.accepted)
        #expect(garbage.errors == 1)
        #expect(garbage.detail.contains("not a JSON object"))
        let other = try run(
            "progress",
            #"{"schema": "kursus-progress", "schemaVersion": 4, "learner": "bo", "course": "andet", "updatedAt": "2026-01-01T00:00:00Z", "units": {}}"#
        )
        #expect(other.detail.contains("it belongs to course 'andet', not 'digital-kompetence'"))
    }

    @Test("profile: another learner's profile and a negative failure count are refused")
    func profile() throws {
        let profile = """
            {"schema": "kursus-learner", "schemaVersion": 1, "id": "bo", "displayName": "Bo Ærø", "createdAt": "2026-01-01T00:00:00Z", "failedPINAttempts": 0}
            """
        #expect(try run("profile", profile) == FuzzOutcome(accepted: true, errors: 0, detail: "Bo Ærø, 1 listed"))
        let other = try run("profile", profile.replacingOccurrences(of: "\"bo\"", with: "\"anna\""))
        #expect(other.detail.contains("it belongs to learner 'anna', not 'bo'"))
        let negative = try run("profile", profile.replacingOccurrences(of: "\"failedPINAttempts\": 0", with: "\"failedPINAttempts\": -1"))
        #expect(negative.detail.contains("\"failedPINAttempts\" is negative"))
    }

    @Test("transfer: bytes that are not a ZIP archive are refused")
    func transfer() throws {
        let outcome = try run("transfer", "PK not really")
        #expect(!outcome.accepted)
        #expect(outcome.detail.contains("no end-of-archive record"))
    }
}
