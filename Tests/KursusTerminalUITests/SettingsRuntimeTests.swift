import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import Testing

@testable import KursusTerminalUI

/// A terminal in memory that has a bell, counting its rings.
final class RingingBackend: TerminalBackend, TerminalBell {
    let terminal: MemoryBackend
    private(set) var rings = 0
    /// Called before each read: the test's clock moves here, once per turn of the loop
    /// (the runtime asks the clock more than once a turn).
    var beforeRead: () -> Void = {}

    init(_ terminal: MemoryBackend) { self.terminal = terminal }

    func size() -> (columns: Int, rows: Int) { terminal.size() }
    func draw(_ grid: Grid) { terminal.draw(grid) }
    func read(timeout milliseconds: Int) -> TerminalInput {
        beforeRead()
        return terminal.read(timeout: milliseconds)
    }
    func suspend() { terminal.suspend() }
    func shutdown() { terminal.shutdown() }
    func bell() { rings += 1 }
}

@Suite("Settings and the idle countdown through the runtime, with the workstation's real services", .serialized)
struct SettingsRuntimeTests {
    @Test("o, →, Esc: the timers setting is in profile.json; the countdown rings the bell once, then the lock comes")
    func settingsAndBell() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-settings-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let (package, _) = try CoursePackage.open(Repository.root.appendingPathComponent("Tests/Fixtures/digital-kompetence-v1"), shownAs: "kursus")
        var now = Date(timeIntervalSince1970: 1_800_000_000)
        let registry = LearnerRegistry(dataDirectory: data, hasher: PINHasher(iterations: 1_000))
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: nil, now: now)
        try registry.saveSettings(id: "bo", LearnerSettings(idleBell: true), now: now)
        let strings = try UIStrings.load(language: "da", assets: Repository.assets)
        let services = WorkstationServices(
            dataDirectory: data, content: CourseContent(package), fingerprint: nil, strings: strings, records: .default,
            siteSecret: Data(repeating: 7, count: 32), clock: { now })
        // Each turn of the loop is 25 seconds; the 60-second lock warns 30 seconds ahead.
        let terminal = MemoryBackend(inputs: [.enter, .character("o"), .right, .escape, .none, .none, .none, .character("q")])
        let backend = RingingBackend(terminal)
        backend.beforeRead = { now = now.addingTimeInterval(25) }
        let runtime = SessionRuntime(
            package: package, configuration: SessionConfiguration(idleLockSeconds: 60), backend: backend, services: services,
            context: ScreenContext(strings: strings, symbols: .unicode)
        ) { now }
        #expect(runtime.run() == .quit)
        let texts = terminal.frames.map(\.text)
        #expect(texts.contains { $0.contains("Dine indstillinger") && $0.contains("dobbelt så lang tid") })
        #expect(try registry.settings(id: "bo") == LearnerSettings(timers: .double, idleBell: true))
        #expect(texts.contains { $0.contains("Låser om 0:") })
        #expect(backend.rings == 1)
        #expect(texts.last?.contains("Skærmen blev låst efter 1 min uden aktivitet") == true)
    }
}

@Suite("The learner's language setting plays the course in that language", .serialized)
struct LanguageSettingRuntimeTests {
    @Test("a learner whose setting is English sees the English course; switching back to Danish keeps every bit of progress")
    func contentFollowsTheLearner() throws {
        let data = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-language-runtime-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: data) }
        let (package, diagnostics) = try CoursePackage.open(
            Repository.root.appendingPathComponent("Tests/Fixtures/bilingual-course"), shownAs: "kursus")
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(package.language == "da")
        let now = Date(timeIntervalSince1970: 1_800_000_000)
        let registry = LearnerRegistry(dataDirectory: data, hasher: PINHasher(iterations: 1_000))
        try registry.add(id: "bo", displayName: "Bo", team: nil, pin: nil, now: now)
        try registry.saveSettings(id: "bo", LearnerSettings(language: .en), now: now)
        let strings = try UIStrings.load(language: "da", assets: Repository.assets)
        let services = WorkstationServices(
            dataDirectory: data, content: CourseContent(package), fingerprint: nil, strings: strings, records: .default,
            siteSecret: Data(repeating: 7, count: 32), clock: { now })
        // Sign in, open the first unit (a lesson), back, then settings: language back to the workstation's (Danish).
        let terminal = MemoryBackend(
            inputs: [.enter, .enter, .end, .escape, .character("o"), .down, .down, .down, .down, .down, .right, .escape, .none, .character("q")])
        let runtime = SessionRuntime(
            package: package, configuration: SessionConfiguration(idleLockSeconds: nil), backend: terminal, services: services,
            context: ScreenContext(strings: strings, symbols: .unicode), clock: { now })
        #expect(runtime.run() == .quit)
        let texts = terminal.frames.map(\.text)
        // In English while the setting says so (module titles from course.yaml's maps), in Danish after.
        #expect(texts.contains { $0.contains("Basics") && !$0.contains("Grundlag") })
        #expect(texts.last { $0.contains("Grundlag") } != nil)
        #expect(texts.last?.contains("Basics") == false)
        // The lesson read in English counts in Danish: progress is shared by id.
        let progress = try String(contentsOf: data.appendingPathComponent("learners/bo/progress/\(package.course.id).json"), encoding: .utf8)
        #expect(progress.contains("\"completed\""))
        #expect(texts.last?.contains("✓") == true)
    }
}
