import Foundation
import KursusCourse
import KursusEngine
import Testing
@testable import KursusTerminalUI

/// A scenario on screen as the runtime plays it: drawn, measured by its view, the
/// measurement fed back to the engine, and keys sent as player commands.
struct ScenarioPlayer {
    var state: PlayerState
    let views: UnitViews
    let context: ScreenContext
    let columns: Int
    let rows: Int
    let scenario: Scenario

    init(_ session: ScenarioSession, scenario: Scenario, context: ScreenContext, columns: Int, rows: Int, completion: UnitCompletion = .passed) {
        let here = SourceLocation(file: "course.yaml")
        let unit = CourseUnit(
            id: "scenarie", kind: .scenario, title: scenario.title, file: ScenarioScreenFixtures.file, completion: completion, location: here)
        let course = Course(
            id: "c", title: "Kursus", language: "da", version: "1", modules: [CourseModule(id: "m", title: "Modul", units: [unit], location: here)],
            location: here)
        state = PlayerState(
            content: CourseContent(course: course, scenarios: [unit.id: scenario]), progress: .empty,
            viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
        state.screen = .unit(.scenario(ScenarioState(unitID: unit.id, scenario: scenario, session: session)))
        let portraits = ScenarioScreenFixtures.portraits(scenario)
        views = UnitViews(lessonText: { _ in "" }, portraits: { _ in portraits })
        self.context = context
        self.columns = columns
        self.rows = rows
        self.scenario = scenario
        _ = grid()
    }

    var session: ScenarioSession {
        if case .unit(.scenario(let play)) = state.screen { return play.session }
        return ScenarioSession(run: ScenarioMachine.start(scenario, seed: 0))
    }

    /// Draws and lets the view measure, as `SessionRuntime.draw` does.
    mutating func grid() -> Grid {
        var grid = ScreenRenderer.render(state, views: views, context: context, columns: columns, rows: rows)
        for _ in 0..<3 {
            guard let event = views.measure(state, context, columns: columns, rows: rows) else { break }
            _ = PlayerReducer.reduce(&state, event)
            grid = ScreenRenderer.render(state, views: views, context: context, columns: columns, rows: rows)
        }
        return grid
    }

    mutating func send(_ command: PlayerCommand) -> Grid {
        _ = PlayerReducer.reduce(&state, .command(command))
        return grid()
    }

    /// The conversation box's text rows on this grid.
    func boxLines(_ grid: Grid) -> [String] {
        let layout = ScenarioCallScreen.Layout(
            session, scenario, portraits: ScenarioScreenFixtures.portraits(scenario), context, width: columns, height: rows)
        let box = layout.box
        return (box.y + 1..<box.y + box.height - 1).map { y in
            String(Array(grid.line(y)).dropFirst(box.x + 2).prefix(box.innerWidth)).trimmingCharacters(in: .whitespaces)
        }
    }

    /// Every line of the conversation at the box's width (blank lines left out).
    func conversation() -> [String] {
        let layout = ScenarioCallScreen.Layout(
            session, scenario, portraits: ScenarioScreenFixtures.portraits(scenario), context, width: columns, height: rows)
        return ScenarioWords.conversation(session.run, scenario, width: layout.box.innerWidth, context, compact: layout.box.isCompact).map {
            $0.0.trimmingCharacters(in: .whitespaces)
        }
        .filter { !$0.isEmpty }
    }
}

@Suite("Scenario conversation: every line reachable at every size")
struct ScenarioConversationScreenTests {
    static let sizes = [(80, 24), (60, 16), (200, 50)]

    @Test("first screen at 60x16 shows the conversation (at least three lines), the countdown and Esc", arguments: sizes)
    func firstScreen(columns: Int, rows: Int) throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        var player = ScenarioPlayer(
            ScenarioScreenFixtures.play([], scenario), scenario: scenario, context: try ScreenFixtures.context(), columns: columns, rows: rows)
        let grid = player.grid()
        GoldenFile.check(grid, named: "scenario-call-first-\(columns)x\(rows)-da.txt")
        #expect(player.boxLines(grid).filter { !$0.isEmpty }.count >= 2)
        #expect(player.boxLines(grid).count >= 3, "the conversation box has at least three rows inside")
        #expect(grid.text.contains("Inger: Hallo? Er der nogen?"), "the newest line is in view")
        #expect(grid.line(rows - 1).hasSuffix("Esc forlad"))
        #expect(grid.text.contains("tilbage, så vælger tiden 3: "))
    }

    @Test("a line at a time (u/d) and a page at a time (PgUp/PgDn) reach every line of a long conversation", arguments: sizes)
    func everyLineReachable(columns: Int, rows: Int) throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        let session = ScenarioScreenFixtures.play([1, 1, 2], scenario)
        var player = ScenarioPlayer(session, scenario: scenario, context: try ScreenFixtures.context(), columns: columns, rows: rows)
        let all = player.conversation()
        #expect(all.count >= 12)
        // Line by line from the newest to the first.
        var seen: Set<String> = []
        var grid = player.grid()
        for _ in 0..<200 {
            seen.formUnion(player.boxLines(grid))
            if player.session.conversation.position.offset == 0 { break }
            grid = player.send(.letter("u"))
        }
        #expect(Set(all).subtracting(seen).isEmpty, "unseen: \(Set(all).subtracting(seen))")
        #expect(player.session.run.path.count == 3, "scrolling chose nothing")
        // Page by page from the first line down to the newest.
        seen = []
        grid = player.send(.top)
        #expect(player.boxLines(grid).first == all.first)
        var pages = 0
        while !player.session.conversation.followsNewest, pages < 100 {
            seen.formUnion(player.boxLines(grid))
            grid = player.send(.pageDown)
            pages += 1
        }
        seen.formUnion(player.boxLines(grid))
        #expect(Set(all).subtracting(seen).isEmpty)
        let page = max(1, player.session.conversation.rows - 1)
        #expect(pages == (player.session.conversation.position.maximum(rows: player.session.conversation.rows) + page - 1) / page)
        #expect(player.boxLines(grid).last(where: { !$0.isEmpty }) == all.last)
    }

    @Test("scrolled up at 80x24: arrows say there is more above and below; ↑↓ still move the option cursor")
    func scrolledUp() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        var player = ScenarioPlayer(
            ScenarioScreenFixtures.play([1, 1, 2], scenario), scenario: scenario, context: try ScreenFixtures.context(), columns: 80, rows: 24)
        _ = player.send(.pageUp)
        _ = player.send(.letter("u"))
        let grid = player.send(.lineDown)
        GoldenFile.check(grid, named: "scenario-call-80x24-scrolled-da.txt")
        #expect(player.session.cursor == 1)
        #expect(!player.session.conversation.followsNewest)
        #expect(grid.text.contains("↑│") && grid.text.contains("↓│"))
    }

    @Test("the full transcript (t) covers the body, scrolls to every line, and t or Esc returns to the call", arguments: sizes)
    func transcript(columns: Int, rows: Int) throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        var player = ScenarioPlayer(
            ScenarioScreenFixtures.play([1, 1, 2], scenario), scenario: scenario, context: try ScreenFixtures.context(), columns: columns, rows: rows)
        var grid = player.send(.letter("t"))
        #expect(grid.line(0).hasPrefix(" Udskrift · Første videokonsultation"))
        GoldenFile.check(grid, named: "scenario-transcript-\(columns)x\(rows)-da.txt")
        let all = ScenarioWords.conversation(player.session.run, scenario, width: ScenarioTranscriptScreen.width(columns: columns), player.context)
            .map { $0.0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let body = { (grid: Grid) in (Chrome.bodyTop..<rows - 2).map { grid.line($0).trimmingCharacters(in: .whitespaces) } }
        var seen = Set(body(grid))
        grid = player.send(.top)
        let total = try #require(player.session.transcript.position.lineCount)
        #expect(grid.line(rows - 1).hasSuffix("1–\(min(rows - 4, total))/\(total)"), "the key line says which lines are shown")
        for _ in 0..<100 where !player.session.transcript.followsNewest {
            seen.formUnion(body(grid))
            grid = player.send(.lineDown)
        }
        seen.formUnion(body(grid))
        #expect(Set(all).subtracting(seen).isEmpty)
        grid = player.send(.letter("t"))
        #expect(grid.line(0).hasPrefix(" Scenarie ·"))
        _ = player.send(.letter("t"))
        grid = player.send(.back)
        #expect(grid.line(0).hasPrefix(" Scenarie ·"), "Esc closes the transcript, it does not leave")
        #expect(player.state.screen != .menu)
    }

    @Test("at an ending the call stays with its last lines and Enter goes on to the debrief", arguments: sizes)
    func endedCall(columns: Int, rows: Int) throws {
        let file = "scenarier/kol-opfoelgning.yaml"
        let text = try String(contentsOf: ScenarioScreenFixtures.package.appendingPathComponent(file), encoding: .utf8)
        let scenario = try #require(ScenarioFile.parse(text, file: file).scenario)
        var session = ScenarioSession.start(scenario, seed: 3)
        var turns = 0
        while session.mode == .call, turns < 30 {
            _ = ScenarioSession.reduce(&session, .confirm, scenario)
            turns += 1
        }
        #expect(session.mode == .ended)
        var player = ScenarioPlayer(session, scenario: scenario, context: try ScreenFixtures.context(), columns: columns, rows: rows)
        var grid = player.grid()
        GoldenFile.check(grid, named: "scenario-ended-\(columns)x\(rows)-da.txt")
        #expect(grid.text.contains("Samtalen er slut."))
        #expect(grid.line(rows - 1).hasPrefix("  Enter debriefing"))
        let last = try #require(player.conversation().last)
        #expect(player.boxLines(grid).contains(last), "the last line before the ending is on screen")
        grid = player.send(.open)
        #expect(grid.line(0).contains("Debriefing"))
    }

    @Test("a choice the timer made is marked in the conversation, the debrief and the replay list")
    func timedOutMarked() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        var session = ScenarioSession.start(scenario, seed: 42)
        _ = ScenarioSession.reduce(&session, .tick(45), scenario)
        #expect(session.run.path.first?.timedOut == true)
        var player = ScenarioPlayer(session, scenario: scenario, context: try ScreenFixtures.context(), columns: 80, rows: 24)
        let grid = player.send(.letter("t"))
        #expect(grid.text.contains("Du (valgt af tiden): \"Goddag Inger. Vi kan godt tale"))
        while session.mode == .call { _ = ScenarioSession.reduce(&session, .confirm, scenario) }
        _ = ScenarioSession.reduce(&session, .confirm, scenario)
        let debrief = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: [:], context: try ScreenFixtures.context(), columns: 80, rows: 24)
        #expect(debrief.text.contains("valgt af tiden:"))
        _ = ScenarioSession.reduce(&session, .pickRetryPoint, scenario)
        _ = ScenarioSession.reduce(&session, .top, scenario)
        let picker = ScenarioScreenFixtures.render(
            session, scenario: scenario, portraits: [:], context: try ScreenFixtures.context("en"), columns: 60, rows: 16)
        #expect(picker.lines.contains("        (chosen by the timer) you chose: \"Goddag Inger. V…"), "\(picker.text)")
        #expect(picker.lines.contains { $0.hasSuffix("…") }, "a line cut to fit ends in an ellipsis")
    }

    @Test("the clock on the title line is whole or not there at all", arguments: [60, 80, 200])
    func titleClock(columns: Int) throws {
        var context = try ScreenFixtures.context()
        context.learnerName = "Anne-Mette Kristiansen-Bøgh Sørensen"
        let right = ScenarioCallScreen.titleRight(context, clock: "12:34", width: columns)
        #expect(right.hasSuffix(" · 12:34"))
        #expect(right.count <= columns / 2)
        if columns == 60 { #expect(right == "Anne-Mette Kristianse… · 12:34") }
        context.learnerName = "anna"
        #expect(ScenarioCallScreen.titleRight(context, clock: "1:02:03", width: 60) == "anna · 1:02:03")
        #expect(ScenarioCallScreen.titleRight(context, clock: "12:34", width: 16) == "anna", "too little room: no half clock")
        let scenario = try ScenarioScreenFixtures.scenario()
        let grid = ScenarioScreenFixtures.render(
            ScenarioScreenFixtures.play([], scenario), scenario: scenario, portraits: [:], context: context, columns: columns, rows: 24)
        #expect(grid.line(0).hasSuffix("anna · 00:00"))
    }

    @Test("menu: a run below the pass rule shows ✗ and counts nothing; with completion: attempted it shows ✓ and counts")
    func menuStatus() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        for completion in [UnitCompletion.passed, .attempted] {
            var player = ScenarioPlayer(
                ScenarioSession.start(scenario, seed: 42), scenario: scenario, context: try ScreenFixtures.context(), columns: 80, rows: 24,
                completion: completion)
            for number in [3, 2, 2] {
                _ = player.send(.number(number))
                _ = player.send(.open)
            }
            #expect(player.session.mode == .ended)
            #expect(player.session.run.outcome?.passed == false)
            let menu = player.send(.back)
            #expect(player.state.screen == .menu)
            if completion == .passed {
                #expect(menu.text.contains("✗ 1.1"), "\(menu.text)")
                #expect(menu.line(23).hasSuffix("0 % gennemført"))
            } else {
                #expect(menu.text.contains("✓ 1.1"), "\(menu.text)")
                #expect(!menu.text.contains("0 % gennemført"))
                #expect(player.state.isCourseComplete)
            }
        }
    }

    @Test("the debrief at 60x16 and 200x50: a line too wide ends in an ellipsis, and the key line keeps Enter")
    func debriefSizes() throws {
        let scenario = try ScenarioScreenFixtures.scenario()
        let session = ScenarioScreenFixtures.play([1, 1, 1, 1, 1, 1, 1, 1], scenario)
        #expect(session.mode == .debrief)
        for (columns, rows) in [(60, 16), (200, 50)] {
            let grid = ScenarioScreenFixtures.render(
                session, scenario: scenario, portraits: [:], context: try ScreenFixtures.context(), columns: columns, rows: rows)
            GoldenFile.check(grid, named: "scenario-debrief-\(columns)x\(rows)-da.txt")
            #expect(grid.line(rows - 1).hasSuffix("Enter videre"))
            if columns == 60 {
                // With the highest score known the verdict is wider than the screen: it wraps.
                var narrow = Grid(width: columns, height: rows)
                ScenarioDebriefScreen.draw(session, scenario: scenario, context: try ScreenFixtures.context(), maximumScore: 14, into: &narrow)
                let verdict = try #require(narrow.lines.firstIndex { $0.contains("Score 14 af 14") }, "\(narrow.text)")
                #expect((narrow.line(verdict) + narrow.line(verdict + 1)).contains("✓ Bestået"), "\(narrow.text)")
            }
        }
    }
}
