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
