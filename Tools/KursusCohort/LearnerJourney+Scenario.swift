import Foundation
import KursusCourse
import KursusEngine

/// Scenario runs walked through the real scenario graph with the engine's
/// `ScenarioMachine`: the learner picks good options more often the abler they are (and
/// the more runs they have had), sometimes lets the response timer run out, and often
/// plays again after a run that failed.
extension LearnerJourney {
    mutating func playScenario(_ unit: CourseUnit, _ scenario: Scenario, partly: Bool) {
        var run = 1
        while true {
            guard let outcome = playRun(unit, scenario, run: run, stopAfter: partly ? random.int(1...3) : nil) else { return }
            let again = outcome.passed ? random.chance(0.1) : random.chance(0.6)
            guard again, run < 3 else { return }
            run += 1
            wait(random.int(10...60))
        }
    }

    /// One run from the start to an ending; nil when the learner stopped after `stopAfter`
    /// choices, or the run got stuck (a scenario the validator would have refused).
    mutating func playRun(_ unit: CourseUnit, _ scenario: Scenario, run number: Int, stopAfter: Int?) -> ScenarioOutcome? {
        var run = ScenarioMachine.start(scenario, seed: random.engineSeed())
        let skill = traits.ability + 0.6 * Double(number - 1)
        var made = 0
        while run.isWaiting, made < 100 {
            if let stopAfter, made >= stopAfter { return nil }
            let offered = ScenarioMachine.availableOptions(run, scenario)
            guard !offered.isEmpty, let node = scenario.node(run.current), case .choice(let choice) = node.kind else { break }
            // Reading what the citizen says before answering.
            let reading = random.int(6...20)
            wait(reading)
            ScenarioMachine.tick(&run, seconds: reading)
            if let timer = ScenarioMachine.timer(run, scenario), random.chance(CohortRandom.logistic(-1.0 * skill - 2.2)) {
                ScenarioMachine.tick(&run, seconds: timer.seconds)
                wait(timer.seconds)
                guard ScenarioMachine.timeout(&run, scenario) else { break }
            } else {
                let thinking = random.int(4...30)
                ScenarioMachine.tick(&run, seconds: thinking)
                wait(thinking)
                let weights = offered.map { index -> Double in
                    switch choice.options[index].quality {
                    case .good?: return Foundation.exp(0.9 * skill + 0.3)
                    case .poor?: return Foundation.exp(-0.9 * skill - 0.2)
                    case .mixed?, nil: return 1
                    }
                }
                guard ScenarioMachine.choose(&run, scenario, optionIndex: offered[random.weighted(weights)]) else { break }
            }
            for step in made..<run.path.count {
                emit(.scenarioChoice(unitID: unit.id, run: number, step: step, choice: run.path[step]))
            }
            made = run.path.count
        }
        guard let outcome = run.outcome else { return nil }
        wait(random.int(5...20))
        emit(.scenarioEnded(unitID: unit.id, run: number, outcome: outcome, seconds: run.elapsedSeconds))
        // The debrief.
        wait(random.int(30...150))
        return outcome
    }
}
