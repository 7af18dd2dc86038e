import Foundation

/// What became of statements, kept beside them in two append-only files:
/// - `sent.jsonl`: `{"at":"2026-03-14T09:15:02Z","id":"<uuid>"}` per delivered statement;
/// - `rejected.jsonl`: `{"at":…,"id":…,"reason":"…","status":400}` per refused one.
///
/// Every append is fsynced before the call returns, so a mark is durable once made. A
/// torn last line (a crash during an append) is ignored when reading and cut off before
/// the next append; only the holder of the queue's lock appends. A statement both sent
/// and rejected counts as sent.
final class DeliveryLog {
    static let sentName = "sent.jsonl"
    static let rejectedName = "rejected.jsonl"
    /// The longest reason kept from an LRS answer.
    static let maximumReasonLength = 1000
    static let maximumLineLength = 64 * 1024

    struct SentLine: Codable { var at: Date; var id: String }
    struct RejectedLine: Codable { var at: Date; var id: String; var reason: String; var status: Int }

    private(set) var delivered: Set<UUID> = []
    private(set) var rejections: [UUID: Rejection] = [:]
    private(set) var damaged: [DamagedLine] = []

    /// Reads both files of `folder` (missing files are empty).
    init(folder: SafeDirectory) throws(RecordFileError) {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        try read(folder, Self.sentName) { line in
            let sent = try decoder.decode(SentLine.self, from: line)
            guard let id = StatementLine.uuid(sent.id) else { return "\"id\" is not a lowercase UUID" }
            delivered.insert(id)
            return nil
        }
        try read(folder, Self.rejectedName) { line in
            let rejected = try decoder.decode(RejectedLine.self, from: line)
            guard let id = StatementLine.uuid(rejected.id) else { return "\"id\" is not a lowercase UUID" }
            rejections[id] = Rejection(id: rejected.id, status: rejected.status, reason: rejected.reason, at: rejected.at)
            return nil
        }
        for id in delivered { rejections[id] = nil }
    }

    /// Whether the statement was delivered or rejected.
    func isHandled(_ id: UUID) -> Bool {
        delivered.contains(id) || rejections[id] != nil
    }

    /// Rejections, oldest first.
    var rejectionList: [Rejection] {
        rejections.values.sorted { ($0.at, $0.id) < ($1.at, $1.id) }
    }

    /// Records deliveries durably. Ids that are not lowercase UUIDs are refused.
    func appendDelivered(_ ids: [String], at time: Date, in folder: SafeDirectory) throws(RecordFileError) {
        var uuids: [UUID] = []
        var text = Data()
        for id in ids {
            guard let uuid = StatementLine.uuid(id) else {
                throw .writeFailed(path: folder.pathOf(Self.sentName), reason: "\"\(StatementLine.shown(id))\" is not a statement id")
            }
            uuids.append(uuid)
            text += Self.encode(SentLine(at: time, id: id))
        }
        guard !uuids.isEmpty else { return }
        try append(text, to: Self.sentName, in: folder)
        for uuid in uuids {
            delivered.insert(uuid)
            rejections[uuid] = nil
        }
    }

    /// Records a rejection durably; a reason longer than 1000 characters is shortened.
    func appendRejected(_ id: String, status: Int, reason: String, at time: Date, in folder: SafeDirectory) throws(RecordFileError) {
        guard let uuid = StatementLine.uuid(id) else {
            throw .writeFailed(path: folder.pathOf(Self.rejectedName), reason: "\"\(StatementLine.shown(id))\" is not a statement id")
        }
        let kept = reason.count > Self.maximumReasonLength ? String(reason.prefix(Self.maximumReasonLength)) + "…" : reason
        try append(Self.encode(RejectedLine(at: time, id: id, reason: kept, status: status)), to: Self.rejectedName, in: folder)
        if !delivered.contains(uuid) {
            rejections[uuid] = Rejection(id: id, status: status, reason: kept, at: time)
        }
    }

    private func append(_ lines: Data, to name: String, in folder: SafeDirectory) throws(RecordFileError) {
        let existed = try folder.kind(of: name) != nil
        let file = try folder.openForWriting(name, append: true)
        // A torn last line from a crash is cut off, so the new line starts a line of its own.
        if let reader = try folder.openForReading(name) {
            let complete = try reader.endOfLastLine()
            if complete < (try reader.status().size) { try file.truncate(to: complete) }
        }
        try file.write(lines)
        try file.sync()
        if !existed { folder.sync() }
    }

    private func read(_ folder: SafeDirectory, _ name: String, _ parse: (Data) throws -> String?) throws(RecordFileError) {
        guard let file = try folder.openForReading(name) else { return }
        let path = folder.pathOf(name)
        try LineFileReader.read(file, maximumLength: Self.maximumLineLength) { event in
            switch event {
            case let .line(data, number, _):
                do {
                    if let problem = try parse(data) { damaged.append(DamagedLine(file: path, line: number, reason: problem)) }
                } catch {
                    damaged.append(DamagedLine(file: path, line: number, reason: "not a mark Kursus wrote"))
                }
            case let .overlong(number, _, _):
                damaged.append(DamagedLine(file: path, line: number, reason: "longer than 64 KiB"))
            }
            return true
        }
    }

    private static func encode<T: Encodable>(_ value: T) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // Encoding these plain structs cannot fail; an empty line would be skipped as damaged.
        return ((try? encoder.encode(value)) ?? Data()) + Data([0x0A])
    }
}

/// A statement the LRS refused for good, with its answer.
public struct Rejection: Hashable, Sendable {
    public var id: String
    public var status: Int
    public var reason: String
    public var at: Date

    public init(id: String, status: Int, reason: String, at: Date) {
        self.id = id
        self.status = status
        self.reason = reason
        self.at = at
    }
}
