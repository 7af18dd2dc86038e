import Foundation
import KursusCourse

/// The cohort figures of a report (docs/reports.md, "Cohort"): who took part, the
/// completion funnel per module and unit (and per team), time on task, and where
/// unfinished learners stand.
///
/// Definitions, per learner and unit (`UnitProgress`):
/// - started: the unit was opened, or anything is recorded in it;
/// - completed: a lesson read to its end, a quiz or survey attempt submitted, a scenario
///   run that reached an ending;
/// - passed: a quiz attempt passed, a scenario run passed; only for quizzes with scored
///   questions and scenarios with a `pass` rule (nil for the rest);
/// - time on task: see `UnitProgress.init` (attempt durations, run durations, lesson
///   opening to completion capped at 2 hours).
///
/// Per module: started when any unit was started; completed when every non-optional
/// unit was completed (every unit, in a module of optional units only); passed when every
/// non-optional unit that can be passed was passed (nil when there is none).
///
/// A learner is unfinished while a non-optional unit is not done (passed for a quiz,
/// completed for the rest); they are "stuck" at the first such unit in course order.
///
/// An anonymous survey is never joined to a learner, so it counts in no learner's
/// progress (module completion, stuck, units required). Its unit row counts
/// submissions instead of learners (started: answered anything, completed: submitted),
/// from `anonymous`; with `anonymous` nil (a team filter: submissions have no team) the
/// row is left out.
enum CohortAnalysis {
    static func section(
        package: CoursePackage, learners: [LearnerRecord], anonymous: [AnonymousSubmission]?, policy: CellPolicy, names: Bool
    ) -> CohortSection {
        let plans = UnitPlan.plans(package)
        let progress = learners.map { learner in plans.map { UnitProgress(learner.units[$0.unit.id], plan: $0) } }
        let all = Array(learners.indices)
        let groups = teamGroups(learners)

        // A small team's last activity would be one learner's: hidden with the count.
        let teams = groups.map { team, members in
            TeamRow(
                team: team, learners: policy.count(members.count),
                lastActivity: members.count < policy.minimum ? nil : members.compactMap { learners[$0].lastActivity }.max())
        }
        let modules = package.course.modules.map { module in
            let unitIndices = plans.indices.filter { plans[$0].moduleID == module.id }
            let units = unitIndices.compactMap { index -> UnitFunnel? in
                let plan = plans[index]
                if plan.anonymous {
                    return anonymous.map { anonymousFunnel(plan, submissions: $0, policy: policy) }
                }
                let rows = all.map { progress[$0][index] }
                return UnitFunnel(
                    unitID: plan.unit.id, title: plan.unit.title, kind: plan.unit.kind.rawValue, optional: plan.unit.optional,
                    counts: FunnelCounts(
                        started: policy.count(rows.filter(\.started).count), completed: policy.count(rows.filter(\.completed).count),
                        passed: plan.canPass ? policy.count(rows.filter { $0.passed == true }.count) : nil),
                    timeOnTask: timeSummary(rows.compactMap(\.seconds), policy: policy))
            }
            return ModuleFunnel(
                moduleID: module.id, title: module.title,
                counts: moduleCounts(unitIndices, plans: plans, progress: progress, members: all, policy: policy), units: units)
        }
        let teamModules = groups.map { team, members in
            TeamFunnel(
                team: team, learners: policy.count(members.count),
                modules: package.course.modules.map { module in
                    let unitIndices = plans.indices.filter { plans[$0].moduleID == module.id }
                    return TeamModuleCounts(
                        moduleID: module.id, counts: moduleCounts(unitIndices, plans: plans, progress: progress, members: members, policy: policy))
                })
        }

        let required = plans.indices.filter { plans[$0].required }
        let stuckAt: [Int?] = all.map { learner in required.first { !progress[learner][$0].done } }
        let stuckCounts = required.map { index in
            StuckCount(
                unitID: plans[index].unit.id, title: plans[index].unit.title, learners: policy.count(stuckAt.filter { $0 == index }.count))
        }
        var stuckLearners: [StuckLearner]?
        var activity: [LearnerActivity]?
        if names {
            stuckLearners = all.compactMap { learner -> StuckLearner? in
                guard let index = stuckAt[learner] else { return nil }
                let record = learners[learner]
                return StuckLearner(
                    learner: displayName(record), team: record.team, unitID: plans[index].unit.id, title: plans[index].unit.title,
                    failedAttempts: progress[learner][index].failed, lastActivity: record.lastActivity ?? record.firstActivity ?? .distantPast)
            }
            .sorted { ($0.team ?? "", $0.learner) < ($1.team ?? "", $1.learner) }
            activity = all.map { learner in
                let record = learners[learner]
                return LearnerActivity(
                    learner: displayName(record), team: record.team, lastActivity: record.lastActivity ?? record.firstActivity ?? .distantPast,
                    unitsCompleted: required.filter { progress[learner][$0].done }.count, unitsRequired: required.count)
            }
            .sorted { ($0.learner, $0.team ?? "") < ($1.learner, $1.team ?? "") }
        }
        return CohortSection(
            learners: policy.count(learners.count), teams: teams, modules: modules, teamModules: teamModules, stuckCounts: stuckCounts,
            stuckLearners: stuckLearners, learnerActivity: activity)
    }

    /// Learners (by index) per team, sorted by team, learners without a team last.
    static func teamGroups(_ learners: [LearnerRecord]) -> [(team: String?, members: [Int])] {
        let grouped = Dictionary(grouping: learners.indices) { learners[$0].team }
        return grouped.map { (team: $0.key, members: $0.value) }
            .sorted { ($0.team == nil ? 1 : 0, $0.team ?? "") < ($1.team == nil ? 1 : 0, $1.team ?? "") }
    }

    /// Started, completed and passed of one module among `members`.
    static func moduleCounts(_ unitIndices: [Int], plans: [UnitPlan], progress: [[UnitProgress]], members: [Int], policy: CellPolicy)
        -> FunnelCounts
    {
        let tracked = unitIndices.filter { !plans[$0].anonymous }
        let nonOptional = tracked.filter { plans[$0].required }
        let required = nonOptional.isEmpty ? tracked : nonOptional
        let passable = nonOptional.filter { plans[$0].canPass }
        var started = 0
        var completed = 0
        var passed = 0
        for learner in members {
            let row = progress[learner]
            guard tracked.contains(where: { row[$0].started }) else { continue }
            started += 1
            if required.allSatisfy({ row[$0].completed }) { completed += 1 }
            if !passable.isEmpty, passable.allSatisfy({ row[$0].passed == true }) { passed += 1 }
        }
        return FunnelCounts(
            started: policy.count(started), completed: policy.count(completed), passed: passable.isEmpty ? nil : policy.count(passed))
    }

    /// An anonymous survey's row: submissions that answered anything, and those submitted.
    static func anonymousFunnel(_ plan: UnitPlan, submissions: [AnonymousSubmission], policy: CellPolicy) -> UnitFunnel {
        let mine = submissions.filter { $0.unitID == plan.unit.id }
        return UnitFunnel(
            unitID: plan.unit.id, title: plan.unit.title, kind: plan.unit.kind.rawValue, optional: plan.unit.optional,
            counts: FunnelCounts(
                started: policy.count(mine.filter { !$0.answers.isEmpty || $0.submitted }.count),
                completed: policy.count(mine.filter(\.submitted).count), passed: nil),
            timeOnTask: nil)
    }

    /// Median and quartiles of per-learner times; nil when nobody has a time, hidden when
    /// fewer than the minimum learners have one.
    static func timeSummary(_ seconds: [Double], policy: CellPolicy) -> ReportCell<TimeSummary>? {
        guard !seconds.isEmpty else { return nil }
        guard seconds.count >= policy.minimum, let quartiles = Descriptive.quartiles(seconds) else { return .belowMinimum(policy.minimum) }
        return .value(
            TimeSummary(learners: seconds.count, lowerQuartile: quartiles.lower, median: quartiles.median, upperQuartile: quartiles.upper))
    }

    /// The name a data directory gave, else the account name the records carry.
    static func displayName(_ learner: LearnerRecord) -> String {
        learner.name ?? learner.account
    }
}
