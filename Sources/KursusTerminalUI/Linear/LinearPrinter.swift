import Foundation
import KursusCourse
import KursusEngine
import KursusText

/// One screen of the linear mode as text: `key` names it (a new key means a new screen),
/// `content` is said once when it appears, `fresh` is what became new on it since the last
/// time (the next lesson page, new lines of a conversation), and `prompt` says what to
/// type; it is said again after every typed line.
struct LinearScreen {
    var key: String
    var content: [String] = []
    var fresh: [String] = []
    var prompt: [String] = []
    /// A PIN is typed: read it with echo off, and never show it.
    var secret = false
    /// The fresh lines come before the content (the last lines of a call before its debrief).
    var freshFirst = false
}

/// Decides what to print after each event, and remembers what was printed, so nothing
/// is said twice. Screens are read from the engine's state only.
struct LinearPrinter {
    private(set) var package: CoursePackage
    let context: ScreenContext
    let layout: LinearLayout
    private var lastKey: String?
    /// The settings as last said on the settings screen (nil when it is not showing).
    var settingsShown: LearnerSettings?
    private var lastStartNotice: StartScreen.Notice?
    private var lastPlayerNotice: PlayerState.Notice?
    private var lastCatalogueNotice: CatalogueScreen.Notice?
    private var lastSaveFailure: String?
    private var idleWarned = false
    /// The lesson on screen laid out as plain lines, and how far it has been printed.
    var lesson: (unitID: String, lines: [String])?
    var lessonPrinted = 0
    /// Transcript entries of the scenario on screen already printed, and its unit.
    var transcriptPrinted = 0
    var transcriptUnit: String?

    init(package: CoursePackage, context: ScreenContext, layout: LinearLayout) {
        self.package = package
        self.context = context
        self.layout = layout
    }

    var ascii: Bool { !context.symbols.isUnicode }

    /// The course chosen in the catalogue: its lessons are read from now on.
    mutating func replacePackage(_ package: CoursePackage) {
        self.package = package
        lesson = nil
    }

    /// Lines as printed: cleaned, wrapped at word boundaries to the width (so the terminal
    /// never breaks a word), one line end each.
    func lines(_ lines: [String]) -> String {
        LinearText.printable(lines, ascii: ascii).flatMap { line in
            DisplayWidth.of(line) <= layout.columns ? [line] : WordWrap.lines(line, width: layout.columns)
        }.map { $0 + "\n" }.joined()
    }

    func line(_ text: String) -> String { lines([text]) }

    func echo(_ typed: String) -> String {
        "> " + LinearText.clean(typed, ascii: ascii) + "\n"
    }

    func welcome(_ state: SessionState) -> String {
        line(context.strings(.linearWelcome, ["course": state.course.title]))
    }

    func goodbye(_ state: SessionState) -> String {
        state.configuration.preview ? "" : line(context.strings(.linearGoodbye))
    }

    func expectsSecret(_ state: SessionState) -> Bool {
        screen(state).secret
    }

    /// An input led to events: notices it causes are said even when the same as before
    /// (a second wrong PIN, a second unknown id).
    mutating func inputSent() {
        lastStartNotice = nil
        lastPlayerNotice = nil
        lastCatalogueNotice = nil
        idleWarned = false
    }

    /// What is new since the last call, as text to write.
    mutating func render(_ state: SessionState, repeatPrompt: Bool) -> String {
        var out = notices(state)
        let key = screenKey(state)
        if key != lastKey {
            lesson = lesson?.unitID == lessonID(state) ? lesson : nil
            lessonPrinted = 0
            // The conversation goes on into the debrief and back; another unit starts anew.
            let unit = scenarioID(state)
            if unit == nil || unit != transcriptUnit { transcriptPrinted = 0 }
            transcriptUnit = unit
        }
        var screen = self.screen(state)
        screen.fresh = fresh(state)
        if key != lastKey {
            out += screen.freshFirst ? screen.fresh + screen.content + screen.prompt : screen.content + screen.fresh + screen.prompt
            lastKey = key
        } else if repeatPrompt || !screen.fresh.isEmpty {
            out += screen.fresh + screen.prompt
        }
        return lines(out)
    }

    /// Notices from the start screen, the catalogue and the player, each said once.
    private mutating func notices(_ state: SessionState) -> [String] {
        var out: [String] = []
        switch state.phase {
        case .start(let start):
            if start.notice != lastStartNotice, let notice = start.notice { out.append(StartScreenView.message(notice, context)) }
            lastStartNotice = start.notice
        case .catalogue(_, let catalogue):
            if catalogue.notice != lastCatalogueNotice, let notice = catalogue.notice {
                out.append(CatalogueView.message(notice, context.strings))
            }
            lastCatalogueNotice = catalogue.notice
        case .playing(_, let player):
            if player.notice != lastPlayerNotice, let notice = player.notice {
                if case .locked(_, let reason) = notice {
                    // The unit it waits for by its number in this menu.
                    out.append(context.strings(.noticeLocked, ["requirement": requirement(reason, player, menu: false)]))
                } else if let text = StatusLine.text(player, context) {
                    out.append(text)
                }
            }
            lastPlayerNotice = player.notice
            let failure: String? = if case .failed(let message) = player.saveStatus { message } else { nil }
            if failure != lastSaveFailure, let failure { out.append(context.strings(.saveFailed, ["message": failure])) }
            lastSaveFailure = failure
        }
        return out
    }

    /// The idle lock: a warning as long before it locks as the full screen's countdown
    /// (`SessionState.idleWarningSeconds`: the learner's setting, at most half the lock),
    /// and a line just before it does.
    mutating func idleNotice(_ state: SessionState, now: Date) -> String? {
        guard case .playing = state.phase, !state.configuration.preview, let limit = state.configuration.idleLockSeconds,
            let warning = state.idleWarningSeconds, let last = state.lastActivity
        else { return nil }
        let idle = now.timeIntervalSince(last)
        if idle >= Double(limit) {
            idleWarned = false
            return line(context.strings(.linearIdleLocking))
        }
        if idle >= Double(limit - warning), !idleWarned {
            idleWarned = true
            return line(context.strings(.linearIdleWarning, ["seconds": "\(max(1, Int(Double(limit) - idle)))"]))
        }
        if idle < Double(limit - warning) { idleWarned = false }
        return nil
    }

    /// A lesson's length for the engine, once it is laid out (as the full screen measures it).
    mutating func measure(_ state: SessionState) -> PlayerEvent? {
        guard let player = state.player, case .unit(.lesson(let lessonState)) = player.screen, player.messageBox == nil else { return nil }
        guard let unit = player.course.unit(withID: lessonState.unitID) else { return nil }
        if lesson?.unitID != unit.id {
            do {
                let body = try package.lesson(unit).body
                let markdown = LessonView.withObjectives(body, unit.objectives, heading: context.strings(.readerObjectives))
                lesson = (unit.id, LinearText.markdown(markdown, width: layout.columns, options: context.markdownOptions(width: layout.columns)))
            } catch {
                return .contentUnavailable(unitID: unit.id, message: error.description)
            }
        }
        guard let lesson, lessonState.scroll.lineCount != lesson.lines.count else { return nil }
        return .contentMeasured(unitID: unit.id, lines: lesson.lines.count)
    }

    private func scenarioID(_ state: SessionState) -> String? {
        guard state.player?.messageBox == nil else { return transcriptUnit }
        if case .unit(.scenario(let scenario))? = state.player?.screen { return scenario.unitID }
        return nil
    }

    private func lessonID(_ state: SessionState) -> String? {
        if case .unit(.lesson(let lesson))? = state.player?.screen { return lesson.unitID }
        return nil
    }

}
