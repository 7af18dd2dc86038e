import Foundation
import Testing

/// Kills a real saving process (`kursus save-loop`) with SIGKILL at random moments and
/// checks after every kill that the progress file and its backup are sound and hold at
/// least the last state the process acknowledged as durably saved.
@Suite("Crash safety of progress saving", .serialized)
struct CrashTests {
    static let states = 200

    /// SplitMix64: small, seedable, the same sequence on every platform.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A started `kursus` whose output goes to files in `folder`.
    struct Child {
        var pid: pid_t
        var stdout: URL
        var stderr: URL

        static func start(_ arguments: [String], in folder: URL, name: String) throws -> Child {
            let executable = try KursusBinary.url
            let child = Child(pid: 0, stdout: folder.appendingPathComponent("\(name).out"), stderr: folder.appendingPathComponent("\(name).err"))
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 1, child.stdout.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_addopen(&actions, 2, child.stderr.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let spawned = posix_spawn(&pid, executable.path, &actions, nil, argv, environ)
            guard spawned == 0 else { throw KursusBinary.CommandError("cannot start \(executable.path): error \(spawned)") }
            return Child(pid: pid, stdout: child.stdout, stderr: child.stderr)
        }

        /// Exit status, or 128 + the signal that ended it.
        func wait() throws -> Int32 {
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 {
                guard errno == EINTR else { throw KursusBinary.CommandError("waitpid failed for \(pid)") }
            }
            return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        }

        /// Complete lines of standard output (a line cut by the kill is ignored).
        var lines: [String] {
            let text = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
            return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        }

        func numbers(after word: String) -> [Int] {
            lines.compactMap { line in line.hasPrefix(word + " ") ? Int(line.dropFirst(word.count + 1)) : nil }
        }

        var errors: String { (try? String(contentsOf: stderr, encoding: .utf8)) ?? "" }
    }

    /// The bookmark scroll (the state number) in a progress file, or a failure message.
    static func savedState(_ url: URL) -> Result<Int, KursusBinary.CommandError> {
        guard let data = try? Data(contentsOf: url) else { return .failure(.init("\(url.lastPathComponent) is missing")) }
        guard let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            json["schema"] as? String == "kursus-progress", json["schemaVersion"] as? Int == 4,
            json["units"] is [String: Any],
            let bookmark = json["bookmark"] as? [String: Any], let scroll = bookmark["scroll"] as? Int
        else {
            return .failure(.init("\(url.lastPathComponent) is not a sound progress document: \(String(decoding: data.prefix(200), as: UTF8.self))"))
        }
        return .success(scroll)
    }

    /// The states whose statements the outbox journal holds, in order, and the states whose
    /// statements the progress file still carries for it. Fails on a line that is not
    /// whole (but the last) or a statement that appears twice.
    static func outbox(_ journal: URL, progress: URL) -> Result<(journal: [Int], pending: [Int]), KursusBinary.CommandError> {
        let text = (try? String(contentsOf: journal, encoding: .utf8)) ?? ""
        var lines = text.components(separatedBy: "\n")
        lines.removeLast()  // after the last newline: empty, or a torn line a crash left
        var states: [Int] = []
        for line in lines {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], let state = object["state"] as? Int else {
                return .failure(.init("a damaged journal line: \(line.prefix(100))"))
            }
            states.append(state)
        }
        guard Set(states).count == states.count else { return .failure(.init("a statement is in the journal twice: \(states)")) }
        let document = (try? Data(contentsOf: progress)).flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: Any] }
        let pending = ((document?["outbox"] as? [[String: Any]]) ?? []).compactMap { entry -> Int? in
            (entry["json"] as? String).flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }?["state"] as? Int
        }
        return .success((states, pending))
    }

    func saveLoop(_ data: URL, learner: String, count: Int, pause: Int) -> [String] {
        ["save-loop", "--data-dir", data.path, "--learner", learner, "--course", "k", "--count", String(count), "--pause-ms", String(pause)]
    }

    @Test("SIGKILL at random moments never loses an acknowledged save or leaves a damaged file")
    func killWhileSaving() throws {
        let seed = ProcessInfo.processInfo.environment["KURSUS_CRASH_SEED"].flatMap { UInt64($0) } ?? 20_260_314
        print("CrashTests: seed \(seed) (set KURSUS_CRASH_SEED to repeat another run)")
        var random = SeededGenerator(state: seed)
        let folder = try KursusBinary.temporaryFolder("crash")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let progress = data.appendingPathComponent("learners/anna/progress")
        let main = progress.appendingPathComponent("k.json")
        let backup = progress.appendingPathComponent("k.json.bak")
        let journal = data.appendingPathComponent("learners/anna/outbox/statements.jsonl")

        var confirmed = -1  // the highest state acknowledged by any run so far
        var known = -1  // the highest state known to be saved (acknowledged, or found by a later run)
        var acknowledged = 0
        var kills = 0
        var log: [String] = []
        let runs = Int.random(in: 12...18, using: &random)
        for run in 0..<runs {
            // Half the runs save back to back (a kill lands inside load or save code);
            // the others pause between saves so the kills spread over more states.
            let busy = Bool.random(using: &random)
            let delay = busy ? Int.random(in: 0...40, using: &random) : Int.random(in: 0...300, using: &random)
            let child = try Child.start(saveLoop(data, learner: "anna", count: Self.states, pause: busy ? 0 : 8), in: folder, name: "run-\(run)")
            usleep(UInt32(delay) * 1000)
            kill(child.pid, SIGKILL)
            let status = try child.wait()
            let acks = child.numbers(after: "ack")
            let context = "seed \(seed), run \(run), killed after \(delay) ms, acks \(acks.first ?? -1)…\(acks.last ?? -1), stderr: \(child.errors)"
            #expect(status == 128 + SIGKILL || status == 0, "\(context)")
            if status == 128 + SIGKILL { kills += 1 }
            if let start = child.numbers(after: "start").first {
                // Each run may have saved one state it was killed before acknowledging.
                #expect(start >= known + 1 && start <= known + 2, "a run resumes after the last saved state, \(known) or one more (\(context))")
                known = start - 1
            }
            #expect(acks == Array(acks.indices.map { (acks.first ?? 0) + $0 }), "acks are consecutive (\(context))")
            acknowledged += acks.count
            log.append("\(busy ? "busy" : "paced")/\(delay)ms:\(acks.isEmpty ? "-" : "\(acks[0])…\(acks[acks.count - 1])")")
            confirmed = max(confirmed, acks.last ?? confirmed)
            known = max(known, confirmed)
            guard known >= 0 else { continue }
            switch Self.savedState(main) {
            case .success(let state):
                #expect(state >= known && state < Self.states, "file holds \(state), last ack \(confirmed), known saved \(known) (\(context))")
            case .failure(let problem):
                Issue.record("\(problem.description) (\(context))")
            }
            if FileManager.default.fileExists(atPath: backup.path) {
                switch Self.savedState(backup) {
                case .success(let state): #expect(state >= known - 1, "backup holds \(state), known saved \(known) (\(context))")
                case .failure(let problem): Issue.record("\(problem.description) (\(context))")
                }
            }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: progress.path)) ?? []
            #expect(!names.contains { $0.contains("corrupt") }, "no damaged file was ever found: \(names) (\(context))")
            // Outbox and progress agree: every saved state's statement is in the journal or
            // still carried by the progress file, and the journal holds no state not saved.
            switch Self.outbox(journal, progress: main) {
            case .success(let (journaled, pending)):
                let saved = (try? Self.savedState(main).get()) ?? -1
                let expected = saved < 0 ? Set<Int>() : Set(0...saved)
                let found = Set(journaled + pending)
                #expect(
                    found == expected,
                    "missing \(expected.subtracting(found).sorted()), not saved \(found.subtracting(expected).sorted()); saved state \(saved) (\(context))"
                )
                #expect(journaled == journaled.sorted(), "the journal is in order (\(context))")
            case .failure(let problem):
                Issue.record("\(problem.description) (\(context))")
            }
            if status == 0 { break }
        }

        // A last run finishes the remaining states and cleans up after the killed ones.
        let last = try Child.start(saveLoop(data, learner: "anna", count: Self.states, pause: 0), in: folder, name: "final")
        #expect(try last.wait() == 0, "\(last.errors)")
        acknowledged += last.numbers(after: "ack").count
        #expect((try? Self.savedState(main).get()) == Self.states - 1)
        #expect((try? Self.savedState(backup).get()) == Self.states - 2)
        let leftovers = (try FileManager.default.contentsOfDirectory(atPath: progress.path)).sorted()
        #expect(leftovers == ["k.json", "k.json.bak"], "\(leftovers)")
        let finalOutbox = try Self.outbox(journal, progress: main).get()
        #expect(finalOutbox.journal == Array(0..<Self.states), "every statement reached the journal once, in order")
        // The last save's statements stay in the progress file until the next save; they
        // are in the journal already, so a later load appends nothing twice.
        #expect(Set(finalOutbox.pending).isSubset(of: finalOutbox.journal), "\(finalOutbox.pending)")
        print(
            "CrashTests: seed \(seed), \(kills) kills in \(runs) runs, \(acknowledged) of \(Self.states) states acknowledged; runs: \(log.joined(separator: " "))"
        )
        #expect(kills >= 10, "seed \(seed): most runs were killed while working")
        #expect(acknowledged >= Self.states - kills, "seed \(seed): the runs covered the states (a kill may fall between a save and its ack)")
    }

    @Test("a second process for the same learner is refused; another learner saves at the same time")
    func oneWriterPerLearner() throws {
        let folder = try KursusBinary.temporaryFolder("busy")
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data")
        let first = try Child.start(saveLoop(data, learner: "anna", count: 1_000_000, pause: 20), in: folder, name: "first")
        defer {
            kill(first.pid, SIGKILL)
            _ = try? first.wait()
        }
        let deadline = Date().addingTimeInterval(10)
        while first.numbers(after: "ack").isEmpty, Date() < deadline { usleep(10_000) }
        #expect(!first.numbers(after: "ack").isEmpty, "\(first.errors)")

        let second = try KursusBinary.run(saveLoop(data, learner: "anna", count: 3, pause: 0))
        #expect(second.status != 0)
        #expect(second.stderr.contains("learner 'anna' is already playing in another window or session"), "\(second.stderr)")
        #expect(!second.stdout.contains("ack"))

        let other = try KursusBinary.run(saveLoop(data, learner: "bo", count: 3, pause: 0))
        #expect(other.status == 0, "\(other.stderr)")
        #expect(other.stdout == "start 0\nack 0\nack 1\nack 2\n")
    }
}
