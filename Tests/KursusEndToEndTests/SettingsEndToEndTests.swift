import Foundation
import Testing

/// The learner's settings, the idle lock's countdown and the repeated PIN, through the
/// real binary in tmux.
@Suite("Learner settings, idle countdown and PIN in a real terminal", .serialized)
struct SettingsEndToEndTests {
    func play(_ data: URL, _ arguments: String, width: Int = 80, height: Int = 24) throws -> Tmux {
        try Tmux.play(data, arguments, width: width, height: height)
    }

    func exitStatus(_ tmux: Tmux) throws -> Int { try tmux.exitStatus() }

    func profile(_ data: URL, _ learner: String) throws -> [String: Any] {
        let file = data.appendingPathComponent("learners/\(learner)/profile.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    @Test("o opens the settings; a change applies at once, is saved in profile.json and applies again at the next sign-in")
    func settings() throws {
        let data = try KursusBinary.temporaryFolder("settings")
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try play(data, "--learner dorte")
        try tmux.waitFor("o indstillinger")
        try tmux.send("o")
        let screen = try tmux.waitFor("Dine indstillinger")
        #expect(screen.contains("Svartid i scenarier") && screen.contains("normal tid"))
        try tmux.send("Right")
        try tmux.waitFor("dobbelt så lang tid")
        // Down to the language: Danish, then English, and the screen is in English at once.
        try tmux.send("Down", "Down", "Down", "Down", "Down", "Right", "Right")
        let english = try tmux.waitFor("Your settings")
        #expect(english.contains("Language") && english.contains("English"))
        #expect(english.contains("twice as long"))
        try tmux.send("Escape")
        let menu = try tmux.waitFor("o settings")
        #expect(menu.contains("Module 1"))
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
        let settings = try #require(try profile(data, "dorte")["settings"] as? [String: Any])
        #expect(settings["timers"] as? String == "double")
        #expect(settings["language"] as? String == "en")

        // The next sign-in: English from the first screen, whatever --lang says.
        let again = try play(data, "--learner dorte")
        try again.waitFor("o settings")
        try again.send("o")
        try again.waitFor("twice as long")
        try again.send("q")
        #expect(try exitStatus(again) == 0)
    }

    @Test("the idle lock counts down first; a key cancels the countdown and does nothing else; then it locks")
    func idleCountdown() throws {
        let data = try KursusBinary.temporaryFolder("countdown")
        defer { try? FileManager.default.removeItem(at: data) }
        // A 10-second lock warns 5 seconds ahead (half the lock, for short test locks).
        let tmux = try play(data, "--learner erik --idle-lock-seconds 10")
        let menu = try tmux.waitFor("o indstillinger")
        let warning = try tmux.waitFor("tryk på en tast for at fortsætte", timeout: 12)
        #expect(warning.contains("Låser om 0:0"))
        #expect(warning.contains("Dit arbejde gemmes"))
        try tmux.send("Enter")
        let after = try tmux.waitUntilGone("Låser om")
        // Enter only cancelled the countdown: the menu is as it was, no unit opened.
        #expect(after == menu)
        try tmux.waitFor("Låser om", timeout: 12)
        let locked = try tmux.waitFor("uden aktivitet", timeout: 12)
        #expect(locked.contains("Hvem er du?"))
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
    }

    @Test("a new learner's PIN is asked twice; a mismatch is said and both are typed again", arguments: [(80, 24), (60, 16)])
    func pinTwice(size: (Int, Int)) throws {
        let data = try KursusBinary.temporaryFolder("pin-twice")
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try play(data, "", width: size.0, height: size.1)
        try tmux.waitFor("Gentag PIN")
        try tmux.sendLiteral("Freja Holm")
        try tmux.send("Tab", "Tab", "Tab")
        try tmux.sendLiteral("4711")
        try tmux.send("Enter")
        try tmux.sendLiteral("4712")
        try tmux.send("Enter")
        let mismatch = try tmux.waitFor("forskellige")
        #expect(mismatch.contains("Freja Holm") && mismatch.contains("freja-holm"))
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("learners/freja-holm/profile.json").path))
        try tmux.sendLiteral("4711")
        try tmux.send("Enter")
        try tmux.sendLiteral("4711")
        try tmux.send("Enter")
        try tmux.waitFor("Freja Holm")
        try tmux.waitFor("0 % gennemført")
        #expect(try profile(data, "freja-holm")["pin"] != nil)
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
    }
}
