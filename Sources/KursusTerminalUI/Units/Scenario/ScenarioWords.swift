import KursusCourse
import KursusEngine
import KursusText

/// Words and marks the scenario screens share: clock, connection bars, event wording,
/// quality marks (a symbol and a word, never colour alone) and transcript lines.
enum ScenarioWords {
    static func clock(_ seconds: Int) -> String {
        let s = max(0, min(seconds, 99 * 3600))
        let hours = s / 3600, minutes = (s % 3600) / 60, rest = s % 60
        let mm = minutes < 10 && hours > 0 ? "0\(minutes)" : "\(minutes)"
        let ss = rest < 10 ? "0\(rest)" : "\(rest)"
        return hours > 0 ? "\(hours):\(mm):\(ss)" : (minutes < 10 ? "0" : "") + "\(minutes):\(ss)"
    }

    static func connection(_ connection: CallSetup.Connection, _ context: ScreenContext) -> String {
        let strength =
            switch connection {
            case .good: 4
            case .weak: 2
            case .unstable: 1
            case .offline: 0
            }
        let full = context.symbols.signalBars
        let bars = (0..<4).map { $0 < strength ? full[$0] : context.symbols.signalNone }.joined()
        let word: String =
            switch connection {
            case .good: context.strings(.scenarioConnectionGood)
            case .weak: context.strings(.scenarioConnectionWeak)
            case .unstable: context.strings(.scenarioConnectionUnstable)
            case .offline: context.strings(.scenarioConnectionOffline)
            }
        return "\(context.strings(.scenarioConnection)) \(bars) \(word)"
    }

    static func warning(_ context: ScreenContext) -> String { context.symbols.warning }

    static func mark(_ quality: ChoiceQuality?, _ context: ScreenContext) -> (mark: String, word: String, style: CellStyle) {
        switch quality {
        case .good?: (context.symbols.completed, context.strings(.scenarioQualityGood), CellStyle(.success, .bold))
        case .poor?: (context.symbols.failed, context.strings(.scenarioQualityPoor), CellStyle(.danger, .bold))
        case .mixed?: (context.symbols.mixed, context.strings(.scenarioQualityMixed), CellStyle(.warning, .bold))
        case nil: (context.symbols.separator, "", .plain)
        }
    }

    /// How the scenario's author rated an ending: "godt", "blandet", "dårligt".
    static func rating(_ rating: ChoiceQuality, _ context: ScreenContext) -> String {
        switch rating {
        case .good: context.strings(.scenarioRatingGood)
        case .mixed: context.strings(.scenarioRatingMixed)
        case .poor: context.strings(.scenarioRatingPoor)
        }
    }

    static func name(_ id: String?, _ scenario: Scenario) -> String {
        guard let id else { return "" }
        return scenario.participant(id)?.name ?? id
    }

    /// The standard wording of an event in the UI language (used when the file gives no text).
    static func event(_ kind: ScenarioEvent.Kind, participant: String, _ context: ScreenContext) -> String {
        let strings = context.strings
        return switch kind {
        case .videoFreeze: strings(.scenarioEventVideoFreeze)
        case .echo: strings(.scenarioEventEcho)
        case .audioLost: strings(.scenarioEventAudioLost)
        case .callDropReconnect: strings(.scenarioEventCallDrop)
        case .poorLighting: strings(.scenarioEventPoorLighting)
        case .badCameraAngle: strings(.scenarioEventBadAngle)
        case .relativeEnters: strings(.scenarioEventRelativeEnters, ["name": participant])
        case .relativeLeaves: strings(.scenarioEventRelativeLeaves, ["name": participant])
        case .measurement: strings(.scenarioMeasurement)
        case .cameraOff: strings(.scenarioEventCameraOff)
        case .cameraOn: strings(.scenarioEventCameraOn)
        case .microphoneOff: strings(.scenarioEventMicOff)
        case .microphoneOn: strings(.scenarioEventMicOn)
        case .connectionRestored: strings(.scenarioEventRestored)
        }
    }

    /// Events that are a problem get a warning mark; the others (a measurement, a relative
    /// coming in, the connection restored) a plain bullet.
    static func isProblem(_ kind: ScenarioEvent.Kind?) -> Bool {
        switch kind {
        case .videoFreeze?, .echo?, .audioLost?, .callDropReconnect?, .poorLighting?, .badCameraAngle?, .cameraOff?, .microphoneOff?: true
        default: false
        }
    }

    /// The transcript as wrapped, styled lines for a width, a blank line between entries
    /// unless `compact` (a box of very few rows shows text in every row).
    static func transcript(_ run: ScenarioRun, _ scenario: Scenario, width: Int, _ context: ScreenContext, compact: Bool = false)
        -> [(String, CellStyle)]
    {
        var lines: [(String, CellStyle)] = []
        for entry in run.transcript {
            let text: String
            var style = CellStyle.plain
            switch entry.kind {
            case .say:
                text = "\(name(entry.speaker, scenario)): \(entry.text)"
            case .narration:
                text = entry.text
                style = CellStyle(.muted, .italic)
            case .event:
                let body = entry.text.isEmpty ? event(entry.event ?? .videoFreeze, participant: name(entry.speaker, scenario), context) : entry.text
                if isProblem(entry.event) {
                    text = "\(warning(context)) \(body)"
                    style = CellStyle(.warning, .bold)
                } else {
                    text = "\(context.symbols.bullet) \(body)"
                    style = CellStyle(.accent, .bold)
                }
            case .learner:
                // A choice the response timer made says so.
                let who = context.strings(.scenarioYou) + (entry.timedOut == true ? " (\(context.strings(.scenarioTimedOut)))" : "")
                text = "\(who): \(entry.text)"
                style = CellStyle(.accent, [])
            }
            if !lines.isEmpty, !compact { lines.append(("", .plain)) }
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: true) {
                for line in WordWrap.lines(String(paragraph), width: max(4, width)) { lines.append((line, style)) }
            }
        }
        return lines
    }

    /// The conversation as the call screen and the full transcript show it: the
    /// transcript, and when the run cannot go on, the reason.
    static func conversation(_ run: ScenarioRun, _ scenario: Scenario, width: Int, _ context: ScreenContext, compact: Bool = false)
        -> [(String, CellStyle)]
    {
        var lines = transcript(run, scenario, width: width, context, compact: compact)
        if let stuck = run.stuck {
            if !compact { lines.append(("", .plain)) }
            for line in WordWrap.lines(context.strings(.scenarioStuck, ["reason": stuck]), width: max(4, width)) {
                lines.append((line, CellStyle(.danger, .bold)))
            }
        }
        return lines
    }
}
