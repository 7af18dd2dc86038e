import KursusCourse

/// Plays a scenario as a pure state machine over `ScenarioRun`. No I/O, no clock, no
/// system randomness: the same scenario, seed and choices always give the same run.
public enum ScenarioMachine {
    /// The most nodes one `advance` passes through without reaching a choice or an ending;
    /// beyond it the run is marked stuck (a cycle without a choice), so nothing can hang.
    public static let stepLimit = 10_000

    /// A new run at the start node, advanced to the first choice or ending.
    public static func start(_ scenario: Scenario, seed: UInt64) -> ScenarioRun {
        var run = ScenarioRun(
            scenarioID: scenario.id, seed: seed, start: scenario.start, variables: scenario.initialValues, call: CallState(scenario.call))
        go(to: scenario.start, &run, scenario, missing: "the start node '\(scenario.start)' does not exist")
        return run
    }

    /// Enters a node and goes on from it; a node that does not exist stops the run.
    static func go(to id: String, _ run: inout ScenarioRun, _ scenario: Scenario, missing: String) {
        guard scenario.nodeIndex[id] != nil else {
            run.stuck = missing
            return
        }
        enter(id, &run, scenario)
        advance(&run, scenario)
    }

    /// Follows say, narration and event nodes and automatic transitions until a choice
    /// point, an ending, or a problem (dead end, step limit) that marks the run stuck.
    public static func advance(_ run: inout ScenarioRun, _ scenario: Scenario) {
        var steps = 0
        while run.isWaiting {
            guard let node = scenario.node(run.current) else {
                run.stuck = "the node '\(run.current)' does not exist"
                return
            }
            let target: String?
            switch node.kind {
            case .choice:
                if availableOptions(run, scenario).isEmpty {
                    run.stuck = "no option of the choice '\(node.id)' can be offered (conditions or 'once')"
                }
                return
            case .ending:
                return
            default:
                target = nextTarget(node, &run)
            }
            guard let target else {
                run.stuck = "dead end at '\(node.id)': none of its conditions holds"
                return
            }
            steps += 1
            if steps > stepLimit {
                run.stuck = "passed \(stepLimit) nodes without a choice (last at '\(node.id)'): a cycle with no way out"
                return
            }
            enter(target, &run, scenario)
        }
    }

    /// Indices (into the choice's `options`) of the options offered now; empty when the
    /// run is not at a choice.
    public static func availableOptions(_ run: ScenarioRun, _ scenario: Scenario) -> [Int] {
        guard run.isWaiting, let node = scenario.node(run.current), case .choice(let choice) = node.kind else { return [] }
        return ScenarioRules.availableOptions(choice, node: node.id, values: run.variables, visits: run.visits, used: run.usedOptions)
    }

    /// Takes option `optionIndex` (an index into the choice's `options`). Returns false
    /// and changes nothing when the run is not waiting at a choice or the option is not offered.
    @discardableResult
    public static func choose(_ run: inout ScenarioRun, _ scenario: Scenario, optionIndex: Int, timedOut: Bool = false) -> Bool {
        guard availableOptions(run, scenario).contains(optionIndex),
            let node = scenario.node(run.current), case .choice(let choice) = node.kind
        else { return false }
        let option = choice.options[optionIndex]
        // A dropped call reconnects: the frame shows it up to the choice after the drop.
        run.call.reconnecting = false
        for effect in option.effects { effect.apply(to: &run.variables) }
        if option.once { run.usedOptions.insert(ScenarioRules.optionKey(node: node.id, option: optionIndex)) }
        run.path.append(
            ScenarioStep(
                node: node.id, option: optionIndex, text: option.text, feedback: option.feedback, quality: option.quality, timedOut: timedOut))
        run.transcript.append(TranscriptEntry(kind: .learner, text: option.text, timedOut: timedOut ? true : nil))
        go(to: option.target, &run, scenario, missing: "the option leads to '\(option.target)', which does not exist")
        return true
    }

    /// The response timer ran out: takes the timer's default option (or, when that one is
    /// not offered now, the first option offered). False when there is no timer here.
    @discardableResult
    public static func timeout(_ run: inout ScenarioRun, _ scenario: Scenario) -> Bool {
        guard let pick = timeoutOption(run, scenario) else { return false }
        return choose(&run, scenario, optionIndex: pick, timedOut: true)
    }

    /// The option (an index into the choice's `options`) the response timer will take when
    /// it runs out: its default, or the first option offered when the default is not
    /// offered now. nil when there is no timer here.
    public static func timeoutOption(_ run: ScenarioRun, _ scenario: Scenario) -> Int? {
        guard let timer = timer(run, scenario) else { return nil }
        let offered = availableOptions(run, scenario)
        return offered.contains(timer.defaultOption) ? timer.defaultOption : offered.first
    }

    /// The response timer of the choice the run waits at, if it has one.
    public static func timer(_ run: ScenarioRun, _ scenario: Scenario) -> ResponseTimer? {
        guard run.isWaiting, let node = scenario.node(run.current), case .choice(let choice) = node.kind else { return nil }
        return choice.timer
    }

    /// A run replayed from the start with the same seed, with the learner's first
    /// `choicePointIndex` choices made again: the run stands at that choice point.
    /// nil when the index is beyond the path or the path no longer fits the scenario.
    public static func restart(_ run: ScenarioRun, _ scenario: Scenario, from choicePointIndex: Int) -> ScenarioRun? {
        guard choicePointIndex >= 0, choicePointIndex <= run.path.count else { return nil }
        var replay = start(scenario, seed: run.seed)
        for step in run.path.prefix(choicePointIndex) {
            guard replay.current == step.node, choose(&replay, scenario, optionIndex: step.option, timedOut: step.timedOut) else { return nil }
        }
        replay.elapsedSeconds = 0
        return replay
    }

    /// Adds seconds to the call clock.
    public static func tick(_ run: inout ScenarioRun, seconds: Int) {
        guard seconds > 0, run.outcome == nil else { return }
        run.elapsedSeconds = run.elapsedSeconds.addingReportingOverflow(seconds).overflow ? Int.max : run.elapsedSeconds + seconds
    }

    static func nextTarget(_ node: ScenarioNode, _ run: inout ScenarioRun) -> String? {
        switch node.next {
        case .goto(let id, _)?: return id
        case .conditional(let items)?: return ScenarioRules.conditionalTarget(items, values: run.variables, visits: run.visits)
        case .random(let items)?:
            var generator = SplitMix64(seed: run.seed &+ UInt64(run.randomDraws) &* 0x9E37_79B9_7F4A_7C15)
            run.randomDraws += 1
            return ScenarioRules.randomTarget(items, draw: generator.next(below: ScenarioRules.totalWeight(items)))
        case nil: return nil
        }
    }

    /// Enters a node: counts the visit, applies its effects, writes the transcript, changes the call.
    static func enter(_ id: String, _ run: inout ScenarioRun, _ scenario: Scenario) {
        run.current = id
        guard let node = scenario.node(id) else {
            run.stuck = "the node '\(id)' does not exist"
            return
        }
        run.visits[id, default: 0] += 1
        for effect in node.effects { effect.apply(to: &run.variables) }
        switch node.kind {
        case .say(let speaker, let text):
            run.transcript.append(TranscriptEntry(kind: .say, speaker: speaker, text: text))
        case .narration(let text):
            run.transcript.append(TranscriptEntry(kind: .narration, text: text))
        case .event(let event):
            ScenarioCallEvents.apply(event, to: &run.call)
            run.transcript.append(TranscriptEntry(kind: .event, speaker: event.participant, event: event.kind, text: ScenarioCallEvents.text(event)))
        case .choice:
            break
        case .ending(let ending):
            let score = ScenarioRules.score(scenario, ending: ending, values: run.variables)
            run.outcome = ScenarioOutcome(
                ending: id, title: ending.title, score: score, rating: ending.rating, passed: scenario.passes(ending: id, score: score))
        }
    }
}
