import Foundation
import KursusEngine

extension ProgressStore {
    /// A learner's saved progress in `course` as it is on disk, read only: nothing is
    /// locked, repaired, converted or written (the course catalogue shows figures from it
    /// before the learner opens a course). A missing file falls back to its backup, as
    /// loading does; nil when nothing was saved. A damaged file throws `.corrupt`, and
    /// loading the course later repairs it.
    public func peek(learner: String, course: String) throws(ProgressError) -> LearnerProgress? {
        let files = try files(learner: learner, course: course)
        for file in [files.main, files.backup] {
            switch try files.examine(file) {
            case .document(let document, _): return document.progress
            case .corrupt(let reason): throw .corrupt(path: file.path, reason: reason)
            case .missing: continue
            }
        }
        return nil
    }
}
