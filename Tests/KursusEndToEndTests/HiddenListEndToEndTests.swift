import Foundation
import Testing

/// Issue 16, through the real binary: with the learner list hidden, an unknown id and a
/// PIN-protected one look the same until the PIN is right, on the full screen in tmux
/// and in the linear mode.
@Suite("Hidden learner list in a real terminal: nothing told before the PIN", .serialized)
struct HiddenListEndToEndTests {
    /// A data directory that hides the list, with Bo Ærø (PIN 2580) in it.
    func data() throws -> URL {
        let data = try KursusBinary.temporaryFolder("hidden-pin")
        try Data("hide-learner-list: true\n".utf8).write(to: data.appendingPathComponent("config.yaml"))
        let added = try LearnersCommandTests.run(["learners", "add", "bo", "--name", "Bo Ærø", "--pin", "--data-dir", data.path], input: "2580")
        #expect(added.status == 0, "\(added.stderr)")
        return data
    }

    /// Types an id and a PIN; the screen after the PIN prompt and after the answer.
    func attempt(_ tmux: Tmux, id: String, pin: String, expecting answer: String) throws -> (prompt: String, answer: String) {
        try tmux.sendLiteral(id)
        try tmux.send("Enter")
        let prompt = try tmux.waitFor("PIN for \(id):")
        try tmux.sendLiteral(pin)
        try tmux.send("Enter")
        let shown = try tmux.waitFor(answer)
        return (prompt, shown)
    }

    @Test("full screen at 80x24: the same PIN prompt and the same failure for an unknown and a known id")
    func fullScreen() throws {
        let data = try data()
        defer { try? FileManager.default.removeItem(at: data) }
        let tmux = try Tmux.play(data, "")
        try tmux.waitFor("Skriv dit bruger-id")
        let unknown = try attempt(tmux, id: "xo", pin: "1234", expecting: "Forkert id eller PIN")
        let known = try attempt(tmux, id: "bo", pin: "1111", expecting: "Forkert id eller PIN")
        #expect(known.prompt == unknown.prompt.replacingOccurrences(of: "PIN for xo:", with: "PIN for bo:"), "\(known.prompt)\n\(unknown.prompt)")
        #expect(known.answer == unknown.answer, "\(known.answer)\n\(unknown.answer)")
        #expect(!known.prompt.contains("Ærø") && !known.answer.contains("Ærø"))
        #expect(!known.answer.contains("forsøg mere"))
        // The right PIN signs Bo in.
        try tmux.sendLiteral("bo")
        try tmux.send("Enter")
        try tmux.waitFor("PIN for bo:")
        try tmux.sendLiteral("2580")
        try tmux.send("Enter")
        try tmux.waitFor("s skift bruger")
        try tmux.send("q")
        #expect(try tmux.exitStatus() == 0)
    }

    @Test("linear mode: the same lines for an unknown and a known id, and no name before the right PIN")
    func linear() throws {
        let data = try data()
        defer { try? FileManager.default.removeItem(at: data) }
        let script = data.appendingPathComponent("script.txt")
        try Data(["xo", "1234", "bo", "1111", "bo", "2580", "q"].map { $0 + "\n" }.joined().utf8).write(to: script)
        let command =
            "exec \(Tmux.quote(try KursusBinary.url.path)) play \(Tmux.quote(KursusBinary.bundledCourse.path)) --data-dir \(Tmux.quote(data.path)) --lang en --linear < \(Tmux.quote(script.path))"
        let result = try KursusBinary.runTool(URL(fileURLWithPath: "/bin/sh"), ["-c", command], environment: ["LANG": "C.UTF-8"])
        #expect(result.status == 0, "\(result.stderr)")
        let out = result.stdout
        let unknownStart = try #require(out.range(of: "PIN for xo"))
        let knownStart = try #require(out.range(of: "PIN for bo"))
        let rightStart = try #require(out.range(of: "PIN for bo", range: knownStart.upperBound..<out.endIndex))
        let unknownPart = String(out[unknownStart.lowerBound..<knownStart.lowerBound])
        let knownPart = String(out[knownStart.lowerBound..<rightStart.lowerBound])
        #expect(knownPart == unknownPart.replacingOccurrences(of: "PIN for xo", with: "PIN for bo"), "\(knownPart)\n---\n\(unknownPart)")
        #expect(unknownPart.contains("Wrong id or PIN"))
        #expect(!out[..<rightStart.upperBound].contains("Ærø"), "\(out)")
        #expect(!out.contains("Unknown learner id"))
    }
}
