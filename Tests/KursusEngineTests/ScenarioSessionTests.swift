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
        // The outcome is recorded at once; the call stays on screen with its last lines.
        #expect(finish == [.progressChanged(session.run), .runFinished(session.run)])
        #expect(session.mode == .ended)
        #expect(session.run.transcript.last?.text == "Lod", "the closing narration is in the conversation on screen")
    }

    @Test("an ended call: arrows scroll, t opens the transcript, Enter goes on to the debrief without recording again, Esc leaves")
    func endedCall() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .choose(2), scenario)
        _ = ScenarioSession.reduce(&session, .confirm, scenario)
        #expect(session.mode == .ended && session.run.isFinished)
        _ = ScenarioSession.reduce(&session, .conversationMeasured(lines: 12, rows: 5), scenario)
        #expect(session.conversation.firstLine(lines: 12, rows: 5) == 7, "the newest line at the bottom")
        _ = ScenarioSession.reduce(&session, .up, scenario)
        _ = ScenarioSession.reduce(&session, .up, scenario)
        #expect(session.conversation.position.offset == 5 && !session.conversation.followsNewest)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        #expect(session.conversation.position.offset == 6)
        #expect(ScenarioSession.reduce(&session, .tick(5), scenario).isEmpty)
        _ = ScenarioSession.reduce(&session, .toggleTranscript, scenario)
        #expect(session.transcriptOpen)
        #expect(ScenarioSession.reduce(&session, .confirm, scenario).isEmpty)
        #expect(session.mode == .ended, "Enter does nothing while the transcript is open")
        _ = ScenarioSession.reduce(&session, .back, scenario)
        #expect(!session.transcriptOpen && session.mode == .ended, "Esc closes the transcript first")
        #expect(ScenarioSession.reduce(&session, .confirm, scenario).isEmpty, "the outcome was recorded when the run ended")
        #expect(session.mode == .debrief)
        var leaving = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&leaving, .choose(2), scenario)
        _ = ScenarioSession.reduce(&leaving, .confirm, scenario)
        #expect(ScenarioSession.reduce(&leaving, .back, scenario) == [.leave])
    }

    @Test("a resumed run that had finished opens on its debrief")
    func resumedFinished() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var run = ScenarioMachine.start(scenario, seed: 1)
        ScenarioMachine.choose(&run, scenario, optionIndex: 1)
        #expect(run.isFinished)
        #expect(ScenarioSession(run: run).mode == .debrief)
    }

    @Test("ticks run the call clock and the response timer; the default is taken when time runs out, and marked so")
    func timer() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        #expect(session.secondsLeft(scenario) == 30)
        #expect(ScenarioMachine.timeoutOption(session.run, scenario) == 1)
        #expect(ScenarioSession.reduce(&session, .tick(29), scenario).isEmpty)
        #expect(session.secondsLeft(scenario) == 1 && session.run.elapsedSeconds == 29)
        let effects = ScenarioSession.reduce(&session, .tick(1), scenario)
        #expect(session.run.path.first?.timedOut == true && session.run.path.first?.option == 1)
        #expect(effects.contains(.runFinished(session.run)))
        let learner = try #require(session.run.transcript.first { $0.kind == .learner })
        #expect(learner.timedOut == true && learner.text == "Siger det højt")
    }

    @Test("a choice the learner makes is not marked as the timer's")
    func learnerChoiceNotTimed() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .confirm, scenario)
        #expect(session.run.path.first?.timedOut == false)
        #expect(session.run.transcript.first { $0.kind == .learner }?.timedOut == nil)
    }

    @Test("the timer scale multiplies every timer: ×2 gives 60 s, ×4 120 s; nil turns timers off")
    func timerScale() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var double = ScenarioSession.start(scenario, seed: 1, timerScale: 2)
        #expect(double.secondsLeft(scenario) == 60)
        #expect(ScenarioSession.reduce(&double, .tick(59), scenario).isEmpty)
        #expect(double.run.path.isEmpty && double.secondsLeft(scenario) == 1)
        #expect(ScenarioSession.reduce(&double, .tick(1), scenario).contains(.runFinished(double.run)))
        #expect(double.run.path.first?.timedOut == true)
        var four = ScenarioSession.start(scenario, seed: 1, timerScale: 4)
        #expect(four.secondsLeft(scenario) == 120)
        _ = ScenarioSession.reduce(&four, .tick(119), scenario)
        #expect(four.run.path.isEmpty)
        var off = ScenarioSession.start(scenario, seed: 1, timerScale: nil)
        #expect(off.secondsLeft(scenario) == nil && off.timerSeconds(scenario) == nil)
        #expect(ScenarioSession.reduce(&off, .tick(600), scenario).isEmpty)
        #expect(off.run.path.isEmpty && off.run.elapsedSeconds == 600)
        #expect(ScenarioSession.start(scenario, seed: 1, timerScale: 0).timerScale == 1, "a scale below 1 is read as 1")
    }

    @Test("a key within 300 ms of a new choice appearing does not answer it: a double Enter cannot skip a decision")
    func answerGuard() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        func at(_ milliseconds: Int) -> Date { start.addingTimeInterval(Double(milliseconds) / 1000) }
        var session = ScenarioSession.start(scenario, seed: 1)
        session.choiceShownAt = ScenarioSession.milliseconds(start)
        #expect(ScenarioSession.reduce(&session, .confirm, scenario, now: at(120)).isEmpty)
        #expect(ScenarioSession.reduce(&session, .confirm, scenario, now: at(299)).isEmpty)
        #expect(session.run.path.isEmpty, "both keys came too soon")
        // Plan B leads back to the same choice point, a new choice appearing at 300 ms.
        #expect(ScenarioSession.reduce(&session, .confirm, scenario, now: at(300)) == [.progressChanged(session.run)])
        #expect(session.run.path.count == 1)
        #expect(session.choiceShownAt == ScenarioSession.milliseconds(at(300)))
        // The second Enter of a double press, 90 ms later: ignored.
        #expect(ScenarioSession.reduce(&session, .confirm, scenario, now: at(390)).isEmpty)
        #expect(session.run.path.count == 1)
        // Moving the cursor is not an answer and still works.
        _ = ScenarioSession.reduce(&session, .down, scenario, now: at(400))
        #expect(session.cursor == 1)
        _ = ScenarioSession.reduce(&session, .confirm, scenario, now: at(601))
        #expect(session.run.path.count == 2 && session.mode == .ended)
        // Without a time (tests, tools) there is no guard.
        var untimed = ScenarioSession.start(scenario, seed: 1)
        untimed.choiceShownAt = ScenarioSession.milliseconds(start)
        _ = ScenarioSession.reduce(&untimed, .confirm, scenario)
        #expect(untimed.run.path.count == 1)
    }

    @Test("a choice the timer makes appears at the tick's time, and a key right after it does not answer the next choice")
    func guardAfterTimeout() throws {
        let scenario = try ScenarioEngineFixtures.scenario(
            """
              - id: v1
                choice: Først
                timer: {seconds: 10, default: 1}
                options:
                  - {text: A, feedback: F, goto: v2}
                  - {text: B, feedback: F, goto: v2}
              - id: v2
                choice: Så
                options:
                  - {text: C, feedback: F, goto: slut}
              - {id: slut, ending: Slut, debrief: D}
            """)
        let start = Date(timeIntervalSince1970: 1_800_000_000)
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .tick(10), scenario, now: start)
        #expect(session.run.current == "v2" && session.run.path.first?.timedOut == true)
        // The learner pressed Enter for the first choice just as the timer took it.
        #expect(ScenarioSession.reduce(&session, .confirm, scenario, now: start.addingTimeInterval(0.15)).isEmpty)
        #expect(session.run.current == "v2")
        _ = ScenarioSession.reduce(&session, .confirm, scenario, now: start.addingTimeInterval(0.31))
        #expect(session.run.isFinished)
    }

    @Test("debrief: retry from the start, or pick a choice point to retry from")
    func retry() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 5)
        for number in [1, 3] {
            _ = ScenarioSession.reduce(&session, .choose(number), scenario)
            _ = ScenarioSession.reduce(&session, .confirm, scenario)
        }
        #expect(session.mode == .ended && session.run.path.count == 2)
        _ = ScenarioSession.reduce(&session, .confirm, scenario)
        #expect(session.mode == .debrief)
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
        let when = Date(timeIntervalSince1970: 1_800_000_000)
        let effects = ScenarioSession.reduce(&picker, .confirm, scenario, now: when)
        #expect(picker.mode == .call && picker.run.path.count == 1 && picker.run.current == "v1")
        #expect(effects == [.progressChanged(picker.run)])
        #expect(picker.choiceShownAt == ScenarioSession.milliseconds(when), "the replayed choice appeared now")
        var fresh = session
        _ = ScenarioSession.reduce(&fresh, .retry, scenario)
        #expect(fresh.run == ScenarioMachine.start(scenario, seed: 5))
        #expect(fresh.mode == .call)
        #expect(ScenarioSession.reduce(&session, .confirm, scenario) == [.leave])
    }

    @Test("a session survives a JSON round trip (to resume an interrupted run)")
    func codable() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 3, timerScale: 2)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        _ = ScenarioSession.reduce(&session, .conversationMeasured(lines: 9, rows: 4), scenario)
        let data = try JSONEncoder().encode(session)
        #expect(try JSONDecoder().decode(ScenarioSession.self, from: data) == session)
    }

    @Test("a transcript line saved before the timer flag existed still loads, as not chosen by the timer")
    func oldTranscriptEntry() throws {
        let json = #"{"kind":"learner","text":"Siger det højt"}"#
        let entry = try JSONDecoder().decode(TranscriptEntry.self, from: Data(json.utf8))
        #expect(entry == TranscriptEntry(kind: .learner, text: "Siger det højt"))
        #expect(entry.timedOut == nil)
        let timed = try JSONEncoder().encode(TranscriptEntry(kind: .learner, text: "x", timedOut: true))
        #expect(String(decoding: timed, as: UTF8.self).contains(#""timedOut":true"#))
    }

    @Test("the debrief scrolls by lines, pages, Home and End within the length the screen reports")
    func debriefScroll() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .choose(3), scenario)
        _ = ScenarioSession.reduce(&session, .confirm, scenario)
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
        _ = ScenarioSession.reduce(&session, .page(-1), scenario)
        #expect(session.debrief.offset == 0)
        _ = ScenarioSession.reduce(&session, .page(1), scenario)
        #expect(session.debrief.offset == 10, "a page of 19, clamped to the end")
        _ = ScenarioSession.reduce(&session, .top, scenario)
        #expect(session.debrief.offset == 0)
        _ = ScenarioSession.reduce(&session, .bottom, scenario)
        #expect(session.debrief.offset == 10)
        _ = ScenarioSession.reduce(&session, .debriefMeasured(lines: 25, rows: 20), scenario)
        #expect(session.debrief.offset == 5, "a larger terminal shortens the scroll")
    }
}
