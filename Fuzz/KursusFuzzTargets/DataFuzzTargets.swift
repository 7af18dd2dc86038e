import Foundation
import KursusCourse
import KursusEngine
import KursusProgress
import KursusRecords

extension FuzzTargets {
    /// The learner every data target files its input under.
    static let learner = "bo"

    /// A progress file: written as `learners/bo/progress/<course>.json` in a scratch data
    /// folder, peeked at (the course catalogue), loaded (repaired from the backup or
    /// converted as needed), then played against the bundled course: the player starts
    /// and every unit is opened and left, so saved attempts, runs and bookmarks meet
    /// the real quizzes and scenarios. Accepted: loaded with no notice.
    public static func progress(_ data: Data) -> FuzzOutcome {
        guard let package = BundledCourse.package else { return .refused("the bundled course cannot be loaded") }
        let folder = Scratch.fresh("progress")
        defer { Scratch.remove(folder) }
        let store = ProgressStore(dataDirectory: folder)
        let load: ProgressLoad
        do {
            let file = try store.progressFile(learner: learner, course: package.course.id)
            guard Scratch.write(data, to: file) else { return .refused("cannot write the scratch file") }
            _ = try store.peek(learner: learner, course: package.course.id)
        } catch {
            // A damaged file is what loading repairs: go on and load it.
            if case .newerSchema = error { return .refused(error.description) }
        }
        do {
            load = try store.load(learner: learner, course: package.course, fingerprint: package.fingerprint)
        } catch {
            return .refused(error.description)
        }
        var state = PlayerState(content: CourseContent(package), progress: load.progress)
        var effects = PlayerReducer.reduce(&state, .started(Viewport(columns: 80, rows: 24, bodyRows: 20))).count
        for unit in package.course.allUnits {
            effects += PlayerReducer.reduce(&state, .openUnit(unit.id)).count
            effects += PlayerReducer.reduce(&state, .command(.back)).count
        }
        let notices = load.notices.map(\.description)
        return FuzzOutcome(
            accepted: notices.isEmpty, errors: notices.count, detail: notices.first ?? "\(load.progress.units.count) units, \(effects) effects")
    }

    /// A learner's `profile.json`: read as `kursus report` reads it, then from a scratch
    /// data folder as the start screen and `learners list` do.
    public static func profile(_ data: Data) -> FuzzOutcome {
        let folder = Scratch.fresh("profile")
        defer { Scratch.remove(folder) }
        let read: LearnerProfile
        do {
            read = try LearnerProfile.read(data, path: "profile.json", expectedID: learner)
        } catch {
            return .refused(error.description)
        }
        _ = PINLockout.duration(afterFailures: read.failedPINAttempts)
        let registry = LearnerRegistry(dataDirectory: folder)
        var listed = 0
        if let file = try? registry.profileFile(for: learner), Scratch.write(data, to: file) {
            listed = ((try? registry.entries()) ?? []).count
            _ = try? registry.profile(id: learner)
        }
        return FuzzOutcome(accepted: true, errors: 0, detail: "\(read.summary.displayName), \(listed) listed")
    }

    /// A `.kursus-records` transfer file (`kursus import`, `kursus report --transfer`):
    /// opened, and every statement read and checked.
    public static func transfer(_ data: Data) -> FuzzOutcome {
        let folder = Scratch.fresh("transfer")
        defer { Scratch.remove(folder) }
        let file = folder.appendingPathComponent("fuzz." + TransferFormat.fileExtension)
        guard Scratch.write(data, to: file) else { return .refused("cannot write the scratch file") }
        var statements = 0
        do {
            let reader = try TransferReader.open(file)
            try reader.readStatements { _ in statements += 1 }
        } catch {
            return .refused(String(describing: error))
        }
        return FuzzOutcome(accepted: true, errors: 0, detail: "\(statements) statements")
    }
}
