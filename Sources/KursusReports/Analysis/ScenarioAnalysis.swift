import Foundation
import KursusCourse

/// The scenario figures of a report (docs/reports.md, "Scenarios").
enum ScenarioAnalysis {
    /// One section per scenario unit, in course order.
    static func sections(package: CoursePackage, learners: [LearnerRecord], policy: CellPolicy) -> [ScenarioSection] {
        []  // Issue 10: being written (ScenarioAnalysis owner).
    }
}
