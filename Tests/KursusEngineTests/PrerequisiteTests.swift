import KursusCourse
import KursusEngine
import Testing

@Suite("Unit lifecycle and prerequisites")
struct PrerequisiteTests {
    static let here = SourceLocation(file: "course.yaml")

    static func unit(_ id: String, optional: Bool = false, requires: [String] = []) -> CourseUnit {
        CourseUnit(
            id: id, kind: .lesson, title: id, file: "\(id).md", optional: optional, requires: requires.map { Requirement($0, location: here) },
            location: here)
    }

    static let course = Course(
        id: "c", title: "C", language: "da", version: "1",
        modules: [
            CourseModule(
                id: "m1", title: "M1", units: [unit("a"), unit("b"), unit("x", optional: true), unit("c")], sequential: true, location: here),
            CourseModule(
                id: "m2", title: "M2", units: [unit("d"), unit("e", requires: ["d"])], requires: [Requirement("m1", location: here)], location: here),
        ],
        location: here
    )

    func status(_ id: String, _ progress: LearnerProgress, unlockAll: Bool = false) -> UnitStatus {
        let state = PlayerState(course: Self.course, progress: progress, unlockAll: unlockAll)
        return state.status(of: Self.course.unit(withID: id) ?? Self.unit("?"))
    }

    @Test("sequential modules open one required unit after another; optional units do not block")
    func sequential() {
        #expect(status("a", .empty) == .available)
        #expect(status("b", .empty) == .locked(.sequence(previous: "a")))
        #expect(status("b", LearnerProgress(completed: ["a"])) == .available)
        #expect(status("x", LearnerProgress(completed: ["a"])) == .locked(.sequence(previous: "b")))
        #expect(status("c", LearnerProgress(completed: ["a", "b"])) == .available)
    }

    @Test("a module requirement waits for all required units of that module")
    func moduleRequirement() {
        #expect(status("d", LearnerProgress(completed: ["a", "b"])) == .locked(.module("m1")))
        #expect(status("d", LearnerProgress(completed: ["a", "b", "c"])) == .available)
        #expect(status("e", LearnerProgress(completed: ["a", "b", "c"])) == .locked(.unit("d")))
    }

    @Test("the lifecycle: available, in progress, completed, passed, failed")
    func lifecycle() {
        var progress = LearnerProgress()
        #expect(status("a", progress) == .available)
        progress.markStarted("a", at: nil)
        #expect(status("a", progress) == .inProgress)
        progress.markCompleted("a", at: nil)
        #expect(status("a", progress) == .completed)
        progress.units["a"]?.outcome = .passed
        #expect(status("a", progress) == .passed)
        progress.units["a"]?.outcome = .failed
        #expect(status("a", progress) == .failed)
        // A failed assessed unit does not satisfy a prerequisite.
        #expect(status("b", progress) == .locked(.sequence(previous: "a")))
    }

    @Test("preview unlocks everything")
    func preview() {
        #expect(status("e", .empty, unlockAll: true) == .available)
    }

    @Test("opening a locked unit says why and opens nothing")
    func openLocked() {
        var state = PlayerState(course: Self.course, progress: .empty)
        state.menuSelection = 1
        let effects = PlayerReducer.reduce(&state, .command(.open))
        #expect(effects.isEmpty)
        #expect(state.screen == .menu)
        #expect(state.notice == .locked(unitID: "b", requirement: .sequence(previous: "a")))
    }

    @Test("module and course completion count required units only")
    func completion() {
        let state = PlayerState(course: Self.course, progress: LearnerProgress(completed: ["a", "b", "c", "d", "e"]))
        #expect(state.isCourseComplete)
        let partial = PlayerState(course: Self.course, progress: LearnerProgress(completed: ["a", "b", "x"]))
        #expect(partial.completion(of: Self.course.modules[0].units) == (done: 2, total: 3))
        #expect(!partial.isCourseComplete)
    }

    @Test("unknown ids and cycles are found with their places")
    func graphDiagnostics() {
        let cyclic = Course(
            id: "c", title: "C", language: "da", version: "1",
            modules: [
                CourseModule(
                    id: "m1", title: "M1",
                    units: [
                        Self.unit("a", requires: ["b"]), Self.unit("b", requires: ["a"]), Self.unit("s", requires: ["m1"]),
                        Self.unit("u", requires: ["nope"]),
                    ], location: Self.here)
            ],
            location: Self.here
        )
        let messages = PrerequisiteGraph(cyclic).diagnostics(for: cyclic).map(\.message)
        #expect(messages.contains("'requires' names 'nope', which is neither a unit nor a module of this course"))
        #expect(messages.contains("prerequisites form a cycle, so these units can never open: a → b → a"))
        #expect(messages.contains { $0.contains("requires itself") || $0.contains("cycle") && $0.contains("s") })
    }
}
