import Foundation
import Testing

@Suite("kursus scenario check|graph|autoplay")
struct ScenarioCommandTests {
    static let files = ["foerste-videokonsultation", "kol-opfoelgning", "tablet-opsaetning", "digital-genoptraening"].map {
        KursusBinary.bundledCourse.appendingPathComponent("scenarier/\($0).yaml").path
    }

    static func temporary(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-scenario-\(UUID().uuidString).yaml")
        try Data(text.utf8).write(to: url)
        return url
    }

    static let selfLoop = """
        format: kursus-scenario/1
        id: loop
        title: Loop
        participants: [{id: p, name: P, role: citizen}]
        nodes:
          - {id: a, narration: x, next: a}
          - {id: slut, ending: E, debrief: D}
        """

    @Test("the bundled scenarios check clean and autoplay without stuck runs", arguments: files)
    func bundled(file: String) throws {
        let check = try KursusBinary.run(["scenario", "check", file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("OK:") && check.stdout.contains("0 errors, 0 warnings"))
        #expect(check.stdout.contains("\(file):2:1: note: reachable scores 0 to "), "a note has its file:line:col")
        // A pass needs the best ending, which random play rarely reaches: 1000 runs find it.
        let autoplay = try KursusBinary.run(["scenario", "autoplay", file, "--runs", "1000", "--seed", "5"])
        #expect(autoplay.status == 0, "\(autoplay.stdout)")
        #expect(autoplay.stdout.contains("stuck runs: 0"))
        #expect(!autoplay.stdout.contains("passed: 0/"), "\(autoplay.stdout)")
        #expect(autoplay.stdout == (try KursusBinary.run(["scenario", "autoplay", file, "--runs", "1000", "--seed", "5"])).stdout)
    }

    @Test("a self-loop: check reports it at its line, autoplay exits 1 naming the node")
    func selfLoop() throws {
        let url = try Self.temporary(Self.selfLoop)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = try KursusBinary.run(["scenario", "check", url.path])
        #expect(check.status == 1)
        #expect(check.stdout.contains("\(url.path):6:5: error: from 'a' no ending can be reached"))
        let autoplay = try KursusBinary.run(["scenario", "autoplay", url.path, "--runs", "3", "--seed", "1"])
        #expect(autoplay.status == 1)
        #expect(autoplay.stdout.contains("stuck runs: 3"))
        #expect(autoplay.stdout.contains("at 'a': passed"))
    }

    @Test("graph as text and as dot; a broken file exits 1 with its diagnostics")
    func graph() throws {
        let file = Self.files[0]
        let text = try KursusBinary.run(["scenario", "graph", file])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("* start [narration] -> ind"))
        let dot = try KursusBinary.run(["scenario", "graph", file, "--format", "dot"])
        #expect(dot.stdout.hasPrefix("digraph \"foerste-videokonsultation\" {"))
        #expect(dot.stdout.contains("\"v-kamera\" -> \"kamera-taendt\" [label=\"1 ✓ good\"];"))
        #expect(dot.stdout.contains("\"v-kamera\" -> \"uden-billede\" [label=\"3 ≈ mixed ⏱ after 45 s\", style=dashed];"))
        let broken = try Self.temporary(Self.selfLoop.replacingOccurrences(of: "next: a", with: "nxt: a"))
        defer { try? FileManager.default.removeItem(at: broken) }
        let result = try KursusBinary.run(["scenario", "graph", broken.path])
        #expect(result.status == 1)
        #expect(result.stdout.contains(":6:27: error: unknown key 'nxt'; did you mean 'next'?"))
        let missing = try KursusBinary.run(["scenario", "check", "/nonexistent/x.yaml"])
        #expect(missing.status == 1)
        #expect(missing.stdout.contains("/nonexistent/x.yaml:1:1: error: file not found"))
    }

    @Test("a min-score no run reaches: check fails at the pass rule, autoplay exits 1 saying no run passed")
    func unreachableMinScore() throws {
        let url = try Self.temporary(
            """
            format: kursus-scenario/1
            id: umulig
            title: Umulig
            participants: [{id: p, name: P, role: citizen}]
            variables: {score: 0}
            pass: {min-score: 40}
            nodes:
              - id: v
                choice: Hvad gør du?
                options:
                  - {text: A, feedback: F, effects: [{add: score, value: 6}], goto: slut}
                  - {text: B, feedback: F, goto: slut}
              - {id: slut, ending: E, debrief: D}
            """)
        defer { try? FileManager.default.removeItem(at: url) }
        let check = try KursusBinary.run(["scenario", "check", url.path])
        #expect(check.status == 1)
        #expect(
            check.stdout.contains(
                "\(url.path):6:7: error: 'min-score: 40' is more than the highest score a run can reach (6), so no learner can pass"),
            "\(check.stdout)")
        #expect(check.stdout.contains("\(url.path):1:1: note: reachable scores 0 to 6"))
        let autoplay = try KursusBinary.run(["scenario", "autoplay", url.path, "--runs", "50", "--seed", "1"])
        #expect(autoplay.status == 1)
        #expect(autoplay.stdout.contains("passed: 0/50"))
        #expect(autoplay.stdout.hasSuffix("FAILED: no run passed; check 'pass' against the scores above\n"), "\(autoplay.stdout)")
    }

    @Test("graph --format mermaid draws a flowchart a wiki can show")
    func mermaid() throws {
        let result = try KursusBinary.run(["scenario", "graph", Self.files[0], "--format", "mermaid"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("flowchart TD\n  start_((start)) --> n0\n"))
        #expect(result.stdout.contains("n3{\"v-kamera<br/>choice ⏱ 45 s → option 3\"}"), "\(result.stdout)")
        #expect(result.stdout.contains("  class n36,legend_good good\n"), "slut-god (the 37th node) is coloured as good")
    }
}
