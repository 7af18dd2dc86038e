import Foundation
import Testing

/// Plays a bundled scenario with the real binary in tmux: to an ending and its debrief,
/// and an interrupted run that resumes at the same choice.
@Suite("Scenarios in a real terminal", .serialized)
struct ScenarioEndToEndTests {
    /// A package holding only the bundled first-consultation scenario and its portraits.
    static func package() throws -> URL {
        let folder = try KursusBinary.temporaryFolder("scenario-package")
        let source = KursusBinary.bundledCourse.appendingPathComponent("scenarier")
        try FileManager.default.copyItem(at: source, to: folder.appendingPathComponent("scenarier"))
        try """
        format: kursus/1
        id: scenarie-test
        title: Scenarietest
        language: da
        version: "1"
        modules:
          - id: m
            title: Øv
            units:
              - id: inger
                kind: scenario
                title: Første videokonsultation med Inger
                file: scenarier/foerste-videokonsultation.yaml
        """.write(to: folder.appendingPathComponent("course.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    func start(_ package: URL, data: URL, width: Int = 80, height: Int = 24) throws -> Tmux {
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(package.path)) --data-dir \(Tmux.quote(data.path)) --learner anna --lang da; echo KURSUS-EXIT:$?"
        return try Tmux(width: width, height: height, command: command, environment: ["LANG": "C.UTF-8", "TERM": "tmux-256color"])
    }

    func record(_ data: URL) throws -> (outcome: String?, scenario: [String: Any]) {
        let file = data.appendingPathComponent("learners/anna/progress/scenarie-test.json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        let unit = try #require((object["units"] as? [String: [String: Any]])?["inger"])
        return (unit["outcome"] as? String, unit["scenario"] as? [String: Any] ?? [:])
    }

    @Test("play to an ending: the debrief shows the outcome, the path with feedback, and the run is recorded")
    func playToDebrief() throws {
        let data = try KursusBinary.temporaryFolder("scenario-data")
        let tmux = try start(try Self.package(), data: data, width: 120, height: 40)
        try tmux.waitFor("Første videokonsultation med Inger")
        try tmux.send("Enter")
        let call = try tmux.waitFor("Videoopkald")
        #expect(call.contains("Inger"))
        #expect(call.contains("Forbindelse"))
        var screen = call
        for _ in 0..<30 where !screen.contains("Debriefing") {
            // A key within 300 ms of a new choice is not an answer to it: wait past that.
            usleep(400_000)
            try tmux.send("1", "Enter")
            screen = try tmux.capture()
        }
        let debrief = try tmux.waitFor("Debriefing · Første videokonsultation med Inger")
        #expect(debrief.contains("Udfald:"))
        #expect(debrief.contains("Din vej"))
        #expect(debrief.contains("✓ godt valg"))
        #expect(debrief.contains("r prøv igen"))
        try tmux.send("Enter")
        let menu = try tmux.waitFor("Enter åbn")
        #expect(menu.contains("✓ 1.1"))
        try tmux.send("q")
        try tmux.waitFor("KURSUS-EXIT:0")
        let (outcome, scenario) = try record(data)
        #expect(outcome == "passed")
        let finished = try #require(scenario["finished"] as? [[String: Any]])
        #expect(finished.count == 1)
        #expect(((finished[0]["path"] as? [Any])?.count ?? 0) >= 3)
        #expect((finished[0]["outcome"] as? [String: Any])?["passed"] as? Bool == true)
    }

    @Test("kill -9 mid-call: the next start resumes at the same choice with the same transcript")
    func resumeAfterKill() throws {
        let data = try KursusBinary.temporaryFolder("scenario-kill")
        let package = try Self.package()
        let tmux = try start(package, data: data)
        try tmux.waitFor("Første videokonsultation med Inger")
        try tmux.send("Enter")
        try tmux.waitFor("Hvad siger du?")
        usleep(400_000)
        try tmux.send("1", "Enter")
        let second = try tmux.waitFor("Hvad gør du nu?")
        #expect(second.contains("Inden vi går i gang"))
        // The choice is saved as it is made; wait for it on disk, then cut the power.
        #expect(KursusBinary.eventually { (((try? record(data))?.scenario["current"] as? [String: Any])?["path"] as? [Any])?.count == 1 })
        kill(try tmux.programPID(), SIGKILL)
        try tmux.waitFor("KURSUS-EXIT:")

        let again = try start(package, data: data)
        let resumed = try again.waitFor("Hvad gør du nu?")
        #expect(resumed.contains("Inden vi går i gang"))
        try again.send("Escape")
        let menu = try again.waitFor("Enter åbn")
        #expect(menu.contains("● 1.1"))
        try again.send("q")
        try again.waitFor("KURSUS-EXIT:0")
    }
}
