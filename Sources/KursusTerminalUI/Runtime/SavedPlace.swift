import KursusCourse
import KursusEngine

/// How far saved progress goes, in the learner's words: "unit 1.2 (Lille quiz), question
/// 33" when the bookmark is in a quiz attempt with answers, "unit 1.2 (Lille quiz)"
/// otherwise, "the start of the course" with no bookmark. Said when answers were lost
/// (the next start's notice, and standard error after quitting anyway).
enum SavedPlace {
    static func describe(_ progress: LearnerProgress, _ course: Course, _ strings: UIStrings) -> String {
        guard let bookmark = progress.bookmark, let unit = course.unit(withID: bookmark.unitID) else { return strings(.progressPlaceStart) }
        let number = StatusLine.unitNumber(unit.id, in: course)
        if let attempt = progress.record(unit.id)?.quiz?.attempts.last, !attempt.isFinished, attempt.current > 0 {
            return strings(.progressPlaceQuestion, ["number": number, "title": unit.title, "question": "\(attempt.current)"])
        }
        return strings(.progressPlaceUnit, ["number": number, "title": unit.title])
    }
}
