import Foundation
import KursusCourse
import KursusEngine
import Testing

@testable import KursusTerminalUI

/// Lines in from a list, lines out into a string: the linear mode's terminal in memory.
final class ScriptedLinearTerminal: LinearTerminal {
    var input: [String]
    var output = ""
    var secretReads: [Bool] = []

    init(_ input: [String]) { self.input = input }

    func write(_ text: String) { output += text }
    func readLine(timeout milliseconds: Int, secret: Bool) -> LinearInput {
        secretReads.append(secret)
        return input.isEmpty ? .end : .line(input.removeFirst())
    }
    func size() -> (columns: Int, rows: Int)? { nil }
    func shutdown() {}
    var echoesTypedLines: Bool { false }
}

@Suite("Linear mode")
struct LinearRuntimeTests {
    static let course = Repository.root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    func preview(unit: String, _ input: [String], language: String = "en") throws -> (LinearRuntime, ScriptedLinearTerminal) {
        let (package, _) = try CoursePackage.open(Self.course, shownAs: "kursus")
        let terminal = ScriptedLinearTerminal(input)
        let configuration = SessionConfiguration(idleLockSeconds: nil, preview: true, initialUnit: unit)
        let runtime = LinearRuntime(
            package: package, configuration: configuration, terminal: terminal, services: PreviewServices(),
            context: try ScreenFixtures.context(language), clock: { Date(timeIntervalSince1970: 1_800_000_000) })
        return (runtime, terminal)
    }

    @Test("terminfo decides: dumb, unset, unknown and no cursor addressing start the linear mode")
    func capabilities() {
        #expect(TerminalCapabilities.limitation(environment: ["TERM": "xterm"], isTerminal: true) == nil)
        #expect(TerminalCapabilities.limitation(environment: ["TERM": "xterm"], isTerminal: false) == .notATerminal)
        #expect(TerminalCapabilities.limitation(environment: ["TERM": "dumb"], isTerminal: true) == .dumb)
        #expect(TerminalCapabilities.limitation(environment: [:], isTerminal: true) == .termUnset)
        #expect(TerminalCapabilities.limitation(environment: ["TERM": " "], isTerminal: true) == .termUnset)
        #expect(
            TerminalCapabilities.limitation(environment: ["TERM": "no-such-terminal-xyz"], isTerminal: true) == .unknown(term: "no-such-terminal-xyz")
        )
        // The system's terminfo: xterm can address the cursor, dumb cannot.
        #expect(TerminalCapabilities.entry(for: "xterm") == .addressable)
        #expect(TerminalCapabilities.entry(for: "dumb") == .noCursorAddressing)
        #expect(TerminalCapabilities.limitation(term: "glasstty", entry: { _ in .noCursorAddressing }) == .noCursorAddressing(term: "glasstty"))
    }

    @Test("a lesson is printed a page at a time, every line once, without decoration, and completes at its end")
    func lessonPages() throws {
        let (runtime, terminal) = try preview(unit: "forberedelse", Array(repeating: "", count: 12) + ["q"])
        _ = runtime.run()
        let out = terminal.output
        // Page prompts count up from 1, and the last page says the lesson has ended.
        #expect(out.contains("Page 1 of "))
        #expect(out.contains("Page 2 of "))
        #expect(out.contains("End of the lesson. Enter: back to the menu."))
        // No box drawing, no heading underline, no control character.
        #expect(!out.unicodeScalars.contains { (0x2500...0x259F).contains($0.value) || $0.value == 0x1B })
        // No line of lesson text twice: paging overlaps by a line on screen, never in print.
        let lesson = try #require(out.components(separatedBy: "End of the lesson.").first)
        let lines = lesson.split(separator: "\n").map(String.init).filter { $0.count > 30 && !$0.hasPrefix("Page ") }
        #expect(Set(lines).count == lines.count, "a line printed twice")
        #expect(out.contains("Menu: Bliv digitalt kompetent"))
        #expect(out.contains("2. Før konsultationen: teknik og forberedelse, complete"))
        #expect(out.contains("Før konsultationen"))
    }

    @Test("a scenario from the full screen goes on in the linear mode without its response timers")
    func resumingStopsTimers() throws {
        let (package, _) = try CoursePackage.open(Self.course, shownAs: "kursus")
        var session = SessionState(
            content: CourseContent(package), configuration: SessionConfiguration(idleLockSeconds: nil, preview: true, initialUnit: "scenarie-tablet"),
            viewport: Viewport(columns: 80, rows: 24, bodyRows: 20))
        _ = SessionReducer.reduce(&session, .started(session.viewport, now: Date(timeIntervalSince1970: 1_800_000_000)))
        guard case .unit(.scenario(let before))? = session.player?.screen else {
            Issue.record("the scenario did not open")
            return
        }
        #expect(before.session.timerScale != nil)
        let terminal = ScriptedLinearTerminal(["1", "q"])
        let runtime = LinearRuntime(
            resuming: session, package: package, terminal: terminal, services: PreviewServices(), context: try ScreenFixtures.context("da"))
        guard case .unit(.scenario(let after))? = runtime.state.player?.screen else {
            Issue.record("the scenario is not on screen")
            return
        }
        #expect(after.session.timerScale == nil)
        #expect(runtime.state.player?.timersEnabled == false)
        _ = runtime.run()
        // The conversation so far, the options as numbered lines, then the next lines after choosing 1.
        #expect(terminal.output.contains("Birthe: Hallo? Jeg kan se dig fint! Kan du se mig?"))
        #expect(terminal.output.contains("1. \"Jeg kan høre dig"))
        #expect(terminal.output.contains("Hændelse: Du ser kun loftet og en lampe."))
        #expect(terminal.output.contains("Du: \"Jeg kan høre dig"))
    }

    @Test("the linear mode never runs response timers, even when started without --plain")
    func timersOff() throws {
        let (runtime, _) = try preview(unit: "scenarie-tablet", ["q"])
        #expect(runtime.state.configuration.plain)
        _ = runtime.run()
        guard case .unit(.scenario(let scenario))? = runtime.state.player?.screen else {
            Issue.record("the scenario did not open")
            return
        }
        #expect(scenario.session.timerScale == nil)
        #expect(runtime.state.player?.timersEnabled == false)
    }
}
