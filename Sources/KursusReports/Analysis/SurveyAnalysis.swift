import Foundation
import KursusCourse

/// The survey figures of a report: before and after (`compare-with`) and each survey's
/// answers (docs/reports.md).
enum SurveyAnalysis {
    /// One section per survey with `compare-with`, in course order. `learners` are the
    /// report's learners (already filtered by team and time).
    static func beforeAfter(package: CoursePackage, learners: [LearnerRecord], policy: CellPolicy) -> [BeforeAfterSection] {
        []  // Issue 10: being written (SurveyAnalysis owner).
    }

    /// One section per survey unit, in course order. `anonymous` holds the anonymous
    /// submissions inside the time filter; `teamFiltered` says `--team` was given.
    static func surveys(
        package: CoursePackage, learners: [LearnerRecord], anonymous: [AnonymousSubmission], teamFiltered: Bool, policy: CellPolicy
    ) -> [SurveySection] {
        []  // Issue 10: being written (SurveyAnalysis owner).
    }
}
