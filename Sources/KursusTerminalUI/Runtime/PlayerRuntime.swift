import Foundation
import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusProgress

/// Runs the player: feeds terminal input and signals to the pure reducer as events,
/// performs the effects it asks for (lay out a lesson, save progress, quit) and draws
/// every new state through the in-memory grid.
public final class PlayerRuntime {
    public enum Outcome: Equatable {
        case quit
        /// Ended by a termination signal (SIGTERM, SIGHUP, SIGINT) after saving.
        case signal(Int32)
    }

    public private(set) var state: PlayerState
    private let package: CoursePackage
    private let backend: TerminalBackend
    private let saver: ProgressSaver?
    private let context: ScreenContext
    private var lesson: RenderedLesson?
    private var lessonBodies: [String: String] = [:]
    private var finished = false
    private var needsDraw = true
    public static let pollMilliseconds = 200

    public init(package: CoursePackage, progress: LearnerProgress, backend: TerminalBackend, saver: ProgressSaver?, context: ScreenContext) {
        self.package = package
        self.backend = backend
        self.saver = saver
        self.context = context
        let (columns, rows) = backend.size()
        state = PlayerState(course: package.course, progress: progress, viewport: ScreenRenderer.viewport(columns: columns, rows: rows))
    }

    /// Runs until the learner quits or a termination signal arrives. Progress is
    /// flushed to disk before this returns; the caller restores the terminal.
    public func run() -> Outcome {
        var outcome = Outcome.quit
        send(.started(state.viewport))
        while !finished {
            if let signal = SignalWatcher.take() {
                outcome = .signal(signal)
                send(.command(.quit))
                break
            }
            if let saver {
                for result in saver.takeOutcomes() { send(.saveFinished(result)) }
            }
            if needsDraw { draw() }
            handle(backend.read(timeout: Self.pollMilliseconds))
        }
        saver?.flush()
        return outcome
    }

    /// One input, as the loop would handle it. Public for tests that drive the runtime.
    public func handle(_ input: TerminalInput) {
        switch KeyMap.command(for: input) {
        case .command(let command): send(.command(command))
        case .resize: resized()
        case .suspend:
            backend.suspend()
            resized()
            needsDraw = true
        case .ignored: break
        }
    }

    private func resized() {
        let (columns, rows) = backend.size()
        send(.resized(ScreenRenderer.viewport(columns: columns, rows: rows)))
        needsDraw = true
    }

    public func send(_ event: PlayerEvent) {
        let before = state
        let effects = PlayerReducer.reduce(&state, event)
        if state != before { needsDraw = true }
        for effect in effects { perform(effect) }
    }

    public func draw() {
        let (columns, rows) = backend.size()
        backend.draw(ScreenRenderer.render(state, lesson: lesson, context: context, columns: columns, rows: rows))
        needsDraw = false
    }

    private func perform(_ effect: PlayerEffect) {
        switch effect {
        case let .layoutLesson(unitID, columns):
            layOut(unitID: unitID, columns: columns)
        case .saveProgress(let progress):
            saver?.submit(progress)
        case .quit:
            finished = true
        }
    }

    private func layOut(unitID: String, columns: Int) {
        guard let unit = package.course.unit(withID: unitID) else {
            send(.lessonFailed(unitID: unitID, message: unitID))
            return
        }
        let width = ReaderScreen.textWidth(forColumns: columns)
        if let lesson, lesson.unitID == unitID, lesson.width == width {
            send(.lessonLaidOut(unitID: unitID, width: columns, lineCount: lesson.lines.count))
            return
        }
        let body: String
        if let cached = lessonBodies[unitID] {
            body = cached
        } else {
            do {
                body = try package.lesson(unit).body
                lessonBodies = [unitID: body]
            } catch {
                send(.lessonFailed(unitID: unitID, message: error.description))
                return
            }
        }
        let document = MarkdownLayout.layout(body, options: MarkdownLayoutOptions(width: width, symbols: context.markdownSymbols))
        lesson = RenderedLesson(unitID: unitID, width: width, lines: document.lines)
        send(.lessonLaidOut(unitID: unitID, width: columns, lineCount: document.lines.count))
    }
}
