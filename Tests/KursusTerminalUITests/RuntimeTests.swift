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
    func read(timeout milliseconds: Int) -> TerminalInput {
        // Out of script: quit, so a broken test cannot hang.
        let input = inputs.isEmpty ? TerminalInput.character("q") : inputs.removeFirst()
        if input == .resize, !resizes.isEmpty { (columns, rows) = resizes.removeFirst() }
        return input
    }
    func suspend() { suspended += 1 }
    func shutdown() { shutDown = true }
}

@Suite("Runtime loop with an in-memory terminal", .serialized)
struct RuntimeTests {
    static let course = Repository.root.appendingPathComponent("Courses/digital-kompetence")

    func makeRuntime(_ backend: MemoryBackend, data: URL, progress: LearnerProgress = .empty) throws -> (PlayerRuntime, ProgressStore) {
        let (package, _) = try CoursePackage.open(Self.course, shownAs: "kursus")
        let store = ProgressStore(dataDirectory: data)
        let saver = ProgressSaver(store: store, learner: "anna", course: package.course.id, courseVersion: package.course.version)
        let context = ScreenContext(strings: try UIStrings.load(language: "da", assets: Repository.assets), symbols: .unicode, learnerName: "anna")
        return (PlayerRuntime(package: package, progress: progress, backend: backend, saver: saver, context: context), store)
    }

    @Test("open a lesson, jump to its end, quit: the lesson is saved as completed")
    func readAndQuit() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let backend = MemoryBackend(inputs: [.enter, .pageDown, .end, .none, .character("q")])
        let (runtime, store) = try makeRuntime(backend, data: data)
        #expect(runtime.run() == .quit)
        let texts = backend.frames.map(\.text)
        #expect(texts.first?.contains("Kursus · Bliv digitalt kompetent") == true)
        #expect(texts.contains { $0.contains("Modul 1 › 1.1 Før konsultationen") && $0.contains("Side 1/") })
        #expect(texts.last?.contains("100 %") == true)
        let progress = try store.load(learner: "anna", course: "digital-kompetence")
        #expect(progress.completed == ["forberedelse"])
        #expect(progress.bookmark?.inUnit == true)
    }

    @Test("a resize redraws at the new size; Ctrl-Z suspends and redraws")
    func resizeAndSuspend() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let backend = MemoryBackend(inputs: [.enter, .resize, .controlZ, .character("q")])
        backend.resizes = [(120, 40)]
        let (runtime, _) = try makeRuntime(backend, data: data)
        #expect(runtime.run() == .quit)
        #expect(backend.suspended == 1)
        let sizes = backend.frames.map { "\($0.width)x\($0.height)" }
        #expect(sizes.first == "80x24")
        #expect(sizes.last == "120x40")
        // After the resize the lesson is laid out again for the wider terminal.
        #expect(backend.frames.last?.text.contains("Modul 1 › 1.1") == true)
    }

    @Test("the terminal-too-small screen is shown below 60x16")
    func tooSmall() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let backend = MemoryBackend(columns: 50, rows: 12, inputs: [.character("q")])
        let (runtime, _) = try makeRuntime(backend, data: data)
        #expect(runtime.run() == .quit)
        #expect(backend.frames.first?.text.contains("Terminalvinduet er for lille") == true)
    }
}
