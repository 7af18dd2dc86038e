import Foundation
import Testing

/// Several learners on one workstation, driven through the real binary in tmux.
@Suite("Shared workstation in a real terminal", .serialized)
struct WorkstationEndToEndTests {
    func play(_ data: URL, _ arguments: String, width: Int = 80, height: Int = 24) throws -> Tmux {
        try Tmux.play(data, arguments, width: width, height: height)
    }

    func exitStatus(_ tmux: Tmux) throws -> Int { try tmux.exitStatus() }

    func progress(_ data: URL, _ learner: String) throws -> [String: Any] {
        let file = data.appendingPathComponent("learners/\(learner)/progress/digital-kompetence.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
    }

    func create(_ tmux: Tmux, name: String, pin: String? = nil) throws {
        try tmux.sendLiteral(name)
        try tmux.send("Tab", "Tab", "Tab")
        if let pin {
            // The PIN is typed twice.
            try tmux.sendLiteral(pin)
            try tmux.send("Tab")
            try tmux.sendLiteral(pin)
        }
        try tmux.send("Enter")
        try tmux.waitFor("s skift bruger")
    }

    @Test("two learners on one data directory: each sees only their own progress")
    func twoLearners() throws {
        let data = try KursusBinary.temporaryFolder("workstation")
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try play(data, "")
        try first.waitFor("Ny bruger")
        try create(first, name: "Anne Holm", pin: "4711")
        try first.send("Down", "Enter")
        try first.waitFor("Modul 2 › 2.1")
        try first.send("G")
        try first.waitFor("100 %")
        try first.send("Escape")
        let anneMenu = try first.waitFor("✓ 2.1")
        #expect(anneMenu.contains("Anne Holm"))
        // Hand over: Anne signs out; the start screen shows names only.
        try first.send("s")
        let start = try first.waitFor("Anne Holm er logget ud")
        #expect(start.contains("Anne Holm") && start.contains("PIN"))
        #expect(!start.contains("✓") && !start.contains("%"))
        try first.send("Down", "Enter")
        try first.waitFor("Navn")
        try create(first, name: "Bent Lund")
        let bentMenu = try first.capture()
        #expect(bentMenu.contains("Bent Lund"))
        #expect(!bentMenu.contains("✓"), "Bent sees Anne's progress:\n\(bentMenu)")
        #expect(bentMenu.contains("0 % gennemført"))
        try first.send("q")
        #expect(try exitStatus(first) == 0)

        // Anne has a PIN: her progress is sealed with it (docs/learners.md, "Encrypted at rest").
        let anne = try String(
            decoding: Data(contentsOf: data.appendingPathComponent("learners/anne-holm/progress/digital-kompetence.json")), as: UTF8.self)
        #expect(anne.hasPrefix("{\"schema\":\"kursus-sealed\"") && !anne.contains("forberedelse"))
        let bent = try progress(data, "bent-lund")
        #expect((bent["units"] as? [String: Any])?["forberedelse"] == nil)
        // Folders are private.
        let mode = try FileManager.default.attributesOfItem(atPath: data.appendingPathComponent("learners/anne-holm").path)[.posixPermissions] as? Int
        #expect(mode == 0o700)

        // Anne comes back: listed under her id (her name is sealed with her PIN), her PIN is
        // asked for, a wrong one is refused, then she resumes.
        let again = try play(data, "")
        try again.waitFor("anne-holm")
        try again.send("Enter")
        try again.waitFor("PIN for anne-holm")
        try again.sendLiteral("0000")
        try again.send("Enter")
        try again.waitFor("Forkert PIN")
        try again.sendLiteral("4711")
        try again.send("Enter")
        let resumed = try again.waitFor("✓ 2.1")
        #expect(resumed.contains("Anne Holm"))
        try again.send("q")
        #expect(try exitStatus(again) == 0)
    }

    @Test("the idle lock saves and returns to the start screen after the configured time")
    func idleLock() throws {
        let data = try KursusBinary.temporaryFolder("idle")
        defer { try? FileManager.default.removeItem(at: data) }
        // A 6-second lock: its countdown shows from 3 s (half the lock), long after the keys below.
        let tmux = try play(data, "--learner carla --idle-lock-seconds 6")
        try tmux.waitFor("s skift bruger")
        try tmux.send("Down", "Enter")
        try tmux.waitFor("Modul 2 › 2.1")
        try tmux.send("NPage")
        let locked = try tmux.waitFor("uden aktivitet", timeout: 20)
        #expect(locked.contains("Hvem er du?"))
        #expect(!locked.contains("Modul 1 ›"))
        let saved = try progress(data, "carla")
        let bookmark = try #require(saved["bookmark"] as? [String: Any])
        #expect(bookmark["unitID"] as? String == "forberedelse")
        #expect((bookmark["scroll"] as? Int ?? 0) > 0)
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
    }

    @Test("a second player for the same learner is refused clearly; another learner can play at the same time")
    func oneWriterPerLearner() throws {
        let data = try KursusBinary.temporaryFolder("lock")
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try play(data, "--learner dora")
        try first.waitFor("s skift bruger")
        let second = try KursusBinary.run(["play", KursusBinary.bundledCourse.path, "--data-dir", data.path, "--learner", "dora"])
        #expect(second.status != 0)
        #expect(second.stderr.contains("learner 'dora' is already playing in another window"))
        let other = try play(data, "--learner emil")
        let otherScreen = try other.waitFor("s skift bruger")
        #expect(otherScreen.contains("emil"))
        try other.send("q")
        #expect(try exitStatus(other) == 0)
        try first.send("q")
        #expect(try exitStatus(first) == 0)
        // Once the first has quit, dora can play again.
        let third = try play(data, "--learner dora")
        try third.waitFor("s skift bruger")
        try third.send("q")
        #expect(try exitStatus(third) == 0)
    }

    @Test("kill -9 of the real player while it saves: the file stays valid and play resumes in the lesson")
    func killPlayer() throws {
        let data = try KursusBinary.temporaryFolder("kill")
        defer { try? FileManager.default.removeItem(at: data) }
        var generator = CrashTests.SeededGenerator(state: 20_261_127)
        var lastScroll = -1
        for round in 0..<4 {
            let tmux = try play(data, "--learner gerda")
            try tmux.waitFor(round == 0 ? "s skift bruger" : "Modul 2 › 2.1")
            if round == 0 { try tmux.send("Down", "Enter") }
            try tmux.waitFor("Modul 2 › 2.1")
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                try tmux.send(Bool.random(using: &generator) ? "NPage" : "j")
                usleep(UInt32.random(in: 0...150_000, using: &generator))
            }
            kill(try tmux.programPID(), SIGKILL)
            #expect(try exitStatus(tmux) == 137)
            // Whatever moment the kill came, the file parses and points into the lesson.
            let saved = try progress(data, "gerda")
            let bookmark = try #require(saved["bookmark"] as? [String: Any])
            #expect(bookmark["unitID"] as? String == "forberedelse")
            let scroll = try #require(bookmark["scroll"] as? Int)
            #expect(scroll >= lastScroll, "round \(round): the saved place went backwards")
            lastScroll = scroll
        }
    }

    @Test("a damaged progress file is moved aside, the backup restored, and the learner told")
    func corruptRecovery() throws {
        let data = try KursusBinary.temporaryFolder("corrupt")
        defer { try? FileManager.default.removeItem(at: data) }
        let first = try play(data, "--learner hanne")
        try first.waitFor("s skift bruger")
        try first.send("Down", "Enter")
        try first.waitFor("Modul 2 › 2.1")
        try first.send("G")
        try first.waitFor("100 %")
        try first.send("Escape")
        try first.waitFor("✓ 2.1")
        try first.send("q")
        #expect(try exitStatus(first) == 0)
        let file = data.appendingPathComponent("learners/hanne/progress/digital-kompetence.json")
        try Data("{\"schema\": \"kursus-progress\", \"schemaVersion\": 2, \"units\": {\"forb".utf8).write(to: file)

        let again = try play(data, "--learner hanne")
        let told = try again.waitFor("sikkerhedskopien")
        #expect(told.contains("beskadiget"))
        try again.send("x")
        let menu = try again.waitUntilGone("sikkerhedskopien")
        #expect(menu.contains("✓ 2.1"), "the backup's progress is back:\n\(menu)")
        try again.send("q")
        #expect(try exitStatus(again) == 0)
        let kept = try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path)
        #expect(kept.contains { $0.hasPrefix("digital-kompetence.json.corrupt-") }, "\(kept)")
    }

    @Test("hidden learner list: the learner types the id")
    func hiddenList() throws {
        let data = try KursusBinary.temporaryFolder("hidden")
        defer { try? FileManager.default.removeItem(at: data) }
        try Data("hide-learner-list: true\n".utf8).write(to: data.appendingPathComponent("config.yaml"))
        let seed = try play(data, "--learner frida")
        try seed.waitFor("s skift bruger")
        try seed.send("q")
        #expect(try exitStatus(seed) == 0)
        let tmux = try play(data, "")
        let prompt = try tmux.waitFor("Skriv dit bruger-id")
        #expect(!prompt.contains("frida"))
        try tmux.sendLiteral("frida")
        try tmux.send("Enter")
        try tmux.waitFor("s skift bruger")
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
    }

    @Test("preview: banner, every unit open, nothing written")
    func preview() throws {
        let data = try KursusBinary.temporaryFolder("preview-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let command =
            "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(KursusBinary.bundledCourse.path)) --unit afslutning-og-opfoelgning --lang da"
        let tmux = try Tmux(
            width: 100, height: 30, command: command, environment: ["LANG": "C.UTF-8", "KURSUS_DATA_DIR": data.path, "HOME": data.path])
        let screen = try tmux.waitFor("Modul 2 › 2.5")
        #expect(screen.contains("FORHÅNDSVISNING"))
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.path).isEmpty)
    }

    @Test("preview --watch reloads a changed lesson and keeps the place")
    func previewWatch() throws {
        let package = try KursusBinary.temporaryFolder("watch")
        defer { try? FileManager.default.removeItem(at: package) }
        try Data(
            "format: kursus/1\nid: w\ntitle: Watch\nlanguage: da\nversion: '1'\nmodules:\n  - id: m\n    title: M\n    units:\n      - {id: a, kind: lesson, title: Første, file: a.md}\n"
                .utf8
        )
        .write(to: package.appendingPathComponent("course.yaml"))
        try Data("# Før ændringen\n\nTekst.\n".utf8).write(to: package.appendingPathComponent("a.md"))
        let command = "\(Tmux.quote(try KursusBinary.url.path)) preview \(Tmux.quote(package.path)) --watch --unit a --lang da"
        let tmux = try Tmux(width: 80, height: 24, command: command, environment: ["LANG": "C.UTF-8"])
        try tmux.waitFor("Før ændringen")
        usleep(1_100_000)
        try Data("# Efter ændringen\n\nNy tekst.\n".utf8).write(to: package.appendingPathComponent("a.md"))
        let after = try tmux.waitFor("Efter ændringen")
        #expect(after.contains("Modul 1 › 1.1"))
        try tmux.send("q")
        #expect(try exitStatus(tmux) == 0)
    }
}
