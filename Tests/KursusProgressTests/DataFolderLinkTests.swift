import Foundation
import KursusEngine
import Testing
@testable import KursusProgress

/// Issue 16: where `learners/`, `learners/<id>/` or `…/progress/` was a symbolic link to a
/// folder outside the data directory, progress, the lock and the profile were written
/// there and the outside folder's mode was changed to 0700. Links inside the data
/// directory are refused now; the data directory itself may be a link.
@Suite("Symbolic links inside the data directory are refused")
struct DataFolderLinkTests {
    enum Place: String, CaseIterable {
        case learners = "learners"
        case learner = "learners/anna"
        case progress = "learners/anna/progress"
    }

    /// A data directory whose `place` is a link to an outside folder (mode 0755, one file).
    struct Setup {
        let root = ProgressTestSupport.temporaryFolder("links")
        var data: URL { root.appendingPathComponent("data") }
        var outside: URL { root.appendingPathComponent("outside") }

        init(_ place: Place) throws {
            let manager = FileManager.default
            try manager.createDirectory(at: outside, withIntermediateDirectories: true)
            chmod(outside.path, 0o755)
            try Data("mine".utf8).write(to: outside.appendingPathComponent("own.txt"))
            let link = data.appendingPathComponent(place.rawValue)
            try manager.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
            try manager.createSymbolicLink(atPath: link.path, withDestinationPath: outside.path)
        }

        /// The outside folder as it was: its one file, mode 0755.
        func outsideUntouched(sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(ProgressTestSupport.files(in: outside) == ["own.txt"], sourceLocation: sourceLocation)
            var info = stat()
            #expect(
                stat(outside.path, &info) == 0 && info.st_mode & 0o777 == 0o755, "mode \(String(info.st_mode & 0o777, radix: 8))",
                sourceLocation: sourceLocation)
        }
    }

    func refused(_ error: any Error, naming place: Place, in setup: Setup) -> Bool {
        let text = "\(error)"
        return text.contains(setup.data.appendingPathComponent(place.rawValue).standardizedFileURL.path) && text.contains("symbolic link")
    }

    @Test("saving progress is refused, naming the link; nothing is written or chmodded outside", arguments: Place.allCases)
    func save(place: Place) throws {
        let setup = try Setup(place)
        defer { try? FileManager.default.removeItem(at: setup.root) }
        let store = ProgressStore(dataDirectory: setup.data)
        #expect {
            try store.save(ProgressTestSupport.richProgress(), learner: "anna", course: "k", courseVersion: "1")
        } throws: { refused($0, naming: place, in: setup) }
        #expect {
            _ = try store.load(learner: "anna", courseID: "k")
        } throws: { refused($0, naming: place, in: setup) }
        if place != .progress {
            #expect {
                _ = try OutboxJournal(dataDirectory: setup.data, learner: "anna").append([OutboxStatement(id: "1", json: "{}")])
            } throws: { refused($0, naming: place, in: setup) }
        }
        setup.outsideUntouched()
    }

    @Test("the learner's lock and profile are refused too, when the link is on their way", arguments: [Place.learners, .learner])
    func lockAndProfile(place: Place) throws {
        let setup = try Setup(place)
        defer { try? FileManager.default.removeItem(at: setup.root) }
        #expect {
            _ = try LearnerLock.acquire(dataDirectory: setup.data, learner: "anna")
        } throws: { refused($0, naming: place, in: setup) }
        #expect {
            _ = try LearnerRegistry(dataDirectory: setup.data).ensure(id: "anna", now: ProgressTestSupport.fixedDate)
        } throws: { refused($0, naming: place, in: setup) }
        setup.outsideUntouched()
    }

    @Test("the data directory itself may be a link: saving through it works")
    func linkedRoot() throws {
        let root = ProgressTestSupport.temporaryFolder("linked-root")
        defer { try? FileManager.default.removeItem(at: root) }
        let real = root.appendingPathComponent("real")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        let data = root.appendingPathComponent("data")
        try FileManager.default.createSymbolicLink(atPath: data.path, withDestinationPath: real.path)
        let lock = try LearnerLock.acquire(dataDirectory: data, learner: "anna")
        defer { lock.release() }
        try ProgressStore(dataDirectory: data).save(ProgressTestSupport.richProgress(), learner: "anna", course: "k", courseVersion: "1")
        #expect(ProgressTestSupport.files(in: real.appendingPathComponent("learners/anna/progress")) == ["k.json"])
    }
}
