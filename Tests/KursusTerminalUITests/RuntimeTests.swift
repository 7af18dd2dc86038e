import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import Testing
@testable import KursusTerminalUI

/// A terminal in memory: scripted input, and every grid the runtime drew.
final class MemoryBackend: TerminalBackend {
    var columns: Int
    var rows: Int
    var inputs: [TerminalInput]
    /// Sizes the terminal takes, in order, each time a `.resize` is read.
    var resizes: [(columns: Int, rows: Int)] = []
    private(set) var frames: [Grid] = []
    private(set) var suspended = 0
    private(set) var shutDown = false

    init(columns: Int = 80, rows: Int = 24, inputs: [TerminalInput]) {
        self.columns = columns
        self.rows = rows
        self.inputs = inputs
    }

    func size() -> (columns: Int, rows: Int) { (columns, rows) }
    func draw(_ grid: Grid) { frames.append(grid) }
    /// Called before each read: a test's clock moves here, once per turn of the loop (the
    /// runtime asks the clock more than once a turn: at the tick and before a key).
    var beforeRead: () -> Void = {}

    func read(timeout milliseconds: Int) -> TerminalInput {
        beforeRead()
        // Out of script: Ctrl-C quits from every screen, so a broken test cannot hang.
        let input = inputs.isEmpty ? TerminalInput.controlC : inputs.removeFirst()
        if input == .resize, !resizes.isEmpty { (columns, rows) = resizes.removeFirst() }
        return input
    }
    func suspend() { suspended += 1 }
    func shutdown() { shutDown = true }
}

/// Services in memory: learners and their progress in dictionaries, saves recorded.
final class MemoryServices: SessionServices {
    var learners: [LearnerSummary]
    var progress: [String: LearnerProgress] = [:]
    var busy: Set<String> = []
    private(set) var open: String?
    private(set) var saves: [LearnerProgress] = []
    private(set) var closed: [String] = []

    init(learners: [LearnerSummary]) { self.learners = learners }

    func loadLearners() -> Result<[LearnerSummary], ServiceFailure> { .success(learners) }
    func verifyPIN(learnerID: String, pin: String) -> Result<PINResult, ServiceFailure> {
        .success(pin == "1234" ? .accepted : .rejected(attemptsLeft: 2))
    }
    func createLearner(_ request: NewLearner) -> Result<LearnerSummary, ServiceFailure> {
        let learner = LearnerSummary(id: request.id, displayName: request.displayName, team: request.team, hasPIN: request.pin != nil)
        learners.append(learner)
        return .success(learner)
    }
    func openLearner(_ learner: LearnerSummary) -> Result<LearnerProgress, OpenFailure> {
        if busy.contains(learner.id) { return .failure(.busy) }
        open = learner.id
        return .success(progress[learner.id] ?? .empty)
    }
    func save(_ progress: LearnerProgress, events: [LearningEvent]) {
        saves.append(progress)
        if let open { self.progress[open] = progress }
    }
    func closeLearner(_ progress: LearnerProgress, events: [LearningEvent]) {
        if let open {
            self.progress[open] = progress
            closed.append(open)
        }
        open = nil
    }
    func takeSaveOutcomes() -> [SaveOutcome] { [] }
}

@Suite("Runtime loop with an in-memory terminal", .serialized)
struct RuntimeTests {
    static let course = Repository.root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1")

    func makeRuntime(
        _ backend: MemoryBackend, services: MemoryServices, configuration: SessionConfiguration = SessionConfiguration(),
        clock: @escaping () -> Date = Date.init
    ) throws -> SessionRuntime {
        let (package, _) = try CoursePackage.open(Self.course, shownAs: "kursus")
        let context = ScreenContext(strings: try UIStrings.load(language: "da", assets: Repository.assets), symbols: .unicode)
        return SessionRuntime(package: package, configuration: configuration, backend: backend, services: services, context: context, clock: clock)
    }

    @Test("pick a learner, open a lesson, jump to its end, quit: completed and released")
    func readAndQuit() throws {
        let services = MemoryServices(learners: [LearnerSummary(id: "bo", displayName: "Bo", team: "Aften")])
        let backend = MemoryBackend(inputs: [.enter, .down, .enter, .pageDown, .end, .none, .character("q")])
        let runtime = try makeRuntime(backend, services: services)
        #expect(runtime.run() == .quit)
        let texts = backend.frames.map(\.text)
        #expect(texts.first?.contains("Hvem er du?") == true)
        #expect(texts.first?.contains("Bo · Aften") == true)
        #expect(texts.contains { $0.contains("Modul 2 › 2.1 Før konsultationen") && $0.contains("Side 1/") })
        #expect(texts.last?.contains("100 %") == true)
        #expect(services.progress["bo"]?.completed == ["forberedelse"])
        #expect(services.closed == ["bo"])
    }

    @Test("the PIN is typed as text, masked on screen, and checked")
    func pinEntry() throws {
        let services = MemoryServices(learners: [LearnerSummary(id: "anna", displayName: "Anna", hasPIN: true)])
        let backend = MemoryBackend(inputs: [
            .enter, .character("9"), .character("9"), .enter, .character("1"), .character("2"), .character("3"), .character("4"), .none, .enter,
            .none, .controlC,
        ])
        let runtime = try makeRuntime(backend, services: services)
        #expect(runtime.run() == .quit)
        let texts = backend.frames.map(\.text)
        #expect(texts.contains { $0.contains("PIN for Anna:") && $0.contains("••") })
        #expect(texts.contains { $0.contains("Forkert PIN. 2 forsøg mere") })
        #expect(texts.allSatisfy { !$0.contains("1234") && !$0.contains("99") })
        #expect(texts.contains { $0.contains("Kursus · Bliv digitalt kompetent") && $0.contains("Anna") && $0.contains("Modul 1") })
    }

    @Test("the idle lock returns to the start screen and the next learner cannot see the first one's work")
    func idleLock() throws {
        let services = MemoryServices(learners: [LearnerSummary(id: "a", displayName: "Anne"), LearnerSummary(id: "b", displayName: "Bent")])
        var now = Date(timeIntervalSince1970: 1_800_000_000)
        let backend = MemoryBackend(inputs: [.enter, .down, .enter, .end, .none, .none, .none, .down, .enter, .escape, .none, .character("q")])
        backend.beforeRead = { now = now.addingTimeInterval(25) }
        let runtime = try makeRuntime(backend, services: services, configuration: SessionConfiguration(idleLockSeconds: 60)) { now }
        #expect(runtime.run() == .quit)
        let texts = backend.frames.map(\.text)
        #expect(texts.contains { $0.contains("Skærmen blev låst efter 1 min uden aktivitet") })
        #expect(services.progress["a"]?.completed == ["forberedelse"])
        #expect(services.closed.first == "a")
        // Bent's menu shows nothing of Anne's progress.
        let bentMenu = try #require(texts.last { $0.contains("Bent") && $0.contains("Modul 1") })
        #expect(!bentMenu.contains("✓"))
        #expect(bentMenu.contains("0 % gennemført"))
    }

    @Test("a resize redraws at the new size; Ctrl-Z suspends and redraws")
    func resizeAndSuspend() throws {
        let services = MemoryServices(learners: [LearnerSummary(id: "bo", displayName: "Bo")])
        let backend = MemoryBackend(inputs: [.enter, .down, .enter, .resize, .controlZ, .character("q")])
        backend.resizes = [(120, 40)]
        let runtime = try makeRuntime(backend, services: services)
        #expect(runtime.run() == .quit)
        #expect(backend.suspended == 1)
        let sizes = backend.frames.map { "\($0.width)x\($0.height)" }
        #expect(sizes.first == "80x24")
        #expect(sizes.last == "120x40")
        #expect(backend.frames.last?.text.contains("Modul 2 › 2.1") == true)
    }

    @Test("the terminal-too-small screen is shown below 60x16")
    func tooSmall() throws {
        let backend = MemoryBackend(columns: 50, rows: 12, inputs: [.character("q")])
        let runtime = try makeRuntime(backend, services: MemoryServices(learners: []))
        #expect(runtime.run() == .quit)
        #expect(backend.frames.first?.text.contains("Terminalvinduet er for lille") == true)
    }

    @Test("preview: no start screen, a banner, every unit open, nothing saved")
    func preview() throws {
        let services = MemoryServices(learners: [])
        // The last unit is a survey: open it and answer the first question.
        let backend = MemoryBackend(inputs: [.end, .enter, .none, .enter, .character("4"), .enter, .character("q")])
        let runtime = try makeRuntime(backend, services: services, configuration: SessionConfiguration(preview: true))
        #expect(runtime.run() == .quit)
        let texts = backend.frames.map(\.text)
        #expect(texts.first?.contains("FORHÅNDSVISNING") == true)
        #expect(texts.contains { $0.contains("4.2 Evaluering af kurset") && $0.contains("FORHÅNDSVISNING") })
        #expect(texts.contains { $0.contains("Spørgsmål 2 af") })
        #expect(services.saves.isEmpty)
        #expect(services.closed.isEmpty)
    }
}
