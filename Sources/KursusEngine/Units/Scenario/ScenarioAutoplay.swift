import KursusCourse

/// Random playthroughs for trainers (`kursus scenario autoplay`): which nodes, options
/// and endings were reached, and every run that got stuck. Deterministic for a seed.
public enum ScenarioAutoplay {
    /// A run making more choices than this is reported as stuck (a loop of choices).
    public static let choiceLimit = 1_000

    public static func run(_ scenario: Scenario, runs: Int, seed: UInt64) -> AutoplayReport {
        var report = AutoplayReport(runs: max(0, runs), nodeCount: scenario.nodes.count)
        report.optionCount = scenario.nodes.reduce(0) { total, node in
            if case .choice(let choice) = node.kind { total + choice.options.count } else { total }
        }
        report.endingCount = scenario.nodes.filter { if case .ending = $0.kind { true } else { false } }.count
        var seeds = SplitMix64(seed: seed)
        var visited: Set<String> = []
        var chosen: Set<String> = []
        for index in 0..<report.runs {
            let runSeed = seeds.next()
            var picker = SplitMix64(seed: runSeed ^ 0xA5A5_A5A5_5A5A_5A5A)
            var run = ScenarioMachine.start(scenario, seed: runSeed)
            var choices = 0
            while run.isWaiting {
                let offered = ScenarioMachine.availableOptions(run, scenario)
                guard !offered.isEmpty else { break }
                if choices >= choiceLimit {
                    run.stuck = "made \(choiceLimit) choices without reaching an ending (last at '\(run.current)')"
                    break
                }
                let pick = offered[Int(picker.next(below: UInt64(offered.count)))]
                chosen.insert(ScenarioRules.optionKey(node: run.current, option: pick))
                ScenarioMachine.choose(&run, scenario, optionIndex: pick)
                choices += 1
            }
            visited.formUnion(run.visits.keys)
            if let outcome = run.outcome {
                report.endings[outcome.ending, default: 0] += 1
                if let score = outcome.score {
                    report.lowestScore = min(report.lowestScore ?? score, score)
                    report.highestScore = max(report.highestScore ?? score, score)
                }
                if outcome.passed { report.passedRuns += 1 }
            } else {
                report.stuck.append(
                    AutoplayReport.StuckRun(
                        index: index, seed: runSeed, node: run.current, reason: run.stuck ?? "stopped without an ending",
                        choices: run.path.map(\.option)))
            }
        }
        report.unvisitedNodes = scenario.nodes.map(\.id).filter { !visited.contains($0) }
        report.visitedNodeCount = scenario.nodes.count - report.unvisitedNodes.count
        for node in scenario.nodes {
            guard case .choice(let choice) = node.kind else { continue }
            for index in choice.options.indices where !chosen.contains(ScenarioRules.optionKey(node: node.id, option: index)) {
                report.unchosenOptions.append(ScenarioRules.optionKey(node: node.id, option: index))
            }
        }
        report.chosenOptionCount = report.optionCount - report.unchosenOptions.count
        return report
    }
}

/// What autoplay found.
public struct AutoplayReport: Hashable, Sendable {
    public struct StuckRun: Hashable, Sendable {
        public var index: Int
        public var seed: UInt64
        public var node: String
        public var reason: String
        /// The option indices chosen, to replay the run.
        public var choices: [Int]
    }

    public var runs: Int
    public var nodeCount: Int
    public var visitedNodeCount = 0
    public var unvisitedNodes: [String] = []
    public var optionCount = 0
    public var chosenOptionCount = 0
    /// `node#index` (0-based) of options no run chose.
    public var unchosenOptions: [String] = []
    public var endingCount = 0
    /// Ending id → how many runs ended there.
    public var endings: [String: Int] = [:]
    public var passedRuns = 0
    public var lowestScore: Int?
    public var highestScore: Int?
    public var stuck: [StuckRun] = []

    init(runs: Int, nodeCount: Int) {
        self.runs = runs
        self.nodeCount = nodeCount
    }

    public var hasStuckRuns: Bool { !stuck.isEmpty }

    /// The report as plain text lines.
    public var text: String {
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : "\(part * 100 / whole) %" }
        var lines = [
            "runs: \(runs)",
            "nodes visited: \(visitedNodeCount)/\(nodeCount) (\(percent(visitedNodeCount, nodeCount)))",
            "options chosen: \(chosenOptionCount)/\(optionCount) (\(percent(chosenOptionCount, optionCount)))",
            "endings reached: \(endings.count)/\(endingCount)",
        ]
        for (ending, count) in endings.sorted(by: { $0.key < $1.key }) { lines.append("  \(ending): \(count)") }
        if let low = lowestScore, let high = highestScore { lines.append("scores: \(low) to \(high)") }
        lines.append("passed: \(passedRuns)/\(runs)")
        if !unvisitedNodes.isEmpty {
            lines.append("never visited: " + unvisitedNodes.prefix(50).joined(separator: ", ") + (unvisitedNodes.count > 50 ? ", …" : ""))
        }
        if !unchosenOptions.isEmpty {
            lines.append("never chosen: " + unchosenOptions.prefix(50).joined(separator: ", ") + (unchosenOptions.count > 50 ? ", …" : ""))
        }
        lines.append("stuck runs: \(stuck.count)")
        for run in stuck.prefix(20) {
            lines.append("  run \(run.index + 1) (seed \(run.seed)) at '\(run.node)': \(run.reason)")
        }
        return lines.joined(separator: "\n")
    }
}
