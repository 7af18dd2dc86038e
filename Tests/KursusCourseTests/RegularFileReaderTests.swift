import Foundation
import Testing

@testable import KursusCourse

/// The one reader of whole files: regular files only, checked on the open descriptor,
/// never blocking, never reading past the limit.
@Suite("RegularFileReader")
struct RegularFileReaderTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kursus-reader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Reads on another thread; if it has not returned after 5 s, a writer opens the FIFO
    /// so the blocked open ends, and the test fails instead of hanging.
    func readWithoutHanging(_ url: URL, limit: Int) -> Result<Data, RegularFileReader.Failure>? {
        let done = DispatchSemaphore(value: 0)
        let box = ResultBox()
        Thread.detachNewThread {
            box.set(Result { () throws(RegularFileReader.Failure) in try RegularFileReader.read(url, limit: limit) })
            done.signal()
        }
        if done.wait(timeout: .now() + 5) == .timedOut {
            let writer = open(url.path, O_WRONLY | O_NONBLOCK)
            if writer >= 0 { close(writer) }
            _ = done.wait(timeout: .now() + 5)
            return nil
        }
        return box.value
    }

    @Test("a FIFO is refused at once, named as a named pipe")
    func fifo() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("pipe")
        #expect(mkfifo(url.path, 0o600) == 0)
        let result = readWithoutHanging(url, limit: 100)
        #expect(result != nil, "reading a FIFO blocked")
        #expect(result.map { (try? $0.get()) == nil } == true)
        if case .failure(let failure) = result {
            #expect(failure == .notRegular(kind: "a named pipe (FIFO)"))
            #expect(failure.description.hasPrefix("is not a regular file but a named pipe (FIFO)"))
        }
    }

    @Test("a regular file is read whole; one byte over the limit is refused with its size")
    func limits() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("f.txt")
        try Data("hej æøå\n".utf8).write(to: url)
        #expect(try RegularFileReader.read(url, limit: 11) == Data("hej æøå\n".utf8))
        #expect(throws: RegularFileReader.Failure.tooLarge(size: 11, limit: 10)) { try RegularFileReader.read(url, limit: 10) }
        let empty = folder.appendingPathComponent("empty")
        try Data().write(to: empty)
        #expect(try RegularFileReader.read(empty, limit: 0) == Data())
        // Larger than the first buffer (the size fstat saw) is read whole too.
        let big = folder.appendingPathComponent("big")
        try Data(repeating: 0x61, count: 200_000).write(to: big)
        #expect(try RegularFileReader.read(big, limit: 1 << 20).count == 200_000)
    }

    @Test("missing, folder, symbolic link loop and unreadable files each get their own reason")
    func failures() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RegularFileReader.Failure.notFound) { try RegularFileReader.read(folder.appendingPathComponent("nope"), limit: 9) }
        #expect(throws: RegularFileReader.Failure.notFound) { try RegularFileReader.read(folder.appendingPathComponent("nope/x"), limit: 9) }
        #expect(throws: RegularFileReader.Failure.folder) { try RegularFileReader.read(folder, limit: 9) }
        let loop = folder.appendingPathComponent("loop")
        try FileManager.default.createSymbolicLink(atPath: loop.path, withDestinationPath: "loop")
        #expect(throws: RegularFileReader.Failure.symbolicLinkLoop) { try RegularFileReader.read(loop, limit: 9) }
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        try FileManager.default.createSymbolicLink(atPath: a.path, withDestinationPath: "b")
        try FileManager.default.createSymbolicLink(atPath: b.path, withDestinationPath: "a")
        #expect(throws: RegularFileReader.Failure.symbolicLinkLoop) { try RegularFileReader.read(a, limit: 9) }
        #expect(throws: RegularFileReader.Failure.notRegular(kind: "a device")) {
            try RegularFileReader.read(URL(fileURLWithPath: "/dev/null"), limit: 9)
        }
        if getuid() != 0 {
            let locked = folder.appendingPathComponent("locked")
            try Data("x".utf8).write(to: locked)
            chmod(locked.path, 0)
            #expect(throws: RegularFileReader.Failure.permissionDenied) { try RegularFileReader.read(locked, limit: 9) }
        }
    }
}

private final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Result<Data, RegularFileReader.Failure>?

    func set(_ value: Result<Data, RegularFileReader.Failure>) {
        lock.lock()
        stored = value
        lock.unlock()
    }

    var value: Result<Data, RegularFileReader.Failure>? {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
