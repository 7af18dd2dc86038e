import Foundation

/// A local record store on a trainer's machine: statements imported from transfer files,
/// each id once, kept until a sync forwards them to an LRS (`kursus sync --store`).
/// Default folder `<data-dir>/records`. Conforms to `StatementQueue` like an outbox.
///
/// Layout in `RecordStoreLayout`, catalog in `RecordStoreCatalog`, segments in
/// `RecordSegment`. An open store holds an flock on `<store>/.lock`, so one import or
/// sync uses it at a time; `forEachStatement(in:)` reads without the lock (segments never
/// change and the catalog is replaced atomically). Memory holds the ids (with 64-bit
/// fingerprints while importing) and the marks; statements are streamed.
public final class RecordStore: StatementQueue, @unchecked Sendable {
    public let url: URL
    public var name: String { url.path }

    let folder: SafeDirectory
    let segments: SafeDirectory
    var catalog: RecordStoreCatalog
    /// Every id in the store with its fingerprint, loaded at the first import.
    var index: [UUID: UInt64]?
    private var lockFile: OpenFile?
    private var log: DeliveryLog
    private var cursor: RecordSegment.Position?
    let mutex = NSLock()

    private init(url: URL, folder: SafeDirectory, segments: SafeDirectory, catalog: RecordStoreCatalog, lockFile: OpenFile, log: DeliveryLog) {
        self.url = url
        self.folder = folder
        self.segments = segments
        self.catalog = catalog
        self.lockFile = lockFile
        self.log = log
    }

    /// Opens the store in `url`, creating it (folder 0700) when the folder is new or
    /// empty. The folder itself may not be a symbolic link. A folder with other files and no `store.json` is refused (`.notAStore`);
    /// a store another Kursus has open is `.busy`.
    public static func open(_ url: URL) throws(RecordStoreError) -> RecordStore {
        do {
            // The store's own folder is reached like any folder in it: a link is refused.
            let folder = try SafeDirectory.open(url.deletingLastPathComponent(), create: true).subdirectory(url.lastPathComponent, create: true)
            if try RecordStoreCatalog.load(folder) == nil,
                try !folder.names().allSatisfy({ [RecordStoreLayout.lockName, RecordStoreLayout.segmentsFolder].contains($0) })
            {
                throw RecordStoreError.notAStore(path: url.path)
            }
            let lockFile = try folder.openForWriting(RecordStoreLayout.lockName, append: false)
            do {
                try lockFile.lockExclusively(wait: false, holder: "another Kursus")
            } catch {
                if case .busy = error { throw RecordStoreError.busy(path: url.path) }
                throw error
            }
            // Read again under the lock: another import may have made the store meanwhile.
            var catalog = try RecordStoreCatalog.load(folder)
            if catalog == nil {
                catalog = RecordStoreCatalog()
                try catalog?.save(to: folder)
            }
            let segments = try folder.subdirectory(RecordStoreLayout.segmentsFolder, create: true)
            return RecordStore(
                url: url, folder: folder, segments: segments, catalog: catalog ?? RecordStoreCatalog(), lockFile: lockFile,
                log: try DeliveryLog(folder: folder)
            )
        } catch let error as RecordStoreError {
            throw error
        } catch let error as RecordFileError {
            throw .file(error)
        } catch {
            throw .file(.unreadable(path: url.path, reason: "\(error)"))
        }
    }

    deinit { close() }

    /// Gives up the lock; the store refuses changes afterwards.
    public func close() {
        mutex.lock()
        defer { mutex.unlock() }
        lockFile = nil
    }

    /// Statements in the store.
    public var statementCount: Int {
        mutex.lock()
        defer { mutex.unlock() }
        return catalog.statementCount
    }

    /// Statements delivered, and those rejected with their reasons.
    public var marks: (sent: Int, rejected: [Rejection]) {
        mutex.lock()
        defer { mutex.unlock() }
        return (log.delivered.count, log.rejectionList)
    }

    func checkOpen() throws(RecordStoreError) {
        guard lockFile != nil else { throw .closed(path: url.path) }
    }

    // MARK: StatementQueue

    public func pending(limit: Int) throws(RecordStoreError) -> [PendingStatement] {
        mutex.lock()
        defer { mutex.unlock() }
        try checkOpen()
        guard limit > 0 else { return [] }
        var position = cursor ?? RecordSegment.Position(segment: 0)
        var found: [PendingStatement] = []
        var firstPending: RecordSegment.Position?
        while position.segment < catalog.segments.count, found.count < limit {
            let reader = try RecordSegment.Reader(folder: segments, number: catalog.segments[position.segment].number, at: position)
            while found.count < limit {
                let before = reader.position
                guard let (id, _, json) = try reader.next() else { break }
                if log.isHandled(id) { continue }
                if firstPending == nil { firstPending = before }
                found.append(PendingStatement(id: StatementLine.string(id), json: json))
            }
            if found.count < limit { position = RecordSegment.Position(segment: position.segment + 1) }
        }
        cursor = firstPending ?? position
        return found
    }

    public func markDelivered(_ ids: [String], at time: Date) throws(RecordStoreError) {
        mutex.lock()
        defer { mutex.unlock() }
        try checkOpen()
        do { try log.appendDelivered(ids, at: time, in: folder) } catch { throw .file(error) }
    }

    public func markRejected(_ id: String, status: Int, reason: String, at time: Date) throws(RecordStoreError) {
        mutex.lock()
        defer { mutex.unlock() }
        try checkOpen()
        do { try log.appendRejected(id, status: status, reason: reason, at: time, in: folder) } catch { throw .file(error) }
    }

    // MARK: Reading everything

    /// Streams every statement of the store at `url`, in import order, without taking
    /// the lock and with memory bounded by one statement. For reports over millions of
    /// statements. Errors thrown by `body` stop the reading and come out unchanged.
    public static func forEachStatement(in url: URL, _ body: (PendingStatement) throws -> Void) throws {
        let folder: SafeDirectory
        do {
            folder = try SafeDirectory.open(url.deletingLastPathComponent()).subdirectory(url.lastPathComponent, create: false)
        } catch {
            throw RecordStoreError.file(error)
        }
        guard let catalog = try RecordStoreCatalog.load(folder) else {
            throw RecordStoreError.file(.missing(path: folder.pathOf(RecordStoreLayout.catalogName)))
        }
        let segments: SafeDirectory
        do { segments = try folder.subdirectory(RecordStoreLayout.segmentsFolder, create: false) } catch { throw RecordStoreError.file(error) }
        for (place, segment) in catalog.segments.enumerated() {
            let reader = try RecordSegment.Reader(folder: segments, number: segment.number, at: .init(segment: place))
            var count = 0
            while let (id, _, json) = try reader.next() {
                count += 1
                try body(PendingStatement(id: StatementLine.string(id), json: json))
            }
            try checkCount(count, of: segment, in: segments)
        }
    }

    static func checkCount(_ count: Int, of segment: RecordStoreCatalog.Segment, in segments: SafeDirectory) throws(RecordStoreError) {
        guard count == segment.statements else {
            throw .damaged(
                path: segments.pathOf(RecordSegment.statementsName(segment.number)),
                reason: "it holds \(count) statements, store.json says \(segment.statements)"
            )
        }
    }
}
