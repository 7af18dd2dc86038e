import KursusCourse
import KursusEngine

/// Where the catalogue's courses come from: the command line gives the workstation
/// services one that opens installed library packages (`KursusLibrary.LibraryShelf`),
/// so the terminal UI needs to know nothing of libraries or archives.
public protocol CourseShelf: Sendable {
    /// Loads course `id` for playing, with its content fingerprint (nil when unknown);
    /// the failure says why in a sentence for the learner's screen.
    func open(_ id: String) -> Result<(package: CoursePackage, fingerprint: String?), ServiceFailure>
}

extension WorkstationServices {
    /// The learner's progress in each course, read only (`ProgressStore.peek`): the units
    /// counted are the course's required ones, as on its menu.
    public func catalogueProgress(learner: String, courses: [CatalogueCourse]) -> [String: CatalogueProgress] {
        var result: [String: CatalogueProgress] = [:]
        for course in courses {
            do {
                guard let progress = try learnerStore.peek(learner: learner, course: course.id) else {
                    result[course.id] = .notStarted
                    continue
                }
                let done = course.requiredUnits.filter { progress.record($0)?.outcome.isDone == true }.count
                result[course.id] = .done(done, of: course.requiredUnits.count)
            } catch {
                result[course.id] = .unreadable
            }
        }
        return result
    }

    /// Makes the chosen library course the one learners are opened in.
    public func openCourse(_ id: String) -> Result<CoursePackage, ServiceFailure> {
        guard let shelf else { return .failure(ServiceFailure("no course library")) }
        switch shelf.open(id) {
        case .success(let opened):
            switchCourse(CourseContent(opened.package), fingerprint: opened.fingerprint)
            return .success(opened.package)
        case .failure(let failure):
            return .failure(failure)
        }
    }
}
