import Foundation

@testable import KursusReports

/// A report as `ReportBuilder` would make it for three teams of 25 on a hygiene course,
/// written by hand so that every format's tests know each number. Cells below the
/// minimum (5) are `.belowMinimum(5)` as the builder leaves them.
enum SampleReport {
    static func date(_ text: String) -> Date {
        (try? Date(text, strategy: .iso8601)) ?? Date(timeIntervalSince1970: 0)
    }

    static let hidden = ReportCell<Int>.belowMinimum(5)
    static let hiddenShare = ReportCell<Double>.belowMinimum(5)

    static func funnel(_ started: Int, _ completed: Int, _ passed: Int?) -> FunnelCounts {
        FunnelCounts(started: .value(started), completed: .value(completed), passed: passed.map { .value($0) })
    }

    static func time(_ n: Int, _ q1: Double, _ median: Double, _ q3: Double) -> ReportCell<TimeSummary> {
        .value(TimeSummary(learners: n, lowerQuartile: q1, median: median, upperQuartile: q3))
    }

    static let header = ReportHeader(
        courseID: "haandhygiejne", courseTitle: "Håndhygiejne i praksis", courseVersion: "2.1", versionsSeen: ["2.0", "2.1"],
        generatedAt: date("2026-03-15T08:00:00Z"), filters: ReportFilters(teams: [], since: date("2026-02-01T00:00:00Z"), until: nil),
        minimumGroup: 5, names: false, firstActivity: date("2026-02-02T07:12:00Z"), lastActivity: date("2026-03-14T15:40:00Z"))

    static let reading = ReadingSummary(
        sources: [
            SourceSummary(kind: .dataDirectory, location: "/srv/kursus/afd-a", statements: 4210, complete: true),
            SourceSummary(kind: .lrs, location: "https://lrs.region.example/xapi/", statements: 6032, complete: false),
        ],
        statementsRead: 10242, duplicates: 3980, otherCourses: 14, filteredOut: 120, unreadable: 2,
        notInCourse: [MissingActivity(unitID: "gammel-quiz", questionID: nil, statements: 40)],
        problems: ["LRS https://lrs.region.example/xapi/ stopped answering after 6032 records (timeout after 30 s); the report shows what was read."]
    )

    static let cohort = CohortSection(
        learners: .value(75),
        teams: [
            TeamRow(team: "Afsnit A", learners: .value(25), lastActivity: date("2026-03-14T15:40:00Z")),
            TeamRow(team: "Afsnit B", learners: .value(24), lastActivity: date("2026-03-12T10:05:00Z")),
            TeamRow(team: "Afsnit C", learners: .value(23), lastActivity: date("2026-03-13T13:20:00Z")),
            TeamRow(team: nil, learners: hidden, lastActivity: date("2026-02-20T09:00:00Z")),
        ],
        modules: [
            ModuleFunnel(
                moduleID: "grundlag", title: "Modul 1: Grundlaget", counts: funnel(75, 68, 61),
                units: [
                    UnitFunnel(
                        unitID: "intro", title: "Hvorfor håndhygiejne", kind: "lesson", optional: false, counts: funnel(75, 72, nil),
                        timeOnTask: time(72, 190, 265, 380)),
                    UnitFunnel(
                        unitID: "quiz-1", title: "Quiz: de fem situationer", kind: "quiz", optional: false, counts: funnel(72, 68, 61),
                        timeOnTask: time(68, 310, 420, 615)),
                    UnitFunnel(
                        unitID: "ekstra", title: "Ekstra: historien om Semmelweis", kind: "lesson", optional: true,
                        counts: FunnelCounts(started: hidden, completed: hidden, passed: nil), timeOnTask: .belowMinimum(5)),
                ]),
            ModuleFunnel(
                moduleID: "praksis", title: "Modul 2: I praksis", counts: funnel(64, 50, 44),
                units: [
                    UnitFunnel(
                        unitID: "scenarie", title: "Scenarie: stuegang", kind: "scenario", optional: false, counts: funnel(64, 55, 48),
                        timeOnTask: time(55, 540, 780, 1260)),
                    UnitFunnel(
                        unitID: "evaluering", title: "Evaluering", kind: "survey", optional: false, counts: funnel(52, 50, nil),
                        timeOnTask: time(50, 95, 150, 3720)),
                ]),
        ],
        teamModules: [
            TeamFunnel(
                team: "Afsnit A", learners: .value(25),
                modules: [
                    TeamModuleCounts(moduleID: "grundlag", counts: funnel(25, 24, 22)),
                    TeamModuleCounts(moduleID: "praksis", counts: funnel(22, 19, 17)),
                ]),
            TeamFunnel(
                team: "Afsnit B", learners: .value(24),
                modules: [
                    TeamModuleCounts(moduleID: "grundlag", counts: funnel(24, 21, 19)),
                    TeamModuleCounts(moduleID: "praksis", counts: funnel(20, 15, 13)),
                ]),
            TeamFunnel(
                team: "Afsnit C", learners: .value(23),
                modules: [
                    TeamModuleCounts(moduleID: "grundlag", counts: funnel(23, 21, 18)),
                    TeamModuleCounts(moduleID: "praksis", counts: funnel(20, 14, 12)),
                ]),
        ],
        stuckCounts: [
            StuckCount(unitID: "quiz-1", title: "Quiz: de fem situationer", learners: .value(7)),
            StuckCount(unitID: "scenarie", title: "Scenarie: stuegang", learners: .value(16)),
            StuckCount(unitID: "evaluering", title: "Evaluering", learners: hidden),
        ],
        stuckLearners: nil, learnerActivity: nil)
}
