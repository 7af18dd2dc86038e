import Foundation
import KursusCourse
import KursusEngine
import Testing

/// The conversation box and the full transcript, scrolled event by event.
@Suite("Scenario conversation scrolling (session reducer)")
struct ScenarioConversationScrollTests {
    @Test("the conversation scrolls by wrapped lines and pages of the box's height less one, within the measured length")
    func conversationScroll() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        // Unmeasured, scrolling does nothing (the screen measures before the first key).
        _ = ScenarioSession.reduce(&session, .scroll(-3), scenario)
        #expect(session.conversation.position.offset == 0 && session.conversation.followsNewest)
        _ = ScenarioSession.reduce(&session, .conversationMeasured(lines: 20, rows: 5), scenario)
        #expect(session.conversation.position.offset == 15 && session.conversation.page == 4)
        _ = ScenarioSession.reduce(&session, .scroll(-1), scenario)
        #expect(session.conversation.position.offset == 14 && !session.conversation.followsNewest)
        _ = ScenarioSession.reduce(&session, .page(-1), scenario)
        #expect(session.conversation.position.offset == 10, "a page keeps one line of the last view")
        _ = ScenarioSession.reduce(&session, .page(-1), scenario)
        _ = ScenarioSession.reduce(&session, .page(-1), scenario)
        #expect(session.conversation.position.offset == 2)
        _ = ScenarioSession.reduce(&session, .page(-1), scenario)
        #expect(session.conversation.position.offset == 0, "clamped at the first line")
        _ = ScenarioSession.reduce(&session, .scroll(1), scenario)
        _ = ScenarioSession.reduce(&session, .top, scenario)
        #expect(session.conversation.position.offset == 0)
        #expect(session.cursor == 0, "scrolling leaves the option cursor alone")
        _ = ScenarioSession.reduce(&session, .page(9), scenario)
        #expect(session.conversation.position.offset == 15 && session.conversation.followsNewest, "clamped at the newest line")
        _ = ScenarioSession.reduce(&session, .top, scenario)
        _ = ScenarioSession.reduce(&session, .bottom, scenario)
        #expect(session.conversation.position.offset == 15 && session.conversation.followsNewest)
        // Every line is reachable one at a time: 15 steps up from the newest reach the first.
        for _ in 0..<15 { _ = ScenarioSession.reduce(&session, .scroll(-1), scenario) }
        #expect(session.conversation.position.offset == 0)
    }

    @Test("new lines keep the newest in view unless the learner has scrolled up; a choice shows the reply")
    func followNewest() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        // Following: the timer's choice adds lines and the view moves to the newest.
        var following = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&following, .conversationMeasured(lines: 5, rows: 4), scenario)
        _ = ScenarioSession.reduce(&following, .tick(30), scenario)
        _ = ScenarioSession.reduce(&following, .conversationMeasured(lines: 15, rows: 4), scenario)
        #expect(following.conversation.position.offset == 11)
        // Scrolled up: the same lines stay in view when lines are added at the end.
        var reading = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&reading, .conversationMeasured(lines: 5, rows: 4), scenario)
        _ = ScenarioSession.reduce(&reading, .scroll(-1), scenario)
        #expect(reading.conversation.position.offset == 0)
        _ = ScenarioSession.reduce(&reading, .tick(30), scenario)
        _ = ScenarioSession.reduce(&reading, .conversationMeasured(lines: 15, rows: 4), scenario)
        #expect(reading.conversation.position.offset == 0 && !reading.conversation.followsNewest)
        // The same lines laid out again at another width: the offset is scaled.
        _ = ScenarioSession.reduce(&reading, .scroll(4), scenario)
        _ = ScenarioSession.reduce(&reading, .conversationMeasured(lines: 30, rows: 4), scenario)
        #expect(reading.conversation.position.offset == 8)
        // The learner's own choice brings the reply into view.
        var choosing = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&choosing, .conversationMeasured(lines: 5, rows: 4), scenario)
        _ = ScenarioSession.reduce(&choosing, .top, scenario)
        #expect(!choosing.conversation.followsNewest)
        _ = ScenarioSession.reduce(&choosing, .confirm, scenario)
        #expect(choosing.conversation.followsNewest)
    }

    @Test("the full transcript: t opens it at the newest line; lines, pages, Home and End; t or Esc closes; no answer meanwhile")
    func transcriptView() throws {
        let scenario = try ScenarioEngineFixtures.consultation()
        var session = ScenarioSession.start(scenario, seed: 1)
        _ = ScenarioSession.reduce(&session, .conversationMeasured(lines: 6, rows: 3), scenario)
        _ = ScenarioSession.reduce(&session, .down, scenario)
        _ = ScenarioSession.reduce(&session, .toggleTranscript, scenario)
        #expect(session.transcriptOpen && session.transcript.followsNewest)
        _ = ScenarioSession.reduce(&session, .conversationMeasured(lines: 40, rows: 20), scenario)
        #expect(session.transcript.position.offset == 20)
        #expect(session.conversation.position.lineCount == 6, "the box keeps its own measurement")
        _ = ScenarioSession.reduce(&session, .up, scenario)
        #expect(session.transcript.position.offset == 19 && session.cursor == 1, "arrows scroll the transcript, not the options")
        _ = ScenarioSession.reduce(&session, .page(-1), scenario)
        #expect(session.transcript.position.offset == 0)
        _ = ScenarioSession.reduce(&session, .page(1), scenario)
        #expect(session.transcript.position.offset == 19)
        _ = ScenarioSession.reduce(&session, .bottom, scenario)
        #expect(session.transcript.position.offset == 20)
        _ = ScenarioSession.reduce(&session, .top, scenario)
        #expect(session.transcript.position.offset == 0)
        _ = ScenarioSession.reduce(&session, .choose(3), scenario)
        #expect(ScenarioSession.reduce(&session, .confirm, scenario).isEmpty)
        #expect(session.run.path.isEmpty && session.cursor == 1, "no choice is made from the transcript")
        // The call clock runs on; the response timer waits.
        _ = ScenarioSession.reduce(&session, .tick(40), scenario)
        #expect(session.run.elapsedSeconds == 40 && session.run.path.isEmpty && session.choiceSeconds == 0)
        _ = ScenarioSession.reduce(&session, .toggleTranscript, scenario)
        #expect(!session.transcriptOpen)
        _ = ScenarioSession.reduce(&session, .toggleTranscript, scenario)
        #expect(session.transcript.position.lineCount == nil, "measured again when opened")
        #expect(ScenarioSession.reduce(&session, .back, scenario).isEmpty)
        #expect(!session.transcriptOpen)
        #expect(ScenarioSession.reduce(&session, .back, scenario) == [.leave])
    }
}
