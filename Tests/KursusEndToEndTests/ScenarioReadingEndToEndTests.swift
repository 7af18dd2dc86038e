import Foundation
import Testing

/// A scenario read as a learner on the smallest terminal would: the conversation scrolled
/// through a line and a page at a time, the full transcript, a double Enter that must
/// not skip a choice, the ended call, and a finished run that resumes on its debrief.
@Suite("Scenario conversation at 60x16 in a real terminal", .serialized)
struct ScenarioReadingEndToEndTests {
    let scenarios = ScenarioEndToEndTests()

    func pathCount(_ data: URL) -> Int? {
        let scenario = (try? scenarios.record(data))?.scenario
        return ((scenario?["current"] as? [String: Any])?["path"] as? [Any])?.count
    }

    @Test("scrolled through a line and a page at a time, every part of the conversation shows; t shows all of it")
    func scrollThrough() throws {
        let data = try KursusBinary.temporaryFolder("scenario-reading")
        let package = try ScenarioEndToEndTests.package()
        let tmux = try scenarios.start(package, data: data, width: 60, height: 16)
        try tmux.waitFor("Første videokonsultation med Inger")
        try tmux.send("Enter")
        let first = try tmux.waitFor("Samtale")
        #expect(first.contains("Inger: Hallo? Er der nogen?"), "the first screen shows the conversation")
        #expect(first.contains("tilbage, så vælger tiden 3:"), "the countdown names the option the timer takes")
        #expect(first.contains("Esc forlad"))
        // A double Enter: the first answers, the second (60 ms later) does not answer the next choice.
        usleep(400_000)
        try tmux.send("Enter", "Enter")
        try tmux.waitFor("Hvad gør du nu?")
        usleep(300_000)
        #expect(pathCount(data) == 1, "one choice, not two")
        #expect(try tmux.capture().contains("Hvad gør du nu?"))
        // Up a line at a time until the first line of the conversation shows.
        var seen = try tmux.capture()
        for _ in 0..<40 where !seen.contains("Du er hjemmesygeplejerske") {
            try tmux.send("u")
            usleep(100_000)
            seen += try tmux.capture()
        }
        #expect(seen.contains("Du er hjemmesygeplejerske i kommunen."))
        #expect(seen.contains("Opkaldet bliver besvaret, men billedet"))
        #expect(seen.contains("Du: \"Goddag Inger, det er din"))
        // Down a page at a time to the newest line.
        var paged = ""
        for _ in 0..<20 {
            try tmux.send("NPage")
            usleep(150_000)
            paged += try tmux.capture()
        }
        #expect(paged.contains("Ingers ansigt kommer frem"))
        #expect(try tmux.capture().contains("Nu kan jeg se dig."), "the newest line at the end")
        // The full transcript: from its first line to its last.
        try tmux.send("t")
        let transcript = try tmux.waitFor("Udskrift · Første videokonsultation")
        #expect(transcript.contains("t/Esc luk"))
        try tmux.send("Home")
        let top = try tmux.waitUntil("the transcript's first line") { $0.contains("Du er hjemmesygeplejerske") }
        #expect(top.contains("  1–12/"))
        try tmux.send("Escape")
        try tmux.waitFor("Hvad gør du nu?")
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
    }

    @Test("the ended call shows its last lines; Enter shows the debrief; killed at the end, it resumes on the debrief")
    func endedAndResumed() throws {
        let data = try KursusBinary.temporaryFolder("scenario-ended")
        let package = try ScenarioEndToEndTests.package()
        let tmux = try scenarios.start(package, data: data, width: 60, height: 16)
        try tmux.waitFor("Første videokonsultation med Inger")
        try tmux.send("Enter")
        var screen = try tmux.waitFor("Samtale")
        for _ in 0..<30 where !screen.contains("Samtalen er slut") {
            usleep(400_000)
            try tmux.send("1", "Enter")
            screen = try tmux.capture()
        }
        let ended = try tmux.waitFor("Samtalen er slut")
        #expect(ended.contains("Enter debriefing"))
        #expect(ended.contains("Inger: Torsdag passer fint."), "the last line before the ending is on screen")
        // The outcome is on disk before the debrief is shown.
        #expect(KursusBinary.eventually { (try? scenarios.record(data))?.outcome == "passed" })
        kill(try tmux.programPID(), SIGKILL)
        try tmux.waitFor("KURSUS-EXIT:")
        let again = try scenarios.start(package, data: data, width: 60, height: 16)
        // Play resumes inside the unit, which opens on the debrief.
        let debrief = try again.waitFor("Debriefing · Første videokonsulta")
        #expect(debrief.contains("Udfald"))
        try again.send("Enter")
        let menu = try again.waitFor("Enter åbn")
        #expect(menu.contains("✓ 1.1"))
        try again.send("q")
        try again.waitFor("KURSUS-EXIT:0")
    }
}
