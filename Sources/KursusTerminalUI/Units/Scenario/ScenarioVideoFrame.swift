import KursusCourse
import KursusEngine
import KursusMarkdown
import KursusText

/// The simulated video picture: the citizen's portrait, name, the latest measurement,
/// connection, microphone and camera, and banners for what has gone wrong.
enum ScenarioVideoFrame {
    /// Rows the frame needs for a portrait of `portraitLines` (border, name, status).
    static func height(portraitLines: Int) -> Int { max(1, portraitLines) + 5 }
    /// Below this height the frame gives way to a one-line call strip (`drawStrip`).
    static let minimumHeight = 7

    /// The call in one line for a low terminal: who is on the call, what is wrong with
    /// it now (a frozen picture, lost sound, a reconnecting call), the latest measurement,
    /// and the connection, microphone and camera. Cut with an ellipsis.
    static func drawStrip(_ run: ScenarioRun, _ scenario: Scenario, _ context: ScreenContext, x: Int, y: Int, width: Int, into grid: inout Grid) {
        let call = run.call
        var problems: [String] = []
        if call.reconnecting { problems.append(context.strings(.scenarioReconnecting)) }
        if call.frozen { problems.append(context.strings(.scenarioFrozen)) }
        if call.audioLost { problems.append(context.strings(.scenarioAudioLost)) }
        if call.echo { problems.append(context.strings(.scenarioEcho)) }
        if call.poorLighting { problems.append(context.strings(.scenarioPoorLighting)) }
        if call.badAngle { problems.append(context.strings(.scenarioBadAngle)) }
        if !call.camera { problems.append(context.strings(.scenarioCameraOffPicture)) }
        let separator = " \(context.symbols.separator) "
        var parts = [nameLine(scenario, call, context)].filter { !$0.isEmpty }
        if !problems.isEmpty { parts.append("\(ScenarioWords.warning(context)) " + problems.joined(separator: separator)) }
        if let measurement = call.measurement, measurement.count == 2 { parts.append("\(measurement[0]): \(measurement[1])") }
        parts.append(statusLine(call, context))
        let text = DisplayWidth.truncate(parts.joined(separator: separator), toWidth: max(0, width - 2), ellipsis: context.symbols.ellipsis)
        grid.put(text, x: x + 1, y: y, style: problems.isEmpty ? .bold : CellStyle(.warning, .bold), maxWidth: max(0, width - 2))
    }

    static func statusLine(_ call: CallState, _ context: ScreenContext) -> String {
        [
            ScenarioWords.connection(call.reconnecting ? .offline : call.connection, context),
            context.strings(call.microphone && !call.audioLost ? .scenarioMicOn : .scenarioMicOff),
            context.strings(call.camera ? .scenarioCamOn : .scenarioCamOff),
        ].joined(separator: "  ")
    }

    static func draw(
        _ run: ScenarioRun, _ scenario: Scenario, portraits: [String: [String]], _ context: ScreenContext,
        x: Int, y: Int, width: Int, height: Int, into grid: inout Grid
    ) {
        guard width >= 12, height >= 5 else { return }
        Frame.draw(x: x, y: y, width: width, height: height, title: context.strings(.scenarioCallFrame), context.symbols, into: &grid)
        let inner = width - 4
        let left = x + 2
        let call = run.call
        let citizen = scenario.citizen
        // Rows inside the border: picture rows, then measurement (optional), name, status.
        let infoRows = call.measurement == nil ? 2 : 3
        let pictureTop = y + 1
        let pictureRows = max(0, height - 2 - infoRows)
        var picture = citizen.flatMap { portraits[$0.id] } ?? []
        // Relatives who came into the picture stand beside the citizen when there is room.
        let companions = call.present.compactMap { portraits[$0] }
        if !companions.isEmpty {
            let together = sideBySide([picture] + companions, gap: 3)
            if (together.map { DisplayWidth.of($0) }.max() ?? 0) <= inner { picture = together }
        }
        if call.badAngle { picture = picture.dropFirst(min(2, max(0, picture.count - 1))).map { String(repeating: " ", count: inner / 4) + $0 } }
        // A portrait taller than the frame keeps its middle rows (the face), not its top.
        if picture.count > pictureRows { picture = Array(picture.dropFirst((picture.count - pictureRows) / 2).prefix(pictureRows)) }
        let pictureStyle = call.poorLighting ? CellStyle(.muted, .dim) : CellStyle(.normal, [])
        if call.reconnecting {
            banner(
                context.strings(.scenarioReconnecting), row: pictureTop + pictureRows / 2, left: left, inner: inner,
                style: CellStyle(.warning, [.bold, .reverse]), into: &grid)
        } else if !call.camera {
            centered(
                context.strings(.scenarioCameraOffPicture), row: pictureTop + pictureRows / 2, left: left, inner: inner, style: .muted, into: &grid)
        } else {
            let offset = max(0, (pictureRows - picture.count) / 2)
            let pictureWidth = picture.map { DisplayWidth.of($0) }.max() ?? 0
            let pictureLeft = left + max(0, (inner - pictureWidth) / 2)
            for (i, line) in picture.prefix(pictureRows).enumerated() {
                grid.put(line, x: pictureLeft, y: pictureTop + offset + i, style: pictureStyle, maxWidth: left + inner - pictureLeft)
            }
            if call.frozen {
                let band = " \(context.strings(.scenarioFrozen)) "
                banner(band, row: pictureTop + pictureRows / 2, left: left, inner: inner, style: CellStyle(.banner, [.bold, .reverse]), into: &grid)
            }
        }
        // Sound problems and picture quality as a banner on the top picture row.
        var notes: [String] = []
        if call.audioLost { notes.append(context.strings(.scenarioAudioLost)) }
        if call.echo { notes.append(context.strings(.scenarioEcho)) }
        if call.poorLighting { notes.append(context.strings(.scenarioPoorLighting)) }
        if call.badAngle { notes.append(context.strings(.scenarioBadAngle)) }
        if !notes.isEmpty, pictureRows > 0 {
            let text = "\(ScenarioWords.warning(context)) " + notes.joined(separator: " \(context.symbols.separator) ")
            grid.fill(x: left, y: pictureTop, width: inner, style: .plain)
            grid.put(text, x: left, y: pictureTop, style: CellStyle(.warning, [.bold, .reverse]), maxWidth: inner)
        }
        var row = y + height - 1 - infoRows
        if let measurement = call.measurement, measurement.count == 2 {
            grid.put("\(measurement[0]): \(measurement[1])", x: left, y: row, style: CellStyle(.accent, .bold), maxWidth: inner)
            row += 1
        }
        grid.put(nameLine(scenario, call, context), x: left, y: row, style: .bold, maxWidth: inner)
        row += 1
        grid.put(statusLine(call, context), x: left, y: row, style: .muted, maxWidth: inner)
    }

    /// Pictures next to each other, each padded to its own width, aligned at the bottom.
    static func sideBySide(_ pictures: [[String]], gap: Int) -> [String] {
        let height = pictures.map(\.count).max() ?? 0
        var rows = [String](repeating: "", count: height)
        for (index, picture) in pictures.enumerated() {
            let width = picture.map { DisplayWidth.of($0) }.max() ?? 0
            let top = height - picture.count
            for row in 0..<height {
                let line = row >= top ? picture[row - top] : ""
                let padded = line + String(repeating: " ", count: max(0, width - DisplayWidth.of(line)))
                rows[row] += (index == 0 ? "" : String(repeating: " ", count: gap)) + padded
            }
        }
        return rows.map { line in
            var trimmed = line
            while trimmed.hasSuffix(" ") { trimmed.removeLast() }
            return trimmed
        }
    }

    static func nameLine(_ scenario: Scenario, _ call: CallState, _ context: ScreenContext) -> String {
        guard let citizen = scenario.citizen else { return "" }
        var text = citizen.name + (citizen.age.map { ", \($0)" } ?? "")
        if let description = citizen.description, !description.isEmpty { text += " \(context.symbols.separator) \(description)" }
        for id in call.present { text += " + \(ScenarioWords.name(id, scenario))" }
        return text
    }

    static func banner(_ text: String, row: Int, left: Int, inner: Int, style: CellStyle, into grid: inout Grid) {
        grid.fill(x: left, y: row, width: inner, style: style)
        centered(text, row: row, left: left, inner: inner, style: style, into: &grid)
    }

    static func centered(_ text: String, row: Int, left: Int, inner: Int, style: CellStyle, into grid: inout Grid) {
        let width = min(inner, DisplayWidth.of(text))
        grid.put(text, x: left + max(0, (inner - width) / 2), y: row, style: style, maxWidth: inner)
    }
}
