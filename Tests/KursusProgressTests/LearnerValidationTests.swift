import Foundation
import Testing
@testable import KursusProgress

@Suite("Learner ids, names, teams and PIN format")
struct LearnerValidationTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-learner-validation-\(UUID().uuidString)")
    var registry: LearnerRegistry { LearnerRegistry(dataDirectory: folder, hasher: PINHasher(iterations: 1_000)) }
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    @Test(
        "hostile ids are refused by every operation and nothing is written",
        arguments: ["../x", "/", "a/b", "..", "a\u{0}b", "a\u{1B}[2Jb", "a\nb", ".hidden", "", "-rf", String(repeating: "x", count: 65), "æ"])
    func hostileIDs(id: String) {
        func refused(_ body: () throws -> Void) {
            do {
                try body()
                Issue.record("id '\(id)' was accepted")
            } catch {
                guard let error = error as? LearnerError, case .invalidLearnerID = error else {
                    Issue.record("expected an invalid id error, got \(error)")
                    return
                }
                #expect(!error.description.contains("\u{1B}"))
                #expect(!error.description.contains("\u{0}"))
            }
        }
        refused { _ = try registry.add(id: id, displayName: "X", team: nil, pin: nil, now: now) }
        refused { _ = try registry.ensure(id: id, now: now) }
        refused { try registry.remove(id: id) }
        refused { _ = try registry.setPIN(id: id, pin: "1234") }
        refused { _ = try registry.clearPIN(id: id) }
        refused { _ = try registry.verifyPIN(id: id, pin: "1234", now: now) }
        refused { _ = try registry.profile(id: id) }
        refused { _ = try CourseProgressSummary.all(learner: id, dataDirectory: folder) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("good display names are trimmed and composed")
    func goodNames() throws {
        #expect(try LearnerFields.displayName("  Søren Ærø  ") == "Søren Ærø")
        #expect(try LearnerFields.displayName("Ane-Marie O'Brien") == "Ane-Marie O'Brien")
        // "A" + combining ring above becomes the single letter Å.
        #expect(try LearnerFields.displayName("A\u{030A}se").unicodeScalars.count == 3)
        #expect(try LearnerFields.displayName("李小龍") == "李小龍")
        #expect(try LearnerFields.displayName(String(repeating: "ø", count: 60)).count == 60)
    }

    @Test(
        "bad display names are refused with the reason",
        arguments: [
            ("", "is empty"),
            ("   \n ", "is empty"),
            (String(repeating: "x", count: 61), "is longer than 60 characters"),
            ("Anna\tJensen", "may not contain control characters (such as tabs, line breaks or escape)"),
            ("Anna\nJensen", "may not contain control characters (such as tabs, line breaks or escape)"),
            ("Anna\u{1B}[31m", "may not contain control characters (such as tabs, line breaks or escape)"),
            ("Anna\u{0}", "may not contain control characters (such as tabs, line breaks or escape)"),
            ("Anna\u{9B}", "may not contain control characters (such as tabs, line breaks or escape)"),
            ("Anna\u{202E}nesneJ", "may not contain invisible or unprintable characters (U+202E)"),
            ("An\u{200B}na", "may not contain invisible or unprintable characters (U+200B)"),
        ])
    func badNames(name: String, reason: String) {
        #expect(throws: LearnerError.invalidDisplayName(reason: reason)) { try LearnerFields.displayName(name) }
        #expect(throws: LearnerError.invalidDisplayName(reason: reason)) {
            try registry.add(id: "anna", displayName: name, team: nil, pin: nil, now: now)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test("teams: trimmed, empty means none, at most 40 characters, no control characters")
    func teams() throws {
        #expect(try LearnerFields.team(nil) == nil)
        #expect(try LearnerFields.team("  ") == nil)
        #expect(try LearnerFields.team(" Akutmodtagelsen ") == "Akutmodtagelsen")
        #expect(try LearnerFields.team(String(repeating: "t", count: 40))?.count == 40)
        #expect(throws: LearnerError.invalidTeam(reason: "is longer than 40 characters")) {
            try LearnerFields.team(String(repeating: "t", count: 41))
        }
        #expect(throws: LearnerError.invalidTeam(reason: "may not contain control characters (such as tabs, line breaks or escape)")) {
            try LearnerFields.team("Hold\u{7}")
        }
    }

    @Test(
        "PINs are 4 to 8 ASCII digits; the error never repeats the PIN",
        arguments: [
            ("123", "must be 4 to 8 digits long"),
            ("123456789", "must be 4 to 8 digits long"),
            ("", "must be 4 to 8 digits long"),
            ("12a4", "must contain only the digits 0-9"),
            ("12 34", "must contain only the digits 0-9"),
            ("１２３４", "must contain only the digits 0-9"),
            ("١٢٣٤", "must contain only the digits 0-9"),
            ("1234\n", "must contain only the digits 0-9"),
        ])
    func pinFormat(pin: String, reason: String) {
        #expect(throws: LearnerError.invalidPIN(reason: reason)) { try PINHasher.validate(pin) }
        #expect(throws: LearnerError.invalidPIN(reason: reason)) {
            try registry.add(id: "anna", displayName: "Anna", team: nil, pin: pin, now: now)
        }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        #expect(!LearnerError.invalidPIN(reason: reason).description.contains(pin) || pin.isEmpty)
    }

    @Test("4 and 8 digits are accepted")
    func pinLengths() throws {
        try PINHasher.validate("0000")
        try PINHasher.validate("01234567")
    }
}
