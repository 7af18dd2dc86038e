import Foundation
import KursusCourse
import KursusEngine
import Testing

@Suite("Scenario session reducer (call screen state)")
struct ScenarioSessionTests {
    @Test("cursor moves within the offered options; a number selects; Enter chooses and saves")
    func cursorAndConfirm() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        #expect(session.mode == .call)
        #expect(ScenarioSession.reduce(&session, .up, scenario).isEmpty)
        #expect(session.cursor == 0)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        #expect(session.cursor == 2, "three options offered")
        _ = ScenarioSession.reduce(&session, .choose(9), scenario)
        #expect(session.cursor == 2, "a number beyond the options is ignored")
        _ = ScenarioSession.reduce(&session, .choose(1), scenario)
        #expect(session.cursor == 0)
        let effects = ScenarioSession.reduce(&session, .confirm, scenario)
        #expect(effects == [.progressChanged(session.run)])
        #expect(session.run.path.map(\.option) == [0])
        // Back at v1 with the once option gone: the first offered is now option index 1.
        _ = ScenarioSession.reduce(&session, .choose(3), scenario)
        let finish = ScenarioSession.reduce(&session, .confirm, scenario)
        #expect(session.run.path.last?.text == "Hemmelig")
        #expect(session.mode == .debrief)
        #expect(finish == [.progressChanged(session.run), .runFinished(session.run)])
    }

    @Test("ticks run the call clock and the response timer; the default is taken when time runs out")
    func timer() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        #expect(session.secondsLeft(scenario) == 30)
        #expect(ScenarioSession.reduce(&session, .tick(29), scenario).isEmpty)
        #expect(session.secondsLeft(scenario) == 1 && session.run.elapsedSeconds == 29)
        let effects = ScenarioSession.reduce(&session, .tick(1), scenario)
        #expect(session.run.path.first?.timedOut == true && session.run.path.first?.option == 1)
        #expect(effects.contains(.runFinished(session.run)))
    }

    @Test("timers are ignored in plain/accessible mode")
    func timersOff() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1, timersEnabled: false)
        #expect(session.secondsLeft(scenario) == nil)
        #expect(ScenarioSession.reduce(&session, .tick(600), scenario).isEmpty)
        #expect(session.run.path.isEmpty && session.run.elapsedSeconds == 600)
    }

    @Test("transcript: toggle and scroll; back leaves")
    func transcriptAndBack() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .toggleTranscript, scenario)
        #expect(!session.showTranscript)
        _ = ScenarioSession.reduce(&session, .scroll(-3), scenario)
        #expect(session.transcriptScroll == 3)
        _ = ScenarioSession.reduce(&session, .scroll(10), scenario)
        #expect(session.transcriptScroll == 0)
        #expect(ScenarioSession.reduce(&session, .back, scenario) == [.leave])
    }

    @Test("debrief: retry from the start, or pick a choice point to retry from")
    func retry() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 5)
        for number in [1, 3] {
            _ = ScenarioSession.reduce(&session, .choose(number), scenario)
            _ = ScenarioSession.reduce(&session, .confirm, scenario)
        }
        #expect(session.mode == .debrief && session.run.path.count == 2)
        var picker = session
        _ = ScenarioSession.reduce(&picker, .pickRetryPoint, scenario)
        #expect(picker.mode == .pickRetry(cursor: 1))
        _ = ScenarioSession.reduce(&picker, .up, scenario)
        _ = ScenarioSession.reduce(&picker, .up, scenario)
        #expect(picker.mode == .pickRetry(cursor: 0))
        _ = ScenarioSession.reduce(&picker, .down, scenario)
        #expect(ScenarioSession.reduce(&picker, .back, scenario).isEmpty)
        #expect(picker.mode == .debrief)
        _ = ScenarioSession.reduce(&picker, .pickRetryPoint, scenario)
        let effects = ScenarioSession.reduce(&picker, .confirm, scenario)
        #expect(picker.mode == .call && picker.run.path.count == 1 && picker.run.current == "v1")
        #expect(effects == [.progressChanged(picker.run)])
        var fresh = session
        _ = ScenarioSession.reduce(&fresh, .retry, scenario)
        #expect(fresh.run == ScenarioMachine.start(scenario, seed: 5))
        #expect(fresh.mode == .call)
        #expect(ScenarioSession.reduce(&session, .confirm, scenario) == [.leave])
    }

    @Test("a session survives a JSON round trip (to resume an interrupted run)")
    func codable() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 3)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        let data = try JSONEncoder().encode(session)
        #expect(try JSONDecoder().decode(ScenarioSession.self, from: data) == session)
    }

    @Test("the debrief scrolls within the length the screen reports")
    func debriefScroll() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .choose(3), scenario)
        _ = ScenarioSession.reduce(&session, .confirm, scenario)
        #expect(session.mode == .debrief)
        _ = ScenarioSession.reduce(&session, .debriefMeasured(lines: 30, rows: 20), scenario)
        for _ in 0..<15 { _ = ScenarioSession.reduce(&session, .down, scenario) }
        #expect(session.debrief.offset == 10)
        _ = ScenarioSession.reduce(&session, .up, scenario)
        #expect(session.debrief.offset == 9)
        _ = ScenarioSession.reduce(&session, .scroll(-50), scenario)
        #expect(session.debrief.offset == 0)
        _ = ScenarioSession.reduce(&session, .scroll(50), scenario)
        #expect(session.debrief.offset == 10)
        _ = ScenarioSession.reduce(&session, .debriefMeasured(lines: 25, rows: 20), scenario)
        #expect(session.debrief.offset == 5, "a larger terminal shortens the scroll")
    }
}
