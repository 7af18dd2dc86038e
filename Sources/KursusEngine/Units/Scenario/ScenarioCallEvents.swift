import KursusCourse

/// How events change the video frame. Problems stay until they are cleared:
/// `connection-restored` clears every technical problem, `camera-on`/`microphone-on`
/// their own, and a `call-drop-reconnect` clears a frozen picture and lost sound. The
/// reconnecting itself shows until the learner's next choice (`ScenarioMachine.choose`).
enum ScenarioCallEvents {
    static func apply(_ event: ScenarioEvent, to call: inout CallState) {
        switch event.kind {
        case .videoFreeze: call.frozen = true
        case .echo: call.echo = true
        case .audioLost: call.audioLost = true
        case .callDropReconnect:
            call.reconnecting = true
            call.frozen = false
            call.audioLost = false
        case .poorLighting: call.poorLighting = true
        case .badCameraAngle: call.badAngle = true
        case .relativeEnters:
            if let id = event.participant, !call.present.contains(id) { call.present.append(id) }
        case .relativeLeaves:
            call.present.removeAll { $0 == event.participant }
        case .measurement:
            call.measurement = [event.label ?? "", event.value ?? ""]
        case .cameraOff: call.camera = false
        case .cameraOn: call.camera = true
        case .microphoneOff: call.microphone = false
        case .microphoneOn: call.microphone = true
        case .connectionRestored:
            call.frozen = false
            call.audioLost = false
            call.echo = false
            call.reconnecting = false
            call.poorLighting = false
            call.badAngle = false
            if call.connection == .offline { call.connection = .weak }
        }
    }

    /// The transcript line: the event's own text, else for a measurement "label: value",
    /// else empty (the screen shows the event's standard wording in the UI language).
    static func text(_ event: ScenarioEvent) -> String {
        if let text = event.text, !text.isEmpty { return text }
        if event.kind == .measurement { return "\(event.label ?? ""): \(event.value ?? "")" }
        return ""
    }
}
