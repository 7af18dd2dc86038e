import KursusCourse
import KursusEngine

enum Fixtures {
    static let here = SourceLocation(file: "course.yaml")

    static func unit(_ id: String, optional: Bool = false) -> CourseUnit {
        CourseUnit(id: id, kind: .lesson, title: "Lektion \(id)", file: "\(id).md", optional: optional, location: here)
    }

    static let course = Course(
        id: "kursus", title: "Kursus", language: "da", version: "1",
        modules: [
            CourseModule(id: "m1", title: "Modul 1", units: [unit("a"), unit("b"), unit("c", optional: true)], location: here),
            CourseModule(id: "m2", title: "Modul 2", units: [unit("d")], location: here),
        ],
        location: here
    )

    /// 80x24: 20 body rows.
    static let viewport = Viewport(columns: 80, rows: 24, bodyRows: 20)

    static func state(progress: LearnerProgress = .empty) -> PlayerState {
        PlayerState(course: course, progress: progress, viewport: viewport)
    }
}
