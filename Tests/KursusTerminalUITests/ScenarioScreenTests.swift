import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusTerminalUI

/// The bundled first-visit scenario, played to fixed places and drawn into grids.
enum ScenarioScreenFixtures {
    static let package = Repository.root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")
    static let file = "scenarier/foerste-videokonsultation.yaml"

    static func scenario() throws -> Scenario {
        let text = try String(contentsOf: package.appendingPathComponent(file), encoding: .utf8)
        let (scenario, diagnostics) = ScenarioFile.parse(text, file: file)
        #expect(!diagnostics.hasErrors, "\(diagnostics)")
        return try #require(scenario)
    }

    static func portraits(_ scenario: Scenario) -> [String: [String]] {
        let loaded = ScenarioPortraits.loadAll(for: scenario, packageRoot: package, assets: Repository.assets)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return loaded.portraits
    }

    /// Draws a session the way the player does: a scenario unit on screen, through
    /// `ScreenRenderer` and the unit views, with these portraits.
    static func render(_ session: ScenarioSession, scenario: Scenario, portraits: [String: [String]], context: ScreenContext, columns: Int, rows: Int)
        -> Grid
    {
        let here = SourceLocation(file: "course.yaml")
        let unit = CourseUnit(id: "scenarie", kind: .scenario, title: scenario.title, file: file, location: here)
        let course = Course(
            id: "c", title: "Kursus", language: "da", version: "1", modules: [CourseModule(id: "m", title: "Modul", units: [unit], location: here)],
            location: here)
        var state = PlayerState(
            content: CourseContent(course: course, scenarios: [unit.id: scenario]), progress: .empty,
            viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
        state.screen = .unit(.scenario(ScenarioState(unitID: unit.id, scenario: scenario, session: session)))
        let views = UnitViews(lessonText: { _ in "" }, portraits: { _ in portraits })
        return ScreenRenderer.render(state, views: views, context: context, columns: columns, rows: rows)
    }

    /// Plays option numbers (1-based, among those offered) through the session reducer;
    /// at an ending, Enter goes on to the debrief unless `stayAtEnd`.
    static func play(_ numbers: [Int], _ scenario: Scenario, ticks: Int = 0, stayAtEnd: Bool = false) -> ScenarioSession {
        var session = ScenarioSession.start(scenario, seed: 42)
        for number in numbers {
            _ = ScenarioSession.reduce(&session, .choose(number), scenario)
            _ = ScenarioSession.reduce(&session, .confirm, scenario)
        }
        _ = ScenarioSession.reduce(&session, .tick(ticks), scenario)
        if session.mode == .ended, !stayAtEnd { _ = ScenarioSession.reduce(&session, .confirm, scenario) }
        return session
    }
}

@Suite("Scenario screens drawn into the cell grid")
struct ScenarioScreenTests {
    @Test("the call's options take clicks, the cursor stands on the chosen option, and the wheel pages the conversation")
    func callMouseAndCursor() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        let session = ScenarioScreenFixtures.play([], scenario)
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: ScenarioScreenFixtures.portraits(scenario), context: try ScreenFixtures.context(), columns: 80,
            rows: 24)
        let chosenRow = try #require(grid.lines.firstIndex { $0.hasPrefix("  ▸ 1  ") })
        let secondRow = try #require(grid.lines.firstIndex { $0.hasPrefix("    2  ") })
        #expect(grid.cursor == GridPoint(x: 2, y: chosenRow))
        #expect(grid.target(atX: 10, y: chosenRow)?.action == .option(number: 1, chosen: true))
        #expect(grid.target(atX: 10, y: secondRow)?.action == .option(number: 2, chosen: false))
        // A click on option 2 chooses it; a click on the chosen one answers; the wheel scrolls the conversation.
        #expect(MouseRouting.events(for: MouseInput(.press, x: 10, y: secondRow), in: grid) == [.command(.number(2))])
        #expect(MouseRouting.events(for: MouseInput(.press, x: 10, y: chosenRow), in: grid) == [.command(.open)])
        #expect(MouseRouting.events(for: MouseInput(.wheelUp, x: 10, y: 5), in: grid) == [.command(.pageUp)])
        // The conversation above the options is no target: a click there does nothing.
        #expect(MouseRouting.events(for: MouseInput(.press, x: 10, y: 4), in: grid).isEmpty)
    }

    @Test("call at 80x24: long options leave no room for a readable frame: a call strip, the conversation, the countdown")
    func callNarrow() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        let session = ScenarioScreenFixtures.play([], scenario, ticks: 12)
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: ScenarioScreenFixtures.portraits(scenario), context: try ScreenFixtures.context(), columns: 80,
            rows: 24)
        GoldenFile.check(grid, named: "scenario-call-80x24-da.txt")
        #expect(grid.line(2).contains("⚠ Kameraet er slukket"), "the call strip says what the frame would")
        #expect(grid.line(14) == "  00:33 tilbage, så vælger tiden 3: \"Goddag Inger. Vi kan godt tale sammen ud…")
        #expect(grid.line(23).hasSuffix("Esc forlad"), "Esc stays on the key line while the timer runs")
        #expect(grid.lines.contains { $0.hasPrefix("  ▸ 1  ") })
    }

    @Test("call at 120x40: frozen picture with a FROSSET band, transcript beside the frame")
    func callWideFrozen() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        let session = ScenarioScreenFixtures.play([1, 1, 2], scenario, ticks: 20)
        #expect(session.run.current == "v-frys")
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: ScenarioScreenFixtures.portraits(scenario), context: try ScreenFixtures.context(), columns: 120,
            rows: 40)
        GoldenFile.check(grid, named: "scenario-call-120x40-da.txt")
        let frozenRow = try #require(grid.lines.firstIndex { $0.contains("FROSSET") })
        // Beside the frame on the same rows: the transcript's frame.
        #expect(grid.lines[frozenRow].contains("│"))
        #expect(grid.text.contains("Samtale"))
        #expect(grid.text.contains("00:10 tilbage, så vælger tiden 2: Du venter i stilhed"))
    }

    @Test("call at 160x50 in English with ASCII symbols: a relative in the picture")
    func callLargeASCII() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        let session = ScenarioScreenFixtures.play([1, 2, 1], scenario)
        #expect(session.run.current == "v-hanne")
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: ScenarioScreenFixtures.portraits(scenario),
            context: try ScreenFixtures.context("en", symbols: .ascii), columns: 160, rows: 50)
        GoldenFile.check(grid, named: "scenario-call-160x50-en-ascii.txt")
        #expect(!["─", "│", "▸", "✓", "⚠", "▂", "…"].contains { grid.text.contains($0) })
        #expect(grid.text.contains("+ Hanne"))
    }

    @Test("debrief at 80x24: outcome, path with marks and words, learning points")
    func debrief() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        // Plan B (option 1, once), then the open question about the pills, which is now
        // option 1 of the two left: good choices only, as the best ending needs.
        let session = ScenarioScreenFixtures.play([1, 1, 1, 1, 1, 1, 1, 1], scenario)
        #expect(session.mode == .debrief)
        #expect(session.run.outcome?.ending == "slut-god")
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: [:], context: try ScreenFixtures.context(), columns: 80, rows: 24)
        GoldenFile.check(grid, named: "scenario-debrief-80x24-da.txt")
        #expect(grid.line(0).contains("Udfald: Godt videobesøg"))
        #expect(grid.text.contains("✓ godt valg"))
        #expect(grid.text.contains("✓ Udfaldet er vurderet godt"), "the ending's rating is shown")
        // Scrolled to the end, the last learning point is the last body line.
        var scrolled = session
        let lines = ScenarioDebriefScreen.lineCount(
            session, scenario: scenario, context: try ScreenFixtures.context(), maximumScore: nil, columns: 80)
        _ = ScenarioSession.reduce(&scrolled, .debriefMeasured(lines: lines, rows: Chrome.bodyRows(forHeight: 24)), scenario)
        _ = ScenarioSession.reduce(&scrolled, .scroll(1000), scenario)
        #expect(scrolled.debrief.offset > 0)
        let end = ScenarioScreenFixtures.render(
            scrolled, scenario: scenario, portraits: [:], context: try ScreenFixtures.context(), columns: 80, rows: 24)
        #expect(end.line(21).contains("pårørende inddrages i samtalen."), "\(end.text)")
    }

    @Test("debrief at 120x40 shows poor choices with ✗ and the word, and the retry picker")
    func debriefPoorAndPicker() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        var session = ScenarioScreenFixtures.play([3, 2, 2], scenario)
        #expect(session.mode == .debrief)
        let context = try ScreenFixtures.context()
        var grid = ScenarioScreenFixtures.render(session, scenario: scenario, portraits: [:], context: context, columns: 120, rows: 40)
        GoldenFile.check(grid, named: "scenario-debrief-120x40-da.txt")
        #expect(grid.text.contains("≈ delvist"))
        #expect(grid.text.contains("✗ uheldigt valg"))
        #expect(grid.line(0).contains("Udfald: Inger er usikker efter besøget"))
        _ = ScenarioSession.reduce(&session, .pickRetryPoint, scenario)
        grid = ScenarioScreenFixtures.render(session, scenario: scenario, portraits: [:], context: context, columns: 80, rows: 24)
        GoldenFile.check(grid, named: "scenario-retry-80x24-da.txt")
        #expect(grid.lines.contains { $0.contains("▸ 3.") })
    }

    @Test("hostile course text cannot reach the terminal: control characters are cleaned")
    func hostileText() throws {
        let here = SourceLocation(file: "x.yaml")
        let scenario = Scenario(
            id: "x", title: "T\u{1B}[2J", participants: [ScenarioParticipant(id: "p", name: "P\u{1B}]0;x\u{07}", role: .citizen, location: here)],
            nodes: [
                ScenarioNode(id: "a", kind: .say(speaker: "p", text: "hej\u{1B}[31m"), next: .goto("b", here), location: here),
                ScenarioNode(
                    id: "b",
                    kind: .choice(
                        ScenarioChoice(
                            prompt: "?",
                            options: [
                                ScenarioOption(text: "x\u{9B}y", feedback: "f", target: "c", targetLocation: here, location: here)
                            ])), location: here),
                ScenarioNode(id: "c", kind: .ending(ScenarioEnding(title: "e", debrief: "d")), location: here),
            ],
            location: here
        )
        let session = ScenarioSession.start(scenario, seed: 1)
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: ["p": ["\u{1B}[1m"]], context: try ScreenFixtures.context(), columns: 80, rows: 24)
        #expect(!grid.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B || $0.value == 0x07 })
    }

    @Test(
        "events change the frame: sound lost, reconnecting, camera off, measurement",
        arguments: [
            (ScenarioEvent.Kind.audioLost, "⚠ Lyd tabt", "Mik fra"),
            (.callDropReconnect, "Genopretter forbindelse…", "Forbindelse ____ afbrudt"),
            (.cameraOff, "Kameraet er slukket", "Kam fra"),
            (.echo, "⚠ Ekko på lyden", "Mik til"),
            (.measurement, "Iltmætning: 88 %", "Forbindelse ▂▄▆█ god"),
        ])
    func events(kind: ScenarioEvent.Kind, banner: String, status: String) throws {
        let here = SourceLocation(file: "e.yaml")
        let event = ScenarioEvent(kind: kind, label: kind == .measurement ? "Iltmætning" : nil, value: kind == .measurement ? "88 %" : nil)
        let scenario = Scenario(
            id: "e", title: "Hændelser", participants: [ScenarioParticipant(id: "p", name: "Bent", age: 72, role: .citizen, location: here)],
            nodes: [
                ScenarioNode(id: "a", kind: .event(event), next: .goto("v", here), location: here),
                ScenarioNode(
                    id: "v",
                    kind: .choice(
                        ScenarioChoice(
                            prompt: "",
                            options: [
                                ScenarioOption(text: "Videre", feedback: "f", target: "slut", targetLocation: here, location: here)
                            ])), location: here),
                ScenarioNode(id: "slut", kind: .ending(ScenarioEnding(title: "Slut", debrief: "d")), location: here),
            ],
            location: here
        )
        let session = ScenarioSession.start(scenario, seed: 1)
        let portrait = ["  .-.  ", " (o o) ", "  '-'  "]
        for (columns, rows) in [(80, 24), (120, 40)] {
            let grid = ScenarioScreenFixtures.render(
                session, scenario: scenario, portraits: ["p": portrait], context: try ScreenFixtures.context(), columns: columns, rows: rows)
            #expect(grid.text.contains(banner), "\(columns)x\(rows)\n\(grid.text)")
            #expect(grid.text.contains(status))
            #expect(grid.text.contains("Hvad gør du?"), "an empty prompt shows the standard question")
        }
    }

    @Test("a measurement read out shows in the frame at 80x24 (COPD follow-up)")
    func measurement() throws {
        let file = "scenarier/kol-opfoelgning.yaml"
        let text = try String(contentsOf: ScenarioScreenFixtures.package.appendingPathComponent(file), encoding: .utf8)
        let scenario = try #require(ScenarioFile.parse(text, file: file).scenario)
        // The first seed whose random branch gives a reading at once.
        let seed = try #require(
            (UInt64(0)..<50).first { seed in
                var run = ScenarioMachine.start(scenario, seed: seed)
                ScenarioMachine.choose(&run, scenario, optionIndex: 0)
                ScenarioMachine.choose(&run, scenario, optionIndex: 0)
                return run.current == "v-maaling"
            })
        var session = ScenarioSession.start(scenario, seed: seed)
        for _ in 0..<2 { _ = ScenarioSession.reduce(&session, .confirm, scenario) }
        _ = ScenarioSession.reduce(&session, .tick(252), scenario)
        let grid = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: ScenarioScreenFixtures.portraits(scenario), context: try ScreenFixtures.context(), columns: 80,
            rows: 24)
        GoldenFile.check(grid, named: "scenario-measurement-80x24-da.txt")
        #expect(grid.text.contains("Iltmætning: 88 %"))
        #expect(grid.line(0).hasSuffix("anna · 04:12"))
    }
}

@Suite("Scenario options on the smallest terminal")
struct ScenarioSmallTerminalTests {
    @Test("at 60x16 the prompt wraps and the options scroll to the selected one, with arrows for the rest")
    func smallestTerminal() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        var session = ScenarioSession.start(scenario, seed: 42)
        let context = try ScreenFixtures.context()
        let portraits = ScenarioScreenFixtures.portraits(scenario)
        let first = ScenarioScreenFixtures.render(session, scenario: scenario, portraits: portraits, context: context, columns: 60, rows: 16).text
        #expect(first.contains("▸ 1"))
        #expect(first.contains("Hvad\n") || first.contains("siger du?"), "the prompt is wrapped, not cut: \(first)")
        #expect(!first.contains("3  "), "the last option does not fit at first")
        #expect(first.contains("↓"))
        _ = ScenarioSession.reduce(&session, .down, scenario)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        let last = ScenarioScreenFixtures.render(session, scenario: scenario, portraits: portraits, context: context, columns: 60, rows: 16)
        #expect(last.text.contains("▸ 3"), "the selected option is on screen:\n\(last.text)")
        #expect(last.text.contains("↑"))
        GoldenFile.check(last, named: "scenario-call-60x16-last-option-da.txt")
    }

    @Test("visible options: everything when it fits; otherwise the prompt and the selected option from its first line")
    func window() {
        typealias L = ScenarioCallScreen.OptionLine
        let lines =
            [L(text: "P", style: .plain, selected: false, isPrompt: true)]
            + (0..<6).map { L(text: "o\($0)", style: .plain, selected: $0 == 4 || $0 == 5) }
        #expect(ScenarioCallScreen.visibleOptions(lines, rows: 10).lines.map(\.text) == lines.map(\.text))
        let shown = ScenarioCallScreen.visibleOptions(lines, rows: 3)
        #expect(shown.lines.map(\.text) == ["P", "o4", "o5"])
        #expect(shown.above && !shown.below)
    }
}
