import Foundation
import KursusCourse

/// How a report is made: the course package it is about, the filters, the privacy
/// minimum and whether learners are named (`kursus report`'s options).
public struct ReportOptions: Sendable {
    /// The course the records are read against: its units, questions and texts.
    public var package: CoursePackage
    /// `--team`, `--since`, `--until`.
    public var filters: ReportFilters
    /// Groups smaller than `policy.minimum` learners are shown as "< minimum".
    public var policy: CellPolicy
    /// `--names`: list learners by name (stuck learners, last activity).
    public var names: Bool
    /// When the report is made (the header shows it).
    public var generatedAt: Date

    public init(
        package: CoursePackage, filters: ReportFilters = ReportFilters(), policy: CellPolicy = CellPolicy(minimum: SmallCells.defaultMinimum),
        names: Bool = false, generatedAt: Date = Date()
    ) {
        self.package = package
        self.filters = filters
        self.policy = policy
        self.names = names
        self.generatedAt = generatedAt
    }
}
